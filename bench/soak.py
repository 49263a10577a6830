"""Issue 19 fault soak: SIGKILL `dotterel ingest` at random moments, resume, compare with a clean run.

For each worker count (1 and 2): ingest the first N articles of the sample corpus into a fresh SQLite
store, killing the process with SIGKILL after a random delay, K times in all (each restart resumes the
same store); then let it finish. A clean uninterrupted run makes the reference store. The two must hold
the same rows on natural keys (document sha256/doc_id/path, event tuples, actors, quarantine) and
`PRAGMA integrity_check` must say ok.

    .venv/bin/python bench/soak.py --articles 300 --kills 12
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/corpora/news_sample.jsonl"
DOTTEREL = str(Path(sys.executable).with_name("dotterel"))

NATURAL = {
    "documents": "SELECT sha256, doc_id, pub_date, path, text FROM documents",
    "events": "SELECT d.sha256, e.local_id, e.type, e.modality, e.day FROM events e "
              "JOIN documents d ON d.id = e.document_id",
    "actors": "SELECT d.sha256, e.local_id, a.role, a.position, a.code, a.text FROM event_actors a "
              "JOIN events e ON e.id = a.event_id JOIN documents d ON d.id = e.document_id",
    "quarantine": "SELECT path, locator, reason FROM quarantine",
}


def natural(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as conn:
        return {k: sorted(conn.execute(q).fetchall(), key=repr) for k, q in NATURAL.items()}


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def ingest_cmd(corpus: Path, db: Path, workers: int) -> list[str]:
    return [DOTTEREL, "ingest", str(corpus), "--db", str(db), "--workers", str(workers), "--batch-size", "4", "-q"]


def soak(corpus: Path, db: Path, workers: int, kills: int, rng: random.Random, max_delay: float) -> tuple[int, int]:
    killed = tries = 0
    while killed < kills and tries < kills * 3:
        tries += 1
        proc = subprocess.Popen(ingest_cmd(corpus, db, workers), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        delay = rng.uniform(0.5, max_delay)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed += 1
            continue
        if proc.returncode != 0:  # finished on its own: a fault only if it failed
            raise SystemExit(f"ingest exited {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        break
    final = subprocess.run(ingest_cmd(corpus, db, workers), capture_output=True, text=True)
    if final.returncode != 0 or "Traceback" in final.stderr:
        raise SystemExit(f"resume failed ({final.returncode}): {final.stderr[-2000:]}")
    return killed, final.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--kills", type=int, default=12, help="SIGKILLs per worker count")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--max-delay", type=float, default=8.0, help="longest wait before a kill, seconds")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with CORPUS.open("rb") as fh:
            corpus.write_bytes(b"".join(line for _, line in zip(range(args.articles), fh)))
        clean = Path(tmp) / "clean.db"
        start = time.monotonic()
        ref = subprocess.run(ingest_cmd(corpus, clean, 1), capture_output=True, text=True)
        print(f"clean run: {args.articles} articles, {time.monotonic() - start:.0f} s, exit {ref.returncode}")
        want = natural(clean)
        total_kills = 0
        for workers in args.workers:
            db = Path(tmp) / f"soak{workers}.db"
            start = time.monotonic()
            killed, _ = soak(corpus, db, workers, args.kills, rng, args.max_delay)
            total_kills += killed
            got = natural(db)
            diff = {k: (len(want[k]), len(got[k])) for k in want if want[k] != got[k]}
            check = integrity(db)
            ok = not diff and check == "ok"
            failures += not ok
            print(f"workers {workers}: {killed} SIGKILLs, {time.monotonic() - start:.0f} s, "
                  f"documents {len(got['documents'])}, events {len(got['events'])}, "
                  f"quarantine {len(got['quarantine'])}, integrity_check {check}, "
                  f"equal to clean run: {'yes' if not diff else diff}")
        print(f"total SIGKILLs {total_kills}, failures {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
