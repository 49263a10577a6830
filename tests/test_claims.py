"""The claims stage: speakers, cues, content spans, kinds and certainty.

Model-free unit tests build parses by hand; the behaviour tests parse a few short texts once per
module with the pinned pipeline; the gold-file test scores the finder on tests/gold/claims.jsonl.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dotterel import nlp
from dotterel.actors import resolve_actors
from dotterel.claims import find_claims
from dotterel.claims.cues import CERTAINTIES, lexicon, load_lexicon
from dotterel.claims.quotes import QuoteIndex, find_quotes
from dotterel.actors.speakers import phrase
from dotterel.evaluation import claims as claim_eval
from dotterel.findings import ActorIndex, ClaimFinding

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "claims.jsonl"
SHARED = ROOT.parent / "shared"

# ---------------------------------------------------------------- model-free units


def test_quotes_pair_straight_and_curly_marks_and_close_at_paragraph_end() -> None:
    words = ["“", "We", "stay", ",", "”", "he", "said", ".", '"', "No", "way", '"', "\n\n", '"', "Open", "end"]
    spaces = [False, True, False, False, True, True, False, True, False, True, False, False, False, False, True,
              False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    quotes = find_quotes(doc)
    assert [doc.text[q.start:q.end] for q in quotes] == ["We stay,", "No way", "Open end"]
    assert quotes[2].close is None
    index = QuoteIndex(quotes)
    assert index.at(doc.text.index("stay")) is quotes[0]
    assert index.at(doc.text.index("said")) is None
    assert index.quoted_chars(0, len(doc.text)) == len("We stay,") + len("No way") + len("Open end")


def test_speaker_phrase_drops_determiner_and_apposition() -> None:
    # "The envoy , a former minister , said"
    words = ["The", "envoy", ",", "a", "former", "minister", ",", "said"]
    heads = [1, 7, 1, 5, 5, 1, 1, 7]
    deps = ["det", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert phrase(doc[1]) == ("envoy", (4, 9))


def test_lexicon_certainties_are_known_and_documented_cues_present() -> None:
    lex = lexicon()
    cues = [*lex.verbs.values(), *lex.nouns.values(), *lex.preps.values()]
    assert all(c.certainty in CERTAINTIES for c in cues)
    assert lex.verbs["confirm"].certainty == "certain"
    assert lex.verbs["claim"].certainty == "claimed"
    assert lex.preps["according to"].certainty == "claimed"
    assert lex.verbs["show"].needs == "source"
    assert lex.hedges["could"].certainty == "possible"


def test_lexicon_rejects_unknown_certainty(tmp_path: Path) -> None:
    (tmp_path / "cues.csv").write_text("lemma,pos,certainty,needs\nsay,verb,sure-ish,\n")
    (tmp_path / "certainty.csv").write_text("word,where,certainty\n")
    (tmp_path / "sources.csv").write_text("noun,kind\n")
    with pytest.raises(ValueError, match="unknown certainty"):
        load_lexicon(tmp_path)


def _finding(start: int, end: int, speaker: str = "x") -> ClaimFinding:
    return ClaimFinding(speaker=None, speaker_text=speaker, speaker_span=(0, 1), cue="said", cue_span=(0, 1),
                        kind="indirect", content_span=(start, end), span=(0, end), certainty="claimed")


def test_scorer_matches_one_to_one_on_half_overlap() -> None:
    gold = [claim_eval.GoldClaim("Kenyan officials", "said", "indirect", "x" * 10, "claimed", (10, 20))]
    assert claim_eval.match(gold, [_finding(14, 30)]) != []  # 6/10 of the gold content covered
    assert claim_eval.match(gold, [_finding(16, 30)]) == []  # 4/10
    pairs = claim_eval.match(gold, [_finding(12, 20), _finding(10, 20)])
    assert len(pairs) == 1 and pairs[0][1].content_span == (10, 20)
    assert claim_eval.speaker_matches("Kenyan officials", "the officials")
    assert not claim_eval.speaker_matches("the officials", "they")


def _coded(start: int, end: int, sp: tuple[int, int], code: str | None, sector: str | None,
           words: str = "Ms Reyes") -> ClaimFinding:
    from dotterel.findings import Mention

    m = None if code is None and sector is None else Mention(start=0, end=1, text=words, code=code, sector=sector, kind="person",
                                          name=None, key="k", token_start=0, token_end=1, head=0)
    return ClaimFinding(speaker=m, speaker_text=words, speaker_span=sp, cue="said", cue_span=(0, 1),
                        kind="indirect", content_span=(start, end), span=(0, end), certainty="claimed")


def test_located_speaker_scored_by_span_or_same_code_and_sector() -> None:
    def gold(sp: tuple[int, int] | None, code: str | None, sector: str | None, kind: str = "indirect") -> \
            claim_eval.GoldClaim:
        return claim_eval.GoldClaim("she", "said", kind, "x" * 10, "claimed", (10, 20), speaker_span=sp,
                                    code=code, sector=sector, located=True)

    def run(g: claim_eval.GoldClaim, p: ClaimFinding) -> claim_eval.Scores:
        return claim_eval.score([claim_eval.GoldPassage("a", "t" * 40, [g])], lambda *_: [p])

    # the pronoun itself: the prediction's words are the antecedent's, its span the pronoun's
    s = run(gold((0, 3), "PHL", "GOV"), _coded(10, 20, (1, 3), None, None))
    assert s.speaker_ok == 1 and s.speaker_span_ok == 1 and s.code_ok == 0 and s.codable_coded == 0
    # another mention of the same state and sector counts, but not for the strict span figure
    s = run(gold((0, 3), "PHL", "GOV"), _coded(10, 20, (30, 35), "PHL", "GOV"))
    assert s.speaker_ok == 1 and s.speaker_span_ok == 0 and s.code_ok == 1 and s.codable_coded == 1
    s = run(gold((0, 3), "PHL", "GOV"), _coded(10, 20, (30, 35), "PHL", "MIL"))
    assert s.speaker_ok == 0 and s.code_ok == 1
    # an unattributed gold claim ("reportedly") wants no speaker
    assert run(gold(None, None, None), _coded(10, 20, (30, 35), None, None)).speaker_ok == 0
    # a sector-only gold speaker is coded when the sector is right
    assert run(gold((0, 3), None, "MED"), _coded(10, 20, (0, 3), None, "MED")).codable_coded == 1
    summary = run(gold((0, 3), None, "MED", "direct"), _coded(10, 20, (0, 3), None, "MED")).summary()
    assert summary["quoted_recall"] == 1.0 and summary["indirect_recall"] is None


def test_no_speaker_is_a_number_date_or_abstract_noun() -> None:
    from dotterel.actors.speakers import not_a_speaker

    lex = lexicon()
    doc = nlp.parse("The blast said nothing. Thousands of dockers said they would strike. "
                    "The communique said the port was shut. Harbour brokers said prices fell. "
                    "The lantern said otherwise.")
    actors = resolve_actors(doc, None)
    heads = {t.text: t for t in doc if t.dep_ == "nsubj"}
    assert not_a_speaker(heads["blast"], actors, lex) == "not a speaking noun"
    # the evaluation's strict reading knows who speaks; the finder refuses only listed non-speakers
    for word in ("Thousands", "communique", "brokers"):  # counted heads are looked through
        assert not_a_speaker(heads[word], actors, lex, strict=True) is None, word
    assert not_a_speaker(heads["lantern"], actors, lex) is None
    assert not_a_speaker(heads["lantern"], actors, lex, strict=True) == "not known to speak"
    nums = nlp.parse("On Monday 3,000 said no.")
    assert not_a_speaker(next(t for t in nums if t.text == "3,000"), resolve_actors(nums, None), lex) \
        == "number or date"


# ---------------------------------------------------------------- behaviour on parsed text

# (text, speaker words, cue, kind, content, certainty)
POSITIVE = [
    # the small parser hangs the trailing name on the previous clause and leaves "said" without a subject
    ("Peru and Chile have agreed to reopen their shared border crossings, Chile's interior minister Carolina Toha said on Monday.",
     "Chile's interior minister", "said", "indirect",
     "Peru and Chile have agreed to reopen their shared border crossings", "claimed"),
    ("Rebel commanders said on Friday that their fighters had withdrawn from the hills above Bunia.",
     "Rebel commanders", "said", "indirect", "their fighters had withdrawn from the hills above Bunia", "claimed"),
    ("The bridge over the Dnipro was destroyed overnight, the regional governor said.",
     "regional governor", "said", "indirect", "The bridge over the Dnipro was destroyed overnight", "claimed"),
    ("\"Our patience has limits,\" said Serbian President Aleksandar Vucic.",
     "Serbian President Aleksandar Vucic", "said", "direct", "Our patience has limits", "claimed"),
    ("According to the health ministry, 212 people have died of cholera since August.",
     "health ministry", "According to", "indirect", "212 people have died of cholera since August", "claimed"),
    ("Parliament passed the budget late on Tuesday, according to the speaker's office.",
     "speaker's office", "according to", "indirect", "Parliament passed the budget late on Tuesday", "claimed"),
    ("Radar data showed that the airliner had turned back toward the coast before it vanished.",
     "Radar data", "showed", "indirect", "the airliner had turned back toward the coast before it vanished",
     "certain"),
    ("The Greek coast guard confirmed that 79 migrants had drowned off Pylos.",
     "Greek coast guard", "confirmed", "indirect", "79 migrants had drowned off Pylos", "certain"),
    ("Police in Dakar said they detained 40 protesters after crowds set fire to a bus.",
     "Police in Dakar", "said", "indirect", "they detained 40 protesters after crowds set fire to a bus", "claimed"),
    ("The energy minister warned that blackouts could last until March.",
     "energy minister", "warned", "indirect", "blackouts could last until March", "possible"),
    ("Economists believe the recession is likely to deepen in the second half of the year.",
     "Economists", "believe", "indirect", "the recession is likely to deepen in the second half of the year",
     "probable"),
    pytest.param("Beijing's claim that the vessels were fishing boats was dismissed by Manila.",
                 "Beijing", "claim", "indirect", "the vessels were fishing boats", "claimed",
                 marks=pytest.mark.xfail(reason="the parser hangs the main verb 'was dismissed' inside the "
                                                "that-clause, so the content runs on to the sentence end")),
    ("Moscow's claim that the drones came from Ukraine was rejected by Kyiv.",
     "Moscow", "claim", "indirect", "the drones came from Ukraine", "claimed"),
    ("The foreign ministry called the visit a \"dangerous provocation\" that undermined regional stability.",
     "foreign ministry", "called", "mixed", "a \"dangerous provocation\" that undermined regional stability",
     "opinion"),
    pytest.param("Bolivia's president said the coup attempt was \"an attack on democracy\" and thanked the armed "
                 "forces.", "Bolivia's president", "said", "mixed", "the coup attempt was \"an attack on democracy\"",
                 "claimed",
                 marks=pytest.mark.xfail(reason="'thanked' is parsed as a conjunct inside the reported clause; "
                                                "telling the speaker's own act from reported ones needs semantics")),
    ("Bolivia's president said the coup attempt was \"an attack on democracy\".",
     "Bolivia's president", "said", "mixed", "the coup attempt was \"an attack on democracy\"", "claimed"),
    ("\"The harvest has failed. We need food now,\" the village chief told reporters.",
     "village chief", "told reporters", "direct", "The harvest has failed. We need food now", "claimed"),
    ("Prime Minister Mark Carney met the premiers in Ottawa. He said the provinces would receive new funding.",
     "Prime Minister Mark Carney", "said", "indirect", "the provinces would receive new funding", "claimed"),
    ("Analysts at the institute argued that the sanctions had done little to slow the war economy.",
     "Analysts at the institute", "argued", "indirect", "the sanctions had done little to slow the war economy",
     "opinion"),
    ("A leading historian said the treaty would be remembered as a turning point.",
     "leading historian", "said", "indirect", "the treaty would be remembered as a turning point", "opinion"),
    # calls and demands: what is called for is the speaker's position
    ("The teachers' union called for an independent inquiry into the school closures.",
     "teachers' union", "called", "indirect", "an independent inquiry into the school closures", "opinion"),
    ("The bishops urged the parliament to reject the mining law.",
     "bishops", "urged", "indirect", "the parliament to reject the mining law", "opinion"),
    # a neutral cue whose quoted words give the speaker's own view is an opinion
    ("\"We think the harbour tax must go,\" the fishermen's spokeswoman said.",
     "fishermen's spokeswoman", "said", "direct", "We think the harbour tax must go", "opinion"),
    ("The central bank predicted that inflation would ease by the spring.",
     "central bank", "predicted", "indirect", "inflation would ease by the spring", "probable"),
    ("The villagers asked for a new bridge over the river.",
     "villagers", "asked", "indirect", "a new bridge over the river", "opinion"),
    ("The weather service advised drivers to stay off the mountain roads.",
     "weather service", "advised", "indirect", "drivers to stay off the mountain roads", "opinion"),
    ("State television quoted the harbour master as saying the ferry had left without permission.",
     "harbour master", "saying", "indirect", "the ferry had left without permission", "claimed"),
    ("The miners' union issued a statement saying the shaft had been closed for safety checks.",
     "miners' union", "saying", "indirect", "the shaft had been closed for safety checks", "claimed"),
    ("Forty passengers were hurt according to the railway operator, most of them travelling in the front "
     "carriages of the morning express from the coast.",
     "railway operator", "according to", "indirect", "Forty passengers were hurt", "claimed"),
    ("Several newspapers reported the missing climber to be alive.",
     "Several newspapers", "reported", "indirect", "the missing climber to be alive", "claimed"),
    ("The auditor noted that the port authority had spent twice its budget.",
     "auditor", "noted", "indirect", "the port authority had spent twice its budget", "claimed"),
    # postposed speakers the small parser makes the object of a conjoined reporting verb
    ("The ferry service will resume on Thursday, stated the transport minister.",
     "transport minister", "stated", "indirect", "The ferry service will resume on Thursday", "claimed"),
    ("Three pylons were brought down by the storm, reported officials in the district.",
     "officials in the district", "reported", "indirect", "Three pylons were brought down by the storm", "claimed"),
    # what is warned of, with its condition
    ("The energy regulator warned of rolling blackouts if the northern dam failed.",
     "energy regulator", "warned", "indirect", "rolling blackouts if the northern dam failed", "possible"),
    ("The dockers' union called for a general strike on Monday, as wages had fallen for years.",
     "dockers' union", "called", "indirect", "a general strike", "opinion"),
    # archive and wire quotation marks: ''...'' and ``...''
    ("''The granaries are nearly empty,'' the mayor said.",
     "mayor", "said", "direct", "The granaries are nearly empty", "claimed"),
    ("``Nobody has paid us since March,'' said the dock workers' spokesman.",
     "dock workers' spokesman", "said", "direct", "Nobody has paid us since March", "claimed"),
    # a verb whose object stands for a proposition (data/claims/object_content.csv)
    ("The herders' union alleged systematic land grabs by the ranchers.",
     "herders' union", "alleged", "indirect", "systematic land grabs by the ranchers", "claimed"),
    ("The mayor blamed the water company for the outage.",
     "mayor", "blamed", "indirect", "the water company for the outage", "claimed"),
    ("The farmers' council denounced the new levy as theft.",
     "farmers' council", "denounced", "indirect", "the new levy as theft", "opinion"),
    ("The inspectors recommended that the dam be drained before winter.",
     "inspectors", "recommended", "indirect", "the dam be drained before winter", "opinion"),
    ("The harbour master spoke to reporters on the quay: \"No ship will sail until the storm has passed.\"",
     "harbour master", "spoke", "direct", "No ship will sail until the storm has passed.", "claimed"),
]

NEGATIVE = [
    "Under the said treaty, both sides must withdraw their troops within 30 days.",
    "The spokesman declined to comment on the reports.",
    "The general told his men to dig in along the river.",
    "Did the minister say that the border would reopen?",
    "Officials would not say how many soldiers had been wounded.",
    "Flooding has displaced more than 200,000 people across the delta.",
    "It was announced that the summit would be postponed.",
    "We think this war will end only when one side is exhausted.",
    "The fact that the envoy returned shows how serious the crisis has become.",
    "It is hard to say whether the truce will hold.",
    "After the speech the reporters asked the governor.",
    "The depot ordered extra fuel for the winter.",  # an order with an object is an act, not a call
    "The council proposed a new budget on Monday.",
    "The nurse came over, spoke to me and asked where I lived.",  # "speak" reports only a quotation
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, list[ClaimFinding]]:
    texts = [case.values[0] if hasattr(case, "values") else case[0] for case in POSITIVE] + NEGATIVE
    out: dict[str, list[ClaimFinding]] = {}
    for text, doc in zip(texts, nlp.parse_many(texts)):
        out[text] = find_claims(doc, resolve_actors(doc, None))
    return out


@pytest.mark.parametrize(("text", "speaker", "cue", "kind", "content", "certainty"), POSITIVE,
                         ids=[f"pos{i:02d}" for i in range(len(POSITIVE))])
def test_claim_found(parsed: dict[str, list[ClaimFinding]], text: str, speaker: str, cue: str, kind: str,
                     content: str, certainty: str) -> None:
    claims = parsed[text]
    assert len(claims) == 1, [text[c.content_span[0]:c.content_span[1]] for c in claims]
    c = claims[0]
    assert c.speaker_text == speaker
    assert c.cue == cue
    assert text[c.cue_span[0]:c.cue_span[1]] == cue
    assert text[c.content_span[0]:c.content_span[1]] == content
    assert c.kind == kind
    assert c.certainty == certainty
    # the whole claim covers speaker, cue and content
    assert c.span[0] <= min(c.content_span[0], c.cue_span[0]) and c.span[1] >= c.content_span[1]


@pytest.mark.parametrize("text", NEGATIVE, ids=[f"neg{i:02d}" for i in range(len(NEGATIVE))])
def test_no_claim(parsed: dict[str, list[ClaimFinding]], text: str) -> None:
    assert parsed[text] == []


def test_pronoun_speaker_keeps_its_own_span_and_continuation_quote() -> None:
    text = ("Kenya's interior minister visited the camp on Monday. \"The situation is under control,\" "
            "she said. \"Aid convoys will arrive by Friday.\"")
    doc = nlp.parse(text)
    claims = find_claims(doc, ActorIndex([]))
    assert [text[c.content_span[0]:c.content_span[1]] for c in claims] == [
        "The situation is under control", "Aid convoys will arrive by Friday."]
    first, second = claims
    assert first.speaker_text == "Kenya's interior minister"
    assert text[first.speaker_span[0]:first.speaker_span[1]] == "she"  # the span stays on the pronoun
    assert second.speaker_text == first.speaker_text and second.kind == "direct"


def test_attribution_reaches_through_clauses_and_nests() -> None:
    text = "Police said they killed three gunmen after Serbs stormed a monastery, the ministry said."
    claims = find_claims(nlp.parse(text), ActorIndex([]))
    spans = {c.speaker_text: text[c.content_span[0]:c.content_span[1]] for c in claims}
    assert spans["Police"] == "they killed three gunmen after Serbs stormed a monastery"
    assert spans["ministry"].startswith("Police said they killed")


# ---------------------------------------------------------------- gold file and acceptance article


def test_gold_file_scores_above_floor() -> None:
    passages = claim_eval.load_gold(GOLD)
    assert len(passages) >= 60
    texts = [p.text for p in passages]
    found = {t: find_claims(d, resolve_actors(d, None)) for t, d in zip(texts, nlp.parse_many(texts))}
    scores = claim_eval.score(passages, lambda text, _day: found[text])
    # measured 1.00 / 1.00 on this authored set (see the report); floors leave room for parser drift
    assert scores.f1 >= 0.9, scores.errors
    assert scores.rate(scores.speaker_ok) >= 0.9, scores.errors
    assert scores.rate(scores.kind_ok) >= 0.9
    assert scores.rate(scores.certainty_ok) >= 0.85


def _shared(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} missing under CI")
        pytest.skip(f"{path} not available")
    return path


@pytest.mark.slow
def test_acceptance_article_claims_mostly_found() -> None:
    text = _shared(SHARED / "examples" / "north-korea-troops.txt").read_text(encoding="utf-8")
    gold = json.loads(_shared(SHARED / "examples" / "north-korea-troops.gold.json").read_text())["claims"]
    claims = find_claims(nlp.parse(text), ActorIndex([]))
    found = 0
    for g in gold:
        found += any(c.cue.lower() == g["cue"].lower() and claim_eval.speaker_matches(g["speaker"], c.speaker_text)
                     for c in claims)
    assert found >= 6, f"{found} of {len(gold)} gold claims found"


def test_pronoun_prefers_earlier_speaker_over_name_inside_content() -> None:
    text = ("Trade Minister Ana Reyes said Finance Secretary Jorge Lim was wrong about the currency. "
            "She said the peso should stay competitive.")
    claims = find_claims(nlp.parse(text), ActorIndex([]))
    last = max(claims, key=lambda c: c.content_span)
    assert text[last.content_span[0]:last.content_span[1]] == "the peso should stay competitive"
    assert "Reyes" in last.speaker_text


# ---------------------------------------------------------------- speaker codes (actors.parties)

def _coded_speakers(text: str) -> dict[str, tuple[str | None, str | None]]:
    from dotterel.actors.parties import resolve_speaker_phrases

    doc = nlp.parse(text)
    actors = resolve_actors(doc, None)
    claims = find_claims(doc, actors)
    resolve_speaker_phrases(doc, claims, actors)
    return {text[c.speaker_span[0]:c.speaker_span[1]]: (c.speaker.code if c.speaker else None,
                                                        c.speaker.sector if c.speaker else None) for c in claims}


def test_outlets_are_media_and_state_outlets_speak_for_their_state() -> None:
    got = _coded_speakers("Tass said the convoy had reached the border. The Lagos Herald reported that the "
                          "fuel queues were growing.")
    assert got["Tass"] == ("RUS", "MED")
    assert got["Lagos Herald"][1] == "MED"


def test_titled_official_takes_the_home_state_and_surname_keeps_it() -> None:
    text = ("Serbia reopened two crossings on Monday. Serbian trucks queued for hours, and Serbia's "
            "neighbours complained about the delays in Serbia. Deputy minister Marko Ilic said the checks "
            "would end soon. Ilic added that the queues were shrinking.")
    got = _coded_speakers(text)
    assert got["Deputy minister Marko Ilic"] == ("SRB", "GOV")
    assert got["Ilic"] == ("SRB", "GOV")


def test_group_named_in_a_title_codes_the_speaker_and_a_spokesman_for_a_group_is_not_the_home_state() -> None:
    got = _coded_speakers("A Houthi military spokesman, Ali Qasim, said the drones had hit two depots.")
    assert got["Houthi military spokesman"] == ("YEM", "REB")
    text = ("Congo's army said Congo had retaken the town. Congo's president visited Congo's east. "
            "A spokesman for the group said its fighters would pull back.")
    assert _coded_speakers(text)["spokesman for the group"][0] is None


def test_a_group_word_beats_a_titles_default_sector() -> None:
    got = _coded_speakers("Two rebel commanders said the pass was theirs.")
    assert got["Two rebel commanders"][1] == "REB"


def test_state_in_a_complement_gives_its_code_not_the_government_sector() -> None:
    got = _coded_speakers("Strike organisers in Nairobi said the police had arrested twelve drivers.")
    assert got["Strike organisers in Nairobi"] == ("KEN", None)


def test_speakers_own_certainty_in_a_neutral_claim() -> None:
    from dotterel.claims.certainty import stance

    assert stance("claimed", "I am sure the pipeline will be repaired by June") == "certain"
    assert stance("claimed", "We are confident the harvest will recover") == "probable"
    assert stance("claimed", "The port should be reopened at once") == "opinion"
    assert stance("claimed", "The port was reopened on Monday") == "claimed"
    assert stance("possible", "I am sure it may rain") == "possible"  # a hedge already decided


def test_unattributed_hedge_is_a_claim_with_no_speaker_and_attributes_nothing() -> None:
    from dotterel.model import SourceItem
    from dotterel.pipeline import Analyzer

    text = "The convoy was reportedly ambushed near the pass. The minister reportedly said the road was safe."
    claims = find_claims(nlp.parse(text), ActorIndex([]))
    hedged = [c for c in claims if not c.speaker_text]
    assert [text[c.content_span[0]:c.content_span[1]] for c in hedged] == [
        "The convoy was reportedly ambushed near the pass"]
    assert hedged[0].cue == "reportedly" and hedged[0].certainty == "claimed"
    doc = Analyzer().analyze(SourceItem(text=text, id="t", date="2024-05-14"))
    assert all(e.attribution is None for e in doc.events if e.trigger.text == "ambushed")
    assert any(c.speaker is None and c.cue == "reportedly" for c in doc.claims)


def test_role_after_a_comma_codes_the_person_and_her_surname_later() -> None:
    text = ("Nigeria's floods spread on Monday. Nigeria asked for help, and rescuers from across Nigeria "
            "arrived in Nigeria's north. Amina Bello, of the Kano city council, said two dams had burst. "
            "Bello said more rain was expected.")
    got = _coded_speakers(text)
    assert got["Amina Bello"] == ("NGA", "GOV")
    assert got["Bello"] == ("NGA", "GOV")


def test_a_company_in_a_title_makes_a_business_speaker() -> None:
    got = _coded_speakers("Harbourside Securities Ltd analyst Tom Reed said rates would fall. "
                          "Reed said the pound would hold.")
    assert got["Harbourside Securities Ltd analyst Tom Reed"][1] == "BUS"
    assert got["Reed"][1] == "BUS"


def test_local_media_speak_from_the_home_state() -> None:
    text = ("Tonga's capital flooded. Tonga asked for help and Tonga's schools closed across Tonga. "
            "Local media reported that two ferries had sunk.")
    assert _coded_speakers(text)["Local media"] == ("TON", "MED")


def test_a_name_the_recogniser_runs_into_its_place_keeps_the_role_of_its_title() -> None:
    from spacy.tokens import Span

    from dotterel.actors.parties import resolve_speaker_phrases

    text = ("Today, Chief Executive of Hong Kong Mary Lam delivered her yearly budget address. "
            "Lam said the budget would balance. She said taxes would not rise.")
    doc = nlp.parse(text)
    # the small recogniser sometimes reads place and name as one place ("Hong Kong Mary Lam", GPE)
    start = next(t.i for t in doc if t.text == "Hong")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 4] + [Span(doc, start, start + 4, "GPE")]
    actors = resolve_actors(doc, None)
    claims = find_claims(doc, actors)
    resolve_speaker_phrases(doc, claims, actors)
    got = {text[c.speaker_span[0]:c.speaker_span[1]]: (c.speaker.code, c.speaker.sector) for c in claims if c.speaker}
    assert got["Lam"] == ("HKG", "GOV")  # a state holds the title: a government office
    assert got["She"] == ("HKG", "GOV")


def test_legislators_speak_for_the_state_of_the_legislators_the_article_names() -> None:
    text = ("Canada and Mexico traded charges over dairy tariffs. Canada said Mexico cheated; Mexico said "
            "Canada lied. Canada and Mexico met twice. Mexico and Canada will meet again. "
            "Senators said the tariffs would stay. Sen. Anne Roy, an Ontario senator from Canada, said "
            "talks had failed. Canadian senators voted on it. Sen. Paul Gagne said the vote was close.")
    got = _coded_speakers(text)
    assert got["Senators"] == ("CAN", "LEG")
    assert got["Sen. Paul Gagne"] == ("CAN", "LEG")


def test_officials_of_no_stated_state_stay_uncoded_in_a_two_state_story() -> None:
    text = ("Canada and Mexico traded charges over dairy tariffs. Canada said Mexico cheated; Mexico said "
            "Canada lied. Canadian ministers met Canadian farmers. Officials said the talks would resume.")
    assert _coded_speakers(text)["Officials"][0] is None


def test_outlets_known_by_a_possessive_or_their_mark_word_after_the() -> None:
    got = _coded_speakers("CNN's Maria Lopez said the bridge was closed. The Herald reported that "
                          "the mayor had resigned. Agence France-Presse reported that the port had reopened.")
    assert got["CNN's Maria Lopez"][1] == "MED"
    assert got["Herald"][1] == "MED"
    assert got["Agence France-Presse"] == (None, "MED")  # an independent outlet, not France's organ


def test_a_head_of_no_sector_takes_its_complements() -> None:
    got = _coded_speakers("Members of opposition parties said the count was rigged. Professor Lena Holt of "
                          "Dunmore University said the sample was too small.")
    assert got["Members of opposition parties"][1] == "OPP"
    assert got["Professor Lena Holt of Dunmore University"][1] == "EDU"


def test_a_person_of_an_institution_is_named_again_by_surname_not_by_the_institution() -> None:
    text = ("Peru's rains went on. Peru closed roads and Peru's schools shut across Peru. Peruvian officials "
            "at Lima Law School said the roads were shut. Professor Tom Gale of Kent Law School said the rain "
            "would stop.")
    got = _coded_speakers(text)
    assert got["Peruvian officials at Lima Law School"][0] == "PER"
    assert got["Professor Tom Gale of Kent Law School"][0] is None  # "School" names nobody again


def test_a_source_within_an_official_body_of_no_state_speaks_for_the_home_state() -> None:
    text = ("Chad's floods spread. Chad asked for tents, and Chad's army flew to Chad's east. "
            "A source within the interior ministry said forty villages were cut off. "
            "A spokesman for the rebel group said its fighters would help.")
    got = _coded_speakers(text)
    assert got["source within the interior ministry"][0] == "TCD"
    assert got["spokesman for the rebel group"][0] is None


def test_a_judged_event_keeps_no_attribution_but_an_alleged_one_does() -> None:
    from dotterel.model import SourceItem
    from dotterel.pipeline import Analyzer

    text = ("The mayor denounced the Russian air strike on Lviv as barbaric. "
            "The governor alleged a Russian air strike on the hospital.")
    doc = Analyzer().analyze(SourceItem(text=text, id="t", date="2024-05-14"))
    assert [c.cue for c in doc.claims] == ["denounced", "alleged"]
    strikes = [e for e in doc.events if e.trigger.text == "strike"]
    assert len(strikes) == 2
    assert strikes[0].attribution is None
    assert strikes[1].attribution is not None and strikes[1].attribution.cue == "alleged"


def test_a_neutral_cue_over_the_speakers_own_belief_takes_the_beliefs_certainty() -> None:
    texts = ["The grain trader said he believed the harvest would be late.",
             "The coach said she thought the team might win the cup.",
             "The farmer said he felt a sharp pain in his back."]
    got = [find_claims(doc, ActorIndex([]))[0].certainty for doc in nlp.parse_many(texts)]
    assert got == ["probable", "possible", "claimed"]


def test_a_hyphenated_name_is_one_speaker_and_a_titled_envoy_keeps_his_own_state() -> None:
    from dotterel.actors.speakers import phrase

    doc = nlp.parse("Police Chief Inspector Mary Lau Wai-ling said the road was closed.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert phrase(head)[0] == "Police Chief Inspector Mary Lau Wai-ling"
    got = _coded_speakers("The French Ambassador to Tokyo Marc Dubois said talks would resume.")
    assert got["French Ambassador to Tokyo Marc Dubois"][0] == "FRA"


def test_a_passive_report_with_an_infinitive_is_a_claim_with_no_speaker() -> None:
    texts = ["One of the wounded guards was taken to a clinic and is reported to be in a serious condition.",
             "The colonel is believed to have fled across the border.",
             "The envoy was told to leave the country.",
             "The mayor said the colonel is believed to have fled."]
    docs = nlp.parse_many(texts)
    got = [[(c.speaker_text, c.cue, c.certainty, t[c.content_span[0]:c.content_span[1]])
            for c in find_claims(d, ActorIndex([]))] for t, d in zip(texts, docs)]
    assert got[0] == [("", "is reported", "claimed", "to be in a serious condition")]
    assert got[1] == [("", "is believed", "probable", "to have fled across the border")]
    assert got[2] == []  # an order, not a report
    assert [c[0] for c in got[3]] == ["mayor"]  # inside the mayor's words: his, not the author's


def test_a_place_in_a_description_nested_in_a_role_is_not_the_persons_state() -> None:
    got = _coded_speakers("Tom Reyes, president of Lotus Securities, a local brokerage with Singapore "
                          "affiliations, said shares would rise. Ana Cruz, the Chilean foreign minister, said "
                          "talks would resume.")
    assert got["Tom Reyes"][0] is None
    assert got["Ana Cruz"] == ("CHL", "GOV")


# ------------------------------------------ speaker codes: several speakers, firms, diplomats, pronouns

def test_several_speakers_are_no_one_actor_but_keep_a_shared_sector() -> None:
    got = _coded_speakers("Kenya and Uganda said the border would reopen on Friday. "
                          "Senator Ruth Ama and Senator Paul Oti said the fuel tax was unfair.")
    assert got["Kenya and Uganda"][0] is None  # not the last-named state
    assert got["Senator Ruth Ama and Senator Paul Oti"] == (None, "LEG")


def test_one_person_with_two_titles_is_one_speaker() -> None:
    got = _coded_speakers("Tonga's harbour chief and port director Sione Vea said the ferry would sail.")
    assert got["Tonga's harbour chief and port director"][0] == "TON"


_KENYA = ("Kenya's government raised fuel taxes on Monday. Kenya's parliament approved the rise. Nairobi "
          "welcomed the vote, and Kenyan police said the streets of Kenya were calm. ")


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Executive vice president Mark Doyle said the refinery would keep running.",
     "Executive vice president Mark Doyle"),
    ("A company spokesman said the refinery would keep running.", "company spokesman"),
    ("The firm's president said the refinery would keep running.", "firm's president")])
def test_a_firms_officer_is_business_and_never_the_home_states_official(sentence: str, speaker: str) -> None:
    assert _coded_speakers(_KENYA + sentence)[speaker] == (None, "BUS")


def test_a_government_spokesman_still_speaks_for_the_home_state() -> None:
    got = _coded_speakers(_KENYA + "A government spokesman said the refinery would keep running.")
    assert got["government spokesman"] == ("KEN", "GOV")


def test_unnamed_diplomats_take_no_home_state() -> None:
    text = ("Ghana and Togo met in Accra. Ghana's president said Ghana wanted a deal, and Ghana's ministers "
            "agreed with Ghana's farmers. Diplomats said the talks would run late.")
    assert _coded_speakers(text)["Diplomats"] == (None, "GOV")


def test_a_pronoun_speaker_is_coded_as_the_speaker_its_words_name() -> None:
    # the pronoun's own reading (the premier, named last) and its speaker words (Gale) must not disagree
    text = ("Anna Gale, a director of the shipping firm, told reporters the merger was stalled. "
            "Gale said both Fijian Prime Minister Sitiveni Rabuka and the port board had written to the "
            "firm. Other lenders also objected, he said.")
    assert _coded_speakers(text)["he"] == (None, "BUS")  # was FJI GOV


def test_a_surname_two_people_share_refers_back_to_neither() -> None:
    text = ("Saddam Hussein met King Hussein in Baghdad on Monday. Hussein said the talks went well.")
    assert _coded_speakers(text)["Hussein"][0] is None
    one = "Saddam Hussein met Jordanian officials in Baghdad on Monday. Hussein said the talks went well."
    actors = resolve_actors(nlp.parse(one), dt.date(1988, 5, 1))
    assert [m.code for m in actors.mentions if m.text == "Hussein"] == ["IRQ"]


def test_unnamed_opposition_speaks_for_the_home_state_and_a_high_command_is_military() -> None:
    text = ("Ghana's parliament met on Monday. Ghana's president spoke, and Ghana's ministers toured Ghana's "
            "north. Members of opposition parties said the vote was rigged. A high command statement said "
            "two posts were taken.")
    got = _coded_speakers(text)
    assert got["Members of opposition parties"] == ("GHA", "OPP")
    assert got["high command statement"][1] == "MIL"


def test_a_chambers_leaders_and_whips_are_legislators() -> None:
    got = _coded_speakers("Senate Minority Whip Ann Dole said the bill would pass. House Majority Leader Tom Reyes "
                          "said it would fail.")
    assert got["Senate Minority Whip Ann Dole"][1] == "LEG"
    assert got["House Majority Leader Tom Reyes"][1] == "LEG"
