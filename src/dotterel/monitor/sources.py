"""Independent sources: which outlet a document comes from, and which documents are syndicated copies.

- `outlet_of(source, url, doc_id)` maps a document's `source` / URL host through data/monitor/outlets.csv
  to a canonical outlet ("Associated Press", "AP" and apnews.com are one outlet); unknown outlets keep
  their own lower-cased name; a document with neither counts as its own outlet (`doc:<id>`).
- `signature(text)` is a MinHash signature (Broder 1997) of the text's word 3-shingles. Two texts whose
  estimated Jaccard similarity is at least `NEAR_DUPLICATE` are near-identical: a wire story reprinted
  with a dateline, a new headline or a closing credit line. Candidate pairs come from LSH banding, so
  the work grows with the number of near-duplicates, not with the square of the corpus.
- `syndication_groups(docs)` joins near-identical documents published within `SYNDICATION_DAYS` of each
  other; every document of a group takes the outlet of its earliest member, so a wire story printed by
  five papers is one independent source.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from dotterel.knowledge import data_path

NEAR_DUPLICATE = 0.6  # estimated Jaccard similarity of word 3-shingles
SYNDICATION_DAYS = 7
MAX_COMPARISONS = 50
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Outlet:
    key: str
    country: str | None


@functools.cache
def _outlets() -> dict[str, Outlet]:
    with data_path("monitor", "outlets.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["match"].strip().lower(): Outlet(r["outlet"].strip(), r["country"].strip() or None) for r in rows}


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


def outlet_of(source: str | None, url: str | None, doc_id: str) -> Outlet:
    """The canonical outlet of a document (see module docstring)."""
    table = _outlets()
    for candidate in (source, _host(url)):
        if candidate:
            name = " ".join(candidate.split()).lower()
            if name in table:
                return table[name]
    if source and source.strip():
        return Outlet(" ".join(source.split()), None)
    host = _host(url)
    if host:
        return table.get(host, Outlet(host, None))
    return Outlet(f"doc:{doc_id}", None)


_PRIME = (1 << 61) - 1
_N_HASHES = 20
_ROWS = 2  # 10 bands of 2 rows: pairs with Jaccard 0.6 become candidates with probability 0.99
# Fixed (a, b) pairs of the universal hashes (a*x + b) mod p: the signature must not change between runs.
_PERMS = [(int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=7).digest(), "big") | 1,
           int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=7).digest(), "big")) for i in range(_N_HASHES)]


def shingles(text: str) -> set[int]:
    """64-bit hashes of the lower-cased word 3-shingles of `text` (the words themselves for very short texts)."""
    words = [w.lower() for w in _WORD.findall(text)]
    grams = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))} if words else {""}
    return {int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big") for g in grams}


def signature(text: str) -> list[int]:
    """MinHash signature (20 values) of the text's shingles; equal positions estimate Jaccard similarity."""
    sh = shingles(text)
    return [min((a * x + b) % _PRIME for x in sh) for a, b in _PERMS]


def encode(sig: list[int]) -> str:
    return ",".join(f"{v:x}" for v in sig)


def decode(text: str) -> list[int]:
    return [int(v, 16) for v in text.split(",")]


def similarity(x: list[int], y: list[int]) -> float:
    return sum(a == b for a, b in zip(x, y)) / len(x)


@dataclass(frozen=True, slots=True)
class DocSig:
    """What syndication needs to know of a document."""

    pk: int
    doc_id: str
    pub_date: str | None
    outlet: str
    signature: list[int]


def _days(date: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(date[:10]).toordinal() if date else None
    except ValueError:
        return None


def syndication_groups(docs: Sequence[DocSig]) -> dict[int, str]:
    """Document pk -> independent-source key (the outlet of its syndication group's earliest member)."""
    parent = {d.pk: d.pk for d in docs}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    days = {d.pk: _days(d.pub_date) for d in docs}
    # Identical signatures (the same text) join at once, so a reprinted story costs no comparisons.
    exact: dict[tuple[int, ...], DocSig] = {}
    reps: list[DocSig] = []
    far = 10 ** 9
    for d in sorted(docs, key=lambda x: (days[x.pk] if days[x.pk] is not None else far, x.pk)):
        key = tuple(d.signature)
        seen = exact.get(key)
        day, seen_day = days[d.pk], (days[seen.pk] if seen is not None else None)
        if seen is not None and (day is None or seen_day is None or day - seen_day <= SYNDICATION_DAYS):
            union(seen.pk, d.pk)
        else:
            exact[key] = d
            reps.append(d)
    buckets: dict[tuple, list[DocSig]] = defaultdict(list)
    for d in reps:
        for band in range(0, _N_HASHES, _ROWS):
            buckets[(band, *d.signature[band:band + _ROWS])].append(d)
    for members in buckets.values():
        if len(members) < 2:
            continue
        # Compare only documents published within SYNDICATION_DAYS of each other (members in date order),
        # and at most MAX_COMPARISONS neighbours each: a huge bucket of common boilerplate stays linear.
        members.sort(key=lambda x: (days[x.pk] if days[x.pk] is not None else far, x.pk))
        for i, x in enumerate(members):
            for y in members[i + 1:i + 1 + MAX_COMPARISONS]:
                dx, dy = days[x.pk], days[y.pk]
                if dx is not None and dy is not None and dy - dx > SYNDICATION_DAYS:
                    break
                if find(x.pk) != find(y.pk) and similarity(x.signature, y.signature) >= NEAR_DUPLICATE:
                    union(x.pk, y.pk)
    groups: dict[int, list[DocSig]] = defaultdict(list)
    for d in docs:
        groups[find(d.pk)].append(d)
    out: dict[int, str] = {}
    for members in groups.values():
        first = min(members, key=lambda d: (d.pub_date or "9999", d.doc_id))
        for d in members:
            out[d.pk] = first.outlet
    return out


def count_sources(keys: Iterable[str]) -> int:
    return len(set(keys))


__all__ = ["DocSig", "NEAR_DUPLICATE", "Outlet", "count_sources", "decode", "encode", "outlet_of", "signature",
           "similarity", "syndication_groups"]
