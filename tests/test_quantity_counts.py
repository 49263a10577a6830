"""What a quantity counts (`counts`: the predicate its phrase is an argument of) and the event link that
goes through it, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dotterel.pipeline import Analyzer

from quantity_helpers import analyse, quantity


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


COUNTS = [
    # subject of a passive verb, object of a verb
    ("Nine soldiers were killed near the border on Monday.", "Nine soldiers", "killed"),
    ("The militia killed nine guards at the depot.", "nine guards", "killed"),
    # a participle clause
    ("Gunmen stormed a hotel in the capital, killing 14.", "14", "killing"),
    # a result verb with an adjective: the adjective is the happening
    ("The explosion left 14 dead in the market.", "14", "dead"),
    ("The blast left 23 people dead.", "23 people", "dead"),
    # a predicative adjective
    ("Officials said 37 were dead.", "37", "dead"),
    # a participle after the counted noun
    ("The battle ended with 80 fighters killed.", "80 fighters", "killed"),
    # a toll: the happening it counts
    ("Officials gave a death toll of 31 after the landslide.", "31", "death"),
    ("The death toll rose to 48 on Sunday.", "48", "death"),
    # an event noun with "of"
    ("The union mourned the deaths of 14 miners.", "14 miners", "deaths"),
    ("The board announced a cut of 4 pct in fares.", "4 pct", "cut"),
    ("A protest by hundreds of nurses blocked the road.", "hundreds of nurses", "protest"),
    # a measure on an event noun
    ("The bank approved a $40 million loan to the utility.", "$40 million", "loan"),
    ("After six weeks of talks the envoys signed a deal.", "six weeks", "talks"),
    ("The raid ended more than a week-long truce.", "more than a week", "truce"),
    # verbs of change, tallies, offers
    ("Exports rose 12 pct in March.", "12 pct", "rose"),
    ("The assembly voted 71 to 9 for the bill.", "71", "voted"),
    ("The ministry offered a reward of $50,000 for information.", "$50,000", "offered"),
    # a duration on an event noun through a verb of duration
    ("The strike has lasted nine days.", "nine days", "strike"),
    # the event noun a result verb's subject names
    ("The raid caused no casualties.", "no casualties", "raid"),
    # the instrument serves the event noun it describes
    ("The rebels carried out the raid using six drones.", "six drones", "raid"),
    # a size verb describes its noun: the noun's happening
    ("Russia deployed troops numbering 4,000 to the Belarusian border.", "4,000", "deployed"),
    # an estimate gives the size of the crowd that acts
    ("What police estimated at 40,000 people marched through the capital.", "40,000 people", "marched"),
    ("A crowd estimated at 40,000 marched through the capital.", "40,000", "marched"),
    ("The frost caused a loss estimated at 300 tonnes.", "300 tonnes", "loss"),
    # a phrasal verb keeps its particle
    ("The exporters racked up $9 billion in sales.", "$9 billion", "racked up"),
]


@pytest.mark.parametrize("text, number, counts", COUNTS)
def test_a_quantity_names_the_happening_it_counts(analyzer: Analyzer, text: str, number: str, counts: str) -> None:
    doc = analyse(analyzer, text)
    q = quantity(doc, number)
    assert q.counts is not None
    assert q.counts.text == counts
    assert doc.text[q.counts.span[0]:q.counts.span[1]] == counts


def test_a_copula_counts_no_happening(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The inflation rate is 7 pct.")
    assert quantity(doc, "7 pct").counts is None


def test_conjoined_verbs_of_one_subject_are_one_act(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Gunmen killed five guards and wounded 30 visitors at the shrine.")
    wounded = quantity(doc, "30 visitors")
    assert wounded.counts is not None and wounded.counts.text == "wounded"
    killing = next(e for e in doc.events if e.trigger.text == "killed")
    assert wounded.event == killing.id == quantity(doc, "five guards").event
    assert killing.fatalities is not None and killing.fatalities.best == 5
    assert killing.injured is not None and killing.injured.best == 30


def test_votes_are_no_count_of_what_the_voted_measure_does(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The senate voted 61 to 30 for a resolution that condemned the blockade.")
    assert any(e.trigger.text == "condemned" for e in doc.events)
    for number in ("61", "30"):
        q = quantity(doc, number)
        assert q.counts is not None and q.counts.text == "voted"
        assert q.event is None


def test_a_toll_is_no_count_of_a_retreat_in_its_sentence(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The garrison withdrew from the fort, leaving 40 soldiers killed.")
    retreat = next(e for e in doc.events if e.trigger.text == "withdrew")
    q = quantity(doc, "40 soldiers")
    assert q.counts is not None and q.counts.text == "killed"
    assert q.event is None and retreat.fatalities is None


def test_a_toll_whose_happening_is_no_event_joins_the_attack_of_its_sentence(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Rebels attacked the convoy and 12 drivers died.")
    attack = next(e for e in doc.events if e.trigger.text == "attacked")
    q = quantity(doc, "12 drivers")
    assert q.counts is not None and q.counts.text == "died"
    assert q.event == attack.id and attack.fatalities is not None and attack.fatalities.best == 12


def test_an_instrument_of_a_carried_out_raid_belongs_to_the_raid(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The rebels carried out the raid using six drones.")
    (raid,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert quantity(doc, "six drones").event == raid.id


def test_counts_is_in_the_json_contract(analyzer: Analyzer) -> None:
    import json

    import msgspec

    record = json.loads(msgspec.json.encode(analyse(analyzer, "Exports rose 12 pct in March.")))
    (q,) = record["quantities"]
    assert q["counts"] == {"text": "rose", "span": [8, 12]}


def test_a_participle_toll_belongs_to_the_act_it_follows_not_to_a_later_conjunct(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Police opened fire on the crowd, killing two students and arresting 15.")
    fire = next(e for e in doc.events if e.trigger.text == "opened")
    arrest = next(e for e in doc.events if e.trigger.text == "arresting")
    assert quantity(doc, "two students").event == fire.id
    assert fire.fatalities is not None and fire.fatalities.best == 2 and arrest.fatalities is None


def test_a_crowd_that_sets_out_to_protest_counts_the_protest(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Thousands of miners took to the streets to protest against the closures.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    q = quantity(doc, "Thousands of miners")
    assert q.counts is not None and q.counts.text == "took"
    assert q.event == protest.id


def test_a_part_of_a_toll_is_no_second_toll(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The shelling killed 11 people, including three nurses.")
    (ev,) = doc.events
    part = quantity(doc, "three nurses")
    assert part.counts is not None and part.counts.text == "killed"
    assert ev.fatalities is not None and ev.fatalities.best == 11


def test_deaths_that_prompted_an_act_are_no_toll_of_it(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "The army reimposed a curfew in the city after the shooting deaths of two guards.")
    curfew = next(e for e in doc.events if e.trigger.text == "reimposed")
    q = quantity(doc, "two guards")
    assert q.counts is not None and q.counts.text == "deaths"
    assert q.event is None and curfew.fatalities is None


def test_a_list_of_counts_closed_by_one_participle_is_one_toll(analyzer: Analyzer) -> None:
    doc = analyse(analyzer, "Rebels stormed the base on Sunday, with officials reporting 12 soldiers, 3 civilians "
                            "and 4 rebels killed.")
    attack = next(e for e in doc.events if e.trigger.text == "stormed")
    for number in ("12 soldiers", "3 civilians", "4 rebels"):
        q = quantity(doc, number)
        assert q.counts is not None and q.counts.text == "killed"
        assert q.event == attack.id
    assert attack.fatalities is not None and attack.fatalities.best == 19
