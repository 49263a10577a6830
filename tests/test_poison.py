"""Issue 22 §1: characters no store can hold, and a document the store refuses, never block a corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import exc, func, select

from dotterel.store import query
from dotterel.model import SourceItem
from dotterel.sources.readers import item_from_json_line
from dotterel.store import open_store
from dotterel.store import schema as s
from dotterel.store import writer
from dotterel.store.integrity import problems
from dotterel.store.textsafe import REPLACEMENT, scrub


def test_unstorable_characters_are_replaced_at_the_reader_with_a_warning() -> None:
    assert scrub("a\x00b\ud800c") == (f"a{REPLACEMENT}b{REPLACEMENT}c", 2)
    assert scrub("plain – text 😀") == ("plain – text 😀", 0)
    line = json.dumps({"id": "x\u0000", "text": "Troops\u0000 moved \ud800 north.", "title": "T\ud800",
                       "source": "Wire\u0000"})
    item = item_from_json_line(line, 1)
    assert "\x00" not in item.text + item.id + item.title + item.source
    assert item.text == f"Troops{REPLACEMENT} moved {REPLACEMENT} north."
    assert len(item.text) == len("Troops\u0000 moved \ud800 north.")  # offsets kept
    assert [w.split(":")[0] for w in item.warnings] == ["text", "id", "title", "source"]
    assert SourceItem(text="clean").warnings == []


def _corpus(path: Path) -> Path:
    from test_ingest import article

    rows = [{"id": f"a{i}", "text": article(i), "date": "2024-10-02", "title": f"T{i}", "source": "Wire"}
            for i in range(4)]
    rows[1]["text"] = rows[1]["text"].replace("Officials", "Officials\u0000")
    rows[2] = {**rows[2], "title": "Ti\u0000tle", "source": "Wi\u0000re", "id": "a\u00002"}
    rows[3]["text"] = rows[3]["text"].replace("Officials", "Officials \ud800")
    with path.open("w") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    return path


@pytest.mark.slow
def test_poison_characters_are_stored_on_both_backends(store_url: str, tmp_path: Path) -> None:
    from dotterel.runs.ingest import ingest

    store = open_store(store_url)
    summary = ingest(store, [str(_corpus(tmp_path / "c.jsonl"))], batch_size=4)
    assert (summary.stored, summary.quarantined) == (4, 0)
    with store.connect() as conn:
        assert problems(conn) == []
        ids = sorted(d["doc_id"] for d in query.documents(conn))
        assert ids == sorted(["a0", "a1", f"a{REPLACEMENT}2", "a3"])
        record = query.document(conn, "a1")
        assert "\x00" not in record["text"] and any("U+FFFD" in w for w in record["warnings"])
        assert any(w.startswith("title:") for w in query.document(conn, f"a{REPLACEMENT}2")["warnings"])
    store.close()


def _fail_for(monkeypatch: pytest.MonkeyPatch, bad_id: str) -> list[str]:
    """Make the store refuse one document (as PostgreSQL refuses a NUL), counting write attempts."""
    seen: list[str] = []
    real = writer._store_document

    def store_document(conn, run_id, a, recode, result):  # type: ignore[no-untyped-def]
        seen.append(a.doc.id)
        if a.doc.id == bad_id:
            raise exc.DataError("INSERT INTO documents ...", {}, ValueError("injected fault\nsecond line"))
        return real(conn, run_id, a, recode, result)

    monkeypatch.setattr(writer, "_store_document", store_document)
    return seen


def test_a_document_the_store_refuses_is_quarantined_and_the_batch_is_written(
        store_url: str, make_doc, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    docs = [make_doc(f"Text number {i} about troops moving.", doc_id=f"d{i}") for i in range(5)]
    seen = _fail_for(monkeypatch, "d2")
    run = writer.start_run(store, ["t"], "0.1.0", "k1", 0)
    result = writer.write_batch(store, run, [writer.Analysed(d, path="c.jsonl") for d in docs], skipped=1)
    assert (result.stored, result.quarantined) == (4, 1)
    assert seen.count("d2") == 2 and seen.count("d0") == 2  # the whole batch, then one at a time
    # the run goes on: the next batch is written as usual
    later = writer.write_batch(store, run, [writer.Analysed(make_doc("Another text about troops.", doc_id="d9"))])
    assert later.stored == 1
    with store.connect() as conn:
        assert problems(conn) == []
        assert sorted(d["doc_id"] for d in query.documents(conn)) == ["d0", "d1", "d3", "d4", "d9"]
        (q,) = query.quarantined(conn)
        assert q["item_id"] == "d2" and q["path"] == "c.jsonl"
        assert q["reason"] == "the store refused this document: ValueError: injected fault"
        counters = conn.execute(select(s.ingest_runs.c.n_stored, s.ingest_runs.c.n_quarantined,
                                       s.ingest_runs.c.n_duplicates)).one()
    assert tuple(counters) == (5, 1, 1)
    store.close()


@pytest.mark.postgres
def test_a_nul_that_reaches_postgresql_quarantines_one_document(pg_url: str, make_doc) -> None:  # type: ignore[no-untyped-def]
    """Past the reader (a Document built by hand): PostgreSQL's own refusal costs one document, not the batch."""
    store = open_store(pg_url)
    docs = [make_doc(f"Text number {i} about troops moving.", doc_id=f"d{i}") for i in range(3)]
    docs.append(make_doc("Text with a NUL\x00 inside.", doc_id="nul"))
    run = writer.start_run(store, ["t"], "0.1.0", "k1", 0)
    result = writer.write_batch(store, run, [writer.Analysed(d, path="p") for d in docs])
    assert (result.stored, result.quarantined) == (3, 1)
    with store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.documents)).scalar_one() == 3
        (q,) = query.quarantined(conn)
        assert q["item_id"] == "nul" and "NUL" in q["reason"] and "\n" not in q["reason"]
    store.close()


@pytest.mark.slow
def test_api_analyze_with_a_lone_surrogate_or_nul_is_analysed_with_a_warning(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dotterel.web import create_app

    text = "Russian forces shelled the city of Kharkiv \ud800 on Monday, killing 12 civilians, officials\x00 said."
    with TestClient(create_app(str(tmp_path / "s.db")), raise_server_exceptions=False) as c:
        body = json.dumps({"text": text, "title": "Kh\x00arkiv", "date": "2024-05-14"})  # \ud800 escaped
        r = c.post("/api/analyze", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 200, r.text
        record = r.json()
        assert record["text"].count(REPLACEMENT) == 2 and len(record["text"]) == len(text)
        assert {w.split(":")[0] for w in record["warnings"]} >= {"text", "title"}
        odd = c.post("/api/analyze", content=json.dumps({"text": "Troops moved.", "title": "K\ud800"}),
                     headers={"content-type": "application/json"})
        assert odd.status_code == 422 and odd.json()["error"].startswith("title:")  # pydantic's own check
        stored = c.post("/api/documents", content=json.dumps({"text": text, "date": "2024-05-14"}),
                        headers={"content-type": "application/json"})
        assert stored.status_code == 201 and stored.json()["status"] == "stored"
        page = c.post("/analyze", data={"text": text.replace("\ud800", ""), "date": "2024-05-14"})
        assert page.status_code == 200 and "U+FFFD" in page.text
