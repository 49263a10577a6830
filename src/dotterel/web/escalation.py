"""Escalation figures the dashboard shows: dense period series, alerts, the most escalating dyads.

Pure functions over the aggregates `queries` returns (no database here). Conflict intensity of a
period is the sum of the magnitudes of negative PLOVER scores of its counted events. An alert marks a
period whose intensity stands out from the dyad's own recent past (mean + Z·sd of the previous
`BASELINE` periods, and at least `MIN_CONFLICT`, about one armed assault): a simple, explainable rule
used until the monitor's detectors are available.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

BASELINE = 8
Z = 2.0
MIN_CONFLICT = 9.0
EMPTY = {"events": 0, "conflict": 0.0, "cooperation": 0.0}


def week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(key: str) -> dt.date:
    return dt.date.fromisocalendar(int(key[:4]), int(key[6:]), 1)


def periods(first: str, last: str, interval: str) -> Iterator[str]:
    """Every period key from `first` to `last` inclusive, so gaps in a series show as zeros."""
    if interval == "day":
        day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        while day <= end:
            yield day.isoformat()
            day += dt.timedelta(days=1)
    elif interval == "week":
        day, end = week_start(first), week_start(last)
        while day <= end:
            yield week_key(day)
            day += dt.timedelta(weeks=1)
    elif interval == "month":
        year, month = int(first[:4]), int(first[5:7])
        while f"{year:04d}-{month:02d}" <= last:
            yield f"{year:04d}-{month:02d}"
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        raise ValueError(f"unknown interval {interval!r}")


def period_start(key: str, interval: str) -> str:
    """An ISO date a chart can place the period at."""
    if interval == "week":
        return week_start(key).isoformat()
    if interval == "month":
        return f"{key}-01"
    return key


def dense(points: Mapping[str, Mapping[str, float]], interval: str, first: str | None = None,
          last: str | None = None) -> list[dict]:
    """The series with every period present (missing ones as zero), oldest first."""
    if not points and (first is None or last is None):
        return []
    first = first or min(points)
    last = last or max(points)
    return [{"period": p, "start": period_start(p, interval), **EMPTY, **points.get(p, {})}
            for p in periods(first, last, interval)]


@dataclass(slots=True)
class Alert:
    dyad: str
    period: str
    conflict: float
    baseline: float
    z: float | None  # None when the baseline never varied (a first flare-up)
    events: int

    def as_dict(self) -> dict:
        return {"dyad": self.dyad, "period": self.period, "conflict": self.conflict, "baseline": self.baseline,
                "z": self.z, "events": self.events}


def _mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and population sd in plain floats (statistics.pstdev is exact, via Fractions, and 50x slower)."""
    if not values:
        return 0.0, 0.0
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def alerts(dyad: str, series: list[dict]) -> list[Alert]:
    """Periods of a dense series whose conflict intensity jumps above the dyad's recent baseline."""
    found = []
    for i, point in enumerate(series):
        level = point["conflict"]
        if level < MIN_CONFLICT:
            continue
        past = [p["conflict"] for p in series[max(0, i - BASELINE):i]]
        mean, sd = _mean_sd(past)
        if sd > 0:
            z = (level - mean) / sd
            if z >= Z:
                found.append(Alert(dyad, point["period"], level, round(mean, 2), round(z, 2), point["events"]))
        elif level > mean:
            found.append(Alert(dyad, point["period"], level, round(mean, 2), None, point["events"]))
    return found


@dataclass(slots=True)
class DyadTrend:
    dyad: str
    recent: float  # conflict intensity over the last `window` weeks
    previous: float  # ... over the `window` weeks before
    events: int  # counted events in the recent window

    @property
    def change(self) -> float:
        return self.recent - self.previous

    def as_dict(self) -> dict:
        return {"dyad": self.dyad, "recent": self.recent, "previous": self.previous, "change": self.change,
                "events": self.events}


def escalating(weekly: Mapping[str, Mapping[str, Mapping[str, float]]], last_week: str, window: int = 4,
               limit: int = 10) -> list[DyadTrend]:
    """Dyads ranked by how much their conflict intensity rose from the previous window to the recent one."""
    end = week_start(last_week)
    recent_weeks = {week_key(end - dt.timedelta(weeks=k)) for k in range(window)}
    previous_weeks = {week_key(end - dt.timedelta(weeks=window + k)) for k in range(window)}
    trends = []
    for dyad, weeks in weekly.items():
        recent = sum(v["conflict"] for w, v in weeks.items() if w in recent_weeks)
        previous = sum(v["conflict"] for w, v in weeks.items() if w in previous_weeks)
        n = sum(int(v["events"]) for w, v in weeks.items() if w in recent_weeks)
        if n:
            trends.append(DyadTrend(dyad, recent, previous, n))
    trends.sort(key=lambda t: (-t.change, -t.recent, t.dyad))
    return trends[:limit]
