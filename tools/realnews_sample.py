#!/usr/bin/env python3
"""Draw the real-news development sets from the corpus `dev` split (never `test`).

usage: tools/realnews_sample.py [--shared ../shared] [--seed 20261205] > tests/gold/realnews/sample.json

Two sets, both seeded so the draw can be repeated:
- political: 60 articles (30 Wikinews, 30 Reuters) about politics, diplomacy and conflict, for the
  hand-coded event gold (`dotterel eval realnews`);
- precision: 100 articles about business, technology, sport, science, accidents and crime, on which the
  coder should emit (almost) no events with a coded actor.

"Political" is decided by counting words of politics and conflict in title and text (a sampling rule,
not product knowledge: it only chooses which articles the coders read). Articles longer than 4,000
characters are skipped so that two coders can code every event of an article by hand; the skipped count
is printed on stderr.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from corpus import dev_records

POLITICAL = re.compile(
    r"\b(minister|president|premier|prime|government|parliament|congress|senate|opposition|election|"
    r"talks|treaty|accord|ceasefire|truce|sanction\w*|embargo|embassy|ambassador|diplomat\w*|summit|"
    r"troops|army|military|soldiers|rebels?|guerrillas?|militants?|police|protest\w*|strike[sd]?|"
    r"attack\w*|bomb\w*|killed|war|invasion|missiles?|nuclear|arrested|accused|condemn\w*|"
    r"warned|threat\w*|negotiat\w*|retaliat\w*|tariffs?|vetoe?d?)\b",
    re.IGNORECASE,
)
NON_POLITICAL_TOPICS = {"earn", "acq", "crude", "grain", "wheat", "corn", "coffee", "sugar", "cocoa",
                        "interest", "money-fx", "gnp", "cpi", "jobs", "ship", "nat-gas", "copper",
                        "gold", "tin", "rubber", "cotton", "livestock", "veg-oil", "oilseed", "iron-steel"}
WIKINEWS = "en.wikinews.org"
MAX_CHARS = 4000


def political_hits(record: dict) -> int:
    return len(POLITICAL.findall(f"{record.get('title') or ''}\n{record['text']}"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--seed", type=int, default=20261205)
    args = ap.parse_args()
    shared = Path(args.shared)
    records = dev_records(shared)
    rng = random.Random(args.seed)
    too_long = [r for r in records if len(r["text"]) > MAX_CHARS]
    usable = [r for r in records if len(r["text"]) <= MAX_CHARS]
    political, other = [], []
    for r in usable:
        hits = political_hits(r)
        topics = set((r.get("tags") or {}).get("topics") or [])
        if hits >= 6 and r.get("conflict_kw_hits", 0) >= 1:
            political.append(r)
        elif hits <= 2 and (r["source"] == WIKINEWS or topics & NON_POLITICAL_TOPICS):
            other.append(r)
    chosen: list[str] = []
    for source_is_wiki in (True, False):
        pool = sorted((r["id"] for r in political if (r["source"] == WIKINEWS) == source_is_wiki))
        chosen += rng.sample(pool, 30)
    precision_pool = sorted(r["id"] for r in other)
    precision = rng.sample(precision_pool, 100)
    print(f"dev records {len(records)}, skipped as longer than {MAX_CHARS} chars: {len(too_long)}; "
          f"political pool {len(political)}, non-political pool {len(other)}", file=sys.stderr)
    json.dump({"seed": args.seed, "about": __doc__.splitlines()[0],
               "political": chosen, "precision": precision}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
