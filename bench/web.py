"""How fast the dashboard renders over a store of 100,000 events.

Synthesises articles (10 coded events each, hand-made `dotterel/1` records via `tests/monitor_fixtures.py`) into a
fresh SQLite store through the store's writer. The first request builds the escalation monitor's clusters
(`monitor.build`) and the overview's aggregates (top dyads, every alert): timed on its own. Then times the
overview, a dyad page (the busiest pair), a date-filtered dyad page, a monthly dyad page, an article page
and a few API calls, each requested several times through the ASGI app in-process (server time: query +
template, no network). Prints the median and worst time per page.

    .venv/bin/python bench/web.py                       # 100,000 events
    .venv/bin/python bench/web.py --events 20000 --repeat 3
    .venv/bin/python bench/web.py --db /tmp/bench.db    # keep (and reuse) the store
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from dotterel.store import open_store
from dotterel.store.writer import Analysed, finish_run, start_run, write_batch
from dotterel.web import create_app

# The hand-made record builder is a test helper (tests/monitor_fixtures.py), not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import monitor_fixtures as fixtures  # noqa: E402

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "TWN", "PRK", "KOR", "ISR", "IRN", "IND", "PAK", "ARM", "AZE", "SRB",
             "XKX", "SDN", "ETH", "ERI", "VEN", "COL"]
TEMPLATES = {  # type: (sentence, trigger word)
    "ASSAULT": ("{a} forces shelled positions held by {r} near {place}", "shelled"),
    "ACCUSE": ("{a} officials accused {r} of violating the agreement", "accused"),
    "THREATEN": ("{a} threatened {r} with retaliation", "threatened"),
    "MOBILIZE": ("{a} moved troops towards {r}", "moved"),
    "SANCTION": ("{a} imposed new sanctions on {r}", "imposed"),
    "CONSULT": ("{a} envoys met counterparts from {r}", "met"),
    "AGREE": ("{a} agreed with {r} to resume talks", "agreed"),
    "AID": ("{a} sent humanitarian aid to {r}", "sent"),
    "COERCE": ("{a} seized vessels belonging to {r}", "seized"),
    "REJECT": ("{a} rejected the proposal from {r}", "rejected"),
}
PLACES = ["the border", "the river", "the port", "the airfield", "the capital", "the coast"]
SOURCES = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Deutsche Welle"]


def articles(n_events: int, *, events_per_doc: int = 10, start: dt.date = dt.date(2023, 1, 2), days: int = 730,
             seed: int = 7) -> Iterator[dict]:
    """Article specs (tests/monitor_fixtures.py format) totalling `n_events` events; a few pairs get flare-ups."""
    rng = random.Random(seed)
    dyads = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b]
    hot = rng.sample(dyads, 8)
    made = n = 0
    while made < n_events:
        n += 1
        day = start + dt.timedelta(days=rng.randrange(days))
        k = min(events_per_doc, n_events - made)
        sentences, events = [], []
        for j in range(k):
            flare = day.toordinal() % 97 < 7
            a, r = rng.choice(hot) if flare and rng.random() < 0.5 else rng.choice(dyads)
            etype = "ASSAULT" if flare and rng.random() < 0.6 else rng.choice(list(TEMPLATES))
            template, trigger = TEMPLATES[etype]
            place = rng.choice(PLACES)
            sentences.append(f"[{j}] " + template.format(a=a, r=r, place=place) + ".")
            used = sum(e["trigger"] == trigger for e in events)
            events.append({"type": etype, "actor": [a], "recipient": [r], "trigger": trigger, "occurrence": used,
                           "location": place if etype == "ASSAULT" else None,
                           "modality": "asserted" if rng.random() < 0.9 else "hypothetical"})
        yield {"id": f"syn{n:06d}", "date": day.isoformat(), "source": rng.choice(SOURCES),
               "title": f"Synthetic report {n}", "text": f"Report {n}. " + " ".join(sentences), "events": events}
        made += k


def build(path: Path, n_events: int) -> float:
    t0 = time.perf_counter()
    store = open_store(str(path))
    run = start_run(store, ["bench"], fixtures.CODER.version, fixtures.CODER.knowledge, 1)
    batch, n = [], 0
    for spec in articles(n_events):
        batch.append(Analysed(fixtures.record(spec), path="bench"))
        if len(batch) == 500:
            write_batch(store, run, batch)
            n += len(batch)
            batch = []
    write_batch(store, run, batch)
    finish_run(store, run, "done", n + len(batch))
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
        t0 = time.perf_counter()
        client.get("/")  # cold: monitor.build, then the overview's aggregates (cached until the next ingest)
        cold = time.perf_counter() - t0
        status = client.get("/api/status").json()
        m = status["monitor"]
        print(f"store: {status['documents']:,} documents, {status['events']:,} events; monitor: {m['clusters']:,} "
              f"clusters from {m['clustered_events']:,} events, build {m['seconds']:.1f} s "
              f"({'rebuilt' if m['rebuilt'] else 'already current'})")
        print(f"{'overview / (cold: build + aggregates)':<46} {cold * 1000:7.0f}ms")
        dyad = client.get("/api/dyads", params={"n": 1}).json()["items"][0]["dyad"]
        doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["doc_id"]
        pages = {
            "overview /": "/",
            f"dyad /dyads/{dyad}": f"/dyads/{dyad}",
            "dyad, filtered (ASSAULT, asserted, 2024)": f"/dyads/{dyad}?type=ASSAULT&modality=asserted"
                                                        "&date_from=2024-01-01&date_to=2024-12-31",
            "dyad, monthly, page 5": f"/dyads/{dyad}?freq=month&page=5",
            f"article /articles/{doc_id}": f"/articles/{doc_id}",
            "api events (pair, 100)": f"/api/events?pair={dyad}&limit=100",
            "api alerts": "/api/alerts",
            "api series (pair, day)": f"/api/dyads/{dyad}/series?freq=day",
            "api clusters (pair, 50)": f"/api/clusters?dyad={dyad}",
            "api dyads": "/api/dyads",
        }
        print(f"{'page':<46} {'median':>8} {'worst':>8}  status   (repeat {args.repeat})")
        for name, url in pages.items():
            med, worst, code = timed(client, url, args.repeat)
            print(f"{name:<46} {med * 1000:7.0f}ms {worst * 1000:7.0f}ms  {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
