"""assemble's linking rules on hand-made findings and hand-built parses (no model): which claim an event
is attributed to and with which code, which date is an event's and which the report's, which event a
quantity belongs to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import spacy
from spacy.tokens import Doc

from dotterel.assemble import Findings, assemble
from dotterel.findings import ActorIndex, ClaimFinding, DateFinding, EventFinding, Mention, QuantityFinding
from dotterel.model import SourceItem
from dotterel.model import Coder, Document, Genre

VOCAB = spacy.blank("en").vocab
CODER = Coder(name="dotterel", version="test", model="hand-made", knowledge="test")

# "Kenya said police arrested 12 students in Nairobi on Monday . Officials met ."
ROWS = [("Kenya", 1, "nsubj"), ("said", 1, "ROOT"), ("police", 3, "nsubj"), ("arrested", 1, "ccomp"),
        ("12", 5, "nummod"), ("students", 3, "dobj"), ("in", 3, "prep"), ("Nairobi", 6, "pobj"),
        ("on", 3, "prep"), ("Monday", 8, "pobj"), (".", 1, "punct"),
        ("Officials", 12, "nsubj"), ("met", 12, "ROOT"), (".", 12, "punct")]


def parse() -> Doc:
    words, heads, deps = zip(*ROWS)
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps),
               sent_starts=[i in (0, 11) for i in range(len(words))])


def chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def mention(doc: Doc, i: int, code: str | None, sector: str | None = None) -> Mention:
    return Mention(start=doc[i].idx, end=doc[i].idx + len(doc[i]), text=doc[i].text, code=code, sector=sector,
                   kind="state", name=doc[i].text, key=f"state:{code}:{sector}", token_start=i, token_end=i + 1,
                   head=i)


def event(doc: Doc, trigger: int, actors: list[Mention], etype: str = "COERCE") -> EventFinding:
    return EventFinding(type=etype, mode=None, context=[], actors=actors, recipients=[], modality="asserted",
                        trigger=trigger, trigger_span=chars(doc, trigger, trigger + 1),
                        span=chars(doc, trigger, trigger + 1), sentence=0 if trigger < 11 else 1, confidence=0.9)


def claim(doc: Doc, speaker: Mention | None, speaker_text: str, content: tuple[int, int]) -> ClaimFinding:
    return ClaimFinding(speaker=speaker, speaker_text=speaker_text, speaker_span=chars(doc, 0, 1), cue="said",
                        cue_span=chars(doc, 1, 2), kind="indirect", content_span=chars(doc, *content),
                        span=chars(doc, 0, content[1]), certainty="claimed")


def date(doc: Doc, start: int, end: int, anchor: int, value: str) -> DateFinding:
    return DateFinding(text=doc[start:end].text, span=chars(doc, start, end), value=value, precision="day",
                       anchor=anchor)


def quantity(doc: Doc, i: int, anchor: int) -> QuantityFinding:
    return QuantityFinding(text=doc[i].text, span=chars(doc, i, i + 1), value=float(doc[i].text), unit=None,
                           role=None, bound="exact", low=None, high=None, projected=False, anchor=anchor)


def run(doc: Doc, actors: list[Mention], events: list[EventFinding], claims: Sequence[ClaimFinding] = (),
        dates: Sequence[DateFinding] = (), quantities: Sequence[QuantityFinding] = (),
        pub_date: dt.date = dt.date(2024, 3, 5)) -> Document:
    found = Findings(actors=ActorIndex(list(actors)), claims=list(claims), events=events,
                     quantities=list(quantities), dates=list(dates), genre=Genre(label="reporting", score=0.1))
    return assemble(doc, found, doc_id="d", sha="0" * 64, item=SourceItem(text=doc.text), pub_date=pub_date,
                    coder=CODER, warnings=[])


def test_an_event_inside_a_claims_content_is_attributed_to_its_speaker() -> None:
    doc = parse()
    kenya, police = mention(doc, 0, "KEN", "GOV"), mention(doc, 2, "KEN", "COP")
    out = run(doc, [kenya, police], [event(doc, 3, [police]), event(doc, 12, [], "CONSULT")],
              claims=[claim(doc, kenya, "Kenya", (2, 10))])
    inside, outside = out.events
    assert inside.attribution is not None and inside.attribution.claim == "c1"
    assert (inside.attribution.code, inside.attribution.sector) == ("KEN", "GOV")
    assert outside.attribution is None
    assert out.claims[0].events == ["e1"]


def test_the_innermost_covering_claim_wins() -> None:
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    outer = claim(doc, None, "Kenya", (2, 10))
    inner = claim(doc, None, "police", (3, 6))
    out = run(doc, [police], [event(doc, 3, [police])], claims=[outer, inner])
    assert out.events[0].attribution is not None
    assert out.events[0].attribution.source == "police"


def test_an_unnamed_possessive_speaker_speaks_for_the_events_actor() -> None:
    # "its ministry said": no code of its own, so the event's actor presents it
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police])], claims=[claim(doc, None, "its ministry", (2, 10))])
    assert out.events[0].attribution is not None
    assert out.events[0].attribution.code == "KEN"


def test_a_speaker_phrase_takes_the_actor_named_inside_it() -> None:
    # the speaker words cover a coded mention: that actor is the speaker
    doc = parse()
    kenya, police = mention(doc, 0, "KEN", "GOV"), mention(doc, 2, "KEN", "COP")
    out = run(doc, [kenya, police], [event(doc, 3, [police])], claims=[claim(doc, None, "Kenya", (2, 10))])
    speaker = out.claims[0].speaker
    assert speaker is not None and speaker.code == "KEN"


def test_a_date_on_the_trigger_dates_the_event_and_one_on_the_cue_the_report() -> None:
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police])], claims=[claim(doc, None, "Kenya", (2, 10))],
              dates=[date(doc, 8, 10, 3, "2024-03-04"), date(doc, 0, 1, 1, "2024-03-05")])
    ev = out.events[0]
    assert ev.date is not None and ev.date.value == "2024-03-04"
    assert ev.report_date == "2024-03-05"


def test_a_prepositional_date_on_the_object_dates_the_event() -> None:
    # the parser hung "in ..." on the object: still the event's date (a bare "2016 ruling" would not be)
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police])], dates=[date(doc, 6, 8, 5, "2024-03")])
    assert out.events[0].date is not None and out.events[0].date.value == "2024-03"


def test_a_date_in_another_sentence_dates_nothing() -> None:
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police])], dates=[date(doc, 11, 12, 12, "2024-03-01")])
    assert out.events[0].date is None


def test_an_asserted_event_dated_over_a_year_before_the_report_is_historical() -> None:
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    old = run(doc, [police], [event(doc, 3, [police])], dates=[date(doc, 8, 10, 3, "2022-03-04")])
    recent = run(doc, [police], [event(doc, 3, [police])], dates=[date(doc, 8, 10, 3, "2023-06-04")])
    assert old.events[0].modality == "historical"
    assert recent.events[0].modality == "asserted"


def test_a_quantity_belongs_to_the_event_whose_clause_holds_it() -> None:
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police]), event(doc, 12, [], "CONSULT")],
              quantities=[quantity(doc, 4, 5)])
    assert out.events[0].quantities == ["q1"]
    assert out.quantities[0].event == "e1"
    assert out.events[1].quantities == []


def test_a_governing_trigger_beats_a_nearer_one() -> None:
    # anchored on the final "." (under "said" only): "said" governs it, though "arrested" is nearer
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 1, [police], "ACCUSE"), event(doc, 3, [police])],
              quantities=[quantity(doc, 4, 10)])
    assert out.quantities[0].event == "e1"


def test_a_quantity_under_no_trigger_takes_no_other_predicates_event() -> None:
    # anchored on "said", which no event triggers: a nearby trigger of the sentence is another happening
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police]), event(doc, 7, [], "PROTEST")],
              quantities=[quantity(doc, 4, 1)])
    assert out.quantities[0].event is None


def test_a_quantity_in_a_sentence_without_events_belongs_to_none() -> None:
    doc = parse()
    police = mention(doc, 2, "KEN", "COP")
    out = run(doc, [police], [event(doc, 3, [police])], quantities=[quantity(doc, 4, 12)])
    assert out.quantities[0].event is None
