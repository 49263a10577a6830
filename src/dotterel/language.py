"""Closed-class English, read by every stage from one place: data/language/*.csv.

Auxiliaries, condition words, reporting verbs, pronouns, determiners, prepositions, grouping heads, number words and
month/weekday names. Each file lists a word once per use (`word,use`, or a `uses` column); a stage asks for
the words of one use. Where two stages read different lists of the same kind, the file keeps each stage's
words under its own use rather than merging them (a merge would change what the stages do).
"""

from __future__ import annotations

import csv
import functools

from dotterel.knowledge import data_path


@functools.cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    with data_path("language", f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(line for line in fh if not line.startswith("#")))


def _uses(row: dict[str, str]) -> list[str]:
    return (row.get("use") or row.get("uses") or "").split()


def ordered(name: str, use: str) -> tuple[str, ...]:
    """The words of `use` in data/language/<name>.csv, in file order; an unknown use raises (a typo)."""
    words = tuple(r["word"] for r in _rows(name) if use in _uses(r))
    if not words:
        raise KeyError(f"data/language/{name}.csv has no words for use {use!r}")
    return words


def words(name: str, *uses: str) -> frozenset[str]:
    """The words of any of `uses` in data/language/<name>.csv."""
    return frozenset(w for use in uses for w in ordered(name, use))


def numbers(use: str) -> list[tuple[str, float, str]]:
    """Number words a stage reads, (word, value, kind) in file order (data/language/numbers.csv); a word may
    come twice with two kinds ("mln": a number word and a suffix glued to digits)."""
    return [(r["word"], float(r["value"]), r["kind"]) for r in _rows("numbers") if use in _uses(r)]


def calendar(use: str) -> dict[str, tuple[str, int]]:
    """Month and weekday names a stage reads: word -> (month|weekday, number) (data/language/calendar.csv)."""
    return {r["word"]: (r["kind"], int(r["value"])) for r in _rows("calendar") if use in _uses(r)}
