"""The HTML pages: overview, dyad, article, analyse (paste or upload), API reference."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from dotterel.errors import DotterelError
from dotterel.sources.normalize import decode_bytes
from dotterel.model import to_builtins
from dotterel.store import Store
from dotterel.store import query as queries
from dotterel.web import dashboard
from dotterel.web.analysis import analyse, store_document
from dotterel.web import limits
from dotterel.web.dependencies import (DB, AnalyzerHolder, Monitor, MonitorDB, Settings, get_analyzer, get_settings,
                                        get_store, token_ok)
from dotterel.web.highlight import annotations_of, highlighted
from dotterel.web.params import EVENT_TYPES, FREQS, MODALITIES, bad, event_filter, parse_choice, parse_pair
from dotterel.store.query import EventFilter

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: MonitorDB, cache: Monitor) -> HTMLResponse:
    return render(request, "overview.html", {
        "status": queries.ingest_status(conn), **dashboard.overview(cache, conn),
        "documents": queries.document_page(conn, limit=10),
    })


@router.get("/dyads/{dyad_id}", response_class=HTMLResponse, response_model=None)
def dyad_page(request: Request, conn: MonitorDB, cache: Monitor, dyad_id: str,
              f: Annotated[EventFilter, Depends(event_filter)], freq: str | None = None,
              page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse | RedirectResponse:
    pair = parse_pair(dyad_id, "dyad")
    assert pair is not None
    if dyad_id != pair:  # one page per pair: GUY-VEN, whichever order the link used
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/dyads/{pair}{query}", status_code=307)
    a, b = pair.split("-")
    if f.actor not in (None, a, b):
        raise bad("actor", f"{f.actor!r} is not a side of {pair}")
    # Events of either side acting on the other (each is listed actor-recipient); `actor` picks one direction.
    f = EventFilter(pair=(a, b), actor=f.actor, types=f.types, modalities=f.modalities, since=f.since,
                    until=f.until, source=f.source)
    freq = parse_choice(freq, "freq", FREQS) or "week"
    since, until = f.since, f.until
    view = dashboard.dyad_view(cache, conn, pair, freq=freq, since=since, until=until)
    offset = (page - 1) * PAGE_SIZE
    events = queries.event_views(conn, f, limit=PAGE_SIZE, offset=offset)
    chart = {"dyad": pair, "freq": freq, "rows": view["rows"],
             "alerts": [{k: x[k] for k in ("direction", "period", "change_at", "start", "index", "n_clusters",
                                           "n_sources")} for x in view["alerts"]]}
    return render(request, "dyad.html", {
        "dyad": pair, "sides": (a, b), "filter": f, "freq": freq, "chart": chart, "alerts": view["alerts"],
        "clusters": view["clusters"], "events": events, "page": page, "has_next": len(events) == PAGE_SIZE,
        "event_types": EVENT_TYPES, "modalities": MODALITIES, "freqs": FREQS, "sources": queries.sources(conn),
    })


def _article(request: Request, record: dict[str, Any], **extra: Any) -> HTMLResponse:
    anns = annotations_of(record)
    return render(request, "article.html", {
        "doc": record, "text_html": highlighted(record["text"], anns), "annotations": anns, **extra})


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article_page(request: Request, conn: DB, doc_id: str) -> HTMLResponse:
    record = queries.document(conn, doc_id)
    if record is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return _article(request, record, stored=True)


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> HTMLResponse:
    return render(request, "analyze.html", {"needs_token": settings.token is not None, "error": None, "form": {}})


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    holder: Annotated[AnalyzerHolder, Depends(get_analyzer)],
    store: Annotated[Store, Depends(get_store)],
    text: Annotated[str, Form(max_length=1_000_000)] = "",
    date: Annotated[str, Form(max_length=32)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    save: Annotated[str, Form(max_length=8)] = "",
    token: Annotated[str, Form(max_length=500)] = "",
    file: UploadFile | None = None,
) -> HTMLResponse:
    form = {"text": text, "date": date, "title": title, "url": url}

    def again(message: str, status: int) -> HTMLResponse:
        return render(request, "analyze.html", {"needs_token": settings.token is not None, "error": message,
                                                "form": form}, status_code=status)

    if not token_ok(settings, token or None):
        return again("this server needs the API token to analyse text", 401)
    try:
        if file is not None and file.filename:
            text = decode_bytes(await file.read(settings.max_body + 1), file.filename, limit=settings.max_body)
        doc = await limits.bounded(analyse, holder, settings, text=text, url=url or None, date=date or None,
                                      title=title or None)
        saved = await run_in_threadpool(store_document, store, doc) if save else None
    except DotterelError as err:
        return again(str(err), 422)
    return _article(request, to_builtins(doc), stored=bool(saved), saved=saved)


@router.get("/reference", response_class=HTMLResponse)
def reference(request: Request) -> HTMLResponse:
    """The API endpoints, from the OpenAPI schema, on a page that needs no CDN (unlike /docs)."""
    schema = request.app.openapi()
    endpoints = [{"method": m.upper(), "path": p, "summary": op.get("summary", ""),
                  "description": op.get("description", ""),
                  "params": [(x["name"], x["in"], x.get("description", "")) for x in op.get("parameters", [])]}
                 for p, ops in schema["paths"].items() for m, op in ops.items()]
    return render(request, "reference.html", {"endpoints": endpoints})
