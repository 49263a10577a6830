"""What is not an event between political actors, by class (events/non_events.py, data/events/non_events.yaml,
genre.about_business): each rule has sentences it must suppress and near neighbours it must keep. Authored for
these tests; no evaluation text."""

from __future__ import annotations

import pytest

from dotterel.events.non_events import parse_rules
from dotterel.model import SourceItem
from dotterel.pipeline import Analyzer

# (text, trigger, event types the trigger must code: [] = suppressed)
CASES: list[tuple[str, str, list[str]]] = [
    # anonymity: a condition of speaking, not a request
    ("A Chilean diplomat, who asked not to be identified, said the talks would resume.", "asked", []),
    ("An official in Lima, who requested not to be named, confirmed the closure.", "requested", []),
    # ... but asking someone to name or identify is a request
    ("Chile asked Peru to name a new ambassador to Santiago.", "asked", ["REQUEST"]),
    # candidacy: running for an office or a job is no demand of anyone
    ("The Bolivian senator is seeking re-election in the autumn.", "seeking", []),
    ("The former Ecuadorean minister sought the party's presidential nomination in 2019.", "sought", []),
    # ... while seeking talks, aid or an extradition is
    ("Ecuador sought talks with Colombia on the border.", "sought", ["REQUEST"]),
    ("Bolivia is seeking the extradition of the former minister from Peru.", "seeking", ["REQUEST"]),
    ("The Bolivian opposition sought early elections after the vote.", "sought", ["REQUEST"]),
    ("Ecuador sought better terms from Colombia.", "sought", ["REQUEST"]),
    # shared view: agreeing with a view is a claim
    ("The Uruguayan minister agreed with the view that interest rates were too high.", "agreed", []),
    ("Paraguay's president agreed with the assessment of his finance minister.", "agreed", []),
    # ... agreeing with a party, or to act, is an agreement
    ("Paraguay agreed with Uruguay to reopen the bridge.", "agreed", ["AGREE"]),
    # economic harm: hitting trade, exports or an industry is no attack
    ("Ecuadorean exporters were badly hit by the Colombian import ban.", "hit", []),
    # ... hitting a town, troops or people still is
    ("Colombian rebels hit an Ecuadorean army post near the border.", "hit", ["ASSAULT"]),
    ("A bomb hit a crowded market in the Syrian town of Idlib.", "hit", ["ASSAULT"]),
    ("Yemeni missiles hit shipping in the Red Sea.", "hit", ["ASSAULT"]),
    # inanimate doers: things and abstractions act on no one's behalf
    ("The new drug dissolves clots within hours, Chilean doctors said.", "dissolves", []),
    ("The plan's approach is to reach a settlement with Peru through negotiation.", "reach", []),
    # ... the people behind them still act, and a device may be a bomb
    ("Two Kenyan soldiers were killed by an explosive device near the Somali border.", "killed", ["ASSAULT"]),
    ("Chilean police dissolved the rally within hours.", "dissolved", ["COERCE"]),
    ("Bolivia hopes to reach a settlement with Peru through negotiation.", "reach", ["AGREE"]),
    # firms: an uncoded firm acting on no state does business, in any article
    ("The company met union leaders on Tuesday to discuss wages.", "met", []),
    ("Two brokerages rejected the new listing rules of the exchange.", "rejected", []),
    ("The insurer accused a rival of copying its advertisements.", "accused", []),
    # ... what firms do to a state counts, and so does what others do to a firm
    ("Creditor banks urged Argentina to resume interest payments.", "urged", ["REQUEST"]),
    ("The company urged the Peruvian government to cut fuel taxes.", "urged", ["REQUEST"]),
    ("Union leaders met the company on Tuesday to discuss wages.", "met", ["CONSULT"]),
    # routine intake: an office taking in what the public sends agrees with no one
    ("The Chilean embassy in Lima kept accepting visa applications during the strike.", "accepting", []),
    # ... accepting a party's offer or plan is an agreement
    ("France accepted the German proposal for talks.", "accepted", ["AGREE"]),
    # self-doubt: doubting one's own gifts accuses no one
    ("Chilean singer Ana Rojas said she had questioned her abilities for years.", "questioned", []),
    # ... questioning what a party did is a criticism
    ("The Chilean senator questioned the Peruvian decision to close the border.", "questioned", ["ACCUSE"]),
    # candidacy taken or left: accepting a nomination, seeking ballot access, leaving a race
    ("The Chilean senator accepted her party's nomination for president on Friday.", "accepted", []),
    ("The mayor spent the spring seeking ballot access in several provinces.", "seeking", []),
    ("Two Chilean candidates withdrew from the race after the first debate.", "withdrew", []),
    ("The senator pulled out of the presidential race on Monday.", "pulled", []),
    # ... accepting an offer, or troops withdrawing from a town, still code
    ("Peru accepted Chile's offer of talks.", "accepted", ["AGREE"]),
    ("The Chilean army withdrew from the border town.", "withdrew", ["RETREAT"]),
    # a race called by a newsroom asks nothing of anyone
    ("Chilean television called the race for the opposition candidate late on Sunday.", "called", []),
    ("Chile called on Peru to reopen the border.", "called", ["REQUEST"]),
    # nature, markets, moods, animals and illnesses as doers
    ("Rising sea water is attacking the foundations of the old harbour wall in Valparaiso.", "attacking", []),
    ("Stronger consumer spending would help Chilean builders, the minister said.", "help", []),
    ("Investor optimism could push for a rate cut in Peru, analysts said.", "push", []),
    ("This year's maize crop is expected to yield a record harvest in Zambia.", "yield", []),
    ("A stray dog attacked the Bolivian mayor outside the town hall.", "attacked", []),
    ("A rare syndrome, which kills one in five patients, spread in Lima.", "kills", []),
    # ... people still act, whatever they act on
    ("Brazil helped Bolivia with emergency food supplies.", "helped", ["AID"]),
    ("Bolivian protesters attacked the mayor outside the town hall.", "attacked", ["ASSAULT"]),
    # harm done to animals, and fights against illness, fire or inflation, attack no party
    ("Villagers in Kenya killed two lions that had strayed from the park.", "killed", []),
    ("Ecuadorean doctors are fighting the virus in overcrowded wards.", "fighting", []),
    ("Firefighters battled the blaze near the Chilean port for two days.", "battled", []),
    ("Gunmen killed two Kenyan rangers in the park.", "killed", ["ASSAULT"]),
    ("Gunmen killed two Kenyan rangers and their dogs in the park.", "killed", ["ASSAULT"]),  # people among them
    ("Poachers shot three elephants and a rhino in the Kenyan reserve.", "shot", []),
    ("Colombian troops fought rebels near the border.", "fought", ["ASSAULT"]),
    # talking to the press is no consultation
    ("With Reuters, the Bolivian minister discussed his plans for the mining sector.", "discussed", []),
    ("The Chilean senator talked with reporters about the budget.", "talked", []),
    ("The Chilean minister discussed the border with his Peruvian counterpart.", "discussed", ["CONSULT"]),
    # sharing one's story is no cooperation; sharing intelligence is
    ("The park ranger shared his experience with followers on Facebook.", "shared", []),
    ("Kenya shared intelligence with Uganda.", "shared", ["COOPERATE"]),
    # "let X know" tells; letting a convoy through concedes
    ("She asked her aide to let the Chilean senator know about the vote.", "let", []),
    ("Israel let the aid convoy enter Gaza.", "let", ["CONCEDE"]),
    # a place held in an economy is no occupation
    ("Mining occupies an important place in the Chilean economy.", "occupies", []),
    ("Russian troops occupied the town of Izium.", "occupied", ["COERCE"]),
    # what frost or pests endanger is threatened by no party
    ("Late frosts are threatening the grape harvest in Chile, farmers said.", "threatening", []),
    ("North Korea threatened South Korea with missile strikes.", "threatened", ["THREATEN"]),
    # no comment is no rejection
    ("A ministry spokesman refused comment on the Chilean report.", "refused", []),
    ("Peru refused to accept the Chilean proposal.", "refused", ["REJECT"]),
    # a reaction met is no meeting
    ("Any interference in Bolivia would meet a firm response from the army.", "meet", []),
    ("Any attack on Chile would be met by a strong response.", "met", []),
    ("The Chilean minister met the Peruvian ambassador on Monday.", "met", ["CONSULT"]),
    # a thing on fire burns on no one's behalf; protesters burning tyres act
    ("The tankers were still burning two days after the raid, officials said.", "burning", []),
    ("Protesters burned tyres outside the Bolivian parliament.", "burned", ["ASSAULT"]),
    # calling something a name, or leaving a party in a state, asks and withdraws nothing
    ("The supermarket chain called the demand unprecedented, its spokeswoman said.", "called", []),
    ("The deal would leave the Chilean navy dependent on Peru for fuel.", "leave", []),
    ("The Peruvian senator called the shelling illegal.", "called", ["ACCUSE"]),
    ("The Chilean army left the town on Monday.", "left", ["RETREAT"]),
    # a challenge met is no meeting
    ("The EU plans are designed to help the bloc meet the challenge of cheap imports.", "meet", []),
    # a question asked outside quotes (an interviewer's, a headline's) reports nothing; one quoted may presuppose
    ("Why should Chilean leftists support Maria Lopez over Juan Perez?", "support", []),
    ("Will Chile attack Peru?", "attack", []),
    ('"Why did Chile attack our border post?" the Peruvian minister asked.', "attack", ["ASSAULT"]),
    # a licence applied for asks no party; permission from a state does
    ("Foreign banks seeking banking licences in Chile must hold large reserves.", "seeking", []),
    ("Chile sought permission from Peru to fly over its territory.", "sought", ["REQUEST"]),
    # a boost given by a measure is no aid; food given by a state is
    ("The initiative would give poorer areas of Chile a major economic boost, the president said.", "give", []),
    ("Brazil gave Bolivia emergency food aid.", "gave", ["AID"]),
    # doubting a fact accuses no one
    ("Chilean doctors questioned whether the virus was the cause of death.", "questioned", []),
    # an economic process allows nothing on anyone's behalf
    ("The refinancing allowed the Bolivian government to borrow on better terms.", "allowed", []),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _types(analyzer: Analyzer, text: str, trigger: str) -> list[str]:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    return [e.type for e in doc.events if e.trigger.text == trigger and e.modality != "negated"]


@pytest.mark.parametrize("text,trigger,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_non_event_classes(analyzer: Analyzer, text: str, trigger: str, expected: list[str]) -> None:
    assert _types(analyzer, text, trigger) == expected


# company news: firms doing business among themselves are not emitted; what is done to a state still is
COMPANY_NEWS = (
    "Norvale Instruments Inc said it agreed to buy the lens maker Optiq Corp for 40 dlrs a share. "
    "The merger needs approval from Optiq shareholders. "
    "Norvale said quarter profits rose and its dividend would be kept. "
    "Optiq's board met Norvale's managers on Tuesday to discuss the takeover. "
    "Norvale also urged the Chilean government to cut the tax on imported lenses."
)


def test_company_news_drops_firms_dealing_among_themselves(analyzer: Analyzer) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=COMPANY_NEWS, id="t", date="2020-05-01")])
    triggers = {e.trigger.text for e in doc.events}
    assert "met" not in triggers and "agreed" not in triggers
    # the request to a government is kept
    assert [e.type for e in doc.events if e.trigger.text == "urged"] == ["REQUEST"]


