"""The REST API under /api: analysis, documents, events, exports, and the escalation monitor's results.

Clusters, dyads, series, alerts and the claim timeline are `dotterel.monitor`'s (as `dotterel monitor`
and `dotterel timeline` print them); their pairs are unordered, named in alphabetical order.
"""

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

from dotterel import limits as store_limits, monitor
from dotterel.errors import DotterelError
from dotterel.model import to_builtins
from dotterel.monitor.timeline import timeline
from dotterel.store import Store
from dotterel.store import query as queries
from dotterel.web import dashboard
from dotterel.web.analysis import analyse, store_document
from dotterel.web import limits
from dotterel.web.dependencies import (
    DB,
    AnalyzerHolder,
    Monitor,
    MonitorDB,
    Settings,
    get_analyzer,
    get_settings,
    get_store,
    require_token,
)
from dotterel.web.params import Window, event_filter, parse_choice, parse_date, parse_pair, window
from dotterel.store.query import MAX_PAGE, EventFilter

router = APIRouter(prefix="/api")
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Filter = Annotated[EventFilter, Depends(event_filter)]
DyadPath = Annotated[str, Path(description="Pair `AAA-BBB`, either order.", max_length=20)]
PairQuery = Annotated[str | None, Query(description="Pair `AAA-BBB`, either order.", max_length=20)]
Win = Annotated[Window, Depends(window)]


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


