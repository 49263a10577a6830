"""Issue 22 §4: reads never wait for the monitor's rebuild; the pool is sized for 20 concurrent requests."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel import monitor
import monitor_fixtures as fixtures
from dotterel.store import open_store
from dotterel.web import create_app
from web_scenario import documents, write

LATE = {"id": "ct-01", "date": "2025-02-26", "source": "Reuters", "title": "Chinese ships ram Taiwanese boat",
        "text": "Chinese coast guard ships rammed a Taiwanese fishing boat on Wednesday.",
        "events": [{"type": "ASSAULT", "actor": ["CHN/MIL"], "recipient": ["TWN"], "trigger": "rammed"}]}
MONITOR_BACKED = ["/", "/api/dyads", "/api/alerts", "/api/clusters", "/api/status", "/api/dyads/GUY-VEN/series",
                  "/dyads/GUY-VEN"]


def test_reads_are_served_from_the_last_build_while_the_next_one_runs(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    store = open_store(str(path))
    write(store, documents())
    with TestClient(create_app(str(path))) as c:
        cache = c.app.state.monitor
        cache.min_interval = 0
        assert c.get("/api/status").status_code == 200  # the first build (the store had none)
        real_build, gate, builds = monitor.build, threading.Event(), []

        def slow_build(st, *a, **kw):  # type: ignore[no-untyped-def]
            builds.append(1)
            gate.wait(30)
            return real_build(st, *a, **kw)

        monkeypatch.setattr(monitor, "build", slow_build)
        write(store, fixtures.records([LATE]))  # new codings: the next request starts a rebuild
        try:
            started = time.monotonic()
            with ThreadPoolExecutor(20) as pool:
                statuses = list(pool.map(lambda u: c.get(u).status_code, MONITOR_BACKED * 6))
            assert set(statuses) == {200}
            assert time.monotonic() - started < 10  # nobody waited on the (blocked) build
            assert len(builds) == 1  # built once, in the background
            assert "CHN-TWN" not in c.get("/").text  # still the last build
        finally:
            gate.set()
        cache.wait()
        assert 'href="/dyads/CHN-TWN"' in c.get("/").text
    store.close()


def test_pool_is_sized_for_twenty_concurrent_requests(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    assert store.engine.pool.size() >= 20
    conns = [store.engine.connect() for _ in range(30)]  # 20 requests + headroom, none waits
    for conn in conns:
        conn.close()
    store.close()
