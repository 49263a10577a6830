"""REST API and pages through the ASGI test client, over the monitor's written scenario (tests/web_scenario.py).

The escalation panels must show the escalation monitor's own results: the API returns exactly what
`dotterel.monitor` computes, the overview and dyad pages show GUY-VEN toward conflict from 2025-W06 and
ARM-AZE away from conflict from 2025-W07, and nothing for the calm, heavily covered DEU-FRA.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel import monitor
import monitor_fixtures as fixtures
from dotterel.store import Store, open_store
from dotterel.web import ServeError, create_app
from web_scenario import (ARTICLES, CALM, HOSTILE_ID, HOSTILE_SOURCE, HOSTILE_TITLE, HOSTILE_URL, coded, documents,
                          scenario_db, write)

N_DOCS = len(ARTICLES) + 1
N_EVENTS = sum(len(a.get("events", [])) for a in ARTICLES) + 1
EXPECTED = {("GUY-VEN", "toward", "2025-W06"), ("ARM-AZE", "away", "2025-W07")}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scenario_db(tmp_path_factory.mktemp("web") / "store.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path))) as c:
        yield c


@pytest.fixture(scope="module")
def store(db_path: Path, client: TestClient) -> Iterator[Store]:
    """The same store read directly with the monitor (after the dashboard has built its clusters)."""
    client.get("/api/alerts")
    st = open_store(str(db_path))
    yield st
    st.close()


def _shown_alerts(html: str) -> set[tuple[str, str, str]]:
    found = re.findall(r'<article class="alert[^"]*" data-dyad="([^"]+)" data-period="[^"]+" '
                       r'data-direction="([^"]+)">.*?<span class="change-at">([^<]+)</span>', html, re.S)
    return {(d, direction, at) for d, direction, at in found}


def _chart(html: str) -> dict:
    return json.loads(re.search(r'<script id="series-data" type="application/json">(.*?)</script>', html, re.S)[1])


# --- API -------------------------------------------------------------------------------------------


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/analyze", "/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/clusters",
              "/api/dyads", "/api/dyads/{dyad_id}/series", "/api/alerts", "/api/timeline", "/api/status",
              "/api/export/events.{fmt}", "/api/export/documents.jsonl"]:
        assert p in paths


def test_documents_list_filter_and_record(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 500}).json()
    assert len(page["items"]) == N_DOCS and page["next_offset"] is None
    stabroek = client.get("/api/documents", params={"source": "Stabroek News"}).json()["items"]
    assert {d["doc_id"] for d in stabroek} == {a["id"] for a in ARTICLES if a.get("source") == "Stabroek News"}
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["next_offset"] == 2
    record = client.get("/api/documents/vg-05").json()
    assert record["schema"] == "dotterel/1"
    assert [e["type"] for e in record["events"]] == ["ASSAULT", "ASSAULT"]
    # ids with slashes and markup are reachable
    assert client.get(f"/api/documents/{HOSTILE_ID}").json()["id"] == HOSTILE_ID


def test_unknown_document_is_404_with_message(client: TestClient) -> None:
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and r.json() == {"error": "no document with id 'nope'"}


def test_events_by_dyad_are_directed_and_pairs_are_not(client: TestClient) -> None:
    items = client.get("/api/events", params={"dyad": "VEN-GUY", "limit": 500}).json()["items"]
    assert sorted((ev["doc_id"], ev["id"]) for ev in items) == sorted(coded("VEN", "GUY"))
    assert all("VEN-GUY" in ev["dyads"] for ev in items)
    assert items[0]["date"] >= items[-1]["date"]  # newest first
    raid = next(ev for ev in items if ev["doc_id"] == "vg-06")
    assert raid["text"].startswith("raided") and raid["attribution"]["code"] == "GUY"
    both = client.get("/api/events", params={"pair": "GUY-VEN", "limit": 500}).json()["items"]
    assert sorted((ev["doc_id"], ev["id"]) for ev in both) == sorted(coded("VEN", "GUY") + coded("GUY", "VEN"))
    assert coded("GUY", "VEN")  # the scenario has both directions


@pytest.mark.parametrize("params,expected", [
    ({"dyad": "VEN-GUY", "type": "ASSAULT"}, lambda: len([1 for d, e in coded("VEN", "GUY")
                                                          if _type(d, e) == "ASSAULT"])),
    ({"dyad": "VEN-GUY", "modality": "hypothetical"}, lambda: 1),  # "could try to annex"
    ({"dyad": "ven-guy", "type": ["ASSAULT", "COERCE"]}, lambda: len([1 for d, e in coded("VEN", "GUY")
                                                                      if _type(d, e) in ("ASSAULT", "COERCE")])),
    ({"actor": "ISR"}, lambda: 1),
    ({"dyad": "VEN-GUY", "date_from": "2025-02-03", "date_to": "2025-02-03"},
     lambda: len([1 for d, e in coded("VEN", "GUY") if _date(d, e) == "2025-02-03"])),
    ({"source": "Stabroek News"}, lambda: 1),
])
def test_event_filters(client: TestClient, params: dict, expected) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/events", params={**params, "limit": 500})
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) == expected()


def _spec(doc_id: str, event_id: str) -> tuple[dict, dict]:
    article = next(a for a in ARTICLES if a["id"] == doc_id)
    return article, article["events"][int(event_id[1:]) - 1]


def _type(doc_id: str, event_id: str) -> str:
    return _spec(doc_id, event_id)[1]["type"]


def _date(doc_id: str, event_id: str) -> str:
    article, ev = _spec(doc_id, event_id)
    return ev.get("date") or article["date"]


@pytest.mark.parametrize("params,message", [
    ({"dyad": "RUS_UKR"}, "dyad: dyad 'RUS_UKR' is not AAA-BBB or AAA"),
    ({"pair": "GUY"}, "pair: 'GUY' names one actor; give both sides, AAA-BBB"),
    ({"type": "BOMB"}, "type: unknown PLOVER event type 'BOMB'"),
    ({"modality": "maybe"}, "modality: 'maybe' is not one of"),
    ({"date_from": "13/05/2024"}, "date_from: '13/05/2024' is not a date"),
    ({"date_from": "2024-06-01", "date_to": "2024-05-01"}, "date_from: 2024-06-01 is after date_to"),
    ({"limit": 100000}, "limit: Input should be less than or equal to 500"),
    ({"limit": "many"}, "limit: Input should be a valid integer"),
])
def test_bad_parameters_get_clear_422(client: TestClient, params: dict, message: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert r.json()["error"].startswith(message), r.json()


# --- the escalation monitor's results --------------------------------------------------------------


def test_alerts_are_the_monitors(client: TestClient, store: Store) -> None:
    items = client.get("/api/alerts").json()["items"]
    with store.connect() as conn:
        direct = monitor.alerts(conn)
    assert items == json.loads(json.dumps(direct[::-1]))  # the same alerts, newest first
    assert {(a["dyad"], a["direction"], a["change_at"]) for a in items} == EXPECTED
    up = next(a for a in items if a["dyad"] == "GUY-VEN")
    assert {"vg-05", "vg-06"} <= {d["doc_id"] for d in up["articles"]}
    assert up["n_sources"] >= 2 and "Reuters" in up["sources"]
    assert all(c["quad"] >= 3 for c in up["clusters"])  # a toward alert rests on conflict clusters
    for order in ("GUY-VEN", "ven-guy"):
        mine = client.get("/api/alerts", params={"dyad": order}).json()["items"]
        assert [(a["dyad"], a["change_at"]) for a in mine] == [("GUY-VEN", "2025-W06")]
    assert client.get("/api/alerts", params={"dyad": CALM}).json()["items"] == []
    # Non-default settings go to the monitor too: one outlet is enough with min_sources=1.
    loose = client.get("/api/alerts", params={"min_sources": 1}).json()["items"]
    with store.connect() as conn:
        assert loose == json.loads(json.dumps(monitor.alerts(conn, params=monitor.AlertParams(min_sources=1))[::-1]))


def test_top_dyads_and_series_are_the_monitors(client: TestClient, store: Store) -> None:
    ranking = client.get("/api/dyads").json()["items"]
    with store.connect() as conn:
        assert ranking == monitor.top_dyads(conn, 10)
        rows = monitor.series(conn, "GUY-VEN")
        monthly = monitor.series(conn, "GUY-VEN", "month")
    assert ranking[0]["dyad"] == "ARM-AZE"  # the most clusters
    for order in ("GUY-VEN", "VEN-GUY", "ven-guy"):
        s = client.get(f"/api/dyads/{order}/series").json()
        assert s["dyad"] == "GUY-VEN" and s["rows"] == rows
        assert [(a["direction"], a["change_at"]) for a in s["alerts"]] == [("toward", "2025-W06")]
    w6 = next(r for r in rows if r["period"] == "2025-W06")
    assert w6["index"] > 2 and w6["q4"] == 4
    assert [r["period"] for r in rows] == [f"2025-W{w:02d}" for w in range(2, 10)]  # every week, none missing
    assert client.get("/api/dyads/GUY-VEN/series", params={"freq": "month"}).json()["rows"] == monthly
    directed = client.get("/api/dyads/VEN-GUY/series", params={"directed": True}).json()
    assert directed["dyad"] == "VEN-GUY" and directed["directed"] is True
    away = client.get("/api/dyads/AZE-ARM/series").json()["alerts"]
    assert [(a["direction"], a["change_at"]) for a in away] == [("away", "2025-W07")]
    assert client.get(f"/api/dyads/{CALM}/series").json()["alerts"] == []
    assert client.get("/api/dyads/GUY/series").status_code == 422
    assert client.get("/api/dyads/GUY-GUY/series").status_code == 422
    r = client.get("/api/dyads/GUY-VEN/series", params={"freq": "year"})
    assert r.status_code == 422 and r.json()["error"].startswith("freq:")


def test_clusters_are_the_monitors(client: TestClient, store: Store) -> None:
    items = client.get("/api/clusters", params={"dyad": "VEN-GUY", "limit": 500}).json()["items"]
    with store.connect() as conn:
        assert items == monitor.clusters(conn, dyad="GUY-VEN", limit=500)
    assert client.get("/api/clusters", params={"dyad": "GUY-VEN", "limit": 500}).json()["items"] == items
    raid = next(c for c in items if any(m["doc_id"] == "vg-06" and m["local_id"] == "e1" for m in c["members"]))
    # one happening told by seven articles; reprints of AP's text count once among the independent sources
    assert raid["n_documents"] == 7 and raid["n_sources"] == 5
    week = client.get("/api/clusters", params={"dyad": "GUY-VEN", "since": "2025-02-03", "until": "2025-02-09"})
    assert {c["first_date"] for c in week.json()["items"]} <= {f"2025-02-0{d}" for d in range(3, 10)}


def test_claim_timeline_is_the_monitors(client: TestClient, store: Store) -> None:
    rows = client.get("/api/timeline", params={"unit": "troops", "dyad": "VEN-GUY"}).json()["items"]
    with store.connect() as conn:
        from dotterel.monitor.timeline import timeline

        assert rows == timeline(conn, unit="troops", dyad="GUY-VEN")
    assert {r["value"] for r in rows} >= {2000, 5000}
    assert client.get("/api/timeline").status_code == 422


def test_exports(client: TestClient) -> None:
    r = client.get("/api/export/events.csv", params={"dyad": "VEN-GUY", "type": "ASSAULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len([1 for d, e in coded("VEN", "GUY") if _type(d, e) == "ASSAULT"])
    assert all("VEN-GUY" in row["dyads"].split() for row in rows)
    lines = client.get("/api/export/events.jsonl", params={"pair": "GUY-VEN"}).text.splitlines()
    assert len(lines) == len(coded("VEN", "GUY") + coded("GUY", "VEN"))
    docs = client.get("/api/export/documents.jsonl").text.splitlines()
    assert len(docs) == N_DOCS and all(json.loads(x)["schema"] == "dotterel/1" for x in docs)
    assert client.get("/api/export/events.xml").status_code == 422


def test_status(client: TestClient) -> None:
    st = client.get("/api/status").json()
    assert st["documents"] == N_DOCS and st["events"] == N_EVENTS and st["runs"][0]["status"] == "done"


# --- pages -----------------------------------------------------------------------------------------


def test_overview_page(client: TestClient, store: Store) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert _shown_alerts(html) == EXPECTED  # and nothing for the calm, heavily covered DEU-FRA
    assert 'href="/dyads/GUY-VEN"' in html and 'href="/dyads/ARM-AZE"' in html
    assert "Venezuelan troops attack Guyanese border post" in html  # the alert's evidence: articles
    assert re.search(r'id="n-documents">' + str(N_DOCS) + "<", html)
    # the dyad table is the monitor's top dyads, with its escalation index
    table = re.search(r'<table class="dyads">(.*?)</table>', html, re.S)[1]
    shown = re.findall(r'href="/dyads/([A-Z-]+)">[^<]+</a></td>\s*<td[^>]*>([^<]+)</td>', table)
    with store.connect() as conn:
        top = {d["dyad"]: d["latest_index"] for d in monitor.top_dyads(conn, 10)}
    assert {d for d, _ in shown} == set(top)
    assert all(float(ix) == pytest.approx(top[d], abs=0.005) for d, ix in shown)
    assert [d for d, _ in shown][0] == "GUY-VEN"  # the highest latest index first


def test_dyad_page_shows_the_monitors_series_alerts_and_clusters(client: TestClient, store: Store) -> None:
    r = client.get("/dyads/VEN-GUY", params={"freq": "week"}, follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/dyads/GUY-VEN?freq=week"
    html = client.get("/dyads/ven-guy").text
    assert '<script src="/vendor/plotly.min.js"' in html and "cdn" not in html.lower()
    data = _chart(html)
    with store.connect() as conn:
        assert data["rows"] == json.loads(json.dumps(monitor.series(conn, "GUY-VEN")))
    assert [(a["direction"], a["change_at"]) for a in data["alerts"]] == [("toward", "2025-W06")]
    assert _shown_alerts(html) == {("GUY-VEN", "toward", "2025-W06")}
    clusters = re.search(r'<section class="panel" id="clusters">(.*?)</section>', html, re.S)[1]
    assert 'href="/articles/vg-06#ann-e1"' in clusters
    assert "VEN → GUY" in html and "GUY → VEN" in html  # the events list says which side acts
    arm = client.get("/dyads/ARM-AZE").text
    assert _shown_alerts(arm) == {("ARM-AZE", "away", "2025-W07")}
    assert [(a["direction"], a["change_at"]) for a in _chart(arm)["alerts"]] == [("away", "2025-W07")]
    calm = client.get(f"/dyads/{CALM}").text
    assert _shown_alerts(calm) == set() and _chart(calm)["alerts"] == [] and "No alerts for this pair" in calm
    # heavily covered all the same: the summit is one cluster told by many independent sources
    summit = max(client.get("/api/clusters", params={"dyad": CALM}).json()["items"], key=lambda c: c["n_sources"])
    assert summit["n_sources"] >= 5 and f'data-cluster="{summit["id"]}"' in calm


def test_dyad_page_filters(client: TestClient) -> None:
    html = client.get("/dyads/GUY-VEN", params={"type": "ASSAULT", "modality": "", "date_from": "",
                                                "actor": "VEN"}).text
    assert '<option value="ASSAULT" selected>' in html and '<option value="VEN" selected>' in html
    events = re.search(r'<section class="panel" id="events">(.*?)</section>', html, re.S)[1]
    assert events.count('<li class="event') == len([1 for d, e in coded("VEN", "GUY") if _type(d, e) == "ASSAULT"])
    dated = client.get("/dyads/GUY-VEN", params={"date_from": "2025-02-17"}).text
    assert _shown_alerts(dated) == set() and all(r["period"] >= "2025-W08" for r in _chart(dated)["rows"])
    assert client.get("/dyads/GUY-VEN", params={"date_to": "tomorrow"}).status_code == 422
    assert client.get("/dyads/GUY-VEN", params={"actor": "USA"}).status_code == 422
    assert client.get("/dyads/GUY").status_code == 422


def test_plotly_served_from_installed_package(client: TestClient) -> None:
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert len(r.content) > 1_000_000 and b"plotly" in r.content[:2000].lower()


def test_article_page_highlights_in_place(client: TestClient) -> None:
    html = client.get("/articles/vg-10").text
    marks = re.findall(r'<mark class="hl ([^"]+)" data-refs="([^"]+)" title="([^"]*)">([^<]*)</mark>', html)
    by_ref: dict[str, str] = {}
    for _, refs, _, text in marks:
        for ref in refs.split():
            by_ref[ref] = by_ref.get(ref, "") + text
    assert by_ref["e1"] == "attacked" and by_ref["e2"] == "assault" and by_ref["e4"] == "annex"
    assert by_ref["q1"] == "three soldiers"
    assert "Caracas could try to annex the region" in by_ref["c1"]
    annex = next(m for m in marks if m[3] == "annex")
    assert "hl-event" in annex[0] and "hl-claim" in annex[0]
    assert "VEN" in annex[2] and "hypothetical" in annex[2]
    card = re.search(r'id="ann-e4".*?</section>', html, re.S)[0]
    assert "hypothetical" in card and "GUY" in card
    card = re.search(r'id="ann-q1".*?</section>', html, re.S)[0]
    assert "<dt>counts</dt>" in card  # what the number counts (none in these hand-built records: "—")


def test_missing_article_is_html_404(client: TestClient) -> None:
    r = client.get("/articles/does-not-exist")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "no document with id" in r.text


# --- hostile input ---------------------------------------------------------------------------------


class _Elements(HTMLParser):
    """Every element the browser would build: (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def _no_live_markup(html: str) -> None:
    """No element, handler or link came from the hostile text: only the page's own scripts and tags."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.elements:
        assert tag != "img", attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") in ("/vendor/plotly.min.js", "/static/chart.js", "/static/article.js") \
                or attrs.get("type") == "application/json", attrs
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith(("javascript:", "data:")), (tag, attrs)
    assert "<script>alert" not in html


def test_hostile_article_is_escaped_everywhere(client: TestClient) -> None:
    article = client.get(f"/articles/{HOSTILE_ID}")
    assert article.status_code == 200
    html = article.text
    _no_live_markup(html)
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html  # shown as text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Strikes" in html
    assert HOSTILE_URL in html and f'href="{HOSTILE_URL}"' not in html  # shown, not linked
    dyad = client.get("/dyads/ISR-IRN")  # redirected to IRN-ISR
    escaped_title = HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
    clusters = re.search(r'<section class="panel" id="clusters">(.*?)</section>', dyad.text, re.S)[1]
    assert escaped_title in clusters and escaped_title in dyad.text.split('id="events"')[1]
    for html in [client.get("/").text, dyad.text]:
        _no_live_markup(html)
    assert HOSTILE_SOURCE not in dyad.text


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


# --- tokens, limits, binding -----------------------------------------------------------------------


def test_refuses_public_bind_without_token(db_path: Path) -> None:
    with pytest.raises(ServeError, match="give an API token"):
        create_app(str(db_path), host="0.0.0.0")


@pytest.fixture(scope="module")
def guarded(db_path: Path) -> TestClient:
    with TestClient(create_app(str(db_path), token="s3cret", host="0.0.0.0", max_body=4096)) as c:
        yield c


def test_analysis_needs_token_when_set(guarded: TestClient) -> None:
    r = guarded.post("/api/analyze", json={"text": "Russia shelled Ukraine."})
    assert r.status_code == 401 and "API token" in r.json()["error"]
    r = guarded.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    page = guarded.post("/analyze", data={"text": "Russia shelled Ukraine."})
    assert page.status_code == 401 and "needs the API token" in page.text
    assert guarded.get("/api/events").status_code == 401  # with a token, reading needs it too (issue 22)
    assert guarded.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    try:
        assert 'name="token"' in guarded.get("/analyze", params={"token": "s3cret"}).text
    finally:
        guarded.cookies.clear()


def test_body_size_limit(guarded: TestClient) -> None:
    big = {"text": "word " * 2000}
    r = guarded.post("/api/analyze", json=big, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 413 and "too large" in r.json()["error"]

    def chunks():  # no Content-Length: the limit applies while streaming
        for _ in range(10):
            yield b"x" * 1000

    r = guarded.post("/api/analyze", content=chunks(), headers={"Authorization": "Bearer s3cret",
                                                               "content-type": "application/json"})
    assert r.status_code == 413


def test_url_fetching_is_off_by_default(guarded: TestClient) -> None:
    r = guarded.post("/api/analyze", json={"url": "http://127.0.0.1:9/secret"},
                     headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422 and "fetching URLs is disabled" in r.json()["error"]


def test_validation_of_analysis_request(guarded: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    r = guarded.post("/api/analyze", json={"text": 42}, headers=auth)
    assert r.status_code == 422 and r.json()["error"].startswith("text:")
    r = guarded.post("/api/analyze", content=b"{not json", headers={**auth, "content-type": "application/json"})
    assert r.status_code == 422
    r = guarded.post("/api/analyze", json={"text": "", "date": "yesterday"}, headers=auth)
    assert r.status_code == 422 and "no text given" in r.json()["error"]


# --- the real analyzer -----------------------------------------------------------------------------


@pytest.mark.slow
def test_analyze_and_store_with_the_real_pipeline(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "s.db"))) as c:
        text = ("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing 12 civilians, "
                "Ukrainian officials said. <script>alert(1)</script>")
        r = c.post("/api/analyze", json={"text": text, "date": "2024-05-14", "title": "Kharkiv"})
        assert r.status_code == 200, r.text
        record = r.json()
        assert record["schema"] == "dotterel/1" and record["pub_date"] == "2024-05-14"
        r = c.post("/api/documents", json={"text": text, "date": "2024-05-14"})
        assert r.status_code == 201 and r.json()["status"] == "stored"
        assert c.post("/api/documents", json={"text": text, "date": "2024-05-14"}).json()["status"] == "duplicate"
        doc_id = r.json()["id"]
        assert c.get(f"/api/documents/{doc_id}").json()["text"] == record["text"]
        page = c.post("/analyze", data={"text": text, "date": "2024-05-14"})
        assert page.status_code == 200 and "<script>alert(1)" not in page.text
        upload = c.post("/analyze", files={"file": ("a.txt", text.encode(), "text/plain")}, data={"date": "2024-05-14"})
        assert upload.status_code == 200 and 'id="article-text"' in upload.text
        binary = c.post("/analyze", files={"file": ("a.bin", b"\x00\x01\x02" * 10, "application/octet-stream")})
        assert binary.status_code == 422 and "looks binary" in binary.text


def test_overview_and_clusters_follow_new_codings(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = open_store(str(path))
    write(store, documents())
    with TestClient(create_app(str(path))) as c:
        assert "CHN-TWN" not in c.get("/").text
        assert c.get("/api/clusters", params={"dyad": "CHN-TWN"}).json()["items"] == []
        late = {"id": "ct-01", "date": "2025-02-26", "source": "Reuters", "title": "Chinese ships ram Taiwanese boat",
                "text": "Chinese coast guard ships rammed a Taiwanese fishing boat on Wednesday.",
                "events": [{"type": "ASSAULT", "actor": ["CHN/MIL"], "recipient": ["TWN"], "trigger": "rammed"}]}
        c.app.state.monitor.min_interval = 0
        write(store, fixtures.records([late]))  # a new ingest: the monitor rebuilds, the cache is renewed
        c.get("/")  # served from the last build while the next one runs in the background (issue 22 §4)
        c.app.state.monitor.wait()
        assert 'href="/dyads/CHN-TWN"' in c.get("/").text
        (cluster,) = c.get("/api/clusters", params={"dyad": "TWN-CHN"}).json()["items"]
        assert cluster["members"][0]["doc_id"] == "ct-01"
    store.close()


@pytest.mark.postgres
def test_dashboard_on_postgresql(pg_url: str) -> None:
    store = open_store(pg_url)
    write(store, documents())
    store.close()
    with TestClient(create_app(pg_url)) as c:
        assert _shown_alerts(c.get("/").text) == EXPECTED
        guy_ven = c.get("/dyads/VEN-GUY").text
        assert [(a["direction"], a["change_at"]) for a in _chart(guy_ven)["alerts"]] == [("toward", "2025-W06")]
        assert 'href="/articles/vg-06#ann-e1"' in guy_ven
        assert _chart(c.get(f"/dyads/{CALM}").text)["alerts"] == []
        assert c.get("/api/status").json()["monitor"]["clusters"] > 0


def test_event_json_and_exports_carry_casualties_and_certainty(client: TestClient) -> None:
    from web_scenario import CLAIM_DOC

    params = {"source": "Al Jazeera", "date_from": "2025-02-04", "date_to": "2025-02-04"}
    events = {e["id"]: e for e in client.get("/api/events", params=params).json()["items"] if e["doc_id"] == CLAIM_DOC}
    assert events["e1"]["fatalities"] == {"low": 3, "best": 3, "high": 3, "source": None}
    assert events["e1"]["injured"] is None and events["e1"]["attribution"] is None
    assert events["e4"]["attribution"]["certainty"] == "possible"
    r = client.get("/api/export/events.csv", params=params)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(r.text)) if row["doc_id"] == CLAIM_DOC}
    assert (rows["e1"]["fatalities_best"], rows["e1"]["injured_best"]) == ("3", "")
    assert rows["e4"]["attribution_certainty"] == "possible"
    lines = [json.loads(x) for x in client.get("/api/export/events.jsonl", params=params).text.splitlines()]
    assert next(x for x in lines if x["doc_id"] == CLAIM_DOC and x["id"] == "e1")["fatalities"]["best"] == 3
