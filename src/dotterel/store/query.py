"""The one read layer over a store: what the CLI, the web API and the escalation monitor read.

    from dotterel.store import open_store
    from dotterel.store import query

    store = open_store("corpus.db")
    with store.connect() as conn:
        rows = query.events(conn, query.EventFilter(dyad=("PRK", "RUS"), since="2024-10-01"))
        for row in rows:
            print(row["doc_id"], row["event_id"], row["type"], row["dyads"])   # dyads: ['PRK-RUS']
        docs = list(query.documents(conn))          # every document, streamed
        record = query.document(conn, "wikinews-1")  # the stored dotterel/1 record (a dict), or None
        bad = query.quarantined(conn)

Every query sees only each document's current (newest) coding, through one join (`current_events`,
`current_codings`), so a recoded document never counts twice. `conn` may be a SQLAlchemy `Connection`
or `Session`. One `EventFilter` and one dyad rule (`parse_dyad`) serve every reader.

Events come in two shapes over the same filter: flat rows for exports and tables (`events`,
`iter_events`; `EVENT_COLUMNS`, in order; `actor_*`/`recipient_*` are lists aligned by position, and
`dyads` lists every 'AAA-BBB' pair of an actor code and a recipient code), and nested views for the
web API (`event_views`, `iter_event_views`; actors as objects, the event's own stretch of text).
`date` is the best date known for the event (its own date when given to the day, else the report date,
else the publication date); `day`/`week`/`month` are its buckets ('2024-10-24', '2024-W43', '2024-10').
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from dotterel.store import schema as s

# ACLED-style casualty figures of an event (model.Event.fatalities / injured), flattened
CASUALTY_FIELDS = ("fatalities", "injured")
CASUALTY_COLUMNS: tuple[str, ...] = tuple(f"{name}_{part}" for name in CASUALTY_FIELDS
                                          for part in ("low", "best", "high", "source"))
EVENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "type", "mode", "quad", "score", "modality", "confidence",
    "date", "day", "week", "month", "event_date", "event_date_precision", "report_date", "pub_date",
    "actor_codes", "actor_sectors", "actor_texts", "recipient_codes", "recipient_sectors", "recipient_texts",
    "dyads", "context", "attribution_source", "attribution_code", "attribution_sector", "attribution_cue",
    "location_text", "location_code", "trigger", "sentence", "span_start", "span_end",
    "title", "url", "source", "coder_version",
    # added (dotterel/1 is additive; new columns go last so positional readers keep working)
    "attribution_certainty", *CASUALTY_COLUMNS,
)
LIST_COLUMNS = frozenset({"actor_codes", "actor_sectors", "actor_texts", "recipient_codes", "recipient_sectors",
                          "recipient_texts", "dyads", "context"})
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "sha256", "title", "url", "source", "pub_date", "path", "n_chars", "n_events",
    "coder_version", "coder_knowledge", "ingested_at",
)
MODALITIES = ("asserted", "negated", "future", "hypothetical", "historical")


MAX_PAGE = 500
# An actor code: ISO alpha-3 (RUS), an organisation (NATO, UN), or a code+sector key (SDNGOV).
CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
DYAD_FORMS = ("AAA-BBB: events of actor AAA on recipient BBB (AAA-AAA: both sides in one country); "
              "AAA alone: AAA acting, on anyone or no one")


@dataclass(slots=True)
class EventFilter:
    """Which events to return; every field is optional and they combine with AND.

    dyad: (actor code, recipient code), recipient '' for "anyone" (see `parse_dyad`); pair: the same two
    codes either way round (one side acting on the other, as the dyad pages list them); actor/recipient: a
    code in that role; types: PLOVER types; modalities: keep only these; since/until: inclusive ISO bounds
    on the event's `day` (events without a day are then left out); source: the document's source exactly;
    doc_id: one document's events; limit/offset: paging of the flat rows.
    """

    dyad: tuple[str, str] | None = None
    pair: tuple[str, str] | None = None
    actor: str | None = None
    recipient: str | None = None
    types: Sequence[str] = ()
    modalities: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    source: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0


def parse_code(text: str) -> str:
    """' rus ' -> 'RUS'; ValueError when it is not an actor code."""
    code = text.strip().upper()
    if not CODE.match(code):
        raise ValueError(f"{text!r} is not an actor code (ISO alpha-3 like RUS, or an organisation like NATO)")
    return code


def parse_dyad(text: str) -> tuple[str, str]:
    """The one dyad rule of the CLI, the web and the monitor: 'PRK-RUS' -> ('PRK', 'RUS'); 'PRK' -> ('PRK', '').

    The first code acts, the second is acted on. A bare code means that actor on anyone or no one (for the
    monitor: its single-actor series). The same code twice ('USA-USA') is a dyad inside one country (police
    and protesters); the monitor only separates such sides at sector level (SDNGOV-SDNREB).
    ValueError naming the accepted forms when `text` is none of these.
    """
    parts = text.strip().upper().split("-")
    if len(parts) in (1, 2) and all(CODE.match(p) for p in parts):
        return parts[0], parts[1] if len(parts) == 2 else ""
    raise ValueError(f"dyad {text!r} is not AAA-BBB or AAA ({DYAD_FORMS})")


def of_current_coding(coding_id: Any) -> Any:
    """Join condition to `documents` for rows (events, quantities) of a document's current coding."""
    return s.documents.c.current_coding_id == coding_id


