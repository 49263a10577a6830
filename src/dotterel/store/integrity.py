"""Consistency checks over a store: what a half-written batch would leave behind.

Used by the resumability tests and handy after any crash: `problems(conn)` is empty for a sound store.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, func, select

from dotterel.store import schema as s


def problems(conn: Connection) -> list[str]:
    """One line per inconsistency: documents without a coding, codings whose rows don't match their JSON."""
    out: list[str] = []
    d, c, e, a = s.documents, s.codings, s.events, s.event_actors
    orphan_docs = conn.execute(select(d.c.doc_id).where(
        ~select(c.c.id).where(c.c.id == d.c.current_coding_id, c.c.document_id == d.c.id).exists())).scalars().all()
    out += [f"document {x}: no current coding" for x in orphan_docs]
    n_events: dict[int, int] = dict(conn.execute(select(e.c.coding_id, func.count()).group_by(e.c.coding_id)).all())
    n_actors: dict[int, int] = dict(conn.execute(
        select(e.c.coding_id, func.count(a.c.id)).join(a, a.c.event_id == e.c.id).group_by(e.c.coding_id)).all())
    counts: dict[str, dict[int, int]] = {
        table: dict(conn.execute(select(t.c.coding_id, func.count()).group_by(t.c.coding_id)).all())
        for table, t in (("entities", s.entities), ("claims", s.claims), ("quantities", s.quantities))
    }
    q = s.quantities
    counted: dict[tuple[int, str], tuple[str, int, int] | None] = {
        (r.coding_id, r.local_id): None if r.counts_text is None else (r.counts_text, r.counts_start, r.counts_end)
        for r in conn.execute(select(q.c.coding_id, q.c.local_id, q.c.counts_text, q.c.counts_start, q.c.counts_end))}
    for coding_id, record in conn.execute(select(c.c.id, c.c.record)):
        rec = json.loads(record)
        for qty in rec["quantities"]:  # what a number counts: the columns say what the record says
            want = (qty["counts"]["text"], *qty["counts"]["span"]) if qty.get("counts") else None
            if (coding_id, qty["id"]) in counted and counted[(coding_id, qty["id"])] != want:
                out.append(f"coding {coding_id}: quantity {qty['id']} counts {counted[(coding_id, qty['id'])]}, "
                           f"record has {want}")
        want_actors = sum(len(ev["actor"]) + len(ev["recipient"]) for ev in rec["events"])
        if n_events.get(coding_id, 0) != len(rec["events"]):
            out.append(f"coding {coding_id}: {n_events.get(coding_id, 0)} event rows, record has {len(rec['events'])}")
        if n_actors.get(coding_id, 0) != want_actors:
            out.append(f"coding {coding_id}: {n_actors.get(coding_id, 0)} actor rows, record has {want_actors}")
        for table, by_coding in counts.items():
            if by_coding.get(coding_id, 0) != len(rec[table]):
                out.append(f"coding {coding_id}: {by_coding.get(coding_id, 0)} {table} rows, record has {len(rec[table])}")
    dup = conn.execute(select(d.c.sha256).group_by(d.c.sha256).having(func.count() > 1)).scalars().all()
    out += [f"text {x[:16]} stored {2}+ times" for x in dup]
    return out
