"""Plain query functions over a store: what the CLI, the web API and the escalation monitor read.

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

Every query sees only each document's current (newest) coding. `conn` may be a SQLAlchemy
`Connection` or `Session`.

Event rows are flat dicts (`EVENT_COLUMNS`, in order); `actor_*`/`recipient_*` are lists aligned by
position, and `dyads` lists every 'AAA-BBB' pair of an actor code and a recipient code.
`date` is the best date known for the event (its own date when given to the day, else the report date,
else the publication date); `day`/`week`/`month` are its buckets ('2024-10-24', '2024-W43', '2024-10').
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, select

from dotterel.store import schema as s

EVENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "type", "mode", "quad", "score", "modality", "confidence",
    "date", "day", "week", "month", "event_date", "event_date_precision", "report_date", "pub_date",
    "actor_codes", "actor_sectors", "actor_texts", "recipient_codes", "recipient_sectors", "recipient_texts",
    "dyads", "context", "attribution_source", "attribution_code", "attribution_sector", "attribution_cue",
    "location_text", "location_code", "trigger", "sentence", "span_start", "span_end",
    "title", "url", "source", "coder_version",
)
LIST_COLUMNS = frozenset({"actor_codes", "actor_sectors", "actor_texts", "recipient_codes", "recipient_sectors",
                          "recipient_texts", "dyads", "context"})
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "sha256", "title", "url", "source", "pub_date", "path", "n_chars", "n_events",
    "coder_version", "coder_knowledge", "ingested_at",
)
MODALITIES = ("asserted", "negated", "future", "hypothetical", "historical")


@dataclass
class EventFilter:
    """Which events to return; every field is optional and they combine with AND.

    dyad: (actor code, recipient code); actor: a code in the actor role; types: PLOVER types;
    since/until: inclusive bounds on the event's `day` (events without a day are then left out);
    modalities: keep only these; doc_id: one document's events; limit/offset: paging.
    """

    dyad: tuple[str, str] | None = None
    actor: str | None = None
    recipient: str | None = None
    types: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    modalities: Sequence[str] = ()
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0


def parse_dyad(value: str) -> tuple[str, str]:
    """'PRK-RUS' -> ('PRK', 'RUS'); ValueError when it is not two codes joined by '-'."""
    parts = value.strip().upper().split("-")
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"dyad {value!r} is not written AAA-BBB (actor code, recipient code)")
    return parts[0], parts[1]


def _has_role(role: str, code: str):  # type: ignore[no-untyped-def]
    a = s.event_actors
    return select(a.c.id).where(a.c.event_id == s.events.c.id, a.c.role == role, a.c.code == code.upper()).exists()


def _event_select(f: EventFilter) -> Select:  # type: ignore[type-arg]
    e, d, c = s.events, s.documents, s.codings
    q = (
        select(e, d.c.doc_id, d.c.title, d.c.url, d.c.source, d.c.pub_date, c.c.coder_version)
        .join(d, (d.c.id == e.c.document_id) & (d.c.current_coding_id == e.c.coding_id))
        .join(c, c.c.id == e.c.coding_id)
    )
    if f.dyad:
        q = q.where(_has_role("actor", f.dyad[0]), _has_role("recipient", f.dyad[1]))
    if f.actor:
        q = q.where(_has_role("actor", f.actor))
    if f.recipient:
        q = q.where(_has_role("recipient", f.recipient))
    if f.types:
        q = q.where(e.c.type.in_([t.upper() for t in f.types]))
    if f.since:
        q = q.where(e.c.day >= f.since)
    if f.until:
        q = q.where(e.c.day <= f.until)
    if f.modalities:
        q = q.where(e.c.modality.in_(list(f.modalities)))
    if f.doc_id:
        q = q.where(d.c.doc_id == f.doc_id)
    return q


def count_events(conn, f: EventFilter | None = None) -> int:  # type: ignore[no-untyped-def]
    """How many events match (ignoring limit/offset)."""
    q = _event_select(f or EventFilter()).with_only_columns(func.count(s.events.c.id))
    return int(conn.execute(q).scalar_one())


def events(conn, f: EventFilter | None = None) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Events of current codings matching `f`, ordered by date, document, event; see module docstring."""
    f = f or EventFilter()
    e, d = s.events, s.documents
    q = _event_select(f).order_by(e.c.date.is_(None), e.c.date, d.c.doc_id, e.c.id)
    if f.limit is not None:
        q = q.limit(f.limit)
    if f.offset:
        q = q.offset(f.offset)
    rows = conn.execute(q).mappings().all()
    refs = _actor_refs(conn, [r["id"] for r in rows])
    return [_event_dict(r, refs.get(r["id"], {})) for r in rows]


def iter_events(conn, f: EventFilter | None = None, page: int = 5000) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
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


def _actor_refs(conn, event_ids: list[int]) -> dict[int, dict[str, list[Any]]]:  # type: ignore[no-untyped-def]
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
    return row


def documents(conn, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Every stored document (streamed, ordered by id), with its current coding's coder and event count."""
    d, c = s.documents, s.codings
    q = (
        select(d.c.doc_id, d.c.sha256, d.c.title, d.c.url, d.c.source, d.c.pub_date, d.c.path, d.c.n_chars,
               c.c.n_events, c.c.coder_version, c.c.coder_knowledge, d.c.ingested_at)
        .outerjoin(c, c.c.id == d.c.current_coding_id)
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


def count_documents(conn) -> int:  # type: ignore[no-untyped-def]
    return int(conn.execute(select(func.count()).select_from(s.documents)).scalar_one())


def document(conn, doc_id: str) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    """The stored dotterel/1 record of `doc_id` (its current coding), or None when unknown."""
    d, c = s.documents, s.codings
    record = conn.execute(
        select(c.c.record).join(d, d.c.current_coding_id == c.c.id).where(d.c.doc_id == doc_id)
    ).scalar_one_or_none()
    return json.loads(record) if record is not None else None


def quarantined(conn) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Everything that could not be read or analysed: path, locator, item id, reason, run, when."""
    q = s.quarantine
    rows = conn.execute(select(q.c.path, q.c.locator, q.c.item_id, q.c.reason, q.c.run_id, q.c.created_at)
                        .order_by(q.c.id)).mappings().all()
    return [dict(r, created_at=r["created_at"].isoformat() if r["created_at"] else None) for r in rows]


__all__ = [
    "DOCUMENT_COLUMNS", "EVENT_COLUMNS", "EventFilter", "MODALITIES", "count_documents", "count_events",
    "document", "documents", "dyads", "events", "iter_events", "parse_dyad", "quarantined",
]