def test_company_news_drops_officers_resigning(analyzer: Analyzer) -> None:
    """A short company item: an officer leaving a firm is no political retreat."""
    text = ("Harlow Pumps said its president, Dana Whitcomb, resigned for personal reasons. "
            "The company said its executive vice president would take over his duties until the board names a "
            "successor. Company shares fell two pct on the news.")
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    assert doc.events == []


def test_political_news_keeps_resignations(analyzer: Analyzer) -> None:
    text = ("Bolivia's mining minister, Dana Whitcomb, resigned on Monday. The government said its deputy would take "
            "over his duties. Company shares of the state miner fell two pct on the news.")
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    assert [e.type for e in doc.events if e.trigger.text == "resigned"] == ["RETREAT"]


def test_political_news_keeps_unnamed_doers(analyzer: Analyzer) -> None:
    """The same unnamed meeting in an article about politics is still an event."""
    text = ("Opposition leaders met the ministers on Tuesday to discuss the new constitution. "
            "Chile's president urged them to agree before the vote. The talks will resume on Friday.")
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    assert "met" in {e.trigger.text for e in doc.events}


def test_rules_file_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        parse_rules({"rules": {"x": {"lemmas": ["ask"], "object": ["job"]}}})
    with pytest.raises(ValueError, match="needs one of"):
        parse_rules({"rules": {"x": {"lemmas": ["ask"]}}})
    with pytest.raises(ValueError, match="unknown sections"):
        parse_rules({"rules": {}, "firm": ["company"]})
    loaded = parse_rules({"rules": {"x": {"types": ["request"], "objects": ["job"]}}, "firms": ["Company"]})
    (rule,) = loaded.rules
    assert rule.lemmas is None and rule.types == frozenset({"REQUEST"}) and loaded.firms == frozenset({"company"})


