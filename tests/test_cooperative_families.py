"""Cooperative and yielding acts (COOPERATE, SUPPORT, CONCEDE), acts that stop, refused bids, state protests
and arms aid, on authored sentences.

Each case pins one rule of data/events/ (patterns.yaml, modality.yaml) through the real parser and actor
resolution: every event out as (type, actor codes, recipient codes, modality). Authored for these tests; no
evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.pipeline import Analyzer

from coded import coded_events, expected_events

CASES = [
    # joining a coalition, alliance or pact works with those in it (active and passive); a strike joined stays
    # a protest (light verb)
    ("Greece joined the coalition against Turkey on Monday.", [("COOPERATE", ["GRC"], ["TUR"], "asserted")]),
    ("Canada and Norway joined the alliance led by the United States.",
     [("COOPERATE", ["CAN", "NOR"], [], "asserted")]),
    ("The alliance, formed by Washington last month, was joined by Canada, Norway and Japan.",
     [("COOPERATE", ["CAN", "JPN", "NOR"], [], "asserted")]),
    ("Thousands of workers joined the strike in Madrid.", [("PROTEST", ["ESP"], ["ESP"], "asserted")]),
    ("The striker joined the football club in June.", []),
    # siding with a party takes its part; a party must be named
    ("Egypt sided with Sudan in the dispute over the dam.", [("SUPPORT", ["EGY"], ["SDN"], "asserted")]),
    ("The shop sided with its customers.", []),
    # reworking a contested measure where the sentence tells of strikes or protests yields to them; amending a
    # law for no such pressure is lawmaking
    ("The Spanish government decided to amend the labour law after weeks of strikes.",
     [("CONCEDE", ["ESP"], ["ESP"], "asserted")]),
    ("The Spanish government decided to amend the labour law to cut red tape.", []),
    # an act stopped or ceased is no longer done: not asserted as cooperation or attack
    ("Kenya stopped cooperating with Somalia.", [("COOPERATE", ["KEN"], ["SOM"], "negated")]),
    ("Kenya ceased to cooperate with Somalia.", [("COOPERATE", ["KEN"], ["SOM"], "negated")]),
    ("Kenya cooperates with Somalia.", [("COOPERATE", ["KEN"], ["SOM"], "asserted")]),
    ("Russian troops stopped shelling the town on Tuesday.", [("ASSAULT", ["RUS"], [], "negated")]),
    # a state opposing or vetoing another party's bid or application turns that party down; bids between firms
    # or at a tender are business
    ("Ghana opposed the Togolese bid to host the summit.", [("REJECT", ["GHA"], ["TGO"], "asserted")]),
    ("Chile vetoed Bolivia's application to join the trade bloc.", [("REJECT", ["CHL"], ["BOL"], "asserted")]),
    ("Nestle rejected the Kenyan firm's takeover bid.", []),
    ("The Kenyan government rejected all bids at the tender.", []),
    # a state protesting another's curbs or acts does so in words (ACCUSE); people protesting march (PROTEST)
    ("Kenya has also protested the Ugandan limitations on maize imports.",
     [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    ("Thousands of farmers protested the Kenyan quotas in Nairobi.", [("PROTEST", ["KEN"], ["KEN"], "asserted")]),
    # arms sold, shipped or delivered to a party are material aid (event nouns); a firm's
    # arms sales to shops are business, arms sales with no recipient no event
    ("Russian arms deliveries to Syria rose last year.", [("AID", ["RUS"], ["SYR"], "asserted")]),
    ("Washington approved a weapons shipment to Taiwan last year.", [("AID", ["USA"], ["TWN"], "asserted")]),
    ("The firm's arms sales to hunting shops rose by a third.", []),
    ("Arms sales rose sharply last year, the institute said.", []),
    # an act noun said of the copula's subject is that subject's act; a conjunct of the complement is not
    ("Russia is a major arms supplier to Syria.", [("AID", ["RUS"], ["SYR"], "asserted")]),
    ("The Kenyan town of Garissa is the site of the main army base and several clashes have been reported there.",
     []),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_cooperative_act_on_the_authored_sentence(analyzer: Analyzer, text: str,
                                                  expected: list[tuple[str, list[str], list[str], str]]) -> None:
    assert coded_events(analyzer, text) == expected_events(expected)
