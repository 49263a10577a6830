"""Parties of events whose type is already right: recipients the text names in a slot the coder missed,
actors a pronoun or an earlier act gives, and parties never taken from the wrong phrase. Each rule has a
sentence where it fires and one where it must not, through the real parser and actor resolution: every event
out as (type, actor codes, recipient codes, modality). Authored for these tests; no evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.pipeline import Analyzer

from coded import coded_events, expected_events

CASES = [
    # "his"/"he" after an office named by its title alone ("Kenya's foreign minister") is that office's state
    ("Kenya's foreign minister said his government would sever ties with Somalia.",
     [("SANCTION", ["KEN"], ["SOM"], "future")]),
    ("The Egyptian president said he had invited his Sudanese counterpart to Cairo.",
     [("REQUEST", ["EGY"], ["SDN"], "asserted")]),
    # ... only as a subject: "he" after one who talked to the president is that one, whom the data does not know
    ("The reporter who talked to the Iranian federation's president said he questioned the Kenyan delegation.",
     [("ACCUSE", [], ["KEN"], "asserted")]),
    # ... a ministry or several ministers are no "he"
    ("Kenya's foreign ministry said he would sever ties with Somalia.", [("THREATEN", [], ["SOM"], "asserted")]),
    ("The Kenyan foreign ministers said he would sever ties with Somalia.", [("THREATEN", [], ["SOM"], "asserted")]),
    # ... and owns its state's organs only, not what an office-holder carries ("her car" names no party; the
    # gunmen are of the place, Kisumu)
    ("In Kisumu a Kenyan judge was shot when masked men opened fire on her car.",
     [("ASSAULT", [], ["KEN"], "asserted"), ("ASSAULT", ["KEN"], [], "asserted")]),
    # the nationality of another office-holder in the sentence is not a titled name's own state
    ("President Ortega said his government would expel the American ambassador.",
     [("SANCTION", [], ["USA"], "future")]),
    ("President Mwanawasa thanked the Zambian people for their support.", [("SUPPORT", ["ZMB"], [], "asserted")]),
    # the party promised something in a double object ("promised Kenya aid")
    ("Britain promised Kenya more aid.", [("AGREE", ["GBR"], ["KEN"], "asserted")]),
    ("The government promised voters lower taxes.", [("AGREE", [], [], "asserted")]),
    # troops or weapons moved "against" a party are aimed at it; people mobilising against someone are no army
    ("Armenia mobilized troops against Azerbaijan.", [("MOBILIZE", ["ARM"], ["AZE"], "asserted")]),
    ("Armenia mobilized against Azerbaijan.", [("MOBILIZE", ["ARM"], [], "asserted")]),
    # people "from" a state doing the act are of it; what is withdrawn "from" a place is not
    ("Troops from Chad and Niger attacked Boko Haram positions.", [("ASSAULT", ["NER", "TCD"], ["NGA"], "asserted")]),
    ("Israel withdrew troops from Lebanon.", [("RETREAT", ["ISR"], ["LBN"], "asserted")]),
    # a generic institution name with a state word before its head is that state's
    ("The Libyan House of Representatives rejected the deal.", [("REJECT", ["LBY"], ["LBY"], "asserted")]),
    ("The House of Representatives rejected the deal.", [("REJECT", ["USA"], ["USA"], "asserted")]),
    # an agreement's other party hung on the verb by the parser
    ("Libya rejected the border deal with Turkey.", [("REJECT", ["LBY"], ["TUR"], "asserted")]),
    ("Libya rejected the border deal.", [("REJECT", ["LBY"], [], "asserted")]),
    # an event noun's target hung on the verb whose object it is
    ("Iran increased military cooperation with China last year.", [("COOPERATE", ["IRN"], ["CHN"], "asserted")]),
    ("Iran increased military cooperation last year.", [("COOPERATE", ["IRN"], [], "asserted")]),
    # the one a call asks is the subject of its "for" clause; a "for" clause naming no party asks no one
    ("Kenya's call for Uganda to reopen the talks was ignored.",
     [("REQUEST", ["KEN"], ["UGA"], "asserted"), ("REJECT", [], ["KEN"], "asserted")]),
    ("Kenya's call for talks to resume was ignored.",
     [("REQUEST", ["KEN"], [], "asserted"), ("REJECT", [], ["KEN"], "asserted")]),
    # a stance on a definite thing an act just told made is aimed at that act's doer, never the stance-taker's side
    ("Sudan proposed a new border plan to Chad. Chad's foreign minister rejected the proposal on Tuesday.",
     [("AGREE", ["SDN"], ["TCD"], "asserted"), ("REJECT", ["TCD"], ["SDN"], "asserted")]),
    ("The United States imposed tariffs on Japanese cars. Japan condemned the tariffs.",
     [("SANCTION", ["USA"], ["JPN"], "asserted"), ("ACCUSE", ["JPN"], ["USA"], "asserted")]),
    ("The United States imposed tariffs on Japanese cars. The White House defended the tariffs.",
     [("SANCTION", ["USA"], ["JPN"], "asserted")]),
    # a legislature, court, opposition or people acting with no party named, at home, act on their own country
    # (plover.csv domestic_target); a ministry's untargeted refusal or one abroad names no one
    ("The Kenyan parliament rejected the budget on Tuesday.", [("REJECT", ["KEN"], ["KEN"], "asserted")]),
    ("Peruvian railway workers want pay rises of eight percent.", [("REQUEST", ["PER"], ["PER"], "asserted")]),
    ("The Bolivian opposition demanded early elections.", [("REQUEST", ["BOL"], ["BOL"], "asserted")]),
    ("The Kenyan foreign ministry rejected the proposal.", [("REJECT", ["KEN"], [], "asserted")]),
    ("The Kenyan parliament rejected the proposal in Geneva.", [("REJECT", ["KEN"], [], "asserted")]),
    # ... and the act a definite object refers back to comes first
    ("Sudan proposed a new border plan to Chad. The Chadian parliament rejected the proposal.",
     [("AGREE", ["SDN"], ["TCD"], "asserted"), ("REJECT", ["TCD"], ["SDN"], "asserted")]),
    # "the attack" with no party of its own, whose parties are those of the attack just told, is that attack
    ("Kenyan Interior Minister John Kamau was stabbed. He suffered two wounds in the attack.",
     [("ASSAULT", [], ["KEN"], "asserted")]),
    ("Drones hit two Kenyan oil plants. The attacks were claimed by Somali militants.",
     [("ASSAULT", [], ["KEN"], "asserted"), ("ASSAULT", ["SOM"], ["KEN"], "asserted")]),
    ("Chinese warships entered Japanese waters near the islands. Tokyo protested the incursion.",
     [("MOBILIZE", ["CHN"], ["JPN"], "asserted"), ("ACCUSE", ["JPN"], ["CHN"], "asserted")]),
    # ... also what the content of a request is about; never the requester's own act
    ("The United States imposed sanctions on Japanese chips on Monday. Japan will request that the sanctions be "
     "lifted.", [("SANCTION", ["USA"], ["JPN"], "asserted"), ("REQUEST", ["JPN"], ["USA"], "future")]),
    ("Japan imposed sanctions on Chinese steel on Monday. Japan will request that the sanctions be tightened.",
     [("SANCTION", ["JPN"], ["CHN"], "asserted"), ("REQUEST", ["JPN"], [], "future")]),
    # a copula's "it" saying what a state named before is ("It is a major arms supplier") is that state
    ("Moscow is officially neutral in the war. It is a major arms supplier to Iraq.",
     [("AID", ["RUS"], ["IRQ"], "asserted")]),
    ("Moscow studied the report. It is clear that Iraq needs arms.", []),
    # ... never at whoever spoke of the same party before ("accused the network" again answers no one)
    ("The Kenyan president accused the network of lying. Uganda's information minister accused the network of "
     "fraud.", [("ACCUSE", ["KEN"], [], "asserted"), ("ACCUSE", ["UGA"], [], "asserted")]),
    # ... and only while the act is near: three sentences later "the proposal" may be another one
    ("Sudan proposed a new border plan to Chad. Egypt held talks with Libya. Kenya signed a deal with Uganda. "
     "Chad's foreign minister rejected the proposal on Tuesday.",
     [("AGREE", ["SDN"], ["TCD"], "asserted"), ("CONSULT", ["EGY"], ["LBY"], "asserted"),
      ("SUPPORT", ["KEN"], ["UGA"], "asserted"), ("REJECT", ["TCD"], [], "asserted")]),
    # the object pronoun of a participle clause is the object of the verb it hangs on, when the number agrees
    ("Kenya expelled the Ugandan ambassador, accusing him of spying.",
     [("SANCTION", ["KEN"], ["UGA"], "asserted"), ("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    ("Chad expelled two Sudanese envoys, accusing them of arming rebels.",
     [("SANCTION", ["TCD"], ["SDN"], "asserted"), ("ACCUSE", ["TCD"], ["SDN"], "asserted")]),
    ("Kenya expelled the Ugandan envoys, accusing him of spying.",
     [("SANCTION", ["KEN"], ["UGA"], "asserted"), ("ACCUSE", ["KEN"], [], "asserted")]),
    ("Accusing them of spying, Kenya expelled six Ugandan diplomats.",
     [("ACCUSE", ["KEN"], [], "asserted"), ("SANCTION", ["KEN"], ["UGA"], "asserted")]),
    # the owner of what owns the thing acted on, one step further, when it is coded
    ("Canada froze the bank accounts of two firms run by the Iranian navy.",
     [("SANCTION", ["CAN"], ["IRN"], "asserted")]),
    ("Canada froze the bank accounts of two firms run by a businessman.", [("SANCTION", ["CAN"], [], "asserted")]),
    # troops or arms moved "towards" a border are aimed at its other state; towards no one, at no one
    ("Serbia moved tanks toward the border with Kosovo.", [("MOBILIZE", ["SRB"], ["XKX"], "asserted")]),
    ("Ethiopia sent troops towards the Sudanese border.", [("MOBILIZE", ["ETH"], ["SDN"], "asserted")]),
    ("Serbia moved troops toward the front.", [("MOBILIZE", ["SRB"], [], "asserted")]),
    # a state word inside a body's own phrase says whose the body is, even parsed as a name part; a body with
    # none is still read from the text before it
    ("Kenya criticized the Ugandan government's decision.", [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    ("Tanzania praised the Ugandan president's speech.", [("SUPPORT", ["TZA"], ["UGA"], "asserted")]),
    ("Kenya criticized the government's decision.", [("ACCUSE", ["KEN"], ["KEN"], "asserted")]),
    # a thing acted on that is the actor's own by a pronoun ("its embassy") is where it is: that state is the party
    ("Kenya reopened its embassy in Uganda.", [("RETREAT", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya closed its embassy in Uganda.", [("SANCTION", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya closed its embassy.", [("SANCTION", ["KEN"], [], "asserted")]),
    # what an act is about: a group made the actor's own by a pronoun is its own side; the place beside it is the
    # party, and the own group only when there is none
    ("Kenya agreed to withdraw its troops from Uganda.", [("AGREE", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya agreed to withdraw its troops.", [("AGREE", ["KEN"], ["KEN"], "asserted")]),
    # troops pulled "out of" a state leave it
    ("Kenya pulled its troops out of Uganda.", [("RETREAT", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya pulled its troops out.", [("RETREAT", ["KEN"], [], "asserted")]),
    # a complaint is against its target before the body it is lodged with; with no target, the one it is lodged with
    ("Kenya filed a complaint with the United Nations against Uganda.", [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya lodged a protest with Uganda.", [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    # people "its" makes the actor's own are not the party an act on them is aimed at; where they are held is
    ("Uganda condemned the arrest of its citizens in Kenya.", [("ACCUSE", ["UGA"], ["KEN"], "asserted")]),
    ("Uganda demanded the release of its citizens held in Kenya.", [("REQUEST", ["UGA"], ["KEN"], "asserted")]),
    ("Uganda demanded the release of its soldiers.", [("REQUEST", ["UGA"], ["UGA"], "asserted")]),
    # ... not one a state word in the phrase names ("their Ugandan counterparts")
    ("Kenyan lawmakers asked their Ugandan counterparts to exempt Kenya from the tariffs.",
     [("REQUEST", ["KEN"], ["UGA"], "asserted")]),
    ("Uganda condemned the arrest of Kenyan citizens.", [("ACCUSE", ["UGA"], ["KEN"], "asserted")]),
    # a complaint or a criticism is against the one its participle clause accuses; a "saying" clause names none
    ("Chad lodged a complaint at the African Union on Monday, accusing Sudan of arming rebels.",
     [("ACCUSE", ["TCD"], ["SDN"], "asserted")]),
    ("Chad lodged a complaint at the African Union on Monday, saying Sudan was arming rebels.",
     [("ACCUSE", ["TCD"], [], "asserted")]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_parties_on_the_authored_sentence(analyzer: Analyzer, text: str,
                                          expected: list[tuple[str, list[str], list[str], str]]) -> None:
    assert coded_events(analyzer, text) == expected_events(expected)
