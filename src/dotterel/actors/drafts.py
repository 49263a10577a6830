"""Mutable working records of actor mentions while one document is resolved, and their final form."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from dotterel.findings import Mention
from dotterel.model import EntityKind


@dataclass(slots=True)
class Draft:
    """A mention under construction: token span [start, end) and what it resolves to."""

    start: int
    end: int
    code: str | None
    sector: str | None
    kind: EntityKind
    name: str | None
    source: str  # country | demonym | capital | institution | organisation | group | leader | person | noun | ref
    key: str = ""
    plural: bool = False

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


def actor_key(kind: EntityKind, code: str | None, sector: str | None, name: str | None) -> str:
    """Mentions of the same actor share a key: states by code+sector, others by name."""
    if kind == "state":
        return f"state:{code}:{sector or ''}"
    if kind == "person":
        return f"person:{name}"
    return f"{kind}:{name}:{sector or ''}"


class Sentences:
    """Token -> sentence number, computed once per document."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") or doc.has_annotation(
            "DEP") else [0]

    def of(self, i: int) -> int:
        return bisect_right(self.starts, i) - 1


def to_mention(doc: Doc, text: str, d: Draft) -> Mention:
    """The final Mention; `text` is `doc.text`, passed in because spaCy rebuilds it on every access."""
    start_char = doc[d.start].idx
    last = doc[d.end - 1]
    end_char = last.idx + len(last.text)
    span = doc[d.start:d.end]
    return Mention(
        start=start_char,
        end=end_char,
        text=text[start_char:end_char],
        code=d.code,
        sector=d.sector,
        kind=d.kind,
        name=d.name,
        key=d.key or actor_key(d.kind, d.code, d.sector, d.name),
        token_start=d.start,
        token_end=d.end,
        head=span.root.i,
    )
