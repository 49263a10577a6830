"""The store on SQLite and PostgreSQL: migrations, identity, codings, integrity, locks, bad URLs."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dotterel import model as m
from dotterel.store import query
from dotterel.store import StoreError, StoreLockedError, open_store
from dotterel.store import schema as s
from dotterel.store.buckets import buckets
from dotterel.store.engine import current_revision, head_revision
from dotterel.store.integrity import problems
from dotterel.store.writer import Analysed, Quarantined, start_run, write_batch

TEXT_A = "Envoys of Chile and Peru signed a fisheries accord in Lima on Thursday after two days of talks."
TEXT_B = "Border guards of Ruritania fired on a patrol from Freedonia near the river crossing, officials said."


def _counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (s.documents, s.codings, s.events, s.event_actors, s.entities, s.claims, s.quantities,
                          s.quarantine)}


def _downgrade(store, revision: str, column: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Take a store back to the schema an earlier release wrote, check a later `(table, column)` is gone, close it."""
    from alembic import command

    from dotterel.store.engine import _alembic_config

    with store.write() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    with store.connect() as conn:
        assert current_revision(conn) == revision
        assert column[1] not in {c["name"] for c in _columns(conn, column[0])}
    store.close()


def _doc_b(make_doc, **kw):  # type: ignore[no-untyped-def]
    return make_doc(TEXT_B, doc_id="b1", events=[
        {"type": "ASSAULT", "quad": 4, "score": -9.0, "trigger": "fired",
         "actors": [("Border guards of Ruritania", "RUR", "MIL")], "recipients": [("Freedonia", "FRE", None)],
         "attributed": True, "quantity": True},
    ], **kw)


def test_buckets_are_iso_day_week_month() -> None:
    assert buckets("2024-10-24") == ("2024-10-24", "2024-W43", "2024-10")
    assert buckets("2024-12-30T10:00:00") == ("2024-12-30", "2025-W01", "2024-12")  # ISO week-year
    assert buckets("2024-06") == (None, None, "2024-06")
    assert buckets("2024") == (None, None, None)
    assert buckets(None) == (None, None, None)


def test_migrations_create_exactly_the_schema(store_url: str) -> None:
    import importlib

    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    try:  # other modules add their tables to the store's metadata (and a migration for them)
        importlib.import_module("dotterel.monitor.tables")
    except ImportError:
        pass
    store = open_store(store_url)
    with store.connect() as conn:
        assert current_revision(conn) == head_revision()
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), s.metadata)
    assert diff == []
    store.close()
    open_store(store_url).close()  # opening again is a no-op migration


