"""Issue 22 §2: requests that would cost without limit get a clear 422 (or 503), never a 5xx or a stall."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dotterel import limits as store_limits
from dotterel.web import create_app
from dotterel.web import limits
from web_scenario import scenario_db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scenario_db(tmp_path_factory.mktemp("limits") / "store.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path)), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("url", [
    "/api/alerts?until=9999-12-31", "/api/dyads?until=9999-12-31", "/api/dyads/GUY-VEN/series?until=9999-12-31",
    "/dyads/GUY-VEN?date_to=9999-12-31", "/api/events?date_from=0001-01-01", "/api/documents?date_to=2101-01-01",
    "/api/clusters?since=1899-12-31",
])
def test_dates_outside_the_range_are_a_422_naming_it(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422, r.text[:300]
    assert "outside the allowed range 1900-01-01 to 2100-12-31" in r.text


def test_periods_stop_where_the_data_stops(client: TestClient) -> None:
    far = client.get("/api/dyads/GUY-VEN/series", params={"freq": "day", "until": "2100-12-31"})
    near = client.get("/api/dyads/GUY-VEN/series", params={"freq": "day"})
    assert far.status_code == near.status_code == 200
    assert far.json()["rows"] == near.json()["rows"] and len(far.content) < 2_000_000
    page = client.get("/dyads/GUY-VEN", params={"freq": "day", "date_to": "2100-12-31"})
    assert page.status_code == 200 and len(page.content) < 2_000_000


def test_periods_times_dyads_are_capped(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_limits, "MAX_CELLS", 50)
    for url in ("/api/dyads?freq=day", "/api/alerts?freq=day&since=2025-01-01", "/api/dyads/GUY-VEN/series?freq=day",
                "/dyads/GUY-VEN?freq=day"):
        r = client.get(url)
        assert r.status_code == 422 and "periods ×" in r.text and "more than 50" in r.text, url
    assert client.get("/api/dyads/GUY-VEN/series?freq=month").status_code == 200


def test_monitor_cli_refuses_far_dates_in_one_line(db_path: Path) -> None:
    from dotterel.cli import app

    r = CliRunner().invoke(app, ["monitor", "--db", str(db_path), "--until", "9999-12-31"])
    assert r.exit_code == 2
    err = r.stderr if r.stderr_bytes is not None else r.output
    assert "outside the allowed range" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def _slow(seconds: float):  # type: ignore[no-untyped-def]
    def analyze(item):  # type: ignore[no-untyped-def]
        time.sleep(seconds)
        raise AssertionError("unreachable: the request gave up first")
    return analyze


def test_analysis_is_bounded_in_time_with_a_clear_error(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "ANALYSIS_TIMEOUT", 0.3)
    monkeypatch.setattr(client.app.state.analyzer, "analyze", _slow(2.0))
    started = time.monotonic()
    r = client.post("/api/analyze", json={"text": "Troops moved north on Monday, officials said."})
    assert r.status_code == 503 and "took longer than 0.3 s" in r.json()["error"]
    assert time.monotonic() - started < 1.5
    page = client.post("/analyze", data={"text": "Troops moved north on Monday, officials said."})
    assert page.status_code == 503 and "took longer than 0.3 s" in page.text


def test_text_over_the_analysis_cap_is_refused(client: TestClient) -> None:
    r = client.post("/api/analyze", json={"text": "word " * (limits.MAX_ANALYZE_CHARS // 5 + 1)})
    assert r.status_code in (413, 422)
    assert "dotterel analyze" in r.json()["error"] or "too large" in r.json()["error"]


def test_reads_are_served_while_an_analysis_runs(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow analysis runs on its own pool: it takes no thread from the reads."""
    monkeypatch.setattr(limits, "ANALYSIS_TIMEOUT", 5)
    gate = threading.Event()

    def analyze(item):  # type: ignore[no-untyped-def]
        gate.wait(5)
        raise AssertionError("gave up")

    monkeypatch.setattr(client.app.state.analyzer, "analyze", analyze)
    slow = threading.Thread(target=lambda: client.post("/api/analyze", json={"text": "Troops moved north."}))
    slow.start()
    try:
        time.sleep(0.2)
        started = time.monotonic()
        assert client.get("/api/status").status_code == 200
        assert client.get("/api/events").status_code == 200
        assert time.monotonic() - started < 2
    finally:
        gate.set()
        slow.join()


# --- the sweep: every endpoint, every parameter, bad and extreme values -------------------------------------

BAD = ["9999-12-31", "0001-01-01", "1900-01-01", "2100-12-31", "2025-02-30", "-1", "0", "99999999999999999999",
       "1e309", "nan", "", " ", "x" * 300, "\x00", "‮RLO", "GUY-VEN", "AAA-AAA", "day", "month", "true", "null",
       "<script>alert(1)</script>", "../../etc/passwd", "%ff"]