def current_events() -> Any:
    """Events of each document's current coding: the one join every event query starts from."""
    e, d = s.events, s.documents
    return e.join(d, and_(d.c.id == e.c.document_id, of_current_coding(e.c.coding_id)))


def current_codings() -> Any:
    """Every document with its current coding (None until it has one)."""
    d, c = s.documents, s.codings
    return d.outerjoin(c, c.c.id == d.c.current_coding_id)


def _actor_ids(code: str, role: str) -> Select:
    a = s.event_actors
    return select(a.c.event_id).where(a.c.code == code.upper(), a.c.role == role)


def _conditions(f: EventFilter) -> list[Any]:
    e, d = s.events, s.documents
    conds: list[Any] = []
    # IN-subqueries (not joins) so an event with two actors of the same code is still one row,
    # and SQLite drives the lookup from the (code, role, event_id) index.
    for code, role in ((f.dyad[0] if f.dyad else None, "actor"), (f.dyad[1] if f.dyad else None, "recipient"),
                       (f.actor, "actor"), (f.recipient, "recipient")):
        if code:
            conds.append(e.c.id.in_(_actor_ids(code, role)))
    if f.pair:
        a, b = f.pair
        conds.append(or_(and_(e.c.id.in_(_actor_ids(a, "actor")), e.c.id.in_(_actor_ids(b, "recipient"))),
                         and_(e.c.id.in_(_actor_ids(b, "actor")), e.c.id.in_(_actor_ids(a, "recipient")))))
    if f.types:
        conds.append(e.c.type.in_([t.upper() for t in f.types]))
    if f.modalities:
        conds.append(e.c.modality.in_(list(f.modalities)))
    if f.since:
        conds.append(e.c.day >= f.since)
    if f.until:
        conds.append(e.c.day <= f.until)
    if f.source:
        conds.append(d.c.source == f.source)
    if f.doc_id:
        conds.append(d.c.doc_id == f.doc_id)
    return conds


def _excerpt() -> Any:
    """The event's own stretch of the document (its sentence): only that travels, never whole documents."""
    e, d = s.events, s.documents
    return func.substr(d.c.text, e.c.span_start + 1, e.c.span_end - e.c.span_start)


def _event_select(f: EventFilter, excerpt: bool = False) -> Select:
    e, d, c = s.events, s.documents, s.codings
    extra = [_excerpt().label("excerpt")] if excerpt else []
    return (select(e, d.c.doc_id, d.c.title, d.c.url, d.c.source, d.c.pub_date, c.c.coder_version, *extra)
            .select_from(current_events().join(c, c.c.id == e.c.coding_id)).where(*_conditions(f)))


