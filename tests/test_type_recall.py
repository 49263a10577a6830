"""Recall rules of the coder on authored sentences: acts credited "for" a gerund, texts that act for their issuer,
acts asked for right after the object, talks barred, and the counterpart of an unaddressed act.

Each case is a must-fire or a must-not-fire sentence for one rule, through the real parser and actor
resolution: every event out as (type, actor codes, recipient codes, modality). Authored for these tests; no
evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.model import Event, SourceItem
from dotterel.pipeline import Analyzer

from coded import coded_events, expected_events

CASES = [
    # the act a party is praised or thanked for is done, by the party praised (suppression.credited_act,
    # arguments.inherited_subject); what one is condemned or accused of stays an allegation
    ("Canadian lawmakers praised Trudeau for retaliating against China over the tariffs.",
     [("SUPPORT", ["CAN"], ["CAN"], "asserted"), ("SANCTION", ["CAN"], ["CHN"], "asserted")]),
    ("The German chancellor thanked France for sending troops to Mali.",
     [("SUPPORT", ["DEU"], ["FRA"], "asserted"), ("AID", ["FRA"], ["MLI"], "asserted")]),
    ("Poland condemned Russia for attacking Ukraine.", [("ACCUSE", ["POL"], ["RUS"], "asserted")]),
    ("Pakistan accused India of shelling villages in Kashmir.", [("ACCUSE", ["PAK"], ["IND"], "asserted")]),
    ("The fans praised the coach for attacking the referee's decision.", []),
    # a decree or resolution acts for the issuer named before it (parties.text_author); a firm's directive or
    # an unowned statement names no party
    ("Under a Peruvian government decree ordering the miners to return to work, the mines reopened.",
     [("REQUEST", ["PER"], [], "asserted")]),
    ("A UN resolution calling for a ceasefire in Yemen was adopted on Monday.", [("REQUEST", ["UN"], [], "asserted")]),
    ("The company issued a directive ordering staff to return to the office.", []),
    ("A video statement calling for calm was posted online.", []),
    # the act asked for, parsed as a clause of purpose right after the object (frames.frame_fits)
    ("The Peruvian government ordered the miners to maintain minimum services.",
     [("REQUEST", ["PER"], [], "asserted")]),
    # barring talks refuses them (a REJECT); barring someone from them keeps that one out (COERCE)
    ("Kenya banned talks with the Somali rebels.", [("REJECT", ["KEN"], ["SOM"], "asserted")]),
    ("China blocked talks on the Security Council resolution.", [("REJECT", ["CHN"], ["UN"], "asserted")]),
    ("The Kenyan president barred the opposition from the talks.", [("COERCE", ["KEN"], ["KEN"], "asserted")]),
    ("The Kenyan police banned the opposition rally.", [("COERCE", ["KEN"], ["KEN"], "asserted")]),
    # an unaddressed verbal act goes to the foreign side its actor dealt with just before (events/counterpart.py)
    ("Japan praised the new South Korean trade policy. The Japanese minister also urged speedy action on car tariffs.",
     [("SUPPORT", ["JPN"], ["KOR"], "asserted"), ("REQUEST", ["JPN"], ["KOR"], "asserted")]),
    ("Japan and South Korea held talks in Seoul. Japan later called for a freeze on fishing quotas.",
     [("CONSULT", ["JPN", "KOR"], [], "asserted"), ("REQUEST", ["JPN"], ["KOR"], "asserted")]),
    # ... also the blows of a war and the penalties of a trade dispute (plover.csv `counterpart`)
    ("Iraqi jets bombed Iranian oil platforms on Monday. Iraqi warplanes also flew 40 sorties at the front.",
     [("ASSAULT", ["IRQ"], ["IRN"], "asserted"), ("ASSAULT", ["IRQ"], ["IRN"], "asserted")]),
    ("Washington imposed tariffs on Japanese chips last month. The United States imposed the tariffs to punish "
     "dumping.", [("SANCTION", ["USA"], ["JPN"], "asserted"), ("SANCTION", ["USA"], ["JPN"], "asserted")]),
    # ... not when the act has a target or an addressee of its own, named or not
    ("Kenyan troops attacked Somali positions on Monday. Kenyan police fired tear gas at protesters in Nairobi.",
     [("ASSAULT", ["KEN"], ["SOM"], "asserted"), ("ASSAULT", ["KEN"], ["KEN"], "asserted")]),
    ("Kenyan troops attacked Somali positions on Monday. Kenyan troops also attacked Ethiopian rebels near the border.",
     [("ASSAULT", ["KEN"], ["SOM"], "asserted"), ("ASSAULT", ["KEN"], ["ETH"], "asserted")]),
    ("Japan praised the new South Korean trade policy. The Japanese ministry ordered chipmakers to cut output.",
     [("SUPPORT", ["JPN"], ["KOR"], "asserted"), ("REQUEST", ["JPN"], [], "asserted")]),
    # ... not when the sentence is about a matter at home (another organ or person of the actor's country)
    ("Japan praised the new South Korean trade policy. Kishida, responding to a Diet committee, attacked the "
     "inquiry as a witch hunt.",
     [("SUPPORT", ["JPN"], ["KOR"], "asserted"), ("ACCUSE", ["JPN"], [], "asserted")]),
    ("Japan praised the new South Korean trade policy. The measure, which the Japanese government opposes, needs "
     "Diet approval.",
     [("SUPPORT", ["JPN"], ["KOR"], "asserted"), ("REJECT", ["JPN"], [], "asserted")]),
    # ... nor with no dealings told before
    ("The Chilean minister urged speedy action on pensions.", [("REQUEST", ["CHL"], [], "asserted")]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_type_recall(analyzer: Analyzer, text: str, expected: list) -> None:
    assert coded_events(analyzer, text) == expected_events(expected)



def _request(analyzer: Analyzer, text: str) -> Event:
    (event,) = [e for d in analyzer.analyze_many([SourceItem(text=text, id="t")]) for e in d.events
                if e.type == "REQUEST"]
    return event


def test_a_recipient_from_the_sentences_before_makes_the_event_less_sure(analyzer: Analyzer) -> None:
    inferred = _request(analyzer, "Japan praised the new South Korean trade policy. The Japanese minister urged "
                                  "speedy action on car tariffs.")
    alone = _request(analyzer, "The Japanese minister urged South Korea to act on car tariffs.")
    assert [r.code for r in inferred.recipient] == ["KOR"] == [r.code for r in alone.recipient]
    assert inferred.confidence < alone.confidence
