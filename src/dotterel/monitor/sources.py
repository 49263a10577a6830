"""Independent sources: which outlet a document comes from, and which documents are syndicated copies.

- `outlet_of(source, url, doc_id)` maps a document's `source` / URL host through data/monitor/outlets.csv
  to a canonical outlet ("Associated Press", "AP" and apnews.com are one outlet); unknown outlets keep
  their own lower-cased name; a document with neither counts as its own outlet (`doc:<id>`).
- `simhash(text)` is a 64-bit SimHash over word 3-shingles (Charikar 2002; Manku et al. 2007 use the same
  distance for near-duplicate web pages). Two texts within `NEAR_DUPLICATE_BITS` bits of each other are
  near-identical: a syndicated wire story republished with a new headline or byline.
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

NEAR_DUPLICATE_BITS = 3
SYNDICATION_DAYS = 7
_BANDS = 4  # 4 bands of 16 bits: any two hashes within 3 bits agree on at least one band (pigeonhole)
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
        return Outlet(" ".join(source.split()).lower(), None)
    host = _host(url)
    if host:
        return table.get(host, Outlet(host, None))
    return Outlet(f"doc:{doc_id}", None)


def simhash(text: str) -> int:
    """64-bit SimHash of the lower-cased word 3-shingles of `text` (words alone for very short texts)."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))] if words else [""]
    weights = [0] * 64
    for sh in shingles:
        h = int.from_bytes(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if (h >> bit) & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


@dataclass(frozen=True, slots=True)
class DocSig:
    """What syndication needs to know of a document."""

    pk: int
    doc_id: str
    pub_date: str | None
    outlet: str
    simhash: int


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

    by_pk = {d.pk: d for d in docs}
    buckets: dict[tuple[int, int], list[DocSig]] = defaultdict(list)
    for d in docs:
        for band in range(_BANDS):
            buckets[(band, (d.simhash >> (16 * band)) & 0xFFFF)].append(d)
    for members in buckets.values():
        if len(members) < 2:
            continue
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                if bin(x.simhash ^ y.simhash).count("1") > NEAR_DUPLICATE_BITS:
                    continue
                dx, dy = _days(x.pub_date), _days(y.pub_date)
                if dx is not None and dy is not None and abs(dx - dy) > SYNDICATION_DAYS:
                    continue
                rx, ry = find(x.pk), find(y.pk)
                if rx != ry:
                    parent[max(rx, ry)] = min(rx, ry)
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


__all__ = ["DocSig", "NEAR_DUPLICATE_BITS", "Outlet", "count_sources", "outlet_of", "simhash", "syndication_groups"]
