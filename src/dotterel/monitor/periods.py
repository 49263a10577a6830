"""Period keys as the store writes them (day '2024-10-24', ISO week '2024-W43', month '2024-10').

The store computes bucket keys in Python (dotterel.store.buckets); here are the inverse operations the
series need: the first day of a period, and every period between two dates (so empty periods are
rows with zeros, not gaps).
"""

from __future__ import annotations

import datetime as dt

FREQS = ("day", "week", "month")


def start_of(key: str, freq: str) -> dt.date:
    if freq == "day":
        return dt.date.fromisoformat(key)
    if freq == "week":
        year, week = key.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    if freq == "month":
        return dt.date.fromisoformat(f"{key}-01")
    raise ValueError(f"unknown frequency {freq!r} (day, week or month)")


def key_of(day: dt.date, freq: str) -> str:
    if freq == "day":
        return day.isoformat()
    if freq == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "month":
        return day.isoformat()[:7]
    raise ValueError(f"unknown frequency {freq!r} (day, week or month)")


def next_start(start: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return start + dt.timedelta(days=1)
    if freq == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def span(first: str, last: str, freq: str) -> list[str]:
    """Every period key from the period of `first` to that of `last` (keys of this freq), inclusive."""
    cur, end = start_of(first, freq), start_of(last, freq)
    out = []
    while cur <= end:
        out.append(key_of(cur, freq))
        cur = next_start(cur, freq)
    return out


def key_for_date(date: str, freq: str) -> str:
    """The period key of an ISO date ('YYYY-MM-DD'; 'YYYY-MM' for months)."""
    if freq == "month":
        return date[:7]
    return key_of(dt.date.fromisoformat(date[:10]), freq)


__all__ = ["FREQS", "key_for_date", "key_of", "next_start", "span", "start_of"]
