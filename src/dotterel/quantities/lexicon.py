"""The quantity finder's knowledge, read once from `data/quantities/*.csv` (number words: the shared
`data/language/numbers.csv`).

Every word list (number words, units, bound cues, projection words, roles, context words) is a
reviewed data file; this module only parses them into lookup tables.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast, get_args

from dotterel import language
from dotterel.knowledge import data_path
from dotterel.model import Bound

BOUNDS = frozenset(get_args(Bound))


def _rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a CSV under data/quantities/, skipping `#` comment lines."""
    with data_path("quantities", name).open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    role: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    numbers: dict[str, tuple[float, str]]  # word -> (value, kind)
    suffixes: dict[str, float]  # "bn" -> 1e9
    pre_units: dict[tuple[str, ...], Unit]  # "$" / "us $" before the number
    post_units: dict[tuple[str, ...], Unit]  # "km" / "per cent" after it
    pre_bounds: dict[tuple[str, ...], Bound | str]  # "as many as" -> upper; "between" -> range
    post_bounds: dict[tuple[str, ...], Bound]
    projection: dict[str, frozenset[str]]  # kind -> words
    verb_roles: dict[str, str]
    noun_roles: dict[str, str]
    context: dict[str, frozenset[str]]  # kind -> words
    max_pre_unit: int
    max_post_unit: int
    max_pre_bound: int
    max_post_bound: int

    def number(self, word: str) -> tuple[float, str] | None:
        return self.numbers.get(word)

    def ctx(self, kind: str) -> frozenset[str]:
        return self.context.get(kind, frozenset())

    def proj(self, kind: str) -> frozenset[str]:
        return self.projection.get(kind, frozenset())


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


@functools.cache
def lexicon() -> Lexicon:
    numbers: dict[str, tuple[float, str]] = {}
    suffixes: dict[str, float] = {}
    for word, value, kind in language.numbers("quantities"):
        if kind == "suffix":  # glued or next to digits: "1.2bn", "300 m"
            suffixes[word] = value
        else:
            numbers[word] = (value, kind)
    pre_units: dict[tuple[str, ...], Unit] = {}
    post_units: dict[tuple[str, ...], Unit] = {}
    for r in _rows("units.csv"):
        target = pre_units if r["position"] == "pre" else post_units
        target[_key(r["surface"])] = Unit(r["unit"], r["role"])
    pre_bounds: dict[tuple[str, ...], Bound | str] = {}
    post_bounds: dict[tuple[str, ...], Bound] = {}
    for r in _rows("bounds.csv"):
        if r["position"] == "pre":
            pre_bounds[_key(r["phrase"])] = r["bound"]
        elif r["bound"] in BOUNDS:  # a typo in the data file must not become a bound nobody reads
            post_bounds[_key(r["phrase"])] = cast(Bound, r["bound"])
        else:
            raise ValueError(f"bounds.csv: {r['phrase']!r} has unknown bound {r['bound']!r}")
    projection: dict[str, set[str]] = {}
    for r in _rows("projection.csv"):
        projection.setdefault(r["kind"], set()).add(r["word"])
    for kind in ("epistemic", "future"):  # the auxiliaries are shared language data
        projection.setdefault(kind, set()).update(language.words("auxiliaries", f"projection_{kind}"))
    verb_roles: dict[str, str] = {}
    noun_roles: dict[str, str] = {}
    for r in _rows("roles.csv"):
        (verb_roles if r["pos"] == "verb" else noun_roles)[r["word"]] = r["role"]
    context: dict[str, set[str]] = {}
    for r in _rows("context.csv"):
        context.setdefault(r["kind"], set()).add(r["word"])
    return Lexicon(
        numbers=numbers,
        suffixes=suffixes,
        pre_units=pre_units,
        post_units=post_units,
        pre_bounds=pre_bounds,
        post_bounds=post_bounds,
        projection={k: frozenset(v) for k, v in projection.items()},
        verb_roles=verb_roles,
        noun_roles=noun_roles,
        context={k: frozenset(v) for k, v in context.items()},
        max_pre_unit=max(map(len, pre_units)),
        max_post_unit=max(map(len, post_units)),
        max_pre_bound=max(map(len, pre_bounds)),
        max_post_bound=max(map(len, post_bounds)),
    )