def count_events(conn, f: EventFilter | None = None) -> int:
    """How many events match (ignoring limit/offset)."""
    q = _event_select(f or EventFilter()).with_only_columns(func.count(s.events.c.id))
    return int(conn.execute(q).scalar_one())


def events(conn, f: EventFilter | None = None, *, excerpt: bool = False) -> list[dict[str, Any]]:
    """Events of current codings matching `f`, ordered by date, document, event; see module docstring.

    `excerpt`: add the event's sentence text as `excerpt` (tables show it as the evidence).
    """
    f = f or EventFilter()
    e, d = s.events, s.documents
    q = _event_select(f, excerpt).order_by(e.c.date.is_(None), e.c.date, d.c.doc_id, e.c.id)
    if f.limit is not None:
        q = q.limit(f.limit)
    if f.offset:
        q = q.offset(f.offset)
    rows = conn.execute(q).mappings().all()
    refs = _actor_refs(conn, [r["id"] for r in rows])
    out = [_event_dict(r, refs.get(r["id"], {})) for r in rows]
    if excerpt:
        for row, r in zip(out, rows):
            row["excerpt"] = r["excerpt"]
    return out


def iter_events(conn, f: EventFilter | None = None, page: int = 5000) -> Iterator[dict[str, Any]]:
    """Like `events`, but fetched a page at a time, so exports of any size use bounded memory."""
    f = f or EventFilter()
    done = 0
    while f.limit is None or done < f.limit:
        size = page if f.limit is None else min(page, f.limit - done)
        rows = events(conn, replace(f, limit=size, offset=f.offset + done))
        yield from rows
        done += len(rows)
        if len(rows) < size:
            return


