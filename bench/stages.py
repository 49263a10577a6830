"""Cost of each analysis stage as a share of spaCy parse time, on the same articles, in one process.

    .venv/bin/python bench/stages.py [--limit 200]

Parses the articles once (the baseline), then times every stage on those parses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dotterel import nlp
from dotterel.actors import resolve_actors
from dotterel.assemble import Findings, assemble
from dotterel.claims import find_claims
from dotterel.dates import find_dates
from dotterel.events import code_events
from dotterel.genre import classify_genre
from dotterel.model import SourceItem
from dotterel.pipeline import coder_block
from dotterel.quantities import find_quantities
from dotterel.sources.normalize import prepare

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news_sample.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    splits = args.corpus.with_name("splits.json")
    dev = set(json.loads(splits.read_text())["dev"]) if splits.exists() else None  # never `test` records
    lines = [r for r in (json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip())
             if dev is None or r["id"] in dev][: args.limit]
    items = [prepare(SourceItem(text=r["text"], id=r.get("id"))) for r in lines]
    coder = coder_block()
    start = time.perf_counter()
    docs = list(nlp.parse_many(i.text for i in items))
    parse = time.perf_counter() - start
    spent: Counter[str] = Counter()

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        out = fn()
        spent[name] += time.perf_counter() - t
        return out

    day = dt.date(2020, 1, 1)
    for item, doc in zip(items, docs):
        actors = timed("actors", lambda: resolve_actors(doc, day))
        found = Findings(
            actors=actors,
            claims=timed("claims", lambda: find_claims(doc, actors)),
            events=timed("events", lambda: code_events(doc, actors)),
            quantities=timed("quantities", lambda: find_quantities(doc)),
            dates=timed("dates", lambda: find_dates(doc, day)),
            genre=timed("genre", lambda: classify_genre(doc)),
        )
        timed("assemble", lambda: assemble(doc, found, doc_id="x", sha="x", item=item, pub_date=day, coder=coder,
                                           warnings=[]))
    print(f"| stage | seconds | share of parse ({parse:.1f} s, {len(docs)} articles) |\n|---|---|---|")
    for name, seconds in spent.items():
        print(f"| {name} | {seconds:.2f} | {100 * seconds / parse:.1f} % |")
    print(f"| all stages | {sum(spent.values()):.2f} | {100 * sum(spent.values()) / parse:.1f} % |")


if __name__ == "__main__":
    main()
