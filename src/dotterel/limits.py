"""Bounds on what one request or command may ask for (issue 22 §2), shared by the CLI and the web.

- Dates given as parameters must lie in [DATE_MIN, DATE_MAX]; outside it is an error naming the range.
- The monitor's periods never extend past the days the store covers (`monitor.series._periods`), and one
  response may cost at most MAX_CELLS periods × dyads; more is an error that says how to narrow it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
MAX_CELLS = 2_000_000  # periods × dyads in one monitor response


class LimitError(ValueError):
    """A parameter outside the bounds; the message is one line naming the allowed range."""


def check_date(value: dt.date, param: str) -> dt.date:
    if not DATE_MIN <= value <= DATE_MAX:
        raise LimitError(f"{param}: {value.isoformat()} is outside the allowed range "
                         f"{DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}")
    return value


def periods_between(first: str, last: str, freq: str) -> int:
    a, b = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
    days = (b - a).days
    return max(0, {"day": days, "week": days // 7, "month": days // 30}[freq] + 1)


def check_cells(conn: Connection, freq: str, since: str | None, until: str | None, dyads: int | None = None) -> None:
    """LimitError when the window (clamped to the store's span) × dyads exceeds MAX_CELLS."""
    from dotterel.monitor import tables as t
    from dotterel.monitor.series import coverage_span

    cov = coverage_span(conn)
    if cov is None:
        return
    last = min(until, cov[1]) if until else cov[1]
    periods = periods_between(cov[0], last, freq) if cov[0] <= last else 0
    if dyads is None:
        mc = t.monitor_clusters
        dyads = conn.execute(select(func.count()).select_from(
            select(mc.c.actors, mc.c.recipients).distinct().subquery())).scalar_one()
    if periods * dyads > MAX_CELLS:
        raise LimitError(f"freq={freq} over {cov[0]} to {last} is {periods:,} periods × {dyads:,} dyads, more than "
                         f"{MAX_CELLS:,}: use a longer freq (week, month) or a later since")
