"""Quotation regions of a parsed document, found from the quote-mark tokens.

Curly quotes open and close explicitly; straight quotes alternate. Archive and wire text writes quotes
with ASCII pairs: ``…'' (two backticks open, two apostrophes close) or ''…'' (two apostrophes both
ways), so `''` alternates like a straight quote, closing a ``-opened one. News style leaves a quote open
at the end of a paragraph when the quotation goes on in the next one, so an open quote is closed at
every paragraph break instead of swallowing the rest of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

OPENERS = frozenset({"“", "``", "«", "„"})
CLOSERS = frozenset({"”", "»"})
STRAIGHT = frozenset({'"', "''"})
_MARK_CHARS = re.compile("[\"“”«»„`'\n]")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its marks (token indices; `close` may be None when cut by a paragraph) and the
    character span of what lies between them."""

    open: int
    close: int | None
    start: int  # chars, inside the marks
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _make(doc: Doc, open_i: int, close_i: int | None, last_i: int) -> Quote | None:
    first, last = open_i + 1, (close_i - 1 if close_i is not None else last_i)
    while first <= last and doc[first].is_space:
        first += 1
    while last >= first and doc[last].is_space:
        last -= 1
    if first > last:
        return None
    return Quote(open_i, close_i, doc[first].idx, doc[last].idx + len(doc[last]))


def _marks(doc: Doc, text: str, starts: list[int]) -> list[tuple[int, str]]:
    """(token index, kind) of quote-mark tokens ("open", "close", "straight") and of tokens holding or
    followed by a line break ("break"), in order. Found from the text, so a long document costs a
    regex scan, not a walk over every token."""
    marks: list[tuple[int, str]] = []
    for m in _MARK_CHARS.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0:
            continue
        tok = doc[i]
        if m.group() == "\n":
            marks.append((i, "break"))
        elif tok.idx == m.start() and tok.text in OPENERS:
            marks.append((i, "open"))
        elif tok.text == "`" and m.start() > 0 and text[m.start() - 1] == "`" and i > 0 and doc[i - 1].text == "`":
            marks.append((i, "open"))  # "``" split into two tokens: the quotation starts after the second
        elif tok.idx == m.start() and tok.text in CLOSERS:
            marks.append((i, "close"))
        elif tok.idx == m.start() and tok.text in STRAIGHT:
            marks.append((i, "straight"))
    return marks


def find_quotes(doc: Doc, text: str | None = None, starts: list[int] | None = None) -> list[Quote]:
    """Every quotation in `doc`, in text order (`text` and token `starts` may be passed when known)."""
    text = doc.text if text is None else text
    starts = [t.idx for t in doc] if starts is None else starts
    quotes: list[Quote] = []
    open_i: int | None = None
    for i, kind in _marks(doc, text, starts):
        if kind == "break":
            if open_i is not None and i > open_i:
                q = _make(doc, open_i, None, i)
                if q:
                    quotes.append(q)
                open_i = None
        elif kind == "open" or (kind == "straight" and open_i is None):
            open_i = i
        elif open_i is not None:
            q = _make(doc, open_i, i, i - 1)
            if q:
                quotes.append(q)
            open_i = None
    if open_i is not None:
        q = _make(doc, open_i, None, len(doc) - 1)
        if q:
            quotes.append(q)
    return quotes


class QuoteIndex:
    """Lookups of which quotation (if any) covers a character offset."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def at(self, char: int) -> Quote | None:
        k = bisect_right(self._starts, char) - 1
        if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quoted_chars(self, start: int, end: int) -> int:
        """How many characters of [start, end) lie inside quotations."""
        total = 0
        for q in self.quotes:
            if q.start >= end:
                break
            total += max(0, min(end, q.end) - max(start, q.start))
        return total

    def overlapping(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start < end and start < q.end]
