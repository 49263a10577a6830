#!/usr/bin/env python3
"""Share of events with a coded actor, and with both actor and recipient codes, on corpus articles.

usage: tools/party_coverage.py [--limit N] [--seed S]   (articles of the corpus `dev` split only)

What the monitor, the maps and every export can use is an event with both parties coded; this counts
them over a seeded draw of dev articles run through `dotterel analyze --jsonl` (negated events left out,
as the counts leave them out).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
from pathlib import Path

from corpus import dev_records

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    records = dev_records()
    chosen = random.Random(args.seed).sample(records, min(args.limit, len(records)))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for r in chosen:
            tmp.write(json.dumps({k: r.get(k) for k in ("id", "text", "date", "title", "source")}) + "\n")
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "dotterel"), "analyze", "--jsonl", tmp.name],
                         capture_output=True, text=True, check=True).stdout
    Path(tmp.name).unlink()
    events = [e for line in out.splitlines() for e in json.loads(line).get("events", [])
              if e.get("modality") != "negated"]
    coded = lambda parties: any(p.get("code") for p in parties)  # noqa: E731
    with_actor = sum(coded(e["actor"]) for e in events)
    both = sum(coded(e["actor"]) and coded(e["recipient"]) for e in events)
    n = max(1, len(events))
    print(f"{len(chosen)} dev articles, {len(events)} events: coded actor {with_actor / n:.1%}, "
          f"actor and recipient {both / n:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
