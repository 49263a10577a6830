"""Material acts (ASSAULT, COERCE, PROTEST, SANCTION, ...) whose party the sentence leaves to the text around
it, through the real parser and actor resolution: each class has sentences that must code and sentences that
must not. Authored for these tests; no evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.pipeline import Analyzer

from coded import Coded, coded_events, expected_events

Event = Coded

CASES: list[tuple[str, list[Event]]] = [
    # a target an attack just struck, named again by a definite phrase or "it", was struck by the same war's
    # parties again ("the port was last raided in March")
    ("Iraqi jets bombed the Iranian port of Bandar Abbas on Monday. The port was last attacked in March.",
     [("ASSAULT", ["IRQ"], ["IRN"], "asserted"), ("ASSAULT", ["IRQ"], ["IRN"], "asserted")]),
    ("Syrian gunners shelled the Turkish depot at Akcakale. It was shelled again on Friday.",
     [("ASSAULT", ["SYR"], ["TUR"], "asserted"), ("ASSAULT", ["SYR"], ["TUR"], "asserted")]),
    # ... but not a thing no attack struck, nor one named again far from any attack
    ("Iraqi jets bombed the Iranian port of Bandar Abbas on Monday. The ship was attacked in March.",
     [("ASSAULT", ["IRQ"], ["IRN"], "asserted")]),
    ("Iraqi jets bombed the Iranian port of Bandar Abbas on Monday. Iraq's central bank raised rates. Chile "
     "voted. The port was attacked in March.", [("ASSAULT", ["IRQ"], ["IRN"], "asserted")]),
    # more victims with no side named are of the side the attack hit, while the story of the attack goes on
    # ("survived the attack"), in an article about no one state ...
    ("Yesterday, Kenya's interior minister was stabbed, according to officials. He survived the attack. He "
     "suffered two wounds in the attack, a doctor said. The local police chief and two others were also injured.",
     [("ASSAULT", [], ["KEN"], "asserted"), ("ASSAULT", [], ["KEN"], "asserted")]),
    # ... not once the story has moved on (an injury then may be an accident), nor for the attackers
    ("Yesterday, Kenya's interior minister was stabbed, according to officials. He met the president. He thanked "
     "the doctors. The local police chief and two others were also injured.",
     [("ASSAULT", [], ["KEN"], "asserted"), ("CONSULT", ["KEN"], ["KEN"], "asserted")]),
    # the participle on an act noun that tells who did it ("the attack, carried out by X", "a strike called by
    # the unions", "a bombing ascribed to X"), also where the parser hangs it on the verb after the noun
    ("Dozens died in the bombing, reportedly carried out by the Chadian rebels.",
     [("ASSAULT", ["TCD"], ["TCD"], "asserted")]),
    ("The bombing, claimed by Somali militants, killed nine.", [("ASSAULT", ["SOM"], [], "asserted")]),
    ("Hundreds were hurt in clashes during a general strike called by Ecuadorean unions.",
     [("PROTEST", ["ECU"], ["ECU"], "asserted")]),
    # ... but not one that only judges it
    ("The bombing, condemned by Chile, killed nine.", [("ASSAULT", [], [], "asserted")]),
    # people acting during a protest took part in it; the state's organs policing it did not
    ("Thousands of Bolivian teachers clashed with police during a march to demand higher pay.",
     [("ASSAULT", ["BOL"], [], "asserted"), ("PROTEST", ["BOL"], ["BOL"], "asserted")]),
    ("Bolivian police fired tear gas during a march to demand higher pay.", [("ASSAULT", ["BOL"], ["BOL"], "asserted")]),
    # a meeting naming no party of its own is the setting of the act done in it: who acts and who is acted on
    # (or two sides acting together) met; one side alone met no one, and a meeting with a named side stays
    # the act's detail
    ("In a phone call on Monday, the French president urged Kenya's president to hold elections.",
     [("CONSULT", ["FRA"], ["KEN"], "asserted"), ("REQUEST", ["FRA"], ["KEN"], "asserted")]),
    ("Chile and Peru agreed in talks on Monday to reopen the border.",
     [("AGREE", ["CHL", "PER"], [], "asserted"), ("CONSULT", ["CHL", "PER"], [], "asserted")]),
    ("The Kenyan minister said after the meeting that tariffs would fall.", []),
    ("Kenya agreed in talks with France to cut tariffs.", [("AGREE", ["KEN"], [], "asserted")]),
    # a passive clause of the same type telling how a coded act happened is that act, whose doer it names
    ("Two soldiers were killed after being ambushed by Somali militants near the Kenyan border.",
     [("ASSAULT", ["SOM"], [], "asserted")]),
    # ... but a clause with a doer of its own is an act of its own
    ("Kenyan police fired tear gas after protesters threw stones at them.",
     [("ASSAULT", ["KEN"], ["KEN"], "asserted"), ("ASSAULT", ["KEN"], [], "asserted")]),
    # a passive conjunct whose subject the parser left on the verb before it undergoes the act: victims of the
    # attack just told, and in a crash story no one's act
    ("Somali gunmen stormed a hotel in Nairobi. Six guests died and twelve more were injured.",
     [("ASSAULT", ["SOM"], ["KEN"], "asserted"), ("ASSAULT", [], ["KEN"], "asserted")]),
    ("An Indian passenger jet overshot the runway at Calicut and broke into two pieces. At least a dozen people lost "
     "their lives and scores more were injured.", []),
    # "that event" after a disaster does no one's deed
    ("The volcano on La Palma erupted in 1971. That event destroyed at least 300 homes and killed one man.", []),
    # animals and diseases are no one's victims; fighting corruption or a virus is no battle
    ("The ministers were mocked for killing animals and eating meat in public.", []),
    ("The Kenyan government fought against corruption for years.", []),
    ("Chilean doctors battled against the virus in Santiago.", []),
    ("Kenyan rebels killed twelve villagers and their cattle.", [("ASSAULT", ["KEN"], ["KEN"], "asserted")]),
    # a thing "on fire" burns, no one fires on it; workers "on strike" protest
    ("There are 33 people on board the Greek vessel that's on fire.", []),
    ("Kenyan dockers are on strike in Mombasa.", [("PROTEST", ["KEN"], ["KEN"], "asserted")]),
    # an attack beaten off was aimed at the one beating it off; a thwarted plot is no attack
    ("Iraq said it had repelled an attack near Basra.", [("ASSAULT", [], ["IRQ"], "asserted")]),
    ("The Iraqi army beat back the latest Iranian attacks near Basra.", [("ASSAULT", ["IRN"], ["IRQ"], "asserted")]),
    ("Police in Kenya thwarted a bomb attack on a church.", []),
    # measures are a sanction only when aimed at another state; a state's own austerity or lockdown is none
    ("Canada announced retaliatory measures against Chinese steel.", [("SANCTION", ["CAN"], ["CHN"], "asserted")]),
    ("Brazil announced new austerity measures to cut its deficit.", []),
    ("The Serbian government announced new lockdown measures on Monday.", []),
    # retaliating in a sentence about trade is a sanction; against an attack it is a blow
    ("Brazil retaliated against Mexico over its new steel import quotas.", [("SANCTION", ["BRA"], ["MEX"], "asserted")]),
    ("Israel retaliated against Hamas for the rocket attack.", [("ASSAULT", ["ISR"], ["PSE"], "asserted")]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_material_act_codes_the_authored_sentence(analyzer: Analyzer, text: str, expected: list[Event]) -> None:
    assert coded_events(analyzer, text) == expected_events(expected)


def test_attackers_hurt_are_not_of_the_side_they_attacked(analyzer: Analyzer) -> None:
    events = coded_events(analyzer, "Masked men shot a Kenyan judge in Nyeri on Monday. Three of the gunmen were later "
                               "killed.")
    assert [e for e in events if e[0] == "ASSAULT" and e[2] == ["KEN"]] == [("ASSAULT", [], ["KEN"], "asserted")]
