"""Date bucket keys stored as columns: day '2024-10-24', ISO week '2024-W43', month '2024-10'.

Computed in Python rather than by database functions so SQLite and PostgreSQL agree exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Buckets(NamedTuple):
    day: str | None
    week: str | None
    month: str | None


NO_BUCKETS = Buckets(None, None, None)


def buckets(value: str | None) -> Buckets:
    """Bucket keys of an ISO date ('YYYY-MM-DD', 'YYYY-MM' gives only a month, 'YYYY' none)."""
    if not value:
        return NO_BUCKETS
    if len(value) >= 10:
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return NO_BUCKETS
        year, week, _ = day.isocalendar()
        return Buckets(day.isoformat(), f"{year}-W{week:02d}", day.isoformat()[:7])
    if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        return Buckets(None, None, value)
    return NO_BUCKETS
