"""Issue 22 §3: writes only from this server's pages, the token guards every endpoint, 500s keep the headers,
no CDN for the API docs. (The cross-origin form in a real browser: tests/test_browser_csrf.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.web import create_app
from web_scenario import scenario_db, stored_documents


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scenario_db(tmp_path_factory.mktemp("security") / "store.db")


class FakeHolder:
    """Stands in for the spaCy analyser: returns a ready Document at once."""

    def __init__(self, make_doc) -> None:  # type: ignore[no-untyped-def]
        self.make_doc = make_doc

    def analyze(self, item):  # type: ignore[no-untyped-def]
        return self.make_doc(item.text, doc_id="posted")


@pytest.fixture()
def client(db_path: Path, make_doc) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(create_app(str(db_path)), raise_server_exceptions=False) as c:
        c.app.state.analyzer = FakeHolder(make_doc)
        yield c


TEXT = "Troops of Norway moved towards the border on Tuesday, officials said."


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Referer": "http://evil.example/attack.html"},
    {"Origin": "http://testserver.evil.example"},
    {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
])
def test_cross_origin_writes_are_refused(client: TestClient, db_path: Path, headers: dict) -> None:
    form = client.post("/analyze", data={"text": TEXT, "save": "1"}, headers=headers)
    assert form.status_code == 403 and "cross-origin request refused" in form.text
    api = client.post("/api/documents", json={"text": TEXT}, headers=headers)
    assert api.status_code == 403
    assert "content-security-policy" in form.headers
    assert stored_documents(db_path, "posted") == 0


def test_same_origin_and_non_browser_writes_pass(client: TestClient, db_path: Path) -> None:
    r = client.post("/api/analyze", json={"text": TEXT}, headers={"Origin": "http://testserver"})
    assert r.status_code == 200
    r = client.post("/api/analyze", json={"text": TEXT}, headers={"Referer": "http://testserver/analyze",
                                                                  "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200
    r = client.post("/api/analyze", json={"text": TEXT})  # curl, scripts: no Origin, no Referer
    assert r.status_code == 200
    assert client.get("/api/events", headers={"Origin": "http://evil.example"}).status_code == 200  # reads


PAGES = ["/", "/dyads/GUY-VEN", "/articles/vg-06", "/analyze", "/reference", "/docs", "/redoc", "/openapi.json",
         "/vendor/plotly.min.js", "/static/app.css", "/static/favicon.svg"]


def _every_get_path(db_path: Path) -> list[str]:
    """Every GET endpoint of the API (from the OpenAPI schema), the pages and static files."""
    with TestClient(create_app(str(db_path))) as c:
        schema = c.get("/openapi.json").json()
    subst = {"{doc_id}": "vg-06", "{dyad_id}": "GUY-VEN", "{fmt}": "csv"}
    out = []
    for path, ops in schema["paths"].items():
        if "get" in ops:
            for k, v in subst.items():
                path = path.replace(k, v)
            out.append(path)
    return out + PAGES


def test_with_a_token_every_endpoint_but_the_health_check_needs_it(db_path: Path) -> None:
    paths = _every_get_path(db_path)
    with TestClient(create_app(str(db_path), token="s3cret"), raise_server_exceptions=False) as c:
        assert len(paths) > 15
        for path in paths:
            r = c.get(path)
            if path == "/api/health":
                assert r.status_code == 200 and r.json() == {"status": "ok"}
                continue
            assert r.status_code == 401, path
            assert "content-security-policy" in r.headers
        ok = c.get("/api/export/documents.jsonl", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.text
        assert c.get("/api/status", headers={"X-API-Token": "s3cret"}).status_code == 200
        assert c.get("/api/status", headers={"Authorization": "Bearer s3cre"}).status_code == 401
        # a browser opens the dashboard once with ?token=; a strict, HttpOnly cookie carries it afterwards
        first = c.get("/", params={"token": "s3cret"})
        assert first.status_code == 200
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert c.get("/dyads/GUY-VEN").status_code == 200
        c.cookies.clear()
        assert c.get("/dyads/GUY-VEN").status_code == 401


def test_open_reads_is_an_explicit_flag(db_path: Path) -> None:
    with TestClient(create_app(str(db_path), token="s3cret", open_reads=True), raise_server_exceptions=False) as c:
        assert c.get("/api/events").status_code == 200
        assert c.post("/api/analyze", json={"text": TEXT}).status_code == 401


def test_a_500_carries_the_security_headers(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from dotterel.store import query as queries

    def broken(conn):  # type: ignore[no-untyped-def]
        raise RuntimeError("injected")

    monkeypatch.setattr(queries, "ingest_status", broken)
    r = client.get("/api/status")
    assert r.status_code == 500
    assert r.json() == {"error": "internal server error"}
    for name in ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"):
        assert name in r.headers, name


def test_api_docs_load_nothing_from_a_cdn(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        r = client.get(path)
        assert r.status_code == 200 and r.url.path == "/reference"
        assert "cdn." not in r.text and "/openapi.json" in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/openapi.json").json()["paths"]


def test_a_document_the_store_refuses_gets_its_reason(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import exc

    from dotterel.store import writer

    def refuse(conn, run_id, a, recode, result):  # type: ignore[no-untyped-def]
        raise exc.DataError("INSERT …", {}, ValueError("PostgreSQL text fields cannot contain NUL (0x00) bytes"))

    monkeypatch.setattr(writer, "_store_document", refuse)
    r = client.post("/api/documents", json={"text": TEXT})
    assert r.status_code == 409
    assert r.json()["error"] == ("the store refused this document: ValueError: PostgreSQL text fields cannot "
                                 "contain NUL (0x00) bytes")
