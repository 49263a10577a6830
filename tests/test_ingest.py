"""End-to-end ingest: real spaCy analysis into real stores; resumable after SIGKILL; Dask matches local."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from dotterel.store import query
from dotterel.cli import app
from dotterel.store import open_store
from dotterel.store import schema as s
from dotterel.store.integrity import problems

CITIES = ["Oslo", "Lima", "Nairobi", "Hanoi", "Quito", "Tunis", "Riga", "Accra", "Manila", "Dakar", "Sofia", "Lusaka"]
ACTS = [
    "the government of {land} accused its neighbour of moving troops towards the border",
    "police in {city} arrested {n} protesters who had blocked the main road to the port",
    "the foreign minister of {land} met her counterpart in {city} to discuss a trade agreement",
    "rebels attacked an army post outside {city}, killing {n} soldiers, the military said",
    "{land} promised to send {n} tonnes of food aid to flood victims in the south",
    "lawmakers in {city} voted to impose sanctions on two companies accused of smuggling arms",
]
LANDS = ["Norway", "Peru", "Kenya", "Vietnam", "Ecuador", "Tunisia", "Latvia", "Ghana"]


def article(i: int) -> str:
    """A short authored news text; `i` makes each one distinct."""
    city, land = CITIES[i % len(CITIES)], LANDS[(i // 3) % len(LANDS)]
    first = ACTS[i % len(ACTS)].format(city=city, land=land, n=10 + i)
    second = ACTS[(i + 2) % len(ACTS)].format(city=CITIES[(i + 5) % len(CITIES)], land=LANDS[i % len(LANDS)], n=3 + i)
    return (f"On Tuesday {first}. Officials said on Wednesday that {second}. "
            f"The statement was number {i} in a series issued by the ministry this year.")


def write_corpus(path: Path, n: int, extra: list[dict] | None = None) -> Path:
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": article(i), "date": f"2024-10-{1 + i % 28:02d}",
                                 "title": f"Report {i}", "source": "Test Wire"}) + "\n")
        for rec in extra or []:
            fh.write(json.dumps(rec) + "\n")
    return path


BAD_LINES = [
    {"id": "dup", "text": article(0)},  # same text as a0: a duplicate
    {"id": "de", "text": "Die Regierung hat am Montag in der Hauptstadt neue Gesetze für die Wirtschaft beschlossen."},
    {"id": "empty", "text": "   "},
]


def _natural(store) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """Every stored row by natural keys (no surrogate ids), sorted."""
    d, c, e, a, q = s.documents, s.codings, s.events, s.event_actors, s.quarantine
    with store.connect() as conn:
        return {
            "documents": sorted(conn.execute(select(d.c.sha256, d.c.doc_id, d.c.title, d.c.pub_date, d.c.path,
                                                    d.c.text)).all()),
            "codings": sorted(conn.execute(select(d.c.sha256, c.c.coder_version, c.c.coder_knowledge, c.c.record)
                                           .join(d, d.c.id == c.c.document_id)).all()),
            "events": sorted(conn.execute(select(d.c.sha256, e.c.local_id, e.c.type, e.c.modality, e.c.day)
                                          .join(d, d.c.id == e.c.document_id)).all(), key=repr),
            "actors": sorted(conn.execute(select(d.c.sha256, e.c.local_id, a.c.role, a.c.position, a.c.code, a.c.text)
                                          .join(e, e.c.id == a.c.event_id).join(d, d.c.id == e.c.document_id)).all(),
                             key=repr),
            "quarantine": sorted(conn.execute(select(q.c.path, q.c.locator, q.c.reason)).all()),
        }


def _count(store, table) -> int:  # type: ignore[no-untyped-def]
    with store.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


runner = CliRunner()


@pytest.mark.slow
def test_ingest_stores_once_quarantines_and_recodes(store_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dotterel import knowledge
    from dotterel.runs import workers
    from dotterel.runs.ingest import ingest

    corpus = write_corpus(tmp_path / "c.jsonl", 6, BAD_LINES)
    page = tmp_path / "dir" / "page.html"
    page.parent.mkdir()
    page.write_text(f"<html><head><title>Port strike</title></head><body><article><p>{article(40)}</p>"
                    f"<p>{article(41)}</p></article></body></html>")
    store = open_store(store_url)
    first = ingest(store, [str(corpus), str(page.parent)], batch_size=4)
    assert (first.read, first.stored, first.duplicates, first.quarantined) == (10, 7, 1, 2)
    again = ingest(store, [str(corpus), str(page.parent)], batch_size=4)
    assert (again.stored, again.duplicates, again.quarantined) == (0, 8, 2)
    assert _count(store, s.documents) == 7 and _count(store, s.quarantine) == 2
    with store.connect() as conn:
        assert problems(conn) == []
        reasons = {(r["item_id"], r["reason"]) for r in query.quarantined(conn)}
        assert ("de", "language not supported: dotterel analyses English text only") in reasons
        assert ("empty", "document is empty (no text to analyse)") in reasons
        html_doc = next(d for d in query.documents(conn) if d["path"] == str(page))
        assert html_doc["title"] == "Port strike"
        assert query.document(conn, "a3")["text"] == article(3)

    # the coder improves (new knowledge): --recode codes every stored document again
    monkeypatch.setattr(knowledge, "fingerprint", lambda: "improved-knowledge")
    monkeypatch.setattr(workers, "_ANALYZER", None)
    plain = ingest(store, [str(corpus)], batch_size=4)
    assert (plain.stored, plain.recoded) == (0, 0)  # without --recode nothing changes
    recoded = ingest(store, [], batch_size=4, recode=True)
    assert recoded.recoded == 7
    assert _count(store, s.codings) == 14 and _count(store, s.documents) == 7
    with store.connect() as conn:
        assert query.document(conn, "a3")["coder"]["knowledge"] == "improved-knowledge"
        assert {r["coder_version"] for r in query.events(conn)} <= {"0.1.0"}
        assert problems(conn) == []
    assert ingest(store, [], recode=True).recoded == 0  # nothing left to recode
    store.close()


@pytest.mark.slow
def test_distributed_run_stores_the_same_rows_as_a_local_run(tmp_path: Path) -> None:
    from dotterel import knowledge
    from dotterel.runs import workers
    from dotterel.runs.ingest import ingest

    knowledge.fingerprint.cache_clear()  # main process and workers must hash the same knowledge files
    workers._ANALYZER = None
    before = knowledge.fingerprint()
    corpus = write_corpus(tmp_path / "c.jsonl", 10, BAD_LINES)
    local, dist = open_store(str(tmp_path / "local.db")), open_store(str(tmp_path / "dist.db"))
    a = ingest(local, [str(corpus)], batch_size=3)
    b = ingest(dist, [str(corpus)], batch_size=3, workers=2)
    assert b.workers == 2
    knowledge.fingerprint.cache_clear()
    if knowledge.fingerprint() != before:
        pytest.skip("knowledge files changed while the test ran (someone is editing src/dotterel/data)")
    assert (a.read, a.stored, a.duplicates, a.quarantined, a.events) == (b.read, b.stored, b.duplicates,
                                                                            b.quarantined, b.events)
    assert _natural(local) == _natural(dist)
    local.close()
    dist.close()


def _stored_documents(url: str) -> int:
    store = open_store(url)
    try:
        return _count(store, s.documents)
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_stores_everything_exactly_once(store_url: str, tmp_path: Path) -> None:
    n = 400
    corpus = write_corpus(tmp_path / "c.jsonl", n)
    cmd = [sys.executable, "-m", "dotterel.cli", "ingest", str(corpus), "--db", store_url, "--batch-size", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    stored = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            stored = _stored_documents(store_url) if store_url.startswith("postgresql") or Path(
                store_url.removeprefix("sqlite:///")).exists() else 0
            if stored >= 6:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed: make the corpus bigger"
    store = open_store(store_url)
    killed_at = _count(store, s.documents)
    assert 6 <= killed_at < n
    with store.connect() as conn:
        assert problems(conn) == []  # whole batches only
        runs = conn.execute(select(s.ingest_runs.c.status)).scalars().all()
    assert runs == ["running"]  # the killed run never got to say it finished
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert _count(store, s.documents) == n and _count(store, s.codings) == n
    with store.connect() as conn:
        assert problems(conn) == []
        assert sorted(d["doc_id"] for d in query.documents(conn)) == sorted(f"a{i}" for i in range(n))
        last = conn.execute(select(s.ingest_runs).order_by(s.ingest_runs.c.id.desc())).mappings().first()
    assert (last["status"], last["n_stored"], last["n_duplicates"]) == ("done", n - killed_at, killed_at)
    store.close()


def test_ingest_cli_wrong_or_unreachable_database(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 1)
    for url, message in [
        ("postgresql://me:pw@127.0.0.1:1/nowhere", "cannot open database postgresql+psycopg://me:***@127.0.0.1:1/nowhere"),
        (f"sqlite:///{tmp_path}/no/such/dir/x.db", "does not exist"),
        ("oracle://me@host/db", "only sqlite and postgresql"),
    ]:
        res = runner.invoke(app, ["ingest", str(corpus), "--db", url])
        assert res.exit_code == 1, res.output
        assert message in res.output and "Traceback" not in res.output
        assert len(res.output.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]  # nothing written


def test_ingest_cli_argument_errors(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 2 and "no such file or directory" in res.output
    res = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 2 and "give at least one PATH" in res.output
    res = runner.invoke(app, ["ingest", str(tmp_path), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2 and "not both" in res.output
    assert not (tmp_path / "x.db").exists()


def test_ingest_cli_waits_for_a_locked_database_then_fails(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "busy.db"
    open_store(str(db)).close()
    corpus = write_corpus(tmp_path / "c.jsonl", 1)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        res = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--lock-timeout", "1", "-q"])
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert res.exit_code == 1
    assert "is locked by another writer; gave up after 1 s" in res.output
    assert waited >= 1.0
    assert _stored_documents(str(db)) == 0


def test_ingest_cli_unreachable_scheduler(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 1)
    res = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--scheduler",
                              "tcp://127.0.0.1:9", "-q"])
    assert res.exit_code == 1 and "cannot reach the Dask scheduler" in res.output
