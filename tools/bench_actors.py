"""Time actor resolution against spaCy parsing on the first N articles of a JSONL corpus.

usage: python tools/bench_actors.py [../shared/corpora/news_sample.jsonl] [N=200]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from dotterel import nlp
from dotterel.actors import resolve_actors
from dotterel.dates import parse_pub_date


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/news_sample.jsonl")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    items = [json.loads(line) for line, _ in zip(path.open(encoding="utf-8"), range(n))]
    nlp.load()
    resolve_actors(nlp.parse("Warm-up: Russia and NATO."), None)  # build the matcher once
    # CPU time of this process: the machine is shared, so wall-clock ratios swing with others' load
    t0 = time.process_time()
    docs = list(nlp.parse_many(item["text"] for item in items))
    parse_s = time.process_time() - t0
    words = sum(len(d) for d in docs)
    t0 = time.process_time()
    mentions = 0
    for item, doc in zip(items, docs):
        mentions += len(resolve_actors(doc, parse_pub_date(item.get("date"))).mentions)
    resolve_s = time.process_time() - t0
    print(f"{len(docs)} docs, {words} tokens, {mentions} mentions")
    print(f"CPU time: parse {parse_s:.2f} s ({words / parse_s:.0f} tok/s); resolve {resolve_s:.3f} s "
          f"= {100 * resolve_s / parse_s:.1f}% of parse time")


if __name__ == "__main__":
    main()
