"""Analysing submitted text (and, only when enabled, a fetched URL) and storing the result."""

from __future__ import annotations

import datetime as dt

from dotterel.errors import DotterelError, InputError
from dotterel.model import Document, SourceItem
from dotterel.sources.fetch import fetch as fetch_page
from dotterel.store import Store
from dotterel.store.writer import Analysed, finish_run, start_run, write_batch
from dotterel.web.dependencies import AnalyzerHolder, Settings
from dotterel.web.limits import MAX_ANALYZE_CHARS


def check_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InputError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def fetch(url: str, settings: Settings) -> str:
    """The body of `url`, when the server allows fetching (limits: `dotterel.sources.fetch`)."""
    if not settings.allow_fetch:
        raise InputError("fetching URLs is disabled on this server (start it with --allow-fetch); send the text instead")
    return fetch_page(url, max_bytes=settings.max_body)


def analyse(holder: AnalyzerHolder, settings: Settings, *, text: str | None, url: str | None = None,
            date: str | None = None, title: str | None = None, source: str | None = None) -> Document:
    """Analyse text (or the page at `url` when no text is given); InputError with one line when it can't."""
    if not (text and text.strip()):
        if not url:
            raise InputError("no text given: paste the article text or upload a file")
        text = fetch(url, settings)
    if len(text) > MAX_ANALYZE_CHARS:
        raise InputError(f"text is {len(text):,} characters; the server analyses at most {MAX_ANALYZE_CHARS:,} per "
                         "request (use `dotterel analyze` for longer documents)")
    item = SourceItem(text=text, date=check_date(date), title=title or None, url=url or None, source=source or None)
    return holder.analyze(item)


def store_document(store: Store, doc: Document) -> str:
    """Write one analysed document as its own ingest run; 'stored' or 'duplicate' (or DotterelError)."""
    run_id = start_run(store, ["web"], doc.coder.version, doc.coder.knowledge, 1)
    try:
        result = write_batch(store, run_id, [Analysed(doc, path="web")])
    except DotterelError:
        finish_run(store, run_id, "failed", 1)
        raise
    finish_run(store, run_id, "done", 1)
    if result.quarantined:  # the id is taken by another text, or the store refused the document (its reason)
        from sqlalchemy import select

        from dotterel.store import schema as s

        with store.connect() as conn:
            q = s.quarantine
            reason = conn.execute(select(q.c.reason).where(q.c.path == "web", q.c.item_id == doc.id)
                                  .order_by(q.c.id.desc()).limit(1)).scalar()
        raise InputError(reason or f"id {doc.id!r} is already used by a different text")
    return "stored" if result.stored else "duplicate"
