"""Dashboard under load, with and without an ingest writing at the same time (issue 22 §4).

Ingests the first `--base` articles of the sample corpus into a fresh SQLite store, starts `dotterel serve`
on it (its own process), then sends `--requests` requests at concurrency `--concurrency` over a mix of
pages and API endpoints (monitor-backed ones included): once alone, once while a second `dotterel ingest`
writes the next `--extra` articles. Prints requests/s, p50/p99/max latency, errors (status >= 500 or no
answer in `--timeout` s) and the longest stretch with no request completing.

    .venv/bin/python bench/load.py --base 200 --extra 150 --requests 2000

On a store made beforehand (issue 19: the whole sample corpus, `dotterel ingest news_sample.jsonl --db
/tmp/full.db`), copied first so the original stays as it was; the writer then stores `--synthetic` authored
articles (tests/test_ingest.py's generator: every sample article is already stored):

    .venv/bin/python bench/load.py --store /tmp/full.db --synthetic 400 --requests 5000

Only aggregate figures are printed (no article, id or title).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news_sample.jsonl"
DOTTEREL = [sys.executable, "-m", "dotterel.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slice_corpus(src: Path, dst: Path, start: int, n: int) -> Path:
    with src.open() as fh, dst.open("w") as out:
        for line in itertools.islice(fh, start, start + n):
            out.write(line)
    return dst


def ingest(db: str, path: Path, batch_size: int = 32) -> subprocess.Popen:
    return subprocess.Popen([*DOTTEREL, "ingest", str(path), "--db", db, "-q", "--batch-size", str(batch_size)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def urls(base: str, client: httpx.Client) -> list[str]:
    top = client.get(f"{base}/api/dyads", params={"n": 3}).json()["items"]
    docs = client.get(f"{base}/api/documents", params={"limit": 3}).json()["items"]
    out = ["/", "/api/dyads", "/api/alerts", "/api/clusters", "/api/status", "/api/events", "/api/documents",
           "/api/events?type=ASSAULT"]
    for d in top:
        out += [f"/dyads/{d['dyad']}", f"/api/dyads/{d['dyad']}/series"]
    for d in docs:
        out += [f"/articles/{d['doc_id']}", f"/api/documents/{d['doc_id']}"]
    return out


def route(path: str) -> str:
    """A path with document ids blanked: errors are reported by endpoint, never naming an article."""
    for prefix in ("/articles/", "/api/documents/"):
        if path.startswith(prefix):
            return prefix + "{id}"
    return path


def hammer(base: str, paths: list[str], n: int, concurrency: int, timeout: float) -> dict:
    latencies: list[float] = []
    done_at: list[float] = []
    errors: list[str] = []
    counter = itertools.count()
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=timeout) as client:
            while (i := next(counter)) < n:
                path = paths[i % len(paths)]
                t0 = time.perf_counter()
                try:
                    status = client.get(path).status_code
                    err = f"{status} {route(path)}" if status >= 500 else None
                except httpx.HTTPError as exc:
                    err = f"{type(exc).__name__} {route(path)}"
                t1 = time.perf_counter()
                with lock:
                    latencies.append(t1 - t0)
                    done_at.append(t1)
                    if err:
                        errors.append(err)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    lat = sorted(latencies)
    marks = sorted([started, *done_at])
    return {"requests": len(lat), "seconds": round(elapsed, 1), "req_per_s": round(len(lat) / elapsed, 1),
            "p50_s": round(lat[len(lat) // 2], 3), "p99_s": round(lat[int(len(lat) * 0.99) - 1], 3),
            "max_s": round(lat[-1], 3), "errors": len(errors), "error_kinds": sorted(set(errors))[:5],
            "longest_gap_s": round(max(b - a for a, b in zip(marks, marks[1:])), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--base", type=int, default=200, help="articles stored before the server starts")
    ap.add_argument("--extra", type=int, default=150, help="articles the concurrent ingest writes")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--store", type=Path, help="serve a copy of this SQLite store instead of ingesting --base")
    ap.add_argument("--synthetic", type=int, default=0,
                    help="the writer stores this many authored articles instead of the next --extra of the corpus")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dotterel-load-"))
    db = str(tmp / "store.db")
    t0 = time.perf_counter()
    if args.store:
        shutil.copyfile(args.store, db)  # a checkpointed store: the copy is the whole database
        args.base = 0
    else:
        first = ingest(db, slice_corpus(args.corpus, tmp / "base.jsonl", 0, args.base))
        if first.wait() != 0:
            sys.exit(f"ingest failed: {first.stderr.read() if first.stderr else ''}")
        print(f"stored {args.base} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*DOTTEREL, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(timeout=120) as client:
            for _ in range(300):
                try:
                    if client.get(f"{base}/api/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            client.get(f"{base}/api/status")  # the first monitor build
            paths = urls(base, client)
            for path in paths:  # warm-up: the monitor's whole-store results are computed once, not timed
                client.get(f"{base}{path}")
        alone = hammer(base, paths, args.requests, args.concurrency, args.timeout)
        # small batches: the writer commits (and the monitor rebuilds) every few seconds during the run
        if args.synthetic:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from test_ingest import write_corpus

            extra = write_corpus(tmp / "extra.jsonl", args.synthetic)
        else:
            extra = slice_corpus(args.corpus, tmp / "extra.jsonl", args.base, args.extra)
        writer = ingest(db, extra, batch_size=4)
        start_docs = httpx.get(f"{base}/api/status", timeout=60).json()["documents"]
        stored_at_start = start_docs
        for _ in range(600):  # until the writer has committed its first batch
            before = httpx.get(f"{base}/api/status", timeout=60).json()
            if before["documents"] > start_docs or writer.poll() is not None:
                break
            time.sleep(0.2)
        writer_done: list[float] = []
        threading.Thread(target=lambda: writer_done.append((writer.wait(), time.perf_counter())[1]), daemon=True).start()
        phase_start = time.perf_counter()
        with_writer = hammer(base, paths, args.requests, args.concurrency, args.timeout)
        phase_end = time.perf_counter()
        # how much of the phase had the writer running (it should be all of it: give it enough articles)
        with_writer["writer_overlap_s"] = round(min(writer_done[0] if writer_done else phase_end, phase_end)
                                                - phase_start, 1)
        after = httpx.get(f"{base}/api/status", timeout=60).json()
        with_writer["documents_stored_meanwhile"] = after["documents"] - before["documents"]
        still_writing = writer.poll() is None
        writer_rc = writer.wait()
        report = {"store_documents": stored_at_start, "base_articles": args.base,
                  "extra_articles": args.synthetic or args.extra, "concurrency": args.concurrency,
                  "alone": alone, "with_writer": with_writer, "writer_still_running_at_end": still_writing,
                  "writer_exit": writer_rc, "cpus": os.cpu_count()}
        print(json.dumps(report, indent=1))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
