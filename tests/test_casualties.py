"""Quantities linked to the event they count, and the ACLED-style casualty figures read from them
(DESIGN.md "Casualty fields"), on sentences written for these tests."""

from __future__ import annotations

import pytest

from dotterel.casualties import is_vague, reading
from dotterel.model import Document, Event, Quantity
from dotterel.pipeline import Analyzer

from quantity_helpers import analyse, quantity


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def event_at(doc: Document, trigger: str) -> Event:
    return next(e for e in doc.events if e.trigger.text == trigger)


# --- which event a number counts, by class ------------------------------------------------------------

LINKS = [
    # a count as the object of the trigger
    ("Rebel fighters killed 14 villagers near Kidal on Tuesday.", "14 villagers", "killed"),
    # as the subject of a passive trigger
    ("Fourteen villagers were killed by rebel fighters near Kidal.", "Fourteen villagers", "killed"),
    # in a relative clause on the event's clause ("the attack, which killed 12")
    ("The army shelled the market, which killed 9 traders.", "9 traders", "shelled"),
    # a size on the deployed troops ("troops numbering 3,000")
    ("Russia deployed troops numbering 4,000 to the Belarusian border.", "4,000", "deployed"),
    # the governing trigger, not the nearest, in a sentence with two events
    ("Government forces shelled the town and killed 20 civilians, while the United Nations sent 300 "
     "peacekeepers.", "300 peacekeepers", "sent"),
    # an arrest count on the arrest
    ("Police arrested 45 demonstrators in Minsk after the march.", "45 demonstrators", "arrested"),
    # a toll in the sentence after the attack
    ("Militants attacked a police post in Kandahar. Six officers died and eleven were hurt.", "Six officers",
     "attacked"),
]


@pytest.mark.parametrize("text, number, trigger", LINKS)
def test_a_number_links_to_the_event_it_counts(analyzer: Analyzer, text: str, number: str, trigger: str) -> None:
    doc = analyse(analyzer, text)
    q = quantity(doc, number)
    ev = event_at(doc, trigger)
    assert q.event == ev.id
    assert q.id in ev.quantities


