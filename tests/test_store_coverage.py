"""tools/store_coverage.py: coded-party shares of a store's current coding, negated events left out."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

import web_scenario

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import store_coverage  # noqa: E402

from dotterel.store import open_store  # noqa: E402


def _expected(docs: list) -> tuple[int, int, int]:
    """The same counts straight from the written records (not through the store)."""
    events = [e for d in docs for e in d.events if e.modality != "negated"]
    actor = [e for e in events if any(a.code for a in e.actor)]
    return len(events), len(actor), sum(any(r.code for r in e.recipient) for e in actor)


def test_counts_match_the_written_records(tmp_path: Path) -> None:
    docs = web_scenario.documents()
    db = web_scenario.scenario_db(tmp_path / "s.db")
    store = open_store(str(db))
    try:
        with store.connect() as conn:
            cov = store_coverage.coverage(conn)
    finally:
        store.close()
    n, actor, both = _expected(docs)
    assert (cov.documents, sum(cov.events.values())) == (len(docs), n)
    assert (sum(cov.with_actor.values()), sum(cov.with_both.values())) == (actor, both)
    assert 0 < both < n  # the scenario has uncoded parties too, so the shares are not trivially 0 or 1


def test_cli_prints_shares_and_refuses_what_is_no_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = web_scenario.scenario_db(tmp_path / "s.db")
    assert store_coverage.main([str(db), "--by-type"]) == 0
    out = capsys.readouterr().out
    assert "coded actor" in out and "ASSAULT" in out
    assert store_coverage.main([str(tmp_path / "missing.db")]) == 2
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x int)").connection.commit()
    assert store_coverage.main([str(other)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "Traceback" not in err
