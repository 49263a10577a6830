"""The REST API under /api: analysis, documents, events, clusters, dyads, alerts, timelines, exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from dotterel.errors import DotterelError
from dotterel.model import to_builtins
from dotterel.store import Store
from dotterel.web import dashboard, queries
from dotterel.web.analysis import analyse, store_document
from dotterel.web.dependencies import (
    DB,
    AnalyzerHolder,
    Settings,
    get_analyzer,
    get_settings,
    get_store,
    require_token,
)
from dotterel.web.params import INTERVALS, event_filter, parse_choice, parse_date, parse_dyad
from dotterel.web.queries import MAX_PAGE, EventFilter

router = APIRouter(prefix="/api")
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Filter = Annotated[EventFilter, Depends(event_filter)]
DyadPath = Annotated[str, Path(description="Dyad `AAA-BBB`.", max_length=20)]


class AnalyzeRequest(BaseModel):
    text: str | None = Field(None, description="Article text (or HTML). Required unless `url` is given and the "
                                               "server allows fetching.")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD; relative dates resolve against it.",
                             max_length=32)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000, description="Where the article is from. Fetched only when no "
                                                               "text is given and the server runs with --allow-fetch.")
    source: str | None = Field(None, max_length=200)


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


async def _analyse(body: AnalyzeRequest, holder: AnalyzerHolder, settings: Settings):  # type: ignore[no-untyped-def]
    try:
        return await run_in_threadpool(analyse, holder, settings, text=body.text, url=body.url, date=body.date,
                                       title=body.title, source=body.source)
    except DotterelError as err:
        raise HTTPException(422, str(err)) from None


@router.post("/analyze", dependencies=[Depends(require_token)], tags=["analysis"])
async def analyze(body: AnalyzeRequest, holder: Annotated[AnalyzerHolder, Depends(get_analyzer)],
                  settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    """Analyse one article and return its `dotterel/1` record (nothing is stored)."""
    return to_builtins(await _analyse(body, holder, settings))


@router.post("/documents", dependencies=[Depends(require_token)], tags=["documents"], status_code=201)
async def add_document(body: AnalyzeRequest, holder: Annotated[AnalyzerHolder, Depends(get_analyzer)],
                       settings: Annotated[Settings, Depends(get_settings)],
                       store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    """Analyse one article and store it; returns its id and whether it was new or a duplicate."""
    doc = await _analyse(body, holder, settings)
    try:
        outcome = await run_in_threadpool(store_document, store, doc)
    except DotterelError as err:
        raise HTTPException(409, str(err)) from None
    return {"id": doc.id, "status": outcome, "events": len(doc.events)}


@router.get("/documents", tags=["documents"])
def list_documents(conn: DB, limit: Limit = 50, offset: Offset = 0,
                   source: Annotated[str | None, Query(max_length=200)] = None,
                   date_from: Annotated[str | None, Query(max_length=10)] = None,
                   date_to: Annotated[str | None, Query(max_length=10)] = None) -> dict[str, Any]:
    """Stored documents, newest publication date first."""
    items = queries.documents(conn, source=source, date_from=parse_date(date_from, "date_from"),
                              date_to=parse_date(date_to, "date_to"), limit=limit, offset=offset)
    return _page(items, limit, offset)


@router.get("/documents/{doc_id:path}", tags=["documents"])
def get_document(conn: DB, doc_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The stored `dotterel/1` record of one document (its current coding)."""
    record = queries.document_record(conn, doc_id)
    if record is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return record