# an interview or column (genre "opinion"): the speaker's own story names people the actor data does not know
INTERVIEW = ("I grew up in a small fishing town and I never thought I would write novels. Honestly, I was terrible at "
             "school! My first publisher rejected the manuscript twice, and I almost gave up. Why do we keep telling "
             "stories? I think we simply need them. My agent met the editors again in the spring and I finally signed "
             "the contract. I love the quiet of the mornings. Later Chile accused Peru of blocking my book tour, "
             "which I found absurd.")


def test_opinion_article_keeps_only_events_with_a_coded_party(analyzer: Analyzer) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=INTERVIEW, id="t", date="2020-05-01")])
    assert doc.genre.label == "opinion"
    assert [(e.trigger.text, e.type) for e in doc.events] == [("accused", "ACCUSE")]


def test_short_text_is_no_opinion_article(analyzer: Analyzer) -> None:
    """One or two sentences are no interview, whatever their genre score."""
    (doc,) = analyzer.analyze_many([SourceItem(text="I think the senators rightly condemned the awful decision!",
                                               id="t", date="2020-05-01")])
    assert [e.type for e in doc.events] == ["ACCUSE"]


def test_report_keeps_events_with_uncoded_parties(analyzer: Analyzer) -> None:
    """The same kind of uncoded acts told in a wire report stay events when their doers are political ones."""
    text = ("The rebel commanders rejected the offer twice, the group said on Monday. The envoy met the commanders "
            "again in the spring, according to a statement. Chile accused Peru of blocking the talks.")
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    assert doc.genre.label == "reporting"
    assert {"rejected", "met", "accused"} <= {e.trigger.text for e in doc.events}


