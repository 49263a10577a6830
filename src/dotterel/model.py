"""Record types of the `dotterel/1` contract.

The JSON Schema in `schema/dotterel-1.schema.json` is generated from these types
(`python -m dotterel.model > src/dotterel/schema/dotterel-1.schema.json`) and a test keeps it in sync.
msgspec structs are used because they encode/decode to JSON an order of magnitude faster than
dataclasses + json and pickle cheaply across Dask workers.

Spans are `[start, end)` character offsets into `Document.text`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

import msgspec

SCHEMA = "dotterel/1"

Span = tuple[int, int]
Modality = Literal["asserted", "negated", "future", "hypothetical", "historical"]
Certainty = Literal["certain", "probable", "possible", "claimed", "opinion"]
Bound = Literal["exact", "approx", "lower", "upper", "range"]
EntityKind = Literal["state", "igo", "non_state", "person", "group"]


class Record(msgspec.Struct, kw_only=True, omit_defaults=False):
    """Base: keyword-only, never omits null fields (the contract lists them explicitly)."""


class Entity(Record):
    id: str
    text: str
    code: str | None
    sector: str | None
    name: str | None
    kind: EntityKind
    spans: list[Span]


class ActorRef(Record):
    """An actor or recipient of an event: the words used, and what they resolve to."""

    text: str
    code: str | None
    sector: str | None
    entity: str | None
    span: Span


class Attribution(Record):
    """Who presents the event (null on the event when the author asserts it)."""

    source: str
    code: str | None
    sector: str | None
    cue: str
    claim: str | None
    span: Span
    # Added field: how sure the source is (the certainty of the claim that carries the event).
    certainty: Certainty | None = None


class EventDate(Record):
    text: str
    value: str | None
    precision: Literal["day", "month", "year"] | None
    span: Span


class Location(Record):
    text: str
    code: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    span: Span | None = None


class Trigger(Record):
    text: str
    span: Span


class CasualtyFigure(Record):
    """A reported casualty figure read the ACLED way (DESIGN.md "Casualty fields"): `best` null for a vague
    amount ("dozens"); `source` who gives it (null when the author states it); `quantities` the ids of the
    quantities it was read from."""

    low: int | None
    best: int | None
    high: int | None
    source: str | None
    quantities: list[str] = msgspec.field(default_factory=list)


class Casualties(CasualtyFigure):
    """An event's fatalities or injured: the figure of the first-named source; `others` the figures other
    sources give."""

    others: list[CasualtyFigure] = msgspec.field(default_factory=list)


class Event(Record):
    id: str
    type: str
    mode: str | None
    context: list[str]
    quad: int
    score: float
    actor: list[ActorRef]
    recipient: list[ActorRef]
    modality: Modality
    attribution: Attribution | None
    date: EventDate | None
    report_date: str | None
    location: Location | None
    quantities: list[str]
    confidence: float
    sentence: int
    span: Span
    trigger: Trigger
    # Added fields (additive in dotterel/1): ACLED-style casualty figures from the linked quantities.
    fatalities: Casualties | None = None
    injured: Casualties | None = None


class Speaker(Record):
    text: str
    code: str | None
    sector: str | None
    entity: str | None = None
    span: Span | None = None


class Claim(Record):
    id: str
    speaker: Speaker | None
    cue: str
    kind: Literal["direct", "indirect", "mixed"]
    content: str
    span: Span
    content_span: Span
    certainty: Certainty
    events: list[str]


class Happening(Record):
    """The happening a quantity counts: the verb, event noun or adjective its phrase is an argument of."""

    text: str
    span: Span


class Quantity(Record):
    id: str
    text: str
    value: float | None
    unit: str | None
    role: str | None
    bound: Bound
    low: float | None
    high: float | None
    projected: bool
    event: str | None
    span: Span
    # added: what it counts ("14 people were killed" -> killed); the `event` link goes through it
    counts: Happening | None = None


class Genre(Record):
    label: Literal["opinion", "reporting"]
    score: float


class Coder(Record):
    name: str
    version: str
    model: str
    knowledge: str


class Document(Record):
    schema: str
    id: str
    text_sha256: str
    title: str | None
    url: str | None
    source: str | None
    language: str
    pub_date: str | None
    coder: Coder
    text: str
    genre: Genre
    entities: list[Entity]
    events: list[Event]
    claims: list[Claim]
    quantities: list[Quantity]
    # Added fields (the contract allows additions): sentence boundaries and non-fatal warnings.
    sentences: list[Span] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)


class ErrorRecord(Record):
    """What `--jsonl` prints for a line that could not be analysed."""

    id: str | None
    error: str


@dataclass(slots=True)
class SourceItem:
    """One input document before analysis: what readers give the analyser, before any record exists.

    `text` may still be raw (HTML); `dotterel.sources.normalize.prepare` cleans it.
    """

    text: str
    id: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:  # every reader builds items here: see dotterel.store.textsafe
        from dotterel.store.textsafe import scrub_fields

        self.warnings += scrub_fields(self, ("text", "id", "date", "title", "url", "source"))


_encoder = msgspec.json.Encoder()


def to_json(record: Record) -> bytes:
    return _encoder.encode(record)


def to_builtins(record: Record) -> dict:
    return msgspec.to_builtins(record)


def document_from_json(data: bytes | str) -> Document:
    return msgspec.json.decode(data, type=Document)


def json_schema() -> dict:
    schema = msgspec.json.schema(Document)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = SCHEMA
    return schema


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=1, sort_keys=True))
