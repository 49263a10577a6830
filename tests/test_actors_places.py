"""Places inside other names and envoys' hosts: authored sentences, parsed once per module."""

from __future__ import annotations

import pytest

from dotterel import nlp
from dotterel.actors import resolve_actors
from dotterel.findings import ActorIndex


def _codes(text: str) -> dict[str, tuple[str | None, str | None]]:
    index: ActorIndex = resolve_actors(nlp.load()(text), None)
    return {m.text: (m.code, m.sector) for m in index.mentions}


@pytest.mark.parametrize("text, place", [
    ("Two ranchers from New Mexico sued the water board on Thursday.", "New Mexico"),
    ("Voters in New Jersey rejected the bond measure.", "New Jersey"),
    ("An Arizona senator questioned the budget.", "Arizona"),
])
def test_us_state_is_usa_not_the_namesake_abroad(text: str, place: str) -> None:
    codes = _codes(text)
    assert [c for t, (c, _) in codes.items() if place in t] == ["USA"], codes
    assert "MEX" not in {c for c, _ in codes.values()} and "JEY" not in {c for c, _ in codes.values()}


@pytest.mark.parametrize("text, word", [
    ("A tanker caught fire in the Red Sea overnight.", "Red Sea"),
    ("Patrol boats crossed the South China Sea in convoy.", "China"),
    ("Storms closed ports along the Gulf of Mexico.", "Mexico"),
    ("Shares of North American miners fell.", "American"),
])
def test_seas_and_continents_are_no_state(text: str, word: str) -> None:
    codes = _codes(text)
    assert not any(word in t for t in codes), codes


def test_envoy_to_a_state_is_of_the_sending_state() -> None:
    codes = _codes("The Danish envoy to Peking Carl Holm protested to Japan.")
    assert codes["Carl Holm"] == ("DNK", "GOV")


def test_envoy_with_no_sending_state_stays_uncoded() -> None:
    codes = _codes("The envoy to Peking Carl Holm protested to Japan.")
    assert codes["Carl Holm"] == (None, None)


def _dated(text: str, day: str) -> dict[str, tuple[str | None, str | None]]:
    import datetime as dt
    index: ActorIndex = resolve_actors(nlp.load()(text), dt.date.fromisoformat(day))
    return {m.text: (m.code, m.sector) for m in index.mentions}


def test_leaders_administration_is_their_state_and_the_later_administration_too() -> None:
    codes = _dated("Pravda said the plan would not help the Reagan administration. A Soviet writer said "
                   "the administration had miscalculated.", "1986-03-01")
    assert codes["the Reagan administration"] == ("USA", "GOV")
    assert codes["the administration"] == ("USA", "GOV")


def test_administration_of_a_leader_out_of_office_borrows_no_state() -> None:
    codes = _dated("Radio Moscow mocked the Trump administration on Monday.", "1986-03-01")
    assert not any("administration" in t for t in codes), codes


@pytest.mark.parametrize("text, holder", [
    ("Hong Kong Chief Executive John Chan said the bill would be withdrawn.", "Hong Kong Chief Executive John Chan"),
    ("The chief executive of Hong Kong rejected the petition.", "The chief executive of Hong Kong"),
])
def test_chief_executive_of_a_state_is_government(text: str, holder: str) -> None:
    assert _codes(text)[holder] == ("HKG", "GOV")


def test_chief_executive_with_a_nationality_stays_business() -> None:
    codes = _codes("A South Korean chief executive said he would resign.")
    assert codes["A South Korean chief executive"] == ("KOR", "BUS")


def test_region_inside_an_organisation_name_is_no_place() -> None:
    codes = _codes("The New York Times reported that voters in Ohio were divided.")
    assert not any("New York" in t for t in codes), codes
    assert codes["Ohio"] == ("USA", None)


def test_the_administration_is_of_the_acting_subject_not_the_state_acted_on() -> None:
    codes = _dated("The Senate voted to cut aid to Bolivia. The bill, which the administration opposes, "
                   "now goes to the House.", "1990-05-01")
    assert codes["the administration"] == ("USA", "GOV")


@pytest.mark.parametrize("text, body, code", [
    ("Canadian officials said easing sanctions on Belarus would reward the regime.", "the regime", "BLR"),
    ("Gambia and Guinea opened a new road, the energy ministry in Conakry said.", "the energy ministry", "GIN"),
])
def test_a_body_in_the_sentence_of_the_acting_state_is_not_borrowed_from_it(text: str, body: str, code: str) -> None:
    assert _dated(text, "2020-01-01")[body][0] == code


def test_a_place_name_that_is_a_persons_surname_is_that_person() -> None:
    # after a courtesy title or an office, or alone after the person was named in full
    index = resolve_actors(nlp.load()("Mr Holland, the club's manager, said the team would fly out. "
                                      "Senator Jordan voted against the bill. Dara Amman was arrested in Leeds. "
                                      "Amman had left a note. His lawyer flew to Amman on Friday."), None)
    got = [(m.text, m.code, m.kind) for m in index.mentions if m.text in ("Holland", "Jordan", "Amman")]
    assert ("Holland", "NLD", "state") not in got and ("Jordan", "JOR", "state") not in got
    # the surname alone is the person; after "to" it is the city again
    assert [g for g in got if g[0] == "Amman"] == [("Amman", None, "person"), ("Amman", "JOR", "state")]


def test_a_country_name_stays_the_country_with_no_such_person_around() -> None:
    codes = _codes("Holland beat Spain in the final. Officials in Amman welcomed the result.")
    assert codes["Holland"][0] == "NLD" and codes["Amman"][0] == "JOR"


def test_one_person_named_with_and_without_an_initial_is_still_named_again_by_surname() -> None:
    from dotterel.actors.drafts import same_person

    assert same_person("Anna K. Berg", "Anna Berg") and not same_person("Saddam Hussein", "King Hussein")
    index = resolve_actors(nlp.load()("Anna K. Berg chaired the panel. Later Anna Berg spoke to the press. "
                                      "Berg said the vote was fair."), None)
    assert [m.name for m in index.mentions if m.text == "Berg"] == ["Anna Berg"]
