"""REST API and pages through the ASGI test client, over a store built from hand-made documents."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.store import open_store
from dotterel.web import ServeError, create_app
from dotterel.web.synth import HOSTILE_SOURCE, HOSTILE_TITLE, HOSTILE_URL, demo_documents, write_documents

HOSTILE_ID = "hostile<b>1</b>"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.db"
    store = open_store(str(path))
    write_documents(store, demo_documents())
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    with TestClient(create_app(str(db_path))) as c:
        yield c


# --- API -------------------------------------------------------------------------------------------


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/analyze", "/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/clusters",
              "/api/dyads", "/api/dyads/{dyad_id}/series", "/api/alerts", "/api/timeline", "/api/status",
              "/api/export/events.{fmt}", "/api/export/documents.jsonl"]:
        assert p in paths


def test_documents_list_filter_and_record(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 100}).json()
    assert len(page["items"]) == 15 and page["next_offset"] is None
    wire_b = client.get("/api/documents", params={"source": "paper-b"}).json()["items"]
    assert {d["doc_id"] for d in wire_b} == {"kherson-bombardment", "korea-no-fire"}
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["next_offset"] == 2
    record = client.get("/api/documents/kharkiv-shelling").json()
    assert record["schema"] == "dotterel/1"
    assert [e["type"] for e in record["events"]] == ["ASSAULT", "ASSAULT", "ASSAULT"]
    # ids with slashes and markup are reachable
    assert client.get(f"/api/documents/{HOSTILE_ID}").json()["id"] == HOSTILE_ID


def test_unknown_document_is_404_with_message(client: TestClient) -> None:
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and r.json() == {"error": "no document with id 'nope'"}


def test_events_by_dyad_are_written_aaa_bbb(client: TestClient) -> None:
    items = client.get("/api/events", params={"dyad": "RUS-UKR", "limit": 100}).json()["items"]
    assert len(items) == 14  # 10 accusations, 3 in the Kharkiv article (one negated), 1 in Kherson
    assert all(ev["dyads"] == ["RUS-UKR"] for ev in items)
    assert items[0]["date"] >= items[-1]["date"]  # newest first
    shelling = next(ev for ev in items if ev["trigger"] == "shelled")
    assert shelling["text"].startswith("Russian forces shelled Kharkiv")
    assert shelling["attribution"]["source"] == "Ukrainian officials"


@pytest.mark.parametrize("params,expected", [
    ({"dyad": "RUS-UKR", "type": "ASSAULT"}, 4),
    ({"dyad": "RUS-UKR", "type": "ASSAULT", "modality": "negated"}, 1),
    ({"dyad": "rus-ukr", "type": ["ASSAULT", "ACCUSE"]}, 14),
    ({"actor": "ISR"}, 1),
    ({"recipient": "KOR", "modality": "negated"}, 1),
    ({"dyad": "RUS-UKR", "date_from": "2024-05-13", "date_to": "2024-05-31"}, 4),
    ({"dyad": "RUS-UKR", "date_from": "2024-05-15", "date_to": "2024-05-15"}, 1),
    ({"source": "paper-b"}, 2),
])
def test_event_filters(client: TestClient, params: dict, expected: int) -> None:
    r = client.get("/api/events", params={**params, "limit": 100})
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) == expected


@pytest.mark.parametrize("params,message", [
    ({"dyad": "RUSUKR"}, "dyad: 'RUSUKR' is not a dyad written AAA-BBB"),
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


def test_dyad_ranking_series_and_alerts(client: TestClient) -> None:
    ranking = client.get("/api/dyads").json()["items"]
    assert ranking[0]["dyad"] == "RUS-UKR"
    assert ranking[0]["recent"] == 27 + 9 and ranking[0]["previous"] == 4 * 3  # three assaults (-9) + one accusation
    series = client.get("/api/dyads/RUS-UKR/series").json()
    assert series["dyad"] == "RUS-UKR" and len(series["points"]) == 11  # every week, none missing
    assert series["points"][-1]["conflict"] == 27  # the negated attack is not counted
    assert [a["period"] for a in series["alerts"]] == ["2024-W20"]
    alerts = client.get("/api/alerts").json()["items"]
    assert alerts[0]["dyad"] == "RUS-UKR" and alerts[0]["period"] == "2024-W20"
    assert {e["doc_id"] for e in alerts[0]["evidence"]} == {"kharkiv-shelling", "kherson-bombardment"}
    assert all(e["modality"] == "asserted" for e in alerts[0]["evidence"])
    assert client.get("/api/alerts", params={"dyad": "USA-CHN"}).json()["items"] == []
    monthly = client.get("/api/dyads/RUS-UKR/series", params={"interval": "month"}).json()
    assert [p["period"] for p in monthly["points"]] == ["2024-03", "2024-04", "2024-05"]
    assert client.get("/api/dyads/RUS/series").status_code == 422


def test_clusters_and_timeline(client: TestClient) -> None:
    clusters = client.get("/api/clusters", params={"dyad": "RUS-UKR", "type": "ASSAULT"}).json()["items"]
    assert [(c["date"], c["events"], c["documents"]) for c in clusters] == [("2024-05-15", 1, 1), ("2024-05-14", 3, 1)]
    assert clusters[1]["members"][0]["doc_id"] == "kharkiv-shelling"
    days = client.get("/api/timeline", params={"dyad": "RUS-UKR"}).json()["days"]
    assert days[0]["date"] < days[-1]["date"]  # oldest first
    assert all(ev["modality"] == "asserted" for d in days for ev in d["events"])
    assert client.get("/api/timeline").status_code == 422


def test_exports(client: TestClient) -> None:
    r = client.get("/api/export/events.csv", params={"dyad": "RUS-UKR", "type": "ASSAULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4 and {row["dyads"] for row in rows} == {"RUS-UKR"}
    lines = client.get("/api/export/events.jsonl", params={"actor": "RUS"}).text.splitlines()
    assert len(lines) == 14 and json.loads(lines[0])["actor"][0]["code"] == "RUS"
    docs = client.get("/api/export/documents.jsonl").text.splitlines()
    assert len(docs) == 15 and all(json.loads(x)["schema"] == "dotterel/1" for x in docs)
    assert client.get("/api/export/events.xml").status_code == 422


def test_status(client: TestClient) -> None:
    st = client.get("/api/status").json()
    assert st["documents"] == 15 and st["events"] == 17 and st["runs"][0]["status"] == "done"


# --- pages -----------------------------------------------------------------------------------------


def test_overview_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert 'href="/dyads/RUS-UKR"' in html
    assert "2024-W20" in html and "Russian forces shelled Kharkiv" in html  # the alert and its evidence
    assert re.search(r'id="n-documents">15<', html)


def test_dyad_page_has_chart_data_and_filters(client: TestClient) -> None:
    html = client.get("/dyads/RUS-UKR", params={"type": "ASSAULT", "modality": "", "date_from": ""}).text
    assert '<script src="/vendor/plotly.min.js"' in html and "cdn" not in html.lower()
    data = json.loads(re.search(r'<script id="series-data" type="application/json">(.*?)</script>', html, re.S)[1])
    assert data["dyad"] == "RUS-UKR" and data["alerts"][0]["period"] == "2024-W20"
    assert '<option value="ASSAULT" selected>' in html
    assert 'href="/articles/kharkiv-shelling#ann-e1"' in html
    assert client.get("/dyads/RUS-UKR", params={"date_to": "tomorrow"}).status_code == 422


def test_plotly_served_from_installed_package(client: TestClient) -> None:
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert len(r.content) > 1_000_000 and b"plotly" in r.content[:2000].lower()


def test_article_page_highlights_in_place(client: TestClient) -> None:
    html = client.get("/articles/kharkiv-shelling").text
    marks = re.findall(r'<mark class="hl ([^"]+)" data-refs="([^"]+)" title="([^"]*)">([^<]*)</mark>', html)
    by_ref: dict[str, str] = {}
    for _, refs, _, text in marks:
        for ref in refs.split():
            by_ref[ref] = by_ref.get(ref, "") + text
    assert by_ref["e1"] == "shelled" and by_ref["e2"] == "struck" and by_ref["e3"] == "attack"
    assert by_ref["q1"] == "at least 12 civilians"
    assert "Russian forces shelled Kharkiv overnight" in by_ref["c1"]
    shelled = next(m for m in marks if m[3] == "shelled")
    assert "hl-event" in shelled[0] and "hl-claim" in shelled[0]
    assert "RUS" in shelled[2] and "asserted" in shelled[2] and "Ukrainian officials" in shelled[2]
    card = re.search(r'id="ann-e3".*?</section>', html, re.S)[0]
    assert "negated" in card and "Moscow (RUS" in card


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
    for page in ["/", "/dyads/ISR-IRN"]:
        _no_live_markup(client.get(page).text)
    assert HOSTILE_SOURCE not in client.get("/dyads/ISR-IRN").text


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
    assert 'name="token"' in guarded.get("/analyze").text
    assert guarded.get("/api/events").status_code == 200  # reading stays open


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


def test_overview_cache_follows_new_codings(tmp_path: Path) -> None:
    from dotterel.web.synth import EventSpec, make_document

    path = tmp_path / "s.db"
    store = open_store(str(path))
    write_documents(store, demo_documents())
    with TestClient(create_app(str(path))) as c:
        assert "ARM-AZE" not in c.get("/").text
        text = "Armenian troops shelled Azerbaijani positions."
        doc = make_document(text, doc_id="arm-aze", pub_date="2024-05-15", events=[
            EventSpec("ASSAULT", "shelled", ("Armenian troops", "ARM"), ("Azerbaijani positions", "AZE"))])
        write_documents(store, [doc])
        assert 'href="/dyads/ARM-AZE"' in c.get("/").text
    store.close()