def _actor_refs(conn, event_ids: list[int]) -> dict[int, dict[str, list[Any]]]:
    a = s.event_actors
    out: dict[int, dict[str, list[Any]]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        q = select(a).where(a.c.event_id.in_(chunk)).order_by(a.c.event_id, a.c.role, a.c.position)
        for r in conn.execute(q).mappings():
            slot = out.setdefault(r["event_id"], {})
            slot.setdefault(f"{r['role']}_codes", []).append(r["code"])
            slot.setdefault(f"{r['role']}_sectors", []).append(r["sector"])
            slot.setdefault(f"{r['role']}_texts", []).append(r["text"])
    return out


def dyads(actor_codes: Sequence[str | None], recipient_codes: Sequence[str | None]) -> list[str]:
    """Every 'AAA-BBB' pair of a coded actor and a coded recipient, in order, without repeats."""
    out: list[str] = []
    for a in actor_codes:
        for r in recipient_codes:
            if a and r and f"{a}-{r}" not in out:
                out.append(f"{a}-{r}")
    return out


def _event_dict(r: Any, refs: dict[str, list[Any]]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "doc_id": r["doc_id"], "event_id": r["local_id"], "type": r["type"], "mode": r["mode"], "quad": r["quad"],
        "score": r["score"], "modality": r["modality"], "confidence": r["confidence"], "date": r["date"],
        "day": r["day"], "week": r["week"], "month": r["month"], "event_date": r["event_date"],
        "event_date_precision": r["event_date_precision"], "report_date": r["report_date"], "pub_date": r["pub_date"],
    }
    for role in ("actor", "recipient"):
        for part in ("codes", "sectors", "texts"):
            row[f"{role}_{part}"] = refs.get(f"{role}_{part}", [])
    row["dyads"] = dyads(row["actor_codes"], row["recipient_codes"])
    row["context"] = json.loads(r["context"])
    for key in ("attribution_source", "attribution_code", "attribution_sector", "attribution_cue",
                "location_text", "location_code"):
        row[key] = r[key]
    row.update(trigger=r["trigger_text"], sentence=r["sentence"], span_start=r["span_start"], span_end=r["span_end"],
               title=r["title"], url=r["url"], source=r["source"], coder_version=r["coder_version"])
    row["attribution_certainty"] = r["attribution_certainty"]
    for key in CASUALTY_COLUMNS:
        row[key] = r[key]
    return row


def documents(conn, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
    """Every stored document (streamed, ordered by id), with its current coding's coder and event count."""
    d, c = s.documents, s.codings
    q = (
        select(d.c.doc_id, d.c.sha256, d.c.title, d.c.url, d.c.source, d.c.pub_date, d.c.path, d.c.n_chars,
               c.c.n_events, c.c.coder_version, c.c.coder_knowledge, d.c.ingested_at)
        .select_from(current_codings())
        .order_by(d.c.doc_id)
    )
    if limit is not None:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    for r in conn.execute(q.execution_options(yield_per=1000)).mappings():
        row = dict(r)
        row["ingested_at"] = r["ingested_at"].isoformat() if r["ingested_at"] else None
        yield row


def count_documents(conn) -> int:
    return int(conn.execute(select(func.count()).select_from(s.documents)).scalar_one())


def document(conn, doc_id: str) -> dict[str, Any] | None:
    """The stored dotterel/1 record of `doc_id` (its current coding), or None when unknown."""
    d, c = s.documents, s.codings
    record = conn.execute(
        select(c.c.record).select_from(current_codings()).where(d.c.doc_id == doc_id, c.c.id.is_not(None))
    ).scalar_one_or_none()
    return json.loads(record) if record is not None else None


def quarantined(conn) -> list[dict[str, Any]]:
    """Everything that could not be read or analysed: path, locator, item id, reason, run, when."""
    q = s.quarantine
    rows = conn.execute(select(q.c.path, q.c.locator, q.c.item_id, q.c.reason, q.c.run_id, q.c.created_at)
                        .order_by(q.c.id)).mappings().all()
    return [dict(r, created_at=r["created_at"].isoformat() if r["created_at"] else None) for r in rows]


# --- nested event views (the web API and pages) --------------------------------------------------


def _event_columns() -> list[Any]:
    e, d = s.events, s.documents
    return [
        e.c.id.label("pk"), d.c.doc_id, e.c.local_id, e.c.type, e.c.mode, e.c.quad, e.c.score, e.c.modality,
        e.c.confidence, e.c.date, e.c.day, e.c.week, e.c.event_date_text, e.c.report_date,
        e.c.attribution_source, e.c.attribution_code, e.c.attribution_sector, e.c.attribution_cue,
        e.c.location_text, e.c.location_code, e.c.trigger_text, e.c.span_start, e.c.span_end,
        e.c.attribution_certainty, *(e.c[name] for name in CASUALTY_COLUMNS),
        d.c.title, d.c.source, d.c.url, d.c.pub_date,
        _excerpt().label("sentence_text"),
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


def _event_view(row: Any, actors: dict[str, list[dict]]) -> dict[str, Any]:
    # the web lists only dyads between two different codes, sorted (unlike the flat rows' `dyads`)
    dyads = sorted({f"{a['code']}-{r['code']}" for a in actors["actor"] for r in actors["recipient"]
                    if a["code"] and r["code"] and a["code"] != r["code"]})
    attribution = None
    if row.attribution_source is not None:
        attribution = {"source": row.attribution_source, "code": row.attribution_code,
                       "sector": row.attribution_sector, "cue": row.attribution_cue,
                       "certainty": row.attribution_certainty}
    return {
        "doc_id": row.doc_id, "id": row.local_id, "type": row.type, "mode": row.mode, "quad": row.quad,
        "score": row.score, "modality": row.modality, "confidence": row.confidence, "date": row.date,
        "week": row.week, "event_date_text": row.event_date_text, "report_date": row.report_date,
        "actor": actors["actor"], "recipient": actors["recipient"], "dyads": dyads, "attribution": attribution,
        "location": {"text": row.location_text, "code": row.location_code} if row.location_text else None,
        "trigger": row.trigger_text, "span": [row.span_start, row.span_end], "text": row.sentence_text,
        "title": row.title, "source": row.source, "url": row.url, "pub_date": row.pub_date,
        **{name: _casualty_view(row, name) for name in CASUALTY_FIELDS},
    }


def _casualty_view(row: Any, name: str) -> dict[str, Any] | None:
    """An event's fatalities/injured as the API gives them: null when no figure was reported."""
    fig = {part: getattr(row, f"{name}_{part}") for part in ("low", "best", "high", "source")}
    return fig if any(fig[part] is not None for part in ("low", "best", "high")) else None


def event_views(conn: Connection, f: EventFilter, *, limit: int = 50, offset: int = 0,
                newest_first: bool = True) -> list[dict[str, Any]]:
    """One page of events matching `f`, with actors, dyads and the event's text."""
    e = s.events
    order = [e.c.day.desc(), e.c.id.desc()] if newest_first else [e.c.day.asc(), e.c.id.asc()]
    q = (select(*_event_columns()).select_from(current_events()).where(*_conditions(f))
         .order_by(*order).limit(limit).offset(offset))
    rows = conn.execute(q).all()
    actors = _actors_of(conn, [r.pk for r in rows])
    return [_event_view(r, actors[r.pk]) for r in rows]


def iter_event_views(conn: Connection, f: EventFilter, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching event, oldest first, fetched in keyset-paginated chunks (for exports)."""
    e = s.events
    last = 0
    while True:
        q = (select(*_event_columns()).select_from(current_events()).where(*_conditions(f), e.c.id > last)
             .order_by(e.c.id).limit(chunk))
        rows = conn.execute(q).all()
        if not rows:
            return
        actors = _actors_of(conn, [r.pk for r in rows])
        for r in rows:
            yield _event_view(r, actors[r.pk])
        last = rows[-1].pk


def document_page(conn: Connection, *, source: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """One page of documents, newest first, for the web (`documents` streams every one, for exports)."""
    d, c = s.documents, s.codings
    conds: list[Any] = []
    if source:
        conds.append(d.c.source == source)
    if since:
        conds.append(d.c.pub_day >= since)
    if until:
        conds.append(d.c.pub_day <= until)
    q = (select(d.c.doc_id, d.c.title, d.c.url, d.c.source, d.c.pub_date, d.c.n_chars, d.c.language,
                c.c.n_events, c.c.genre_label, c.c.coder_version)
         .select_from(current_codings()).where(*conds)
         .order_by(d.c.pub_day.desc(), d.c.id.desc()).limit(limit).offset(offset))
    return [dict(r._mapping) for r in conn.execute(q)]


def sources(conn: Connection) -> list[str]:
    d = s.documents
    return list(conn.execute(select(d.c.source).where(d.c.source.is_not(None)).distinct().order_by(d.c.source)
                             .limit(200)).scalars())


# --- ingest status (the dashboard) ---------------------------------------------------------------------------------


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
    n_events = conn.execute(select(func.count()).select_from(current_events())).scalar_one()
    n_quarantined = conn.execute(select(func.count()).select_from(q)).scalar_one()
    last = conn.execute(select(func.max(e.c.day))).scalar()
    recent = conn.execute(select(r.c.id, r.c.started_at, r.c.finished_at, r.c.status, r.c.n_read, r.c.n_stored,
                                 r.c.n_duplicates, r.c.n_quarantined, r.c.n_events)
                          .order_by(r.c.id.desc()).limit(runs))
    return IngestStatus(n_docs, n_events, n_quarantined, last, [dict(x._mapping) for x in recent])


__all__ = [
    "CASUALTY_COLUMNS", "CASUALTY_FIELDS", "CODE", "DOCUMENT_COLUMNS", "DYAD_FORMS", "EVENT_COLUMNS", "EventFilter", "IngestStatus", "MAX_PAGE", "MODALITIES",
    "count_documents", "count_events", "current_codings", "current_events", "document",
    "of_current_coding", "document_page",
    "documents", "dyads", "event_views", "events", "ingest_status", "iter_event_views", "iter_events", "parse_code",
    "parse_dyad", "quarantined", "sources",
]