@router.get("/events", tags=["events"])
def list_events(conn: DB, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events (all modalities unless filtered), newest first, each with its dyads `AAA-BBB` and text."""
    return _page(queries.events(conn, f, limit=limit, offset=offset), limit, offset)


@router.get("/clusters", tags=["events"])
def list_clusters(conn: DB, f: Filter, limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict[str, Any]:
    """Events grouped by day and type (same actors, same kind of act, same day), with the articles behind them."""
    return _page(queries.clusters(conn, f, limit=limit, offset=offset), limit, offset)


@router.get("/dyads", tags=["dyads"])
def list_dyads(conn: DB, window: Annotated[int, Query(ge=1, le=52, description="Weeks per window.")] = 4,
               limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """The most escalating dyads: rise of conflict intensity from the previous window to the latest one."""
    return {"window_weeks": window, "items": dashboard.escalating_dyads(conn, window, limit)}


@router.get("/dyads/{dyad_id}/series", tags=["dyads"])
def dyad_series(conn: DB, dyad_id: DyadPath, f: Filter,
                interval: Annotated[str, Query(description="day, week or month")] = "week") -> dict[str, Any]:
    """Counted events and conflict/cooperation intensity per period, every period present, with alerts."""
    pair = parse_dyad(dyad_id, "dyad")
    assert pair is not None
    return dashboard.dyad_series(conn, f.with_dyad(pair), parse_choice(interval, "interval", INTERVALS) or "week")


@router.get("/alerts", tags=["dyads"])
def list_alerts(conn: DB, dyad: Annotated[str | None, Query(max_length=20)] = None,
                limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """Latest alerts (weeks whose conflict intensity jumps above the dyad's baseline), with their evidence."""
    pair = parse_dyad(dyad)
    if pair is None:
        return {"items": dashboard.alerts_overview(conn, limit)}
    found = dashboard.dyad_series(conn, EventFilter(dyad=pair), "week")["alerts"]
    found = sorted(found, key=lambda a: a["period"], reverse=True)[:limit]
    for a in found:
        a["evidence"] = queries.evidence(conn, pair, a["period"])
    return {"items": found}


@router.get("/timeline", tags=["events"])
def timeline(conn: DB, f: Filter, limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    """Counted events in date order (oldest first), grouped by day: the story of a dyad or actor."""
    if not (f.dyad or f.actor or f.recipient):
        raise HTTPException(422, "timeline: give dyad=AAA-BBB, actor= or recipient=")
    f.counted_only = True
    days: dict[str, list[dict]] = {}
    for ev in queries.events(conn, f, limit=limit, offset=offset, newest_first=False):
        days.setdefault(ev["date"] or "undated", []).append(ev)
    return {"days": [{"date": d, "events": evs} for d, evs in days.items()], "limit": limit, "offset": offset}


@router.get("/status", tags=["status"])
def status(conn: DB) -> dict[str, Any]:
    """Ingest status: stored documents and events, quarantined items, the latest runs."""
    st = queries.ingest_status(conn)
    return {"documents": st.documents, "events": st.events, "quarantined": st.quarantined,
            "latest_day": st.latest_day, "runs": [{**r, "started_at": str(r["started_at"]),
                                                   "finished_at": str(r["finished_at"]) if r["finished_at"] else None}
                                                  for r in st.runs]}


# --- exports ---------------------------------------------------------------------------------------

CSV_FIELDS = ["doc_id", "id", "date", "type", "mode", "quad", "score", "modality", "dyads", "actor_codes",
              "recipient_codes", "attribution", "location", "confidence", "title", "source", "url", "text"]


def _csv_row(ev: dict[str, Any]) -> list[Any]:
    return [ev["doc_id"], ev["id"], ev["date"], ev["type"], ev["mode"], ev["quad"], ev["score"], ev["modality"],
            " ".join(ev["dyads"]), " ".join(a["code"] or "" for a in ev["actor"]),
            " ".join(r["code"] or "" for r in ev["recipient"]),
            ev["attribution"]["source"] if ev["attribution"] else "", (ev["location"] or {}).get("text", ""),
            ev["confidence"], ev["title"], ev["source"], ev["url"], ev["text"]]


def _stream(store: Store, f: EventFilter, fmt: str) -> Iterator[str]:
    # Its own connection: the response streams after the request's dependencies have closed theirs.
    with store.connect() as conn:
        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf)
            writer.writerow(CSV_FIELDS)
            for i, ev in enumerate(queries.iter_events(conn, f)):
                writer.writerow(_csv_row(ev))
                if i % 500 == 499:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()
        else:
            for ev in queries.iter_events(conn, f):
                yield json.dumps(ev, ensure_ascii=False) + "\n"


@router.get("/export/events.{fmt}", tags=["exports"])
def export_events(request: Request, f: Filter, fmt: Annotated[str, Path(description="csv or jsonl")]) -> StreamingResponse:
    """Every event matching the filters, streamed as CSV or JSON Lines."""
    parse_choice(fmt, "format", ("csv", "jsonl"))
    media = "text/csv" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(_stream(request.app.state.store, f, fmt), media_type=f"{media}; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="events.{fmt}"'})


def _records(store: Store, source: str | None) -> Iterator[str]:
    with store.connect() as conn:
        offset = 0
        while True:
            page = queries.documents(conn, source=source, limit=200, offset=offset)
            for d in page:
                record = queries.document_record(conn, d["doc_id"])
                if record is not None:
                    yield json.dumps(record, ensure_ascii=False) + "\n"
            if len(page) < 200:
                return
            offset += 200


@router.get("/export/documents.jsonl", tags=["exports"])
def export_documents(request: Request, source: Annotated[str | None, Query(max_length=200)] = None) -> StreamingResponse:
    """Every stored document's `dotterel/1` record, one per line."""
    return StreamingResponse(_records(request.app.state.store, source), media_type="application/x-ndjson; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="documents.jsonl"'})
