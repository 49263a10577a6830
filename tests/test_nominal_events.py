"""Event nouns coded where they stand (events/nominal.py, data/events/event_nouns.csv), through the real
parser and actor resolution.

Each sentence pins one class: a noun with its parties becomes an event; a generic, possible, blamed-for or
already-coded mention does not; one act is one event. Authored for these tests; no evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.events.nominal import load_noun_cues, load_nouns
from dotterel.events.ontology import ONTOLOGY
from dotterel.model import SourceItem
from dotterel.pipeline import Analyzer

Expected = list[tuple[str, list[str], list[str], str]]

CASES: list[tuple[str, Expected]] = [
    # the owner of the act: an actor adjective or possessor; the target: the row's prepositions
    ("Markets in Seoul fell after the North Korean missile attack on a Japanese destroyer.",
     [("ASSAULT", ["PRK"], ["JPN"], "asserted")]),
    ("Germany's rejection of the Polish proposal angered Warsaw.", [("REJECT", ["DEU"], ["POL"], "asserted")]),
    ("Kenya's request for more troops was turned down by the African Union.",
     [("REQUEST", ["KEN"], [], "asserted"), ("REJECT", ["AU"], ["KEN"], "asserted")]),
    # a partner in "with"; both sides of "between" act, with no recipient; "without an agreement" is none
    ("Italy's trade talks with Vietnam ended without an agreement.", [("CONSULT", ["ITA"], ["VNM"], "asserted")]),
    ("Clashes between Armenian and Azerbaijani troops left four soldiers dead.",
     [("ASSAULT", ["ARM", "AZE"], [], "asserted")]),
    ("Egypt's calls for a truce in Gaza went unanswered on Sunday.", [("REQUEST", ["EGY"], [], "asserted")]),
    # attack nouns of every weapon; the place an uncoded verb names is the noun's ("the first attack was in X")
    ("Flags flew at half mast after a mass shooting in Cusco.", [("ASSAULT", [], ["PER"], "asserted")]),
    # a unit that came under fire was attacked (a fire that burns is no attack)
    ("Malian soldiers came under heavy fire near Gao on Monday.", [("ASSAULT", [], ["MLI"], "asserted")]),
    # who claims an act owns it
    ("The Taliban claimed responsibility for the attack on the base in Kandahar.",
     [("ASSAULT", ["AFG"], ["AFG"], "asserted")]),
    ("The shootout between Peruvian police and smugglers lasted an hour.", [("ASSAULT", ["PER"], [], "asserted")]),
    ("Ecuador's president spoke in Quito. Ecuador's army chief met Ecuador's police. The main attack was at a "
     "bus terminal in Guayaquil.", [("CONSULT", ["ECU"], ["ECU"], "asserted"), ("ASSAULT", [], ["ECU"], "asserted")]),
    ("Prices rose after new sanctions on Venezuela by the United States.",
     [("SANCTION", ["USA"], ["VEN"], "asserted")]),
    ("The talks with Hamas in Cairo stalled over the hostages.", [("CONSULT", [], ["PSE"], "asserted")]),
    # the subject of a verb that owns the act acts; the subject of "face" undergoes it
    ("The Houthi rebels claimed the drone attack on a Saudi refinery.", [("ASSAULT", ["YEM"], ["SAU"], "asserted")]),
    ("Mali's junta ordered an investigation into the killing of French soldiers.",
     [("ACCUSE", ["MLI"], ["FRA"], "asserted")]),
    ("Venezuela faces new sanctions from Washington.", [("SANCTION", ["USA"], ["VEN"], "asserted")]),
    # condemning an act with its own actor presupposes the act
    ("Brazil condemned Venezuela's incursion into Guyana.",
     [("ACCUSE", ["BRA"], ["VEN"], "asserted"), ("ASSAULT", ["VEN"], ["GUY"], "asserted")]),
    ("Kyiv welcomed the withdrawal of Russian troops from Kherson.",
     [("SUPPORT", ["UKR"], ["RUS"], "asserted"), ("RETREAT", ["RUS"], [], "asserted")]),
    # a circumstance of a coded act is an act of its own; unnamed protesters are of the place
    ("Police detained forty people at a rally against the Serbian president in Belgrade.",
     [("COERCE", ["SRB"], ["SRB"], "asserted"), ("PROTEST", ["SRB"], ["SRB"], "asserted")]),
    # a verb of coming carries its subject noun's phrases (protests from states to a government are words: ACCUSE)
    ("Protests came from Chile and Peru to the Bolivian government.",
     [("ACCUSE", ["CHL", "PER"], ["BOL"], "asserted")]),
    # the subject suffers what it is "under"
    ("Chilean marines were under attack from rebel gunboats.", [("ASSAULT", [], ["CHL"], "asserted")]),
    # a strike by a state is an attack; by a state's people, a protest (at home)
    ("Markets fell after the American strike on Iranian radar sites.", [("ASSAULT", ["USA"], ["IRN"], "asserted")]),
    ("Copper exports stopped during a strike by Chilean dockers.", [("PROTEST", ["CHL"], ["CHL"], "asserted")]),
    ("Shops in Ramallah closed during a strike against Israeli checkpoints.", [("PROTEST", [], ["ISR"], "asserted")]),
    # a city before a cooperative noun is its venue, not a party
    ("The Nairobi talks between Sudan and Chad ended on Friday.", [("CONSULT", ["SDN", "TCD"], [], "asserted")]),
    # one act, one event: the verb codes the noun's act, and the noun names the target the verb lacked
    ("Israeli air strikes on Gaza killed twelve people.", [("ASSAULT", ["ISR"], ["PSE"], "asserted")]),
    # the content of a verbal act is not an act ("threatened sanctions"); nor what a coded act acts on
    ("The minister threatened sanctions against Minsk.", [("THREATEN", [], ["BLR"], "asserted")]),
    ("The European Union discussed sanctions against Belarus on Monday.", [("CONSULT", ["EU"], ["BLR"], "asserted")]),
    ("Japan ratified a new accord with Australia.", [("SUPPORT", ["JPN"], ["AUS"], "asserted")]),
]

ABSENT: list[tuple[str, str]] = [
    # possible, generic and negated mentions
    ("The government warned of a possible strike on Iranian nuclear sites.", "ASSAULT"),
    ("There were no talks with Pakistan this year.", "CONSULT"),
    # what someone is blamed for; what a call asks for; the content of a coded act further up
    ("Iran blamed Israel for the bombing of its consulate in Syria.", "ASSAULT"),
    ("Ghana rejected calls for a ceasefire agreement with the rebels.", "AGREE"),
    ("Thailand agreed to postpone the protest in Bangkok.", "PROTEST"),
    # a noun naming a thing, not an act; a mention inside another noun's phrase; the market's demand
    ("Parliament debated a sanctions bill aimed at Moscow.", "SANCTION"),
    ("Analysts expect a reduction in attacks on shipping near Yemen.", "ASSAULT"),
    ("Oil prices rose on strong demand from China.", "REQUEST"),
    # a time reference is no news
    ("The envoy has lived in Lima since the Chilean invasion of the islands.", "ASSAULT"),
    ("A fire at a factory in Lima killed five workers.", "ASSAULT"),
    # a film is shot too
    ("The shooting of the new film in Cusco ended on Friday.", "ASSAULT"),
    # denying an act owns none, and names no attack
    ("Local officials denied responsibility for the attack on the base in Kandahar.", "ASSAULT"),
    # a month is no march
    ("The summit will take place on March 4 in Canberra, Australian officials said.", "PROTEST"),
    # no party named: an attack of no one on no one is left to the sentences that name them
    ("Indonesia sent troops to the island after the attack.", "ASSAULT"),
    # a visit naming no destination, a company deal: not coded on their own
    ("A visit by the deputy energy minister of Ecuador was reported last week.", "CONSULT"),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_event_noun_codes_the_authored_sentence(analyzer: Analyzer, text: str, expected: Expected) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    got = sorted((e.type, sorted({a.code for a in e.actor if a.code}), sorted({r.code for r in e.recipient if r.code}),
                  e.modality) for e in doc.events)
    assert got == sorted((t, sorted(a), sorted(r), m) for t, a, r, m in expected)


@pytest.mark.parametrize("text,absent", ABSENT, ids=[c[0][:40] for c in ABSENT])
def test_no_noun_event_where_a_user_sees_none(analyzer: Analyzer, text: str, absent: str) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    assert absent not in {e.type for e in doc.events if e.modality != "negated"}


def test_unnamed_protesters_in_an_article_about_one_state_protest_at_home(analyzer: Analyzer) -> None:
    text = ("Peru's congress met in Lima on Monday. Peruvian ministers defended the budget. "
            "The Peruvian president left for Cusco. The protests started three weeks ago.")
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in protests] == [(["PER"], ["PER"])]


def test_a_noun_and_its_relative_clause_are_one_act(analyzer: Analyzer) -> None:
    # "the bombing that killed nine": the clause's verb codes the act, the noun adds no second attack but
    # names the attacker the verb's event lacked
    text = "Al-Shabaab claimed the bombing that killed nine Kenyan soldiers."
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(e.trigger.text, [a.code for a in e.actor]) for e in attacks] == [("killed", ["SOM"])]


def test_noun_event_keeps_its_offsets(analyzer: Analyzer) -> None:
    text = "Markets in Seoul fell after the North Korean missile attack on a Japanese destroyer."
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    (event,) = doc.events
    start, end = event.trigger.span
    assert text[start:end] == "attack"
    assert event.span[0] <= start and end <= event.span[1]


def test_noun_table_is_valid_knowledge() -> None:
    table = load_nouns()
    assert {"attack", "sanction", "talk", "demands"} <= set(table)
    for key, row in table.items():
        assert key == key.lower() and key.strip() == key
        ONTOLOGY.spec(row.type)  # raises on a type PLOVER does not have
        assert row.needs in ("", "target", "actor", "named"), key
        assert row.target or row.actor or row.sides, f"{key}: a row names at least one party preposition"
    cues = load_noun_cues()
    assert cues.owner and cues.hypothetical and cues.generic and cues.frame and cues.circumstance
    assert {t.upper() for t in cues.factive} <= set(ONTOLOGY.types)
