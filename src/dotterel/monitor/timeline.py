"""Claimed numbers over time, by source: `timeline(conn, about=..., dyad=..., unit=...)`.

Each row is one figure as one source claims it (e.g. 3,000 soldiers - South Korean lawmakers - 2024-10-23),
with every outlet (canonical name, data/monitor/outlets.csv) and article that carried it. `source` is who
says so: the event's attribution when the text gives one, else the outlet in its own voice. `unit`
matches the quantity's unit, or its role when it has no unit; `counts` is what the number counts ("killed" in
"14 people were killed"; null for codings made before the coder read it). Rows are in date order (the date the figure was
reported: the report date, else the publication date).

Disagreement: two figures about the same thing - same unit group (data/monitor/units.csv), same role,
same event type, sharing an actor code - neither a projection, from different sources, reported within `window_days` of each other, whose values differ by more than
`tolerance` (ratio max/min - 1) are flagged on both rows (`disagrees_with`). A figure that grows over
months is a change, not a disagreement; a projection ("could reach 10,000") is never in conflict with a
count.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from sqlalchemy import Connection, and_, func, or_, select

from dotterel.knowledge import data_path
from dotterel.monitor.sources import outlet_of
from dotterel.store import schema as s
from dotterel.store.query import of_current_coding, parse_dyad

WINDOW_DAYS = 14
TOLERANCE = 0.25


@functools.cache
def unit_groups() -> dict[str, str]:
    with data_path("monitor", "units.csv").open(encoding="utf-8") as fh:
        return {r["word"]: r["group"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))}


def unit_group(unit: str | None, role: str | None) -> str | None:
    groups = unit_groups()
    for word in (unit, role):
        if word and word.lower() in groups:
            return groups[word.lower()]
    return (unit or role or "").lower() or None


def _words_for(unit: str) -> list[str]:
    group = unit_groups().get(unit.lower(), unit.lower())
    return sorted({w for w, g in unit_groups().items() if g == group} | {unit.lower()})


def timeline(conn: Connection, *, about: str | None = None, dyad: str | None = None, unit: str | None = None,
             since: str | None = None, until: str | None = None, window_days: int = WINDOW_DAYS,
             tolerance: float = TOLERANCE) -> list[dict]:
    """Figures over time with their sources; at least one of about/dyad/unit narrows it (see module docstring)."""
    q, d, e, a = s.quantities, s.documents, s.events, s.event_actors
    codes = (select(a.c.event_id, func.aggregate_strings(a.c.code, ";").label("codes"))
             .where(a.c.code.is_not(None)).group_by(a.c.event_id).subquery())
    stmt = (select(codes.c.codes, q.c.value, q.c.low, q.c.high, q.c.bound, q.c.projected, q.c.unit, q.c.role, q.c.text,
                   q.c.counts_text,
                   d.c.doc_id, d.c.title, d.c.source.label("outlet"), d.c.pub_date, e.c.id.label("event_pk"),
                   e.c.type, e.c.report_date, e.c.date.label("event_date"), e.c.attribution_source,
                   e.c.attribution_code, e.c.modality)
            .join(d, of_current_coding(q.c.coding_id))
            .outerjoin(e, and_(e.c.coding_id == q.c.coding_id, e.c.local_id == q.c.event))
            .outerjoin(codes, codes.c.event_id == e.c.id)
            .where(q.c.value.is_not(None)))
    if unit:
        words = _words_for(unit)
        # The unit decides when there is one ("6 missiles" with role "troops" is not about soldiers).
        stmt = stmt.where(or_(func.lower(q.c.unit).in_(words), and_(q.c.unit.is_(None), func.lower(q.c.role).in_(words))))
    if about:
        pattern = f"%{about.lower()}%"
        stmt = stmt.where(or_(func.lower(q.c.text).like(pattern), func.lower(d.c.title).like(pattern),
                              func.lower(e.c.trigger_text).like(pattern)))
    if dyad:
        x, y = parse_dyad(dyad)
        for code in (x, y) if y else (x,):
            stmt = stmt.where(select(a.c.id).where(a.c.event_id == e.c.id, a.c.code == code).exists())
    if since:
        stmt = stmt.where(func.coalesce(e.c.report_date, d.c.pub_date) >= since)
    if until:
        stmt = stmt.where(func.coalesce(e.c.report_date, d.c.pub_date) <= until)
    merged: dict[tuple, dict] = {}
    for r in conn.execute(stmt.order_by(d.c.pub_date, d.c.doc_id, q.c.span_start)):
        when = (r.report_date or r.pub_date or "")[:10]
        outlet = outlet_of(r.outlet, None, r.doc_id).key
        source = r.attribution_source or outlet
        actors = sorted(set(r.codes.split(";"))) if r.codes else []
        key = (when, r.value, bool(r.projected), source.lower(), unit_group(r.unit, r.role), r.type, tuple(actors))
        row = merged.get(key)
        if row is None:
            row = merged[key] = dict(
                date=when, value=r.value, low=r.low, high=r.high, bound=r.bound, projected=bool(r.projected),
                unit=r.unit, role=r.role, group=unit_group(r.unit, r.role), text=r.text, counts=r.counts_text,
                source=source,
                source_code=r.attribution_code, attributed=r.attribution_source is not None,
                event_type=r.type, actors=actors, modality=r.modality, outlets=[], doc_ids=[], disagrees_with=[])
        if outlet not in row["outlets"]:
            row["outlets"].append(outlet)
        row["doc_ids"].append(r.doc_id)
    rows = sorted(merged.values(), key=lambda x: (x["date"], x["value"], x["source"]))
    _flag(rows, window_days, tolerance)
    for row in rows:
        row["disagreement"] = bool(row["disagrees_with"])
    return rows


def _day(date: str) -> int | None:
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _flag(rows: list[dict], window_days: int, tolerance: float) -> None:
    counts = [r for r in rows if not r["projected"] and r["value"] and _day(r["date"]) is not None]
    for i, x in enumerate(counts):
        for y in counts[i + 1:]:
            if _day(y["date"]) - _day(x["date"]) > window_days:  # type: ignore[operator]
                break
            if x["group"] != y["group"] or x["source"].lower() == y["source"].lower():
                continue
            if (x["role"] or "") != (y["role"] or "") or x["event_type"] != y["event_type"]:
                continue  # casualties of a raid and troops at the border are different figures
            if x["actors"] and y["actors"] and not set(x["actors"]) & set(y["actors"]):
                continue
            hi, lo = max(x["value"], y["value"]), min(x["value"], y["value"])
            if lo > 0 and hi / lo - 1 > tolerance:
                x["disagrees_with"].append(f"{y['value']:g} ({y['source']}, {y['date']})")
                y["disagrees_with"].append(f"{x['value']:g} ({x['source']}, {x['date']})")


__all__ = ["TOLERANCE", "WINDOW_DAYS", "timeline", "unit_group", "unit_groups"]
