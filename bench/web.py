"""How fast the dashboard renders over a store of 100,000 events.

Synthesises documents (10 events each) into a fresh SQLite store through the store's writer, then
times the overview, a dyad page (the busiest dyad), a filtered dyad page, an article page and a few API
calls, each requested several times through the ASGI app in-process (server time: query + template,
no network). Prints the median and worst time per page.

    .venv/bin/python bench/web.py                       # 100,000 events
    .venv/bin/python bench/web.py --events 20000 --repeat 3
    .venv/bin/python bench/web.py --db /tmp/bench.db    # keep (and reuse) the store
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from dotterel.store import open_store
from dotterel.web import create_app
from dotterel.web.synth import synthetic_corpus, write_documents


def build(path: Path, n_events: int) -> float:
    t0 = time.perf_counter()
    store = open_store(str(path))
    docs = list(synthetic_corpus(n_events))
    write_documents(store, docs)
    store.close()
    return time.perf_counter() - t0


def timed(client: TestClient, url: str, repeat: int) -> tuple[float, float, int]:
    times = []
    status = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append(time.perf_counter() - t0)
        status = r.status_code
    return statistics.median(times), max(times), status


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, help="store to build (or reuse when it exists)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.db"
    if not path.exists():
        print(f"writing {args.events:,} synthetic events to {path} ...", flush=True)
        print(f"  stored in {build(path, args.events):.1f} s", flush=True)
    with TestClient(create_app(str(path))) as client:
        status = client.get("/api/status").json()
        print(f"store: {status['documents']:,} documents, {status['events']:,} events")
        top = client.get("/api/dyads", params={"limit": 1}).json()["items"]
        busiest = client.get("/api/events", params={"limit": 1}).json()["items"][0]["dyads"][0]
        dyad = top[0]["dyad"] if top else busiest
        doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["doc_id"]
        pages = {
            "overview /": "/",
            f"dyad /dyads/{dyad}": f"/dyads/{dyad}",
            "dyad, filtered (ASSAULT, asserted, 2024)": f"/dyads/{dyad}?type=ASSAULT&modality=asserted"
                                                        "&date_from=2024-01-01&date_to=2024-12-31",
            "dyad, monthly, page 5": f"/dyads/{dyad}?interval=month&page=5",
            f"article /articles/{doc_id}": f"/articles/{doc_id}",
            "api events (dyad, 100)": f"/api/events?dyad={dyad}&limit=100",
            "api alerts": "/api/alerts",
            "api series (dyad, day)": f"/api/dyads/{dyad}/series?interval=day",
        }
        t0 = time.perf_counter()
        client.get("/")  # cold: computes the overview aggregates, which are then cached until the next ingest
        print(f"{'overview / (cold: first request after an ingest)':<46} {(time.perf_counter() - t0) * 1000:7.0f}ms")
        print(f"{'page':<46} {'median':>8} {'worst':>8}  status   (repeat {args.repeat})")
        for name, url in pages.items():
            med, worst, code = timed(client, url, args.repeat)
            print(f"{name:<46} {med * 1000:7.0f}ms {worst * 1000:7.0f}ms  {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
