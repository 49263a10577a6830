"""Quotation regions of a parsed document, found from the quote-mark tokens.

Curly quotes open and close explicitly; straight quotes alternate. News style leaves a quote open at
the end of a paragraph when the quotation goes on in the next one, so an open quote is closed at
every paragraph break instead of swallowing the rest of the document.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

OPENERS = frozenset({"“", "``", "«", "„"})
CLOSERS = frozenset({"”", "''", "»"})
STRAIGHT = frozenset({'"'})


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


def _is_paragraph_break(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_


def _make(doc: Doc, open_i: int, close_i: int | None, last_i: int) -> Quote | None:
    first, last = open_i + 1, (close_i - 1 if close_i is not None else last_i)
    while first <= last and doc[first].is_space:
        first += 1
    while last >= first and doc[last].is_space:
        last -= 1
    if first > last:
        return None
    return Quote(open_i, close_i, doc[first].idx, doc[last].idx + len(doc[last]))


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quotation in `doc`, in text order."""
    quotes: list[Quote] = []
    open_i: int | None = None
    for tok in doc:
        text = tok.text
        if text in OPENERS or (text in STRAIGHT and open_i is None):
            open_i = tok.i
        elif (text in CLOSERS or text in STRAIGHT) and open_i is not None:
            q = _make(doc, open_i, tok.i, tok.i - 1)
            if q:
                quotes.append(q)
            open_i = None
        if open_i is not None and tok.i > open_i and _is_paragraph_break(doc, tok.i):
            q = _make(doc, open_i, None, tok.i)
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
