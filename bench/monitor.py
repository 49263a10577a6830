"""Benchmark: monitor aggregation over 1 million stored events in SQLite.

    .venv/bin/python bench/monitor.py                 # 1,000,000 events, writes /tmp/dotterel-bench-monitor.db
    .venv/bin/python bench/monitor.py --events 200000 --build 100000

Synthesises documents, codings, events and event actors directly into a migrated store with bulk
inserts (no NLP), plus the monitor's cluster and cluster-dyad rows with one cluster per event (the
worst case for aggregation: nothing merged). Then times, on the database:
- `all_series` for every dyad per week (one GROUP BY over all cluster dyads),
- `series` for one dyad (indexed), `top_dyads`, and `alerts` over every dyad (FDR family = all dyads);
- with --build N: the clustering itself on the first N events (a fresh store), as events per second.
Prints one line per measurement; nothing is loaded into Python but aggregated rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path

from sqlalchemy import text

from dotterel.monitor import alerts, all_series, build, series, top_dyads
from dotterel.store import open_store
from dotterel.store.buckets import buckets

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "TWN", "PRK", "KOR", "IRN", "IRQ", "ISR", "PSE", "LBN", "SYR", "TUR",
             "ARM", "AZE", "IND", "PAK", "AFG", "SDN", "ETH", "ERI", "SOM", "COD", "RWA", "VEN", "GUY", "SRB",
             "XKX", "GEO", "MLI", "NER", "BFA", "YEM", "SAU", "EGY", "LBY", "DEU", "FRA", "GBR"]
TYPES = [("ASSAULT", 4, -9.0), ("COERCE", 4, -7.0), ("MOBILIZE", 4, -5.5), ("SANCTION", 4, -6.0),
         ("ACCUSE", 3, -3.0), ("THREATEN", 3, -3.5), ("REJECT", 3, -2.0), ("CONSULT", 1, 2.5), ("AGREE", 1, 2.5),
         ("SUPPORT", 1, 5.0), ("AID", 2, 10.0), ("COOPERATE", 2, 9.5)]
WORDS = ("troops border attack talks ceasefire minister said officials sanctions missile drone shelling village "
         "agreement aid convoy protest capital army rebels forces killed wounded navy vessel summit treaty").split()
START = dt.date(2022, 1, 3)
DAYS = 3 * 365


def synthesise(url: str, n_events: int, *, clusters: bool, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = open_store(url)
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]
    rng.shuffle(pairs)
    pairs = pairs[:200]
    weights = [1 / (k + 1) for k in range(len(pairs))]  # a few dyads get most of the news, as in real data
    n_docs = max(1, n_events // 10)
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    with store.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO ingest_runs (id, started_at, status, inputs, coder_version, coder_knowledge, workers, n_read,"
            " n_stored, n_recoded, n_duplicates, n_quarantined, n_events) VALUES (1, ?, 'done', '[]', 'bench', 'bench',"
            " 1, 0, 0, 0, 0, 0, 0)", (now,))
        docs, codings = [], []
        doc_days = []
        for d in range(1, n_docs + 1):
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            b = buckets(day.isoformat())
            doc_days.append(day)
            docs.append((d, f"bench-{d}", f"{d:064x}", None, None, f"Outlet {d % 40}", None, "en", b.day, b.day,
                         b.week, b.month, 10, " ".join(rng.choices(WORDS, k=40)), d, 1, now))
            codings.append((d, d, "dotterel", "bench", "bench", "bench", "reporting", 0.1, 10, "{}", 1, now))
        conn.exec_driver_sql("INSERT INTO documents (id, doc_id, sha256, title, url, source, path, language, pub_date,"
                             " pub_day, pub_week, pub_month, n_chars, text, current_coding_id, run_id, ingested_at)"
                             " VALUES (" + ",".join("?" * 17) + ")", docs)
        conn.exec_driver_sql("INSERT INTO codings (id, document_id, coder_name, coder_version, coder_knowledge,"
                             " coder_model, genre_label, genre_score, n_events, record, run_id, created_at)"
                             " VALUES (" + ",".join("?" * 12) + ")", codings)
        chunk = 100_000
        for start in range(1, n_events + 1, chunk):
            events, actors, cl_rows, dyad_rows, members = [], [], [], [], []
            for e in range(start, min(n_events + 1, start + chunk)):
                doc = rng.randrange(1, n_docs + 1)
                day = doc_days[doc - 1] - dt.timedelta(days=rng.randrange(3))
                b = buckets(day.isoformat())
                a, r = rng.choices(pairs, weights)[0]
                if rng.random() < 0.5:
                    a, r = r, a
                typ, quad, score = rng.choice(TYPES)
                events.append((e, doc, doc, f"e{e}", typ, None, "[]", quad, score, "asserted", 0.8, b.day, b.day,
                               b.week, b.month, "[]", 0, 0, 10, typ.lower(), 0, 5))
                actors.append((2 * e - 1, e, "actor", 0, a, a, None, 0, 3))
                actors.append((2 * e, e, "recipient", 0, r, r, None, 0, 3))
                if clusters:
                    cl_rows.append((e, f"bench-{doc}#e{e}", typ, typ.lower(), quad, score, quad == 4, typ.lower(),
                                    json.dumps([a]), json.dumps([r]), None, b.day, b.day, b.day, b.day, 1, 1, 1, 1.0))
                    members.append((e, e, e, doc, f"Outlet {doc % 40}", False, None, None))
                    dyad_rows.append((e, e, "country", "directed", a, r, quad, score, 1.0, quad == 4, 1, b.day, b.week,
                                      b.month))
            conn.exec_driver_sql(
                "INSERT INTO events (id, coding_id, document_id, local_id, type, mode, context, quad, score, modality,"
                " confidence, date, day, week, month, quantities, sentence, span_start, span_end, trigger_text,"
                " trigger_start, trigger_end) VALUES (" + ",".join("?" * 22) + ")", events)
            conn.exec_driver_sql("INSERT INTO event_actors (id, event_id, role, position, text, code, sector, span_start,"
                                 " span_end) VALUES (?,?,?,?,?,?,?,?,?)", actors)
            if clusters:
                conn.exec_driver_sql(
                    "INSERT INTO monitor_clusters (id, key, type, family, quad, score, military, label, actors,"
                    " recipients, location_code, first_date, last_date, first_report, last_report, n_members,"
                    " n_documents, n_sources, weight) VALUES (" + ",".join("?" * 19) + ")", cl_rows)
                conn.exec_driver_sql("INSERT INTO monitor_cluster_members (id, cluster_id, event_id, document_id, source,"
                                     " opinion, attribution_code, outlet_country) VALUES (?,?,?,?,?,?,?,?)", members)
                conn.exec_driver_sql(
                    "INSERT INTO monitor_cluster_dyads (id, cluster_id, level, kind, a, b, quad, score, weight, military,"
                    " n_sources, day, week, month) VALUES (" + ",".join("?" * 14) + ")", dyad_rows)
    with store.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - t0:.2f} s")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/dotterel-bench-monitor.db")
    ap.add_argument("--build", type=int, default=0, help="also time clustering on this many events (fresh store)")
    ap.add_argument("--reuse", action="store_true", help="time an existing --db instead of synthesising it again")
    args = ap.parse_args()
    if not (args.reuse and Path(args.db).exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        timed(f"synthesise {args.events:,} events (bulk inserts)",
              lambda: synthesise(args.db, args.events, clusters=True))
    store = open_store(args.db)
    with store.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        m = conn.execute(text("SELECT count(*) FROM monitor_cluster_dyads")).scalar_one()
        print(f"stored: {n:,} events, {m:,} cluster-dyad rows")
        every = timed("all_series, every dyad, per week", lambda: all_series(conn, "week"))
        print(f"  {len(every)} dyads x {len(next(iter(every.values())))} weeks")
        timed("all_series, every dyad, per month", lambda: all_series(conn, "month"))
        name = next(iter(every))
        timed(f"series {name} per day", lambda: series(conn, name, "day"))
        timed("top_dyads(10) per week", lambda: top_dyads(conn, 10, "week"))
        found = timed("alerts, every dyad, per week (no evidence)", lambda: alerts(conn, "week", evidence=False))
        print(f"  {len(found)} alerts (random data: expect few)")
    store.close()
    if args.build:
        path = args.db.replace(".db", "-build.db")
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
        synthesise(path, args.build, clusters=False)
        st = open_store(path)
        t0 = time.perf_counter()
        res = build(st)
        took = time.perf_counter() - t0
        print(f"build clusters from {res.n_events:,} events: {took:.1f} s ({res.n_events / took:,.0f} events/s), "
              f"{res.n_clusters:,} clusters")
        st.close()


if __name__ == "__main__":
    main()
