"""Verbal and communicative acts (ACCUSE, REQUEST, REJECT, THREATEN) on authored sentences.

Each case pins one rule of data/events/ (patterns.yaml, event_nouns.csv, noun_cues.csv) or of the code that
reads it, through the real parser and actor resolution: every event out as (type, actor codes, recipient
codes, modality). Authored for these tests; no evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.pipeline import Analyzer

from coded import coded_events, expected_events

CASES = [
    # criticism drawn or attracted: the subject's owner is the target, the "from" party the critic; a critic
    # who is no party ("from economists") makes no event between parties
    ("The Peruvian plan drew sharp criticism from Chile.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("The Italian move attracted condemnation from France.", [("ACCUSE", ["FRA"], ["ITA"], "asserted")]),
    ("The Peruvian budget drew criticism from economists.", []),
    ("The film drew criticism for its length.", []),
    # a noun inside "a storm/chorus/barrage of" is the act itself
    ("The proposal met a barrage of criticism from Chile.", [("ACCUSE", ["CHL"], [], "asserted")]),
    # a protest lodged by a state or addressed to one is words (ACCUSE); people protesting stay PROTEST
    ("The decision caused a storm of protest from Japan.", [("ACCUSE", ["JPN"], [], "asserted")]),
    ("Protests from Brazil and Argentina came to the European Community.",
     [("ACCUSE", ["ARG", "BRA"], ["EU"], "asserted")]),
    ("The plan unleashed protests from Argentina to the European Community.",
     [("ACCUSE", ["ARG"], ["EU"], "asserted")]),
    ("The Hong Kong protests continued for a fifth week.", [("PROTEST", ["HKG"], ["HKG"], "asserted")]),
    ("Thousands joined the protests against the Chilean government.", [("PROTEST", ["CHL"], ["CHL"], "asserted")]),
    # nouns of rejection, reproach and warning with their owner as actor
    ("Ghana's denial of the Togolese charges came on Monday.", [("REJECT", ["GHA"], ["TGO"], "asserted")]),
    ("Ghana issued a denial of the reports from Togo.", [("REJECT", ["GHA"], ["TGO"], "asserted")]),
    ("The Chilean rebuke of Peru was unusually sharp.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("The Iranian warning to Kuwait followed the raid.", [("THREATEN", ["IRN"], ["KWT"], "asserted")]),
    ("The weather service issued a flood warning for the coast of Chile.", []),
    # the demands "of" a party are its own
    ("The demands of the Chilean miners include higher pay.", [("REQUEST", ["CHL"], [], "asserted")]),
    # a hostile act vowed is a threat, also when the vow is to keep it up
    ("Iran vowed to keep up the attacks on Iraq until the war ends.", [("THREATEN", ["IRN"], ["IRQ"], "asserted")]),
    # recommending a measure asks for it (the measure is the request's content, not an act done)
    ("The Senate committee recommended that Chinese firms be penalized.",
     [("REQUEST", ["USA"], ["CHN"], "asserted")]),
    ("The senators recommended sanctions against Cuba.", [("REQUEST", [], ["CUB"], "asserted")]),
    ("Analysts recommend that investors buy gold.", []),
    # a response held over a named party on a condition threatens it; a measure with no condition does not
    ("Chile will take all necessary measures if Bolivia closes the border.",
     [("THREATEN", ["CHL"], ["BOL"], "asserted")]),
    ("Moscow said it was ready to respond if NATO deployed missiles in Poland.",
     [("THREATEN", ["RUS"], ["NATO"], "asserted")]),
    ("Moscow said it would respond if NATO deployed missiles in Poland.",
     [("THREATEN", ["RUS"], ["NATO"], "asserted")]),
    ("Chile took measures to curb inflation.", []),
    ("The minister said he would respond to the letter if he had time.", []),
    ("If Chile closes the border, Bolivia would react.", []),  # the author's guess, not Bolivia's threat
    # naming a party as the one to blame for a harm accuses it; a duty or a denial blames no one
    ("Kenya said Somalia was responsible for the attack on the border post.",
     [("ACCUSE", ["KEN"], ["SOM"], "asserted")]),
    ("Kenya said Somali militants were behind the bombing.", [("ACCUSE", ["KEN"], ["SOM"], "asserted")]),
    # telling a party of one's concern or displeasure is disapproval addressed to it; a plan told is not
    ("Kenya told Uganda of its concern over the border closure.", [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    ("The doctor told the patient of his concern.", []),
    ("Kenya told Uganda of its plan to build a road.", []),
    # relying on a party to do something asks it to; relying on a thing, or a thing's needs, asks no one
    ("Kenya is relying on Uganda to reopen the border quickly.", [("REQUEST", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya counts on Ugandan support in the dispute.", []),
    ("The Kenyan economy depends on tea exports to grow.", []),
    # saying a party was involved or implicated in a harm accuses it too (a passive culprit verb in the reported clause)
    ("Kenya said Somali agents were implicated in the bombing.", [("ACCUSE", ["KEN"], ["SOM"], "asserted")]),
    ("Kenya said Somali officials were involved in the killings.", [("ACCUSE", ["KEN"], ["SOM"], "asserted")]),
    ("Kenya said Uganda was not involved in the killings.", []),
    ("Kenya said Ugandan officials were involved in the talks.", []),
    ("Kenya held Somalia responsible for the attack.", [("ACCUSE", ["KEN"], ["SOM"], "asserted")]),
    ("Kenya said Somalia was not responsible for the attack.", []),
    ("The Kenyan minister said the police were responsible for security at the border.", []),
    # figures, costs and policies that "threaten" or "call for" something are risks and forecasts, no one's acts
    ("Rising costs threaten Peru's economy.", []),
    ("The Chilean policies threatened to leave the treasury with no cash.", []),
    ("The blockade left the Bolivian towns with little food.", []),  # a lack left behind, no withdrawal
    ("Peruvian troops left Bolivia with their tanks.", [("RETREAT", ["PER"], ["BOL"], "asserted")]),
    ("Market expectations called for the Brazilian central bank to cut rates.", []),
    ("Farm spending is blamed for the Bolivian budget gap.", []),
    # the one a causing verb moves to act does the act, also when that verb borrows its subject
    ("A law that angered farmers and led the Chilean president to threaten a veto was passed.",
     [("THREATEN", ["CHL"], [], "asserted")]),
    ("Cyclone Idai cut power lines and forced thousands of Mozambican villagers to leave their homes.", []),
    # idioms of words, before the blow and closing senses of their verbs
    ("Chile hit out at Peru over the fishing dispute.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile took aim at Peru over its fishing policy.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile slammed the door on talks with Peru.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    ("Prices hit a record in Lima.", []),
    # what a party is branded or called, as a second object
    ("Chile branded Peru a rogue state.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile called the Peruvian leader a liar.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Washington designated the Iranian guards a terrorist organization.",
     [("ACCUSE", ["USA"], ["IRN"], "asserted")]),
    ("Chile named the Peruvian envoy its new ambassador.", []),
    # pleading with, balking at, brushing aside or waving off what another party asked or said
    ("Chile pleaded with Peru to release the fishermen.", [("REQUEST", ["CHL"], ["PER"], "asserted")]),
    ("Chile pleaded for calm on Monday.", [("REQUEST", ["CHL"], [], "asserted")]),
    ("The former Chilean minister pleaded guilty to fraud charges.", []),
    ("Chile balked at Peru's demands.",
     [("REJECT", ["CHL"], ["PER"], "asserted"), ("REQUEST", ["PER"], [], "asserted")]),
    ("The Chilean president brushed aside Peru's complaints.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    ("Chile shrugged off the Peruvian sanctions.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    # an announced refusal to tolerate, or an announced response to another's provocation, threatens it
    ("Chile said it would not tolerate Peru's provocations.", [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile has tolerated Peruvian fishing in its waters.", [("CONCEDE", ["CHL"], ["PER"], "asserted")]),
    ("Chile said it would respond firmly to any Peruvian provocation.",
     [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile responded to the Peruvian attack by expelling diplomats.",
     [("ASSAULT", ["PER"], [], "asserted"), ("SANCTION", ["CHL"], [], "asserted")]),
    # another party's act said or called unjust, unfair, provocative ... is condemned; a hazard is not
    ("Chile said the Peruvian decision was unjust and provocative.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile called the Peruvian tariffs unfair.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile said the Peruvian weather was hostile.", []),
    # a protest note handed over is a protest in words
    ("Chile delivered a protest note to the Peruvian ambassador.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    # another party's breach, reported, accuses it; a negated one, a record broken or one's own breach does not
    ("Chile said the Peruvian raid violated international law.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile said Peru had violated the fishing accord.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile said Peru had not violated the fishing accord.", [("REJECT", ["PER"], [], "negated")]),
    ("Chile said Peru had broken the world record.", []),
    ("Russia said its jets had violated Turkish airspace by mistake.", []),
    # "will not hesitate to" announces the act; hesitating is no act done
    ("Chile said it would not hesitate to use force against Peru.", [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile hesitated to send troops to Peru.", [("AID", ["CHL"], ["PER"], "hypothetical")]),
    # a hostile act vowed, kept up or continued (a blockade is coercion)
    ("Chile vowed to continue the blockade of Peruvian ports.", [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    # a deadline set for a party's act is an ultimatum
    ("Chile gave Peru 48 hours to withdraw its troops.", [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile set Peru a deadline to withdraw its troops.", [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile gave Peru two days of talks.", []),
    ("The court set a deadline for appeals.", []),
    # a threat someone else only predicts stays a possibility
    ("Beijing could warn Taipei of military consequences if the new president visits Japan, analysts said.",
     [("THREATEN", ["CHN"], ["TWN"], "hypothetical")]),
    # a concession negated with a future auxiliary is refused (CAMEO 124 "refuse to yield") by the party that
    # announces it: its doer, else the coded speaker of the passive ("..., the ministry said")
    ("The curfew in Nairobi will not be lifted, the Kenyan interior ministry said.",
     [("REJECT", ["KEN"], ["KEN"], "asserted")]),
    ("The sanctions on Venezuela won't be lifted, the U.S. Treasury said.", [("REJECT", ["USA"], ["VEN"], "asserted")]),
    ("Israel said the blockade of Gaza would not be eased.", [("REJECT", ["ISR"], ["PSE"], "asserted")]),
    ("Russian troops will not be withdrawn from the border, the Kremlin said.", [("REJECT", ["RUS"], [], "asserted")]),
    ("Ecuador will not release the detained fishermen, its foreign minister said.",
     [("REJECT", ["ECU"], [], "asserted")]),
    # ... aimed at the party whose act would end it ("until", "unless")
    ("The export controls will not be relaxed until Brazil ends the embargo, Argentine officials said.",
     [("REJECT", ["ARG"], ["BRA"], "asserted")]),
    # ... not a past or perfect negation (a fact that did not happen), nor a forecast by no party
    ("The curfew in Nairobi was not lifted on Monday.", [("CONCEDE", [], ["KEN"], "negated")]),
    ("Russian troops were not withdrawn from the border.", [("RETREAT", [], ["RUS"], "negated")]),
    ("Sanctions on Venezuela have not been lifted.", [("RETREAT", [], ["VEN"], "negated")]),
    ("Analysts said the sanctions on Venezuela would not be lifted soon.", [("RETREAT", [], ["VEN"], "negated")]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_verbal_act_on_the_authored_sentence(analyzer: Analyzer, text: str,
                                             expected: list[tuple[str, list[str], list[str], str]]) -> None:
    assert coded_events(analyzer, text) == expected_events(expected)
