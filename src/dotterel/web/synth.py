"""Hand-made `dotterel/1` Documents for tests, benchmarks and demos of the dashboard.

`make_document` builds a valid record from a text and short event/claim/quantity specs, finding each
span by the words given, so tests control exactly what is stored without depending on NLP accuracy.
`synthetic_corpus` generates many such documents (for `bench/web.py`'s 100,000-event store).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from dotterel import __version__
from dotterel.events.ontology import ONTOLOGY
from dotterel.model import (
    SCHEMA,
    ActorRef,
    Attribution,
    Claim,
    Coder,
    Document,
    Event,
    Genre,
    Quantity,
    Speaker,
    Trigger,
)


@dataclass(slots=True)
class EventSpec:
    """An event: `trigger`, `actor` and `recipient` are words of the text (first occurrence after `after`)."""

    type: str
    trigger: str
    actor: tuple[str, str | None]  # (words, code)
    recipient: tuple[str, str | None]
    modality: str = "asserted"
    attribution: tuple[str, str | None, str] | None = None  # (source words, code, cue)
    after: str = ""  # look for the words after this text, to tell repeated sentences apart


@dataclass(slots=True)
class ClaimSpec:
    speaker: tuple[str, str | None]
    cue: str
    content: str
    certainty: str = "certain"
    events: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuantitySpec:
    text: str
    value: float
    unit: str
    role: str | None = None
    bound: str = "exact"


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.find(words, after)
    if start < 0:
        raise ValueError(f"{words!r} is not in the text")
    return start, start + len(words)


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    stop = text.rfind(". ", 0, pos)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, pos) + 1)
    end = text.find(".", pos)
    return start, (len(text) if end < 0 else end + 1)


def make_document(text: str, *, doc_id: str, pub_date: str | None, title: str | None = None,
                  source: str | None = None, url: str | None = None, events: Sequence[EventSpec] = (),
                  claims: Sequence[ClaimSpec] = (), quantities: Sequence[QuantitySpec] = ()) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    out_events = []
    for i, spec in enumerate(events, 1):
        after = text.find(spec.after) if spec.after else 0
        trig = _span(text, spec.trigger, after)
        a_span = _span(text, spec.actor[0], after)
        r_span = _span(text, spec.recipient[0], after)
        sent = _sentence_of(text, trig[0])
        att = None
        if spec.attribution:
            att = Attribution(source=spec.attribution[0], code=spec.attribution[1], sector=None, cue=spec.attribution[2],
                              claim=None, span=_span(text, spec.attribution[0]))
        type_spec = ONTOLOGY.spec(spec.type)
        out_events.append(Event(
            id=f"e{i}", type=spec.type, mode=None, context=[], quad=type_spec.quad, score=type_spec.score,
            actor=[ActorRef(text=spec.actor[0], code=spec.actor[1], sector=None, entity=None, span=a_span)],
            recipient=[ActorRef(text=spec.recipient[0], code=spec.recipient[1], sector=None, entity=None, span=r_span)],
            modality=spec.modality, attribution=att, date=None, report_date=None, location=None, quantities=[],
            confidence=0.9, sentence=0, span=sent, trigger=Trigger(text=spec.trigger, span=trig)))
    out_claims = [Claim(
        id=f"c{i}", speaker=Speaker(text=c.speaker[0], code=c.speaker[1], sector=None), cue=c.cue, kind="indirect",
        content=c.content, span=(min(_span(text, c.speaker[0])[0], _span(text, c.content)[0]), _span(text, c.content)[1]),
        content_span=_span(text, c.content), certainty=c.certainty, events=c.events)  # type: ignore[arg-type]
        for i, c in enumerate(claims, 1)]
    out_quantities = [Quantity(
        id=f"q{i}", text=q.text, value=q.value, unit=q.unit, role=q.role, bound=q.bound, low=None,  # type: ignore[arg-type]
        high=None, projected=False, event=None, span=_span(text, q.text)) for i, q in enumerate(quantities, 1)]
    return Document(
        schema=SCHEMA, id=doc_id, text_sha256=sha, title=title, url=url, source=source, language="en",
        pub_date=pub_date, coder=Coder(name="dotterel", version=__version__, model="hand-made", knowledge="test"),
        text=text, genre=Genre(label="reporting", score=0.1), entities=[], events=out_events, claims=out_claims,
        quantities=out_quantities)


# --- many documents, for benchmarks ----------------------------------------------------------------

_COUNTRIES = ["RUS", "UKR", "USA", "CHN", "TWN", "PRK", "KOR", "ISR", "IRN", "IND", "PAK", "ARM", "AZE", "SRB",
              "XKX", "SDN", "ETH", "ERI", "VEN", "COL"]
_TEMPLATES = {  # type: (sentence, trigger word)
    "ASSAULT": ("{a} forces shelled positions held by {r} near the border", "shelled"),
    "ACCUSE": ("{a} officials accused {r} of violating the agreement", "accused"),
    "THREATEN": ("{a} threatened {r} with retaliation", "threatened"),
    "MOBILIZE": ("{a} moved troops towards {r}", "moved"),
    "SANCTION": ("{a} imposed new sanctions on {r}", "imposed"),
    "CONSULT": ("{a} envoys met counterparts from {r}", "met"),
    "AGREE": ("{a} agreed with {r} to resume talks", "agreed"),
    "AID": ("{a} sent humanitarian aid to {r}", "sent"),
    "COERCE": ("{a} seized vessels belonging to {r}", "seized"),
    "REJECT": ("{a} rejected the proposal from {r}", "rejected"),
}


def synthetic_corpus(n_events: int, *, events_per_doc: int = 10, start: dt.date = dt.date(2023, 1, 2),
                     days: int = 730, seed: int = 7) -> Iterator[Document]:
    """Documents totalling `n_events` events over `days` days; a few dyads get flare-ups (alerts)."""
    rng = random.Random(seed)
    dyads = [(a, b) for a in _COUNTRIES for b in _COUNTRIES if a != b]
    hot = rng.sample(dyads, 8)
    types = list(_TEMPLATES)
    made = 0
    n = 0
    while made < n_events:
        n += 1
        day = start + dt.timedelta(days=rng.randrange(days))
        k = min(events_per_doc, n_events - made)
        sentences, specs = [], []
        for j in range(k):
            flare = day.toordinal() % 97 < 7
            a, r = rng.choice(hot) if flare and rng.random() < 0.5 else rng.choice(dyads)
            etype = "ASSAULT" if flare and rng.random() < 0.6 else rng.choice(types)
            template, trigger = _TEMPLATES[etype]
            sentences.append(f"[{j}] " + template.format(a=a, r=r) + ".")
            specs.append(EventSpec(etype, trigger, (a, a), (r, r), after=f"[{j}] ",
                                   modality="asserted" if rng.random() < 0.9 else "hypothetical"))
        text = f"Report {n}. " + " ".join(sentences)
        yield make_document(text, doc_id=f"syn{n:06d}", pub_date=day.isoformat(), title=f"Synthetic report {n}",
                            source=rng.choice(["wire-a", "wire-b", "paper-c"]), events=specs)
        made += k


# --- a small fixed story, for tests and demos ------------------------------------------------------

HOSTILE_TITLE = '<script>alert("title")</script> Strikes'
HOSTILE_URL = "javascript:alert(document.cookie)"
HOSTILE_SOURCE = '"><img src=x onerror=alert(2)>'


def demo_documents(last_monday: dt.date = dt.date(2024, 5, 13)) -> list[Document]:
    """Ten quiet weeks of RUS-UKR accusations, then a week of shelling (an alert), plus a negated
    PRK-KOR event, a cooperative USA-CHN meeting, and one article whose text, title, URL and source are
    hostile HTML/JavaScript (ISR-IRN), for the escaping tests."""
    docs = []
    for k in range(10, 0, -1):
        day = last_monday - dt.timedelta(weeks=k)
        text = (f"Kyiv, {day:%d %B}. Russia accused Ukraine of violating the grain corridor deal, "
                "officials in Moscow said on Monday.")
        docs.append(make_document(text, doc_id=f"quiet-{k:02d}", pub_date=day.isoformat(), source="wire-a",
                                  title=f"Moscow accuses Kyiv (week -{k})",
                                  events=[EventSpec("ACCUSE", "accused", ("Russia", "RUS"), ("Ukraine", "UKR"),
                                                    attribution=("officials in Moscow", "RUS", "said"))]))
    d1 = last_monday + dt.timedelta(days=1)
    text = ("Russian forces shelled Kharkiv overnight, killing at least 12 civilians, Ukrainian officials said. "
            "Russia also struck power stations in the Ukrainian region of Sumy. "
            "Moscow said its troops would not attack Ukraine's capital.")
    docs.append(make_document(
        text, doc_id="kharkiv-shelling", pub_date=d1.isoformat(), source="wire-a", url="https://example.org/kharkiv",
        title="Russian forces shell Kharkiv",
        events=[EventSpec("ASSAULT", "shelled", ("Russian forces", "RUS"), ("Kharkiv", "UKR"),
                          attribution=("Ukrainian officials", "UKR", "said")),
                EventSpec("ASSAULT", "struck", ("Russia", "RUS"), ("Ukrainian region of Sumy", "UKR")),
                EventSpec("ASSAULT", "attack", ("its troops", "RUS"), ("Ukraine's capital", "UKR"), modality="negated",
                          attribution=("Moscow", "RUS", "said"))],
        claims=[ClaimSpec(("Ukrainian officials", "UKR"), "said",
                          "Russian forces shelled Kharkiv overnight, killing at least 12 civilians", events=["e1"])],
        quantities=[QuantitySpec("at least 12 civilians", 12, "civilians", role="killed", bound="lower")]))
    d2 = last_monday + dt.timedelta(days=2)
    text = "Russian artillery bombarded the city of Kherson on Wednesday, the regional governor said."
    docs.append(make_document(
        text, doc_id="kherson-bombardment", pub_date=d2.isoformat(), source="paper-b", title="Kherson bombarded",
        events=[EventSpec("ASSAULT", "bombarded", ("Russian artillery", "RUS"), ("the city of Kherson", "UKR"),
                          attribution=("the regional governor", "UKR", "said"))]))
    text = "South Korean officials said there was no exchange of fire between North Korea and South Korea."
    docs.append(make_document(
        text, doc_id="korea-no-fire", pub_date=d2.isoformat(), source="paper-b", title="No exchange of fire",
        events=[EventSpec("ASSAULT", "exchange", ("North Korea", "PRK"), ("South Korea", "KOR"), modality="negated")]))
    text = "The United States met Chinese diplomats in Vienna to discuss trade."
    docs.append(make_document(
        text, doc_id="us-china-talks", pub_date=d1.isoformat(), source="wire-a", title="US and China meet",
        events=[EventSpec("CONSULT", "met", ("The United States", "USA"), ("Chinese diplomats", "CHN"))]))
    text = ("<script>alert('xss')</script> Israeli jets struck <img src=x onerror=alert(3)> targets in Iran "
            "\"onmouseover=\"alert(4)\" near <a href=\"javascript:alert(5)\">Isfahan</a>, the army said.")
    docs.append(make_document(
        text, doc_id="hostile<b>1</b>", pub_date=d1.isoformat(), source=HOSTILE_SOURCE, url=HOSTILE_URL,
        title=HOSTILE_TITLE,
        events=[EventSpec("ASSAULT", "struck", ("Israeli jets", "ISR"), ("targets in Iran", "IRN"),
                          attribution=("the army", "ISR", "said"))],
        quantities=[QuantitySpec("<img src=x onerror=alert(3)>", 3, "<b>units</b>")]))
    return docs


def write_documents(store, docs: Sequence[Document]) -> None:  # type: ignore[no-untyped-def]
    """Store documents as one ingest run, through the store's own writer."""
    from dotterel.store.writer import Analysed, finish_run, start_run, write_batch

    run_id = start_run(store, ["synthetic"], __version__, "test", 1)
    for i in range(0, len(docs), 500):
        write_batch(store, run_id, [Analysed(d, path="synthetic") for d in docs[i:i + 500]])
    finish_run(store, run_id, "done", len(docs))
