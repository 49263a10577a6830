"""What each analysis stage finds, before the pipeline numbers it into `model` records.

Stages take a parsed spaCy `Doc` (plus, where they need it, the `ActorIndex` of resolved actors)
and return these small, typed findings; `pipeline.py` assembles them into a `model.Document`.
All spans are character offsets `[start, end)` into `doc.text`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

from dotterel.model import Bound, Certainty, EntityKind, Modality, Span

ClaimKind = Literal["direct", "indirect", "mixed"]
Precision = Literal["day", "month", "year"]


@dataclass(slots=True, frozen=True)
class Mention:
    """One place in the text that names (or stands for) an actor."""

    start: int  # char offsets
    end: int
    text: str
    code: str | None
    sector: str | None
    kind: EntityKind
    name: str | None  # canonical name of the actor ("North Korea", "Volodymyr Zelenskyy")
    key: str  # groups mentions of the same actor into one Entity ("PRK", "PER:Volodymyr Zelenskyy")
    token_start: int  # token offsets into the Doc
    token_end: int
    head: int  # token index of the mention's syntactic head
    place: bool = False  # a town or city standing for its state: a location or target, never a party to talks

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(slots=True)
class ActorIndex:
    """Resolved actor mentions of one document, in text order, with token lookups."""

    mentions: list[Mention] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.token_start for m in self.mentions]
        for m in self.mentions:
            for i in range(m.token_start, m.token_end):
                self._by_token[i] = m

    def at_token(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def in_tokens(self, start: int, end: int) -> list[Mention]:
        """Mentions lying entirely within tokens [start, end)."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.token_end <= end]


@dataclass(slots=True)
class ClaimFinding:
    """A statement attributed to a speaker: "X said (that) ...", quotes, "according to X"."""

    speaker: Mention | None
    speaker_text: str  # the words naming the speaker ("South Korean lawmakers", "officials")
    speaker_span: Span
    cue: str  # the reporting word ("said", "claim", "according to", "confirmation")
    cue_span: Span
    kind: ClaimKind
    content_span: Span
    span: Span  # the whole claim (speaker, cue and content)
    certainty: Certainty


@dataclass(slots=True)
class QuantityFinding:
    text: str
    span: Span
    value: float | None
    unit: str | None
    role: str | None
    bound: Bound
    low: float | None
    high: float | None
    projected: bool
    anchor: int  # token index the quantity attaches to (its head), for linking to an event
    predicate: int | None = None  # token index of the happening it counts (quantities.predicate); None: none


@dataclass(slots=True)
class DateFinding:
    text: str
    span: Span
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when unresolved
    precision: Precision | None
    anchor: int  # token index of the verb (or noun) the date expression modifies


@dataclass(slots=True)
class EventFinding:
    type: str
    mode: str | None
    context: list[str]
    actors: list[Mention]  # unresolvable actors ("experts") are Mentions with code None
    recipients: list[Mention]
    modality: Modality
    trigger: int  # token index
    trigger_span: Span
    span: Span  # the clause the event was read from
    sentence: int
    confidence: float
    location: Mention | None = None
