"""Read queries behind the dashboard and the API, over the store schema (SQLAlchemy Core, bound parameters).

Every query sees only the *current* coding of each document (`documents.current_coding_id`), so a
recoded document never counts twice. Dyads are (actor code, recipient code) and are written `AAA-BBB`
in everything this module returns. Escalation figures (clusters, series, index, alerts) are not computed
here: they come from the escalation monitor (`dotterel.web.dashboard`, `dotterel.monitor`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from dotterel.store import schema as s

MAX_PAGE = 500


def dyad_key(actor: str | None, recipient: str | None) -> str | None:
    return f"{actor}-{recipient}" if actor and recipient else None


@dataclass(slots=True)
class EventFilter:
    """Filters of event lists and exports (all optional).

    `dyad` is directed (actor code, recipient code); `pair` is the same two codes either way round
    (one side acting on the other), as the dyad pages list them.
    """

    dyad: tuple[str, str] | None = None
    actor: str | None = None
    recipient: str | None = None
    types: Sequence[str] = ()
    modality: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    source: str | None = None
    doc_id: str | None = None
    pair: tuple[str, str] | None = None


def _current_events() -> Any:
    e, d = s.events, s.documents
    return e.join(d, and_(d.c.id == e.c.document_id, d.c.current_coding_id == e.c.coding_id))


def _actor_ids(code: str, role: str) -> Select:
    a = s.event_actors
    return select(a.c.event_id).where(a.c.code == code, a.c.role == role)


def _conditions(f: EventFilter) -> list[Any]:
    e, d = s.events, s.documents
    conds: list[Any] = []
    actor = f.dyad[0] if f.dyad else f.actor
    recipient = f.dyad[1] if f.dyad else f.recipient
    # IN-subqueries (not joins) so an event with two actors of the same code is still one row,
    # and SQLite drives the lookup from the (code, role, event_id) index.
    if actor:
        conds.append(e.c.id.in_(_actor_ids(actor, "actor")))
    if recipient:
        conds.append(e.c.id.in_(_actor_ids(recipient, "recipient")))
    if f.types:
        conds.append(e.c.type.in_(list(f.types)))
    if f.pair:
        a, b = f.pair
        conds.append(or_(and_(e.c.id.in_(_actor_ids(a, "actor")), e.c.id.in_(_actor_ids(b, "recipient"))),
                         and_(e.c.id.in_(_actor_ids(b, "actor")), e.c.id.in_(_actor_ids(a, "recipient")))))
    if f.modality:
        conds.append(e.c.modality == f.modality)
    if f.date_from:
        conds.append(e.c.day >= f.date_from.isoformat())
    if f.date_to:
        conds.append(e.c.day <= f.date_to.isoformat())
    if f.source:
        conds.append(d.c.source == f.source)
    if f.doc_id:
        conds.append(d.c.doc_id == f.doc_id)
    return conds


def _event_columns() -> list[Any]:
    e, d = s.events, s.documents
    return [
        e.c.id.label("pk"), d.c.doc_id, e.c.local_id, e.c.type, e.c.mode, e.c.quad, e.c.score, e.c.modality,
        e.c.confidence, e.c.date, e.c.day, e.c.week, e.c.event_date_text, e.c.report_date,
        e.c.attribution_source, e.c.attribution_code, e.c.attribution_sector, e.c.attribution_cue,
        e.c.location_text, e.c.location_code, e.c.trigger_text, e.c.span_start, e.c.span_end,
        d.c.title, d.c.source, d.c.url, d.c.pub_date,
        # Only the event's own stretch of text travels, never whole documents.
        func.substr(d.c.text, e.c.span_start + 1, e.c.span_end - e.c.span_start).label("sentence_text"),
    ]


def _actors_of(conn: Connection, event_pks: Sequence[int]) -> dict[int, dict[str, list[dict]]]:
    out: dict[int, dict[str, list[dict]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    if not event_pks:
        return out
    a = s.event_actors
    rows = conn.execute(select(a.c.event_id, a.c.role, a.c.text, a.c.code, a.c.sector)
                        .where(a.c.event_id.in_(list(event_pks))).order_by(a.c.event_id, a.c.role, a.c.position))
    for r in rows:
        out[r.event_id][r.role].append({"text": r.text, "code": r.code, "sector": r.sector})
    return out


def _event_dict(row: Any, actors: dict[str, list[dict]]) -> dict[str, Any]:
    dyads = sorted({k for a in actors["actor"] for r in actors["recipient"]
                    if (k := dyad_key(a["code"], r["code"])) and a["code"] != r["code"]})
    attribution = None
    if row.attribution_source is not None:
        attribution = {"source": row.attribution_source, "code": row.attribution_code,
                       "sector": row.attribution_sector, "cue": row.attribution_cue}
    return {
        "doc_id": row.doc_id, "id": row.local_id, "type": row.type, "mode": row.mode, "quad": row.quad,
        "score": row.score, "modality": row.modality, "confidence": row.confidence, "date": row.date,
        "week": row.week, "event_date_text": row.event_date_text, "report_date": row.report_date,
        "actor": actors["actor"], "recipient": actors["recipient"], "dyads": dyads, "attribution": attribution,
        "location": {"text": row.location_text, "code": row.location_code} if row.location_text else None,
        "trigger": row.trigger_text, "span": [row.span_start, row.span_end], "text": row.sentence_text,
        "title": row.title, "source": row.source, "url": row.url, "pub_date": row.pub_date,
    }


def events(conn: Connection, f: EventFilter, *, limit: int = 50, offset: int = 0,
           newest_first: bool = True) -> list[dict[str, Any]]:
    """One page of events matching `f`, with actors, dyads and the event's text."""
    e = s.events
    order = [e.c.day.desc(), e.c.id.desc()] if newest_first else [e.c.day.asc(), e.c.id.asc()]
    q = (select(*_event_columns()).select_from(_current_events()).where(*_conditions(f))
         .order_by(*order).limit(limit).offset(offset))
    rows = conn.execute(q).all()
    actors = _actors_of(conn, [r.pk for r in rows])
    return [_event_dict(r, actors[r.pk]) for r in rows]