def test_a_death_toll_is_no_count_of_a_call_for_calm(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Six protesters died in the clashes, and the United Nations called for calm.")
    assert event_at(doc, "called").type == "REQUEST"
    assert quantity(doc, "Six protesters").event is None


def test_a_toll_reaches_back_only_two_sentences(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Rebels stormed the prison at dawn. The minister visited Paris. He met the French "
                            "president there. Four inmates were killed.")
    assert quantity(doc, "Four inmates").event is None


# --- casualty figures as a user checks them ------------------------------------------------------------

def test_killed_and_at_least_wounded(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The bombing killed three people and wounded at least ten, according to police.")
    ev = event_at(doc, "killed")
    assert ev.fatalities is not None and ev.injured is not None
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (3, 3, 3)
    assert (ev.injured.low, ev.injured.best, ev.injured.high) == (10, 10, None)
    assert ev.fatalities.source == "police" and ev.injured.source == "police"
    assert ev.fatalities.quantities == [quantity(doc, "three people").id]


def test_victims_on_one_verb_add_up_and_the_author_is_no_source(analyzer: Analyzer) -> None:
    ev = event_at(analyse(analyzer, "Gunmen killed 4 soldiers and 2 civilians in an ambush near Gao."), "killed")
    assert ev.fatalities is not None
    assert (ev.fatalities.best, ev.fatalities.source) == (6, None)
    assert ev.injured is None


def test_a_vague_toll_has_no_best_figure(analyzer: Analyzer) -> None:
    ev = event_at(analyse(analyzer, "Shelling by the army killed dozens of villagers, the governor said."), "killed")
    assert ev.fatalities is not None
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.source) == (12, None, "governor")


def test_a_range_and_an_upper_bound(analyzer: Analyzer) -> None:
    ev = event_at(analyse(analyzer, "Rebels shelled the town, killing between 5 and 8 people."), "shelled")
    assert ev.fatalities is not None
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (5, 5, 8)
    ev = event_at(analyse(analyzer, "Troops fired on the crowd, killing up to 15 demonstrators."), "fired")
    assert ev.fatalities is not None
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (None, 15, 15)


def test_when_sources_disagree_the_first_named_gives_the_figure(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Airstrikes killed about 30 fighters, the monitor said, while the government said "
                            "12 died.")
    fat = event_at(doc, "killed").fatalities
    assert fat is not None
    assert (fat.best, fat.source) == (30, "monitor")
    assert [(o.best, o.source) for o in fat.others] == [(12, "government")]


def test_a_toll_in_the_next_sentence_counts_for_the_attack(analyzer: Analyzer) -> None:
    ev = event_at(analyse(analyzer, "Militants attacked a police post in Kandahar. Six officers died and eleven "
                                    "were hurt."), "attacked")
    assert ev.fatalities is not None and ev.injured is not None
    assert (ev.fatalities.best, ev.injured.best) == (6, 11)


def test_killing_a_named_person_is_one_fatality(analyzer: Analyzer) -> None:
    ev = event_at(analyse(analyzer, "Gunmen killed the mayor of Kidal, Moussa Diallo, on Friday."), "killed")
    assert ev.fatalities is not None
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (1, 1, 1)


def test_a_feared_toll_is_no_figure(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Government troops besieged the city, and aid groups warned that it could kill "
                            "thousands of residents.")
    feared = quantity(doc, "thousands")
    assert feared.projected and feared.event == event_at(doc, "besieged").id
    assert all(e.fatalities is None for e in doc.events)


def q(text: str, value: float, bound: str, low: float | None = None, high: float | None = None) -> Quantity:
    return Quantity(id="q1", text=text, value=value, unit="people", role="killed", bound=bound,  # type: ignore[arg-type]
                    low=low, high=high, projected=False, event="e1", span=(0, len(text)))


@pytest.mark.parametrize("text, value, bound, low, high, expected", [
    ("12 people", 12, "exact", None, None, (12, 12, 12)),
    ("at least 20", 20, "lower", 20, None, (20, 20, None)),
    ("more than 40", 40, "lower", 40, None, (40, 40, None)),
    ("about 30", 30, "approx", None, None, (None, 30, None)),
    ("as many as 30", 30, "upper", None, 30, (None, 30, 30)),
    ("between 3,000 and 4,000", 3000, "range", 3000, 4000, (3000, 3000, 4000)),
    ("tens of people", 10, "lower", 10, None, (10, None, None)),
    ("hundreds", 100, "lower", 100, None, (100, None, None)),
    ("thousands of people", 1000, "lower", 1000, None, (1000, None, None)),
    ("several soldiers", 3, "approx", None, None, (3, None, None)),
])
def test_reading_one_figure(text: str, value: float, bound: str, low: float | None, high: float | None,
                            expected: tuple[int | None, int | None, int | None]) -> None:
    assert reading(q(text, value, bound, low, high)) == expected


def test_digits_are_never_vague() -> None:
    assert not is_vague("300 hundreds")
    assert is_vague("a few")


def test_a_toll_with_its_own_doer_does_not_reach_back(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Rebels attacked the border post on Monday. A cyclone, which killed 200 people last "
                            "spring, had already wrecked its walls.")
    assert event_at(doc, "attacked").type == "ASSAULT"
    assert quantity(doc, "200 people").event is None
    assert event_at(doc, "attacked").fatalities is None


def test_the_link_rules_name_known_event_types() -> None:
    from dotterel.assemble import link_rules

    rules = link_rules()
    assert "ASSAULT" in rules["killed"].types and rules["killed"].reach == 2
    assert "REQUEST" not in rules["wounded"].types


def test_a_killed_or_wounded_total_is_neither_field(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Rebels killed or wounded more than 300 recruits near the river, the ministry said.")
    ev = event_at(doc, "killed")
    assert quantity(doc, "300").event == ev.id
    assert ev.fatalities is None and ev.injured is None


def test_no_casualties_is_zero_not_null(analyzer: Analyzer) -> None:
    ev = event_at(analyse(analyzer, "Rebels shelled the base overnight but there were no casualties, the army said."),
                  "shelled")
    assert ev.fatalities is not None and ev.injured is not None
    assert (ev.fatalities.best, ev.injured.best, ev.fatalities.source) == (0, 0, "army")
    ev = event_at(analyse(analyzer, "Gunmen attacked the convoy; no one was killed."), "attacked")
    assert ev.fatalities is not None and (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (0, 0, 0)
    assert ev.injured is None  # nothing said about the wounded
    ev = event_at(analyse(analyzer, "Troops fired on the crowd, but nobody was hurt."), "fired")
    assert ev.fatalities is None and ev.injured is not None and ev.injured.best == 0


def test_of_one_source_the_latest_toll_wins_and_other_sources_are_listed() -> None:
    from dotterel.casualties import Linked, casualties

    def killed(qid: str, value: float, source: str | None, sentence: int, bound: str = "exact") -> Linked:
        return Linked(Quantity(id=qid, text=f"{value:g} people", value=value, unit="people", role="killed",
                               bound=bound, low=None, high=None, projected=False, event="e1",  # type: ignore[arg-type]
                               span=(0, 1)), source, anchor=sentence * 10, sentence=sentence)

    figs = casualties([killed("q1", 12, "police", 0), killed("q2", 30, "medics", 1, "lower"),
                       killed("q3", 20, "police", 2)])
    fat = figs["fatalities"]
    assert fat is not None and figs["injured"] is None
    assert (fat.best, fat.source, fat.quantities) == (20, "police", ["q3"])  # police's later toll
    assert [(o.low, o.best, o.source) for o in fat.others] == [(30, 30, "medics")]