GET_ROUTES = {
    "/api/documents": ["limit", "offset", "source", "date_from", "date_to"],
    "/api/documents/{doc_id}": [],
    "/api/events": ["limit", "offset", "dyad", "pair", "actor", "recipient", "type", "modality", "date_from",
                    "date_to", "source"],
    "/api/clusters": ["dyad", "limit", "freq", "level", "since", "until"],
    "/api/dyads": ["n", "freq", "level", "since", "until"],
    "/api/dyads/{dyad_id}/series": ["directed", "freq", "level", "since", "until"],
    "/api/alerts": ["dyad", "limit", "min_sources", "alpha", "freq", "level", "since", "until"],
    "/api/timeline": ["about", "dyad", "unit", "freq", "level", "since", "until"],
    "/api/status": [],
    "/api/export/events.{fmt}": ["dyad", "pair", "actor", "type", "modality", "date_from", "date_to", "source"],
    "/api/export/documents.jsonl": ["source"],
    "/": [],
    "/dyads/{dyad_id}": ["freq", "page", "actor", "type", "modality", "date_from", "date_to", "source"],
    "/articles/{doc_id}": [],
    "/analyze": [],
    "/reference": [],
    "/openapi.json": [],
}
PATHS = {"doc_id": ["vg-06", "nope", "x" * 300, "%00", "..%2F..%2Fetc"], "dyad_id": ["GUY-VEN", "VEN-GUY", "AAA",
         "A-B", "GUY-GUY", "x" * 40], "fmt": ["csv", "jsonl", "xml", ""]}


def _urls(template: str) -> list[str]:
    names = [n for n in PATHS if "{" + n + "}" in template]
    out = []
    for values in itertools.product(*(PATHS[n] for n in names)):
        url = template
        for n, v in zip(names, values):
            url = url.replace("{" + n + "}", v)
        out.append(url)
    return out


def test_sweep_of_bad_and_extreme_parameters_never_gets_a_5xx(client: TestClient) -> None:
    served = failures = 0
    bad: list[str] = []
    for template, params in GET_ROUTES.items():
        for url in _urls(template):
            cases: list[dict[str, str]] = [{}]
            cases += [{p: v} for p in params for v in BAD]
            if "freq" in params:  # everything at its most expensive at once
                cases.append({"freq": "day", "since": "1900-01-01", "until": "2100-12-31"})
                cases.append({"freq": "day", "n": "100", "limit": "1000", "until": "2100-12-31"})
            if "date_to" in params:
                cases.append({"freq": "day", "date_from": "1900-01-01", "date_to": "2100-12-31"})
            for q in cases:
                r = client.get(url, params=q)
                served += 1
                if r.status_code >= 500:
                    failures += 1
                    bad.append(f"{url} {q} -> {r.status_code}")
            for raw in ("?since=%ff%fe", "?until=%00", "?source=%ED%A0%80", "?about=%ED%A0%80", "?limit=1&limit=2", "?type=" + "&type=".join(["AID"] * 200)):
                r = client.get(url + raw)
                served += 1
                if r.status_code >= 500:
                    failures += 1
                    bad.append(f"{url}{raw} -> {r.status_code}")
    for body in [b"", b"{", b"[]", b"null", b'{"text": null}', b'{"text": 1e999}', b'{"text": "' + b"[" * 10000 + b'"}',
                 b'{"text": "", "url": "file:///etc/passwd"}', b'{"text": "x", "date": "9999-12-31"}',
                 b'{"text": "x", "date": "' + b"9" * 40 + b'"}', b"\xff\xfe"]:
        for path in ("/api/analyze", "/api/documents"):
            r = client.post(path, content=body, headers={"content-type": "application/json"})
            served += 1
            if r.status_code >= 500:
                failures += 1
                bad.append(f"POST {path} {body[:40]!r} -> {r.status_code}")
    assert failures == 0, bad[:20]
    assert served > 2000


@pytest.mark.slow
def test_a_short_analysis_does_not_wait_for_a_long_one(tmp_path: Path) -> None:
    """Real pipeline: a short text sent while a long one is analysed is answered before the long one ends."""
    from test_ingest import article

    long_text = " ".join(article(i) for i in range(400))[: limits.MAX_ANALYZE_CHARS]
    with TestClient(create_app(str(tmp_path / "s.db"))) as c:
        assert c.post("/api/analyze", json={"text": article(1)}).status_code == 200  # loads the pipeline
        done: dict[str, float] = {}

        def long() -> None:
            assert c.post("/api/analyze", json={"text": long_text}).status_code == 200
            done["long"] = time.monotonic()

        thread = threading.Thread(target=long)
        thread.start()
        time.sleep(0.5)
        r = c.post("/api/analyze", json={"text": article(2)})
        done["short"] = time.monotonic()
        thread.join()
        assert r.status_code == 200 and r.json()["events"]
        assert done["short"] < done["long"]
