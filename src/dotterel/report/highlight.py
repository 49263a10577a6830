"""Cutting a text at every highlight boundary: the one highlighter behind report/html.py and the web pages.

Highlights may nest or overlap (a claim contains the trigger of the event it reports), so the text is cut
at every start and end, and each piece comes with every highlight covering it. Each page then wraps a
piece once, with the union of its highlights; escaping stays with the page (the report uses `html.escape`,
the web's templates `markupsafe`), so this module never produces markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Spanned)


def pieces(text: str, items: Sequence[T]) -> Iterator[tuple[str, list[T]]]:
    """(piece of `text`, the items covering all of it, in `items` order), in text order; pieces cover the text."""
    bounds = sorted({0, len(text), *(i.start for i in items), *(i.end for i in items)})
    for a, b in zip(bounds, bounds[1:]):
        yield text[a:b], [i for i in items if i.start <= a and b <= i.end]