# acts between no political parties (events/non_events.py `apolitical`): uncoded doers of no sector, told where no
# state or organisation is named, do company, science, sport or private business; acts of force, political doers,
# coded parties and acts told around a named state stay events
APOLITICAL: list[tuple[str, str, list[str]]] = [
    ("The publisher rejected the manuscript twice, the agency said on Monday.", "rejected", []),
    ("The researchers proposed that the lizards change colour to stay cool.", "proposed", []),
    ("Many fans expressed their anger on social media after the final.", "expressed", []),
    ("The museum released its survey of fossil skulls on Monday.", "released", []),
    ("Halvorsen agreed to answer a few questions from our correspondent.", "agreed", []),
    # ... a coded party, a political doer or a title keeps the act
    ("Chile rejected the proposal twice, the agency said on Monday.", "rejected", ["REJECT"]),
    ("The rebel commanders rejected the proposal twice, the agency said on Monday.", "rejected", ["REJECT"]),
    ("The unions rejected the wage offer twice, their spokesman said on Monday.", "rejected", ["REJECT"]),
    ("Both sides requested a mediator for the second time.", "requested", ["REQUEST"]),
    ("The electoral commission rejected the complaint on Monday.", "rejected", ["REJECT"]),
    ("Aid agencies rejected the plan on Monday.", "rejected", ["REJECT"]),
    # ... or a political body in the sentence, whose foe or partner the doer is
    ("The liberation front called for an end to the fighting with the army.", "called", ["REQUEST"]),
    ("The senate passed a resolution. The resolution rejected the new tariffs.", "rejected", ["REJECT"]),
    ("Senator Halvorsen rejected the budget plan on Monday.", "rejected", ["REJECT"]),
    # ... so does a state named in the sentences before: the act may be its own
    ("Chile's economy slowed sharply last year. The unions' council rejected the offer twice on Monday.",
     "rejected", ["REJECT"]),
    ("Chile's economy slowed sharply last year. The council rejected the offer twice on Monday.",
     "rejected", ["REJECT"]),
    # ... and acts of force happen to someone, whoever does them
    ("A man stabbed three commuters at the station on Monday, police said.", "stabbed", ["ASSAULT"]),
]


@pytest.mark.parametrize("text,trigger,expected", APOLITICAL, ids=[c[0][:45] for c in APOLITICAL])
def test_acts_between_no_political_parties(analyzer: Analyzer, text: str, trigger: str, expected: list[str]) -> None:
    assert _types(analyzer, text, trigger) == expected


# an article that names no state organ, armed group or international body (non_events.political_article): even an
# act of force with no coded party is sport or crime there; a police officer in it makes it news of public order
SPORT_NEWS = ("The home side won the cup final 3-1 on Saturday. Their forward scored twice in the second half. After "
              "the whistle a spectator attacked the goalkeeper near the tunnel. The coach praised his players for "
              "their calm. The club will play in the league again in August.")


def test_article_naming_no_political_body_keeps_only_coded_events(analyzer: Analyzer) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=SPORT_NEWS, id="t", date="2020-05-01")])
    assert "attacked" not in {e.trigger.text for e in doc.events}


def test_article_naming_the_police_keeps_uncoded_events(analyzer: Analyzer) -> None:
    text = SPORT_NEWS.replace("The coach praised his players for their calm.", "Police later questioned the spectator.")
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    assert "attacked" in {e.trigger.text for e in doc.events}


# a subject that is no one negates the act (data/events/modality.yaml negative_subjects, negative_determiners)
NO_ONE_CASES = [
    ("Nobody attacked the Peruvian convoy, the army said.", "attacked", "negated"),
    ("No one tried to storm the Bolivian parliament.", "storm", "negated"),
    ("Neither side attacked the village, observers said.", "attacked", "negated"),
    ("No fewer than 20 Bolivian protesters were detained by police.", "detained", "asserted"),
]


@pytest.mark.parametrize("text,trigger,modality", NO_ONE_CASES, ids=[c[0][:45] for c in NO_ONE_CASES])
def test_no_one_negates(analyzer: Analyzer, text: str, trigger: str, modality: str) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    assert [e.modality for e in doc.events if e.trigger.text == trigger] == [modality]
