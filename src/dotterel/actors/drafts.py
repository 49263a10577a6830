"""Mutable working records of actor mentions while one document is resolved, and their final form."""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.strings import get_string_id
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
    source: str  # country | demonym | capital | city | institution | organisation | group | leader | person | noun | ref
    key: str = ""
    plural: bool = False
    home: str | None = None  # a known office-holder out of office: his state, when the text gives no role
    # the mention a reference copied, while that one had no code yet (a group coded later in the pass)
    antecedent: Draft | None = field(default=None, compare=False, repr=False)

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


def actor_key(kind: EntityKind, code: str | None, sector: str | None, name: str | None) -> str:
    """Mentions of the same actor share a key: states by code+sector, others by name."""
    if kind == "state":
        return f"state:{code}:{sector or ''}"
    if kind == "person":
        return f"person:{name}"
    return f"{kind}:{name}:{sector or ''}"


def positions(doc: Doc, attr: int, words: Iterable[str]) -> list[int]:
    """Indices of tokens whose `attr` (ORTH, LOWER, LEMMA, ...) is one of `words`.

    Scans the Doc's C arrays instead of creating a Python Token per word: the hot loops of actor
    resolution only visit the few tokens that can matter.
    """
    if not len(doc):
        return []
    return np.flatnonzero(np.isin(doc.to_array(attr), _ids(tuple(sorted(words))))).tolist()


@functools.lru_cache(maxsize=64)
def _ids(words: tuple[str, ...]) -> np.ndarray:
    return np.fromiter((get_string_id(w) for w in words), dtype=np.uint64, count=len(words))


class Sentences:
    """Token -> sentence number, computed once per document."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") or doc.has_annotation(
            "DEP") else [0]

    def of(self, i: int) -> int:
        return bisect_right(self.starts, i) - 1


def to_mention(doc: Doc, d: Draft) -> Mention:
    start_char = doc[d.start].idx
    last = doc[d.end - 1]
    end_char = last.idx + len(last.text)
    span = doc[d.start:d.end]
    return Mention(
        start=start_char,
        end=end_char,
        text=span.text,  # not doc.text[...]: spaCy rebuilds doc.text from all tokens on every access
        code=d.code,
        sector=d.sector,
        kind=d.kind,
        name=d.name,
        key=d.key or actor_key(d.kind, d.code, d.sector, d.name),
        token_start=d.start,
        token_end=d.end,
        head=span.root.i,
        place=d.source == "city",
    )


def same_person(a: str, b: str) -> bool:
    """Whether two full names of one family name can be one person: the other words of one are among the
    other's, initials aside ("John R. Bolton" and "John Bolton"; not "Saddam Hussein" and "King Hussein")."""
    def given(name: str) -> set[str]:
        words = name.split()[:-1]
        return {w.lower() for w in words if not (len(w.rstrip(".")) == 1 or w.endswith("."))}
    x, y = given(a), given(b)
    return x <= y or y <= x
