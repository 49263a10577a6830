"""The shared news corpus as the project's tools may read it: records of the `dev` split only.

usage: tools/corpus.py > dev.jsonl   (the dev records as JSONL, for `dotterel ingest dev.jsonl --db dev.db`)

`test` records are never returned (their ids are read from splits.json to leave them out, nothing else).
"""
from __future__ import annotations

import json
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def dev_records(shared: Path = SHARED) -> list[dict]:
    """Every record of the `dev` split, in corpus order."""
    dev = set(json.loads((shared / "corpora" / "splits.json").read_text())["dev"])
    with (shared / "corpora" / "news_sample.jsonl").open(encoding="utf-8") as fh:
        return [r for r in map(json.loads, fh) if r["id"] in dev]


def main() -> int:
    """Write the `dev` records as JSONL (id, text, date, title, source) for `dotterel ingest`/`analyze --jsonl`."""
    import sys
    for r in dev_records():
        sys.stdout.write(json.dumps({k: r.get(k) for k in ("id", "text", "date", "title", "source")}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