def iter_events(conn: Connection, f: EventFilter, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching event, oldest first, fetched in keyset-paginated chunks (for exports)."""
    e = s.events
    last = 0
    while True:
        q = (select(*_event_columns()).select_from(_current_events()).where(*_conditions(f), e.c.id > last)
             .order_by(e.c.id).limit(chunk))
        rows = conn.execute(q).all()
        if not rows:
            return
        actors = _actors_of(conn, [r.pk for r in rows])
        for r in rows:
            yield _event_dict(r, actors[r.pk])
        last = rows[-1].pk


def documents(conn: Connection, *, source: str | None = None, date_from: dt.date | None = None,
              date_to: dt.date | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    d, c = s.documents, s.codings
    conds: list[Any] = []
    if source:
        conds.append(d.c.source == source)
    if date_from:
        conds.append(d.c.pub_day >= date_from.isoformat())
    if date_to:
        conds.append(d.c.pub_day <= date_to.isoformat())
    q = (select(d.c.doc_id, d.c.title, d.c.url, d.c.source, d.c.pub_date, d.c.n_chars, d.c.language,
                c.c.n_events, c.c.genre_label, c.c.coder_version)
         .select_from(d.outerjoin(c, c.c.id == d.c.current_coding_id)).where(*conds)
         .order_by(d.c.pub_day.desc(), d.c.id.desc()).limit(limit).offset(offset))
    return [dict(r._mapping) for r in conn.execute(q)]


def document_record(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """The stored `dotterel/1` record of the document's current coding."""
    d, c = s.documents, s.codings
    row = conn.execute(select(c.c.record).select_from(d.join(c, c.c.id == d.c.current_coding_id))
                       .where(d.c.doc_id == doc_id)).first()
    return json.loads(row.record) if row else None


def sources(conn: Connection) -> list[str]:
    d = s.documents
    return list(conn.execute(select(d.c.source).where(d.c.source.is_not(None)).distinct().order_by(d.c.source)
                             .limit(200)).scalars())


# --- ingest status ---------------------------------------------------------------------------------


@dataclass(slots=True)
class IngestStatus:
    documents: int
    events: int
    quarantined: int
    latest_day: str | None
    runs: list[dict[str, Any]] = field(default_factory=list)


def ingest_status(conn: Connection, runs: int = 5) -> IngestStatus:
    d, e, r, q = s.documents, s.events, s.ingest_runs, s.quarantine
    n_docs = conn.execute(select(func.count()).select_from(d)).scalar_one()
    n_events = conn.execute(select(func.count()).select_from(_current_events())).scalar_one()
    n_quarantined = conn.execute(select(func.count()).select_from(q)).scalar_one()
    last = conn.execute(select(func.max(e.c.day))).scalar()
    recent = conn.execute(select(r.c.id, r.c.started_at, r.c.finished_at, r.c.status, r.c.n_read, r.c.n_stored,
                                 r.c.n_duplicates, r.c.n_quarantined, r.c.n_events)
                          .order_by(r.c.id.desc()).limit(runs))
    return IngestStatus(n_docs, n_events, n_quarantined, last, [dict(x._mapping) for x in recent])