async def _analyse(body: AnalyzeRequest, holder: AnalyzerHolder, settings: Settings):
    try:
        return await limits.bounded(analyse, holder, settings, text=body.text, url=body.url, date=body.date,
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
    lo, hi = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    items = queries.document_page(conn, source=source, since=lo.isoformat() if lo else None,
                                  until=hi.isoformat() if hi else None, limit=limit, offset=offset)
    return _page(items, limit, offset)


@router.get("/documents/{doc_id:path}", tags=["documents"])
def get_document(conn: DB, doc_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The stored `dotterel/1` record of one document (its current coding)."""
    record = queries.document(conn, doc_id)
    if record is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return record


@router.get("/events", tags=["events"])
def list_events(conn: DB, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events (all modalities unless filtered), newest first, each with its dyads `AAA-BBB` and text."""
    return _page(queries.event_views(conn, f, limit=limit, offset=offset), limit, offset)


@router.get("/clusters", tags=["escalation"])
def list_clusters(conn: MonitorDB, w: Win, dyad: PairQuery = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
    """The escalation monitor's event clusters (one per happening), newest first, each with its member codings:
    article, outlet, independent source, trigger, date. `dyad` selects the clusters of a pair (either order)."""
    pair = parse_pair(dyad)
    items = monitor.clusters(conn, dyad=pair, level=w.level, since=w.since, until=w.until, limit=limit)
    return {"dyad": pair, "level": w.level, "items": items}


@router.get("/dyads", tags=["escalation"])
def list_dyads(conn: MonitorDB, cache: Monitor, w: Win,
               n: Annotated[int, Query(ge=1, le=100, description="How many dyads.")] = dashboard.TOP_DYADS
               ) -> dict[str, Any]:
    """The monitor's top dyads (`dotterel monitor --top N`): most clusters in the window, with conflict and
    cooperation mass and the latest escalation index."""
    items = dashboard.top_dyads(cache, conn, n=n, freq=w.freq, level=w.level, since=w.since, until=w.until)
    return {"freq": w.freq, "level": w.level, "items": items}


@router.get("/dyads/{dyad_id}/series", tags=["escalation"])
def dyad_series(conn: MonitorDB, cache: Monitor, dyad_id: DyadPath, w: Win,
                directed: Annotated[bool, Query(description="Only the first code acting on the second (plus "
                                                            "reciprocal clusters).")] = False) -> dict[str, Any]:
    """The monitor's series of a pair (every period present): clusters by quad class, conflict and cooperation
    mass, documents, exposure, escalation index, expected conflict; with the pair's alerts."""
    pair = parse_pair(dyad_id)
    assert pair is not None
    # Directed reads keep the order given; the pair's alerts are always the monitor's (unordered).
    name = dyad_id.strip().upper() if directed else pair
    store_limits.check_cells(conn, w.freq, w.since, w.until, dyads=1)
    rows = monitor.series(conn, name, w.freq, w.since, w.until, level=w.level, directed=directed)
    found = dashboard.pair_alerts(cache, conn, pair, rows, freq=w.freq, level=w.level)
    return {"dyad": name, "freq": w.freq, "level": w.level, "directed": directed, "rows": rows,
            "alerts": [_brief(a) for a in found]}


def _brief(alert: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in alert.items() if k not in ("clusters", "articles", "sources")}


@router.get("/alerts", tags=["escalation"])
def list_alerts(conn: MonitorDB, cache: Monitor, w: Win, dyad: PairQuery = None,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
                min_sources: Annotated[int, Query(ge=1, le=100, description="Independent sources an alert needs.")] = 2,
                alpha: Annotated[float, Query(gt=0, lt=1, description="False discovery rate.")] = 0.05) -> dict[str, Any]:
    """The monitor's alerts (toward or away from conflict), newest first, each with its evidence: clusters,
    articles and independent sources."""
    params = monitor.AlertParams(alpha=alpha, min_sources=min_sources)
    found = dashboard.all_alerts(cache, conn, freq=w.freq, level=w.level, since=w.since, until=w.until,
                                 dyad=parse_pair(dyad), params=params)
    return {"freq": w.freq, "level": w.level, "items": found[:limit]}


@router.get("/timeline", tags=["escalation"])
def claim_timeline(conn: MonitorDB, w: Win,
                   about: Annotated[str | None, Query(max_length=200, description="Words of the figure, "
                                                                                  "title or trigger.")] = None,
                   dyad: PairQuery = None,
                   unit: Annotated[str | None, Query(max_length=40, description="Unit, e.g. soldiers (= troops).")]
                   = None) -> dict[str, Any]:
    """Claimed figures over time by source (`dotterel timeline`), disagreements between sources flagged."""
    if not (about or dyad or unit):
        raise HTTPException(422, "timeline: give about=, dyad=AAA-BBB or unit=")
    rows = timeline(conn, about=about or None, dyad=parse_pair(dyad), unit=unit or None, since=w.since,
                    until=w.until)
    return {"items": rows}


@router.get("/status", tags=["status"])
def status(conn: MonitorDB, cache: Monitor) -> dict[str, Any]:
    """Ingest status: stored documents and events, quarantined items, the latest runs; the monitor's clusters."""
    st = queries.ingest_status(conn)
    built = cache.last_build
    return {"documents": st.documents, "events": st.events, "quarantined": st.quarantined,
            "latest_day": st.latest_day, "runs": [{**r, "started_at": str(r["started_at"]),
                                                   "finished_at": str(r["finished_at"]) if r["finished_at"] else None}
                                                  for r in st.runs],
            "monitor": {"clusters": built.n_clusters, "clustered_events": built.n_events, "rebuilt": built.built,
                        "seconds": round(cache.build_seconds or 0.0, 3)} if built else None}


# --- exports ---------------------------------------------------------------------------------------

CSV_FIELDS = ["doc_id", "id", "date", "type", "mode", "quad", "score", "modality", "dyads", "actor_codes",
              "recipient_codes", "attribution", "location", "confidence", "title", "source", "url", "text",
              # added columns go last, so readers by position keep working
              "attribution_certainty", *queries.CASUALTY_COLUMNS]


def _csv_row(ev: dict[str, Any]) -> list[Any]:
    casualties = [(ev.get(name) or {}).get(part) for name in queries.CASUALTY_FIELDS
                  for part in ("low", "best", "high", "source")]
    return [ev["doc_id"], ev["id"], ev["date"], ev["type"], ev["mode"], ev["quad"], ev["score"], ev["modality"],
            " ".join(ev["dyads"]), " ".join(a["code"] or "" for a in ev["actor"]),
            " ".join(r["code"] or "" for r in ev["recipient"]),
            ev["attribution"]["source"] if ev["attribution"] else "", (ev["location"] or {}).get("text", ""),
            ev["confidence"], ev["title"], ev["source"], ev["url"], ev["text"],
            ev["attribution"]["certainty"] if ev["attribution"] else None, *casualties]


def _stream(store: Store, f: EventFilter, fmt: str) -> Iterator[str]:
    # Its own connection: the response streams after the request's dependencies have closed theirs.
    with store.connect() as conn:
        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf)
            writer.writerow(CSV_FIELDS)
            for i, ev in enumerate(queries.iter_event_views(conn, f)):
                writer.writerow(_csv_row(ev))
                if i % 500 == 499:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()
        else:
            for ev in queries.iter_event_views(conn, f):
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
            page = queries.document_page(conn, source=source, limit=200, offset=offset)
            for d in page:
                record = queries.document(conn, d["doc_id"])
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
