"""What the overview and dyad pages show, assembled once for both the HTML pages and the JSON API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection

from dotterel.web import escalation, queries
from dotterel.web.queries import EventFilter

ALERT_WEEKS = 12  # how far back the overview looks for alerts


def alerts_overview(conn: Connection, limit: int = 10, with_evidence: bool = True) -> list[dict[str, Any]]:
    """The latest alerts over every dyad (newest first), each with the events it rests on."""
    last = queries.latest_day(conn)
    if last is None:
        return []
    since = last - dt.timedelta(weeks=ALERT_WEEKS + escalation.BASELINE)
    first_week, last_week = escalation.week_key(since), escalation.week_key(last)
    weekly = queries.dyad_weekly(conn, escalation.week_start(first_week))
    cutoff = escalation.week_key(last - dt.timedelta(weeks=ALERT_WEEKS))
    found = [a for dyad, weeks in weekly.items()
             for a in escalation.alerts(dyad, escalation.dense(weeks, "week", first_week, last_week))
             if a.period >= cutoff]
    found.sort(key=lambda a: (a.period, a.conflict), reverse=True)
    out = []
    for a in found[:limit]:
        item = a.as_dict()
        if with_evidence:
            src, dst = a.dyad.split("-", 1)
            item["evidence"] = queries.evidence(conn, (src, dst), a.period)
        out.append(item)
    return out


def escalating_dyads(conn: Connection, window: int = 4, limit: int = 10) -> list[dict[str, Any]]:
    last = queries.latest_day(conn)
    if last is None:
        return []
    weekly = queries.dyad_weekly(conn, escalation.week_start(escalation.week_key(last - dt.timedelta(weeks=2 * window))))
    return [t.as_dict() for t in escalation.escalating(weekly, escalation.week_key(last), window, limit)]


def dyad_series(conn: Connection, f: EventFilter, interval: str = "week") -> dict[str, Any]:
    """The dyad's dense series and its alerts (the same rule at any interval: baseline = previous periods)."""
    assert f.dyad is not None
    points = escalation.dense(queries.series(conn, f, interval), interval)
    dyad = f"{f.dyad[0]}-{f.dyad[1]}"
    found = [a.as_dict() for a in escalation.alerts(dyad, points)]
    return {"dyad": dyad, "interval": interval, "points": points, "alerts": found}


def store_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a coding is written (ingest, recode): the key the overview cache is valid for."""
    from sqlalchemy import func, select

    from dotterel.store import schema as s

    return tuple(conn.execute(select(func.max(s.codings.c.id), func.count(s.codings.c.id),
                                     func.max(s.ingest_runs.c.id)).select_from(s.codings.outerjoin(
                                         s.ingest_runs, s.ingest_runs.c.id == s.codings.c.run_id))).one())


class OverviewCache:
    """The overview's aggregates (escalating dyads, alerts with evidence) for the current store version.

    They are recomputed only after new codings arrive, so the page stays fast between ingests; a
    quarantine-only run does not change them. One entry: the dashboard serves one store.
    """

    def __init__(self) -> None:
        self._key: tuple[Any, ...] | None = None
        self._value: dict[str, Any] = {}

    def get(self, conn: Connection) -> dict[str, Any]:
        key = store_version(conn)
        if key != self._key:
            self._value = {"dyads": escalating_dyads(conn), "alerts": alerts_overview(conn, limit=8)}
            self._key = key
        return self._value