def test_write_is_idempotent_and_keeps_every_field(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    a = make_doc(TEXT_A, doc_id="a1", events=[{"type": "SUPPORT", "trigger": "signed",
                                                 "actors": [("Chile", "CHL", None), ("Peru", "PER", None)]}])
    b = _doc_b(make_doc)
    r1 = write_batch(store, run, [Analysed(a, "in.jsonl:1"), Analysed(b, "in.jsonl:2")])
    assert (r1.stored, r1.duplicates, r1.events) == (2, 0, 2)
    before = _counts(store)
    assert before["event_actors"] == 4 and before["claims"] == 1 and before["quantities"] == 1
    # same texts again, even under another id: nothing is added
    again = make_doc(TEXT_A, doc_id="other-id")
    r2 = write_batch(store, run, [Analysed(a), Analysed(again), Analysed(b)])
    assert (r2.stored, r2.duplicates) == (0, 3)
    assert _counts(store) == before
    with store.connect() as conn:
        assert problems(conn) == []
        stored_b = query.document(conn, "b1")
        assert m.document_from_json(json.dumps(stored_b)) == b  # the whole record, losslessly
        assert query.document(conn, "a1") == json.loads(m.to_json(a))
        assert query.document(conn, "nope") is None
    store.close()


def test_recode_adds_a_coding_and_queries_see_the_newest(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    old = _doc_b(make_doc)
    write_batch(store, run, [Analysed(old)])
    new = make_doc(TEXT_B, doc_id="b1", knowledge="k2", events=[
        {"type": "COERCE", "quad": 4, "trigger": "fired", "actors": [("Border guards of Ruritania", "RUR", "MIL")],
         "recipients": [("Freedonia", "FRE", None)]},
        {"type": "ACCUSE", "quad": 3, "trigger": "said", "actors": [("Freedonia", "FRE", None)],
         "recipients": [("Border guards of Ruritania", "RUR", "MIL")]},
    ])
    # without recode, a new coding of a stored text is a duplicate
    assert write_batch(store, run, [Analysed(new)]).duplicates == 1
    r = write_batch(store, run, [Analysed(new)], recode=True)
    assert (r.recoded, r.events) == (1, 2)
    assert write_batch(store, run, [Analysed(new)], recode=True).duplicates == 1  # same coder again: nothing
    counts = _counts(store)
    assert (counts["documents"], counts["codings"]) == (1, 2)
    with store.connect() as conn:
        rows = query.events(conn)
        assert [r["type"] for r in rows] == ["COERCE", "ACCUSE"]  # only the newest coding
        assert query.document(conn, "b1")["coder"]["knowledge"] == "k2"
        assert problems(conn) == []
    store.close()


def test_quarantine_rows_are_not_repeated(store_url: str) -> None:
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    q = Quarantined(path="dir/broken.html", reason="no article text found in the HTML page")
    assert write_batch(store, run, [q]).quarantined == 1
    assert write_batch(store, run, [q]).quarantined == 1  # counted in the run, stored once
    with store.connect() as conn:
        assert [(x["path"], x["reason"]) for x in query.quarantined(conn)] == [(q.path, q.reason)]
    store.close()


def test_an_id_already_used_by_another_text_is_quarantined(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    write_batch(store, run, [Analysed(make_doc(TEXT_A, doc_id="same"))])
    r = write_batch(store, run, [Analysed(make_doc(TEXT_B, doc_id="same"), "b.jsonl:3")])
    assert (r.stored, r.quarantined) == (0, 1)
    with store.connect() as conn:
        [row] = query.quarantined(conn)
    assert "already used by a different text" in row["reason"] and row["item_id"] == "same"
    store.close()


def test_a_failed_batch_writes_nothing(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    good = make_doc(TEXT_A, doc_id="a1")
    bad = make_doc(TEXT_B, doc_id="b1", events=[{"type": "X" * 40, "trigger": "fired"}])  # too long for the column
    result = write_batch(store, run, [Analysed(good), Analysed(bad)])
    if store.dialect == "sqlite":  # SQLite stores the long string
        assert result.stored == 2
    else:  # PostgreSQL refuses it: the batch is written one document at a time, the refused one quarantined
        assert (result.stored, result.quarantined) == (1, 1)  # issue 22 §1
        counts = _counts(store)
        assert counts["documents"] == 1 and counts["codings"] == 1  # nothing of the refused document
    store.close()


def test_bad_urls_fail_with_one_line_and_write_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory .* does not exist"):
        open_store(f"sqlite:///{tmp_path}/missing/dir/x.db")
    with pytest.raises(StoreError, match="only sqlite and postgresql"):
        open_store("mysql://u@localhost/db")
    with pytest.raises(StoreError) as err:
        open_store("postgresql://u:secret@127.0.0.1:1/nowhere")
    assert "secret" not in str(err.value) and "\n" not in str(err.value)
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are my notes, not a database " * 200)
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(str(not_db))
    assert not_db.read_text().startswith("these are my notes")
    with pytest.raises(StoreError, match="no database at"):
        open_store(str(tmp_path / "absent.db"), create=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_locked_sqlite_store_waits_then_fails_clearly(tmp_path: Path, make_doc) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "locked.db"
    open_store(str(path)).close()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    store = open_store(str(path), lock_timeout=0.5)
    with pytest.raises(StoreLockedError, match="locked by another writer; gave up after 0.5 s"):
        start_run(store, ["x"], "0.1.0", "k1", 0)
    # once the other writer finishes, writing works
    threading.Timer(0.2, lambda: other.execute("COMMIT")).start()
    store2 = open_store(str(path), lock_timeout=5)
    run = start_run(store2, ["x"], "0.1.0", "k1", 0)
    assert write_batch(store2, run, [Analysed(make_doc(TEXT_A))]).stored == 1
    other.close()
    store.close()
    store2.close()


@pytest.mark.postgres
def test_a_locked_postgres_store_waits_then_fails_clearly(pg_url: str) -> None:
    from sqlalchemy import text

    store = open_store(pg_url, lock_timeout=0.5)
    with store.write() as conn:  # this transaction holds the write lock...
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
        other = open_store(pg_url, lock_timeout=0.5)
        with pytest.raises(StoreLockedError, match="locked by another writer"):
            start_run(other, ["x"], "0.1.0", "k1", 0)  # ...so a second writer gives up
        other.close()
    store.close()


def test_a_store_from_before_the_casualty_columns_upgrades_without_losing_rows(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    """Migration 0003 on a store written at 0002: every row stays, the attribution's certainty is filled from
    its claim, the casualty figures stay null (they need a recode); new codings store them."""
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    write_batch(store, run, [Analysed(make_doc(TEXT_A, doc_id="a1", events=[{"type": "SUPPORT", "trigger": "signed"}]),
                                      "in:1"), Analysed(_doc_b(make_doc), "in:2")])
    before = _counts(store)
    _downgrade(store, "0002_monitor", ("events", "fatalities_best"))

    store = open_store(store_url)  # upgrades on open
    assert _counts(store) == before
    with store.connect() as conn:
        assert current_revision(conn) == head_revision()
        by_trigger = {r.trigger_text: r for r in conn.execute(select(s.events)).all()}
    assert by_trigger["fired"].attribution_certainty == "claimed"  # the claim c1 of document b1
    assert by_trigger["signed"].attribution_certainty is None
    assert by_trigger["fired"].fatalities_best is None
    store.close()


def _columns(conn, table: str) -> list[dict]:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect

    return inspect(conn).get_columns(table)


def test_casualty_figures_and_certainty_are_stored_and_listed(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    doc = _doc_b(make_doc)
    ev = doc.events[0]
    assert ev.attribution is not None
    ev.attribution.certainty = "claimed"
    ev.fatalities = m.Casualties(low=3, best=3, high=3, source="officials", quantities=["q1"])
    ev.injured = m.Casualties(low=10, best=None, high=None, source=None)
    write_batch(store, run, [Analysed(doc, "in:1")])
    with store.connect() as conn:
        flat = query.events(conn)[0]
        view = query.event_views(conn, query.EventFilter())[0]
    assert (flat["fatalities_low"], flat["fatalities_best"], flat["fatalities_high"], flat["fatalities_source"]) \
        == (3, 3, 3, "officials")
    assert (flat["injured_low"], flat["injured_best"], flat["injured_source"]) == (10, None, None)
    assert flat["attribution_certainty"] == "claimed"
    assert view["fatalities"] == {"low": 3, "best": 3, "high": 3, "source": "officials"}
    assert view["injured"] == {"low": 10, "best": None, "high": None, "source": None}
    assert view["attribution"]["certainty"] == "claimed"
    store.close()


def test_a_store_failing_under_a_reader_is_one_line(tmp_path: Path) -> None:
    """Issue 19: reads (the ingest's duplicate check, the web) meet a stopped server or a vanished disk
    as often as writes do; both give a StoreError with one line, never a SQLAlchemy traceback."""
    import sqlalchemy.exc as sa_exc

    store = open_store(str(tmp_path / "r.db"))
    for failure in (sa_exc.OperationalError("SELECT …", {}, sqlite3.OperationalError("disk I/O error")),
                    sa_exc.InterfaceError("SELECT …", {}, sqlite3.InterfaceError("connection already closed"))):
        with pytest.raises(StoreError) as err:
            with store.connect():
                raise failure
        assert "\n" not in str(err.value) and str(err.value).startswith(f"database sqlite:///{tmp_path}/r.db: ")
    with pytest.raises(ZeroDivisionError):  # our own bugs are not dressed up as store failures
        with store.connect():
            1 / 0
    store.close()


def _doc_with_counts(make_doc, counts: bool = True):  # type: ignore[no-untyped-def]
    doc = _doc_b(make_doc)
    if counts:
        t0 = doc.text.find("fired")
        doc.quantities[0].counts = m.Happening(text="fired", span=(t0, t0 + len("fired")))
    return doc


def test_what_a_number_counts_is_stored_checked_and_listed(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    from dotterel.monitor.timeline import timeline

    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    write_batch(store, run, [Analysed(_doc_with_counts(make_doc), "in:1")])
    with store.connect() as conn:
        row = conn.execute(select(s.quantities)).one()
        assert (row.counts_text, row.counts_start, row.counts_end) == ("fired", 27, 32)
        assert problems(conn) == []
        assert [r["counts"] for r in timeline(conn, unit="soldiers")] == ["fired"]
    with store.write() as conn:  # a row that no longer says what its record says is found
        conn.execute(s.quantities.update().values(counts_text="shot"))
    with store.connect() as conn:
        assert any("counts" in p for p in problems(conn))
    store.close()


def test_a_store_from_before_the_counts_columns_upgrades_and_fills_them_from_the_record(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    """Migration 0004 on a store written at 0003: every row stays; `counts` comes back from each coding's
    record JSON (null where the record has none), and the integrity checks pass."""
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    old = make_doc(TEXT_A, doc_id="a1", events=[{"type": "SUPPORT", "trigger": "signed", "quantity": True}])
    write_batch(store, run, [Analysed(old, "in:1"), Analysed(_doc_with_counts(make_doc), "in:2")])
    before = _counts(store)
    _downgrade(store, "0003_casualties", ("quantities", "counts_text"))

    store = open_store(store_url)  # upgrades on open
    assert _counts(store) == before
    with store.connect() as conn:
        assert current_revision(conn) == head_revision()
        rows = conn.execute(select(s.documents.c.doc_id, s.quantities.c.counts_text, s.quantities.c.counts_start)
                            .join(s.codings, s.codings.c.id == s.quantities.c.coding_id)
                            .join(s.documents, s.documents.c.id == s.codings.c.document_id)).all()
        assert sorted(rows) == [("a1", None, None), ("b1", "fired", 27)]
        assert problems(conn) == []
    store.close()


def test_a_long_place_name_is_no_cluster_location_code(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    """The monitor's cluster row keeps the place's state code, not its name: a long place name overflowed
    the code column on PostgreSQL and stopped the ingest."""
    from dotterel.monitor import build
    from dotterel.monitor import tables as t

    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    doc = _doc_b(make_doc)
    place = "the old customs house at the river crossing"
    doc.events[0].location = m.Location(text=place, code="FRE", span=(0, len(place)))
    write_batch(store, run, [Analysed(doc, "in:1")])
    build(store)
    with store.connect() as conn:
        assert conn.execute(select(t.monitor_clusters.c.location_code)).scalars().all() == ["FRE"]
    store.close()


def test_an_id_longer_than_the_store_keeps_is_quarantined_and_the_batch_stored(store_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    """An id over the id column's width is refused the same way on both stores (SQLite would keep it,
    PostgreSQL refused it and then refused its quarantine row too, stopping the ingest with a traceback):
    the document is quarantined with a reason saying so, its quarantine row fits, the rest is stored."""
    width = s.documents.c.doc_id.type.length
    long_id = "wire-" + "x" * (width + 100)
    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    result = write_batch(store, run, [Analysed(make_doc(TEXT_A, doc_id="a1"), "in.jsonl:1"),
                                      Analysed(make_doc(TEXT_B, doc_id=long_id), "in.jsonl:2")])
    assert (result.stored, result.quarantined) == (1, 1)
    with store.connect() as conn:
        assert conn.execute(select(s.documents.c.doc_id)).scalars().all() == ["a1"]
        [row] = query.quarantined(conn)
    assert f"id is {len(long_id)} characters" in row["reason"] and str(width) in row["reason"]
    assert row["path"] == "in.jsonl:2" and len(row["item_id"]) <= width and row["item_id"].startswith("wire-xxx")
    store.close()


def _scenario_store(store_url: str, make_doc):  # type: ignore[no-untyped-def]
    """A store with two happenings (an attack and an accord) and its monitor clusters built."""
    from dotterel.monitor import build

    store = open_store(store_url)
    run = start_run(store, ["x"], "0.1.0", "k1", 0)
    accord = make_doc(TEXT_A, doc_id="a1", events=[
        {"type": "AGREE", "trigger": "signed", "actors": [("Chile", "CHL", None), ("Peru", "PER", None)]}])
    write_batch(store, run, [Analysed(accord), Analysed(_doc_b(make_doc))])
    build(store)
    return store


def _clusters(store) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from dotterel.monitor import tables as t

    with store.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(t.monitor_clusters.c.key, t.monitor_clusters.c.type)))


@pytest.mark.parametrize("fault", ["duplicate_id", "overlong_family"])
def test_a_database_error_in_the_monitor_build_is_one_line_and_keeps_the_last_clusters(
        store_url: str, make_doc, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        fault: str) -> None:
    """Whatever the database refuses while the monitor rebuilds its clusters (a key taken twice; on
    PostgreSQL a value wider than its column) is one `error:` line and exit 1, never a traceback; the
    rebuild is rolled back, so the clusters built before and every stored document are still there."""
    import importlib

    from dotterel.cli import main

    clusters = importlib.import_module("dotterel.monitor.clusters")  # the package exports a function of this name
    store = _scenario_store(store_url, make_doc)
    before = _clusters(store)
    assert len(before) == 2
    if fault == "overlong_family" and store.dialect == "sqlite":
        pytest.skip("SQLite keeps a string wider than its column")
    row = clusters._cluster_row
    broken = {"duplicate_id": lambda cl, i: {**row(cl, i), "id": 1},
              "overlong_family": lambda cl, i: {**row(cl, i), "family": "f" * 100}}[fault]
    monkeypatch.setattr(clusters, "_cluster_row", broken)
    with pytest.raises(SystemExit) as exit_:
        main(["monitor", "--db", store_url, "--rebuild"])
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert exit_.value.code == 1 and len(lines) == 1, err
    assert lines[0].startswith("error: ") and "monitor" in lines[0] and "Traceback" not in err
    assert _clusters(store) == before
    assert _counts(store)["documents"] == 2
    store.close()
