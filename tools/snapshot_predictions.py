#!/usr/bin/env python3
"""Snapshot `dotterel analyze --jsonl` over every evaluation set, and diff two snapshots.

usage:
  tools/snapshot_predictions.py take OUTDIR [--shared ../shared]   # one OUTDIR/<set>.jsonl per set
  tools/snapshot_predictions.py diff OLD_DIR NEW_DIR                # exit 1 and a summary when they differ

A refactoring that must not change behaviour takes a snapshot before and after and diffs them. The
snapshot leaves out `coder.knowledge` (a hash of the data files, which moves when files move) and keeps
every other field of every record. Sets: our gold files (tests/gold), the bundled examples, the
acceptance article, the PLOVER and PETRARCH2 records, and the real-news dev sample (its political and
precision articles, read from ../shared by id).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOTTEREL = ROOT / ".venv" / "bin" / "dotterel"


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _inputs(shared: Path) -> dict[str, list[dict]]:
    sets: dict[str, list[dict]] = {}
    for name in ("sentences", "articles", "heldout", "claims", "quantities",
                 "heldout_claims", "heldout_quantities"):
        path = ROOT / "tests" / "gold" / f"{name}.jsonl"
        if path.exists():
            sets[name] = [{"id": r.get("id", f"{name}-{i}"), "text": r["text"], "date": r.get("date")}
                          for i, r in enumerate(_jsonl(path))]
    sets["examples"] = [{k: r.get(k) for k in ("id", "text", "date", "title", "source")}
                        for r in _jsonl(ROOT / "examples" / "articles.jsonl")]
    acceptance = shared / "examples" / "north-korea-troops.txt"
    if acceptance.exists():
        sets["acceptance"] = [{"id": "acceptance", "text": acceptance.read_text(encoding="utf-8"),
                               "date": "2024-10-24"}]
    for name in ("plover_gsr", "petrarch2_gsr"):
        path = shared / "eval" / f"{name}.jsonl"
        if path.exists():
            sets[name] = [{"id": f"{r['id']}#{i}", "text": r["text"]} for i, r in enumerate(_jsonl(path))]
    sample = ROOT / "tests" / "gold" / "realnews" / "sample.json"
    corpus = shared / "corpora" / "news_sample.jsonl"
    if sample.exists() and corpus.exists():
        wanted = json.loads(sample.read_text())
        ids = set(wanted["political"]) | set(wanted["precision"])
        sets["realnews_sample"] = [{k: r.get(k) for k in ("id", "text", "date", "title", "source")}
                                   for r in _jsonl(corpus) if r["id"] in ids]
    return sets


def take(outdir: Path, shared: Path) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    for name, records in _inputs(shared).items():
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r) + "\n")
        run = subprocess.run([str(DOTTEREL), "analyze", "--jsonl", fh.name], capture_output=True, text=True)
        Path(fh.name).unlink()
        if run.returncode != 0:
            print(f"{name}: dotterel failed: {run.stderr.strip()[:300]}", file=sys.stderr)
            return 2
        with (outdir / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for line in run.stdout.splitlines():
                rec = json.loads(line)
                rec.get("coder", {}).pop("knowledge", None)
                out.write(json.dumps(rec, sort_keys=True) + "\n")
        print(f"{name}: {len(records)} records", file=sys.stderr)
    return 0


def diff(old: Path, new: Path) -> int:
    changed = 0
    for path in sorted(old.glob("*.jsonl")):
        other = new / path.name
        if not other.exists():
            print(f"{path.stem}: missing in {new}")
            changed += 1
            continue
        a, b = path.read_text().splitlines(), other.read_text().splitlines()
        differing = [json.loads(x).get("id") for x, y in zip(a, b) if x != y]
        if len(a) != len(b) or differing:
            changed += 1
            print(f"{path.stem}: {len(differing)} of {len(a)} records differ "
                  f"(first: {differing[:5]}){'; line counts differ' if len(a) != len(b) else ''}")
        else:
            print(f"{path.stem}: {len(a)} records identical")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take")
    t.add_argument("outdir", type=Path)
    t.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    args = ap.parse_args()
    return take(args.outdir, args.shared) if args.cmd == "take" else diff(args.old, args.new)


if __name__ == "__main__":
    raise SystemExit(main())
