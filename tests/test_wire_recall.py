"""Event types on short wire-style sentences (issue #13): help sent as police, rescuers or planes, gifts named in a
"with" phrase, acts done jointly, the other side of a hailed deal, and headlines the language check must let
through. Each class has sentences that must code and sentences that must not, through the real parser and actor
resolution. Authored for these tests; no evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.events.patterns import load_patterns
from dotterel.nlp import parse
from dotterel.pipeline import Analyzer
from dotterel.sources.normalize import is_english

from coded import Coded, coded_events, expected_events

CASES: list[tuple[str, list[Coded]]] = [
    # police, rescue or medical teams and planes sent to another state are help (AID) ...
    ("Rwanda dispatched police to Mozambique last year.", [("AID", ["RWA"], ["MOZ"], "asserted")]),
    ("Italy sent water bombers to Albania.", [("AID", ["ITA"], ["ALB"], "asserted")]),
    ("Japan flew a medical team to Turkey.", [("AID", ["JPN"], ["TUR"], "asserted")]),
    # ... sent at home, or to no state, they help no one
    ("The interior ministry deployed riot police in the capital.", []),
    ("Police officers were sent to the football ground.", []),
    # the receiver as the object and the gift in a "with" phrase
    ("Russia supplied Syria with fighter jets.", [("AID", ["RUS"], ["SYR"], "asserted")]),
    ("Britain provided Estonia with artillery shells.", [("AID", ["GBR"], ["EST"], "asserted")]),
    ("The council supplied local schools with laptops.", []),
    ("The company furnished Airbus with wings.", []),
    # what two parties do jointly is cooperation, not a blow or a meeting
    ("Chadian and Nigerien soldiers jointly patrolled the lake shore.", [("COOPERATE", ["NER", "TCD"], [], "asserted")]),
    ("Laos built the dam jointly with Thailand.", [("COOPERATE", ["LAO"], ["THA"], "asserted")]),
    ("Nigerien and Chadian soldiers patrolled the lake shore.", []),
    ("Rebels and soldiers fought together against the militia.", [("ASSAULT", [], [], "asserted")]),
    # keeping a border closed goes on closing it; keeping a building closed acts on no one
    ("Chad kept its frontier with Libya shut.", [("SANCTION", ["TCD"], ["LBY"], "asserted")]),
    ("The city kept the library closed.", []),
    # soldiers guarding another state's rulers or convoys help that state; guarding their own helps no one
    ("Burundian soldiers guarded the president of Somalia.", [("AID", ["BDI"], ["SOM"], "asserted")]),
    ("Kenyan soldiers guarded the Kenyan parliament.", []),
    # a strike staged by workers stops work (PROTEST); one staged by soldiers is a blow; a sit-in is a protest
    ("Zambian nurses staged a strike on Tuesday.", [("PROTEST", ["ZMB"], ["ZMB"], "asserted")]),
    ("Syrian jets staged a strike on Idlib.", [("ASSAULT", ["SYR"], ["SYR"], "asserted")]),
    ("Miners staged a sit-in at the mine in Bolivia.", [("PROTEST", ["BOL"], ["BOL"], "asserted")]),
    ("Chilean students began a march on Monday in Santiago.", [("PROTEST", ["CHL"], ["CHL"], "asserted")]),
    # silencing broadcasters coerces them
    ("Guinea suspended two Senegalese broadcasters.", [("COERCE", ["GIN"], ["SEN"], "asserted")]),
    # an agreement or talks with no doer named, "between" two parties: both sides act; one side alone is no pair
    ("A trade accord was signed between Ghana and Togo.", [("SUPPORT", ["GHA", "TGO"], [], "asserted")]),
    ("Talks were held between Bolivia and Paraguay in Asuncion.", [("CONSULT", ["BOL", "PRY"], [], "asserted")]),
    ("A mining deal was signed between Ghana and Newmont.", []),
    # holding up a state's bid refuses it; suspending its membership shuts it out (an acronym is no French "au")
    ("Greece delayed North Macedonia's EU bid.", [("REJECT", ["GRC"], ["EU", "MKD"], "asserted")]),
    ("The AU suspended Gabon's membership.", [("SANCTION", ["AU"], ["GAB"], "asserted")]),
    ("The club suspended its membership fees.", []),
    # verbal retorts and reproaches: ACCUSE; hitting back with strikes stays a blow
    ("Quito hit back at Bogota over the comments.", [("ACCUSE", ["ECU"], ["COL"], "asserted")]),
    ("Israel hit back at Hezbollah with air strikes.", [("ASSAULT", ["ISR"], ["LBN"], "asserted")]),
    ("Latvia reprimanded the Russian envoy.", [("ACCUSE", ["LVA"], ["RUS"], "asserted")]),
    ("Canada took issue with India's visa curbs.", [("ACCUSE", ["CAN"], ["IND"], "asserted")]),
    # the other side of a deal someone hails is the one praised
    ("Sudan hailed the truce with South Sudan.", [("SUPPORT", ["SDN"], ["SSD"], "asserted")]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_wire_sentence_codes_its_event(analyzer: Analyzer, text: str, expected: list[Coded]) -> None:
    assert coded_events(analyzer, text) == expected_events(expected)


@pytest.mark.parametrize("text", ["Gunmen kill 12 in al-Shabaab raid.", "Two soldiers die as rebels attack.",
                                  "Kenyan police do patrols per week near Garissa.", "The AU met in Addis Ababa."])
def test_a_headline_with_english_homographs_is_english(text: str) -> None:
    assert is_english(text)


@pytest.mark.parametrize("text", ["Die Regierung hat das Gesetz beschlossen.", "El gobierno anunció la reforma.",
                                  "Le gouvernement a annoncé une réforme."])
def test_foreign_text_is_still_refused(text: str) -> None:
    assert not is_english(text)


def test_a_month_names_no_march() -> None:
    """"will begin trading March 3": the date, not a protest march, though the noun is the same word."""
    ps = load_patterns()
    month = next(t for t in parse("Talks between Chile and Peru begin March 3.") if t.text == "March")
    march = next(t for t in parse("Students in Lima began a march.") if t.text == "march")
    assert ps.noun_trigger(month) is None
    hit = ps.noun_trigger(march)
    assert hit is not None and hit[0].type == "PROTEST"
