"""The CAMEO/PLOVER conventions of events/conventions.py on hand-made mentions: who the recipient is when
the text leaves it unnamed, and when co-actors have none."""

from __future__ import annotations

from dotterel.events.conventions import acting_together, domestic, implied_recipients, town_is_no_recipient
from dotterel.findings import Mention
from dotterel.model import EntityKind


def m(code: str | None, sector: str | None = None, kind: EntityKind = "state", place: bool = False) -> Mention:
    return Mention(start=0, end=1, text=code or "people", code=code, sector=sector, kind=kind, name=code,
                   key=f"{kind}:{code}:{sector}", token_start=0, token_end=1, head=0, place=place)


def never() -> bool:
    raise AssertionError("the home-measure test is asked only when no earlier rule applies")


def test_violence_in_a_named_place_is_done_to_its_state() -> None:
    somalia = m("SOM")
    assert implied_recipients("ASSAULT", [m(None)], [], somalia, False, never) == [somalia]


def test_a_protest_with_no_target_is_aimed_at_the_actors_own_government() -> None:
    (home,) = implied_recipients("PROTEST", [m("DZA", "CVL")], [], None, False, never)
    assert (home.code, home.sector, home.kind) == ("DZA", "GOV", "state")


def test_a_concession_with_no_target_is_made_to_the_actors_own_country() -> None:
    (home,) = implied_recipients("CONCEDE", [m("NGA", "LAB")], [], None, False, never)
    assert (home.code, home.sector) == ("NGA", None)


def test_a_governments_measure_at_home_acts_on_its_own_country() -> None:
    (home,) = implied_recipients("COERCE", [m("THA", "GOV")], [], None, False, lambda: True)
    assert home.code == "THA"
    assert implied_recipients("MOBILIZE", [m("THA", "GOV")], [], None, False, lambda: False) == []


def test_a_states_organs_coercing_unnamed_people_act_on_their_own_country() -> None:
    (home,) = implied_recipients("COERCE", [m("EGY", "COP")], [], None, False, lambda: False)
    assert home.code == "EGY"
    # an army acts abroad as often as at home: no implied recipient
    assert implied_recipients("COERCE", [m("EGY", "MIL")], [], None, False, lambda: False) == []


def test_unnamed_people_acted_on_by_a_states_organs_are_that_states() -> None:
    (home,) = implied_recipients("COERCE", [m("EGY", "COP")], [m(None, "CVL", kind="group")], None, False, never)
    assert (home.code, home.sector) == ("EGY", "CVL")
    assert domestic("ASSAULT", [m("EGY", "COP")]) and not domestic("ASSAULT", [m("EGY", "GOV")])


def test_both_sides_of_a_clash_act_with_no_recipient() -> None:
    assert implied_recipients("ASSAULT", [m("ARM"), m("AZE")], [], m("AZE"), True, never) == []


def test_a_town_is_where_talks_happen_but_can_be_what_is_attacked() -> None:
    geneva = m("CHE", place=True)
    assert town_is_no_recipient("CONSULT", [geneva]) == []
    assert town_is_no_recipient("ASSAULT", [geneva]) == [geneva]


def test_co_actors_of_a_cooperative_act_have_no_recipient() -> None:
    armenia, azerbaijan = m("ARM"), m("AZE")
    assert acting_together("AGREE", [armenia, azerbaijan], [m("ARM", "GOV")]) == []
    # a domestic dyad is kept: Congress -> the president
    congress, president = m("USA", "LEG"), m("USA", "GOV")
    assert acting_together("ACCUSE", [congress], [president]) == [president]


def test_police_acting_on_one_culprit_act_on_no_one_by_default() -> None:
    police = [m("KEN", "COP")]
    assert implied_recipients("COERCE", police, [], None, False, lambda: False, one_culprit=True) == []
    assert implied_recipients("COERCE", police, [], None, False, lambda: False) != []


def test_culprits_are_wrongdoers_one_or_several_never_protesters() -> None:
    from dotterel import nlp
    from dotterel.events.conventions import culprit
    # one wrongdoer or several: the gold codes neither with the arresting state as recipient
    doc = nlp.load()("Officers in Nairobi detained the gunman, and later the suspects and some protesters.")
    assert culprit(doc[5]) and culprit(doc[10]) and not culprit(doc[13])
