"""Dyad time series, aggregated in the database (one GROUP BY over `monitor_cluster_dyads`).

    series(conn, "RUS-UKR", freq="week")        -> one row per period (empty periods are zero rows)
    all_series(conn, freq="week")               -> {dyad: rows} for every dyad (one query for all)
    top_dyads(conn, n=10, since="2024-01-01")   -> the most active dyads, with their latest index

Row fields: dyad, period, start (first day), clusters, q1..q4 (cluster counts by quad class),
score_sum and score_mean (PLOVER scores of the clusters), conflict and cooperation (weighted masses),
documents (everything stored for the period), exposure, hostility, index (the escalation index,
dotterel.monitor.index), expected (baseline conflict mass scaled by exposure), outside and
outside_parties (third-party involvement; single-dyad series of pairs with any conflict).

Dyads: 'A-B' is the pair either way round by default (written in alphabetical order in all_series);
`directed=True` keeps only A acting on B (plus reciprocal clusters). 'A' alone is the single-actor
series (events with no recipient). `level="sector"` reads sector dyads such as 'SDNGOV-SDNREB'.
Only aggregated rows (dyads x periods x quads) ever reach Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Connection, and_, func, literal, or_, select

from dotterel.monitor import tables as t
from dotterel.monitor.index import Computed, compute
from dotterel.monitor.periods import FREQS, key_for_date, span, start_of
from dotterel.store import schema as s
from dotterel.store.query import parse_dyad

DEFAULT_BASELINE = {"day": 28, "week": 8, "month": 6}
MIN_BASELINE = {"day": 14, "week": 4, "month": 3}


@dataclass(slots=True)
class Stats:
    clusters: int = 0
    quads: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    score_sum: float = 0.0
    conflict: float = 0.0
    cooperation: float = 0.0

    def add(self, quad: int, n: int, score_sum: float, mass: float) -> None:
        self.clusters += n
        self.quads[quad - 1] += n
        self.score_sum += score_sum
        if quad >= 3:
            self.conflict += mass
        else:
            self.cooperation += mass


def _check(freq: str, level: str) -> None:
    if freq not in FREQS:
        raise ValueError(f"unknown frequency {freq!r} (day, week or month)")
    if level not in ("country", "sector"):
        raise ValueError(f"unknown level {level!r} (country or sector)")


def dyad_name(a: str, b: str) -> str:
    return f"{a}-{b}" if b else a


def aggregate(conn: Connection, *, freq: str, level: str, dyad: tuple[str, str] | None = None,
              directed: bool = False) -> dict[str, dict[str, Stats]]:
    """dyad name -> period -> Stats, summed in SQL (see module docstring for how dyads are named)."""
    _check(freq, level)
    md = t.monitor_cluster_dyads
    period = md.c[freq]
    stmt = (select(md.c.a, md.c.b, md.c.kind, period.label("period"), md.c.quad, func.count().label("n"),
                   func.sum(md.c.score).label("score_sum"),
                   func.sum(md.c.weight * func.abs(md.c.score) / 10.0).label("mass"))
            .where(md.c.level == level).group_by(md.c.a, md.c.b, md.c.kind, md.c.quad, period))  # index order
    if dyad is not None:
        a, b = dyad
        if not b:
            stmt = stmt.where(md.c.a == a, md.c.b == "")
        elif directed:
            stmt = stmt.where(or_(and_(md.c.a == a, md.c.b == b),
                                  and_(md.c.kind == "reciprocal", md.c.a == b, md.c.b == a)))
        else:
            stmt = stmt.where(or_(and_(md.c.a == a, md.c.b == b), and_(md.c.a == b, md.c.b == a)))
    out: dict[str, dict[str, Stats]] = defaultdict(lambda: defaultdict(Stats))
    for r in conn.execute(stmt):
        if dyad is not None:
            name = dyad_name(*dyad)
        elif directed and r.kind == "directed":
            name = dyad_name(r.a, r.b)
        else:
            name = dyad_name(*sorted((r.a, r.b))) if r.b else r.a
        out[name][r.period].add(r.quad, r.n, r.score_sum or 0.0, r.mass or 0.0)
    return out


def documents_per_period(conn: Connection, freq: str) -> dict[str, int]:
    d = s.documents
    col = {"day": d.c.pub_day, "week": d.c.pub_week, "month": d.c.pub_month}[freq]
    return {k: n for k, n in conn.execute(select(col, func.count()).where(col.is_not(None)).group_by(col)) if k}


def coverage_span(conn: Connection) -> tuple[str, str] | None:
    """First and last day the store covers (publication days and cluster dates)."""
    d, mc = s.documents, t.monitor_clusters
    lo1, hi1 = conn.execute(select(func.min(d.c.pub_day), func.max(d.c.pub_day))).one()
    lo2, hi2 = conn.execute(select(func.min(mc.c.first_date), func.max(mc.c.first_date))).one()
    los, his = [x for x in (lo1, lo2) if x], [x for x in (hi1, hi2) if x]
    return (min(los), max(his)) if los else None


def outside(conn: Connection, dyad: tuple[str, str], *, freq: str, level: str) -> dict[str, tuple[int, list[str]]]:
    """Third-party involvement in the pair: period -> (clusters, parties).

    A cluster between an outside party X and one side of the pair counts when it is military material
    cooperation (quad 2 with military context: X sends troops, weapons or advisers to a side). X's own
    conflicts with a side are not counted here: they are X's own dyads, and counting them would make every
    conflict of a great power "involvement" in all of its other dyads.
    """
    a, b = dyad
    if not b:
        return {}
    md = t.monitor_cluster_dyads
    sides = (a, b)
    out: dict[str, tuple[int, list[str]]] = {}
    material = and_(md.c.quad == 2, md.c.military == True)  # noqa: E712
    for side_col, other_col in ((md.c.a, md.c.b), (md.c.b, md.c.a)):
        other = other_col
        stmt = (select(md.c[freq].label("period"), other.label("party"), func.count(func.distinct(md.c.cluster_id)))
                .where(md.c.level == level, side_col.in_(sides), other.not_in(sides), other != literal(""), material)
                .group_by(md.c[freq], other))
        for period, party, n in conn.execute(stmt):
            count, parties = out.get(period, (0, []))
            out[period] = (count + n, sorted(set(parties) | {party}))
    return out


@dataclass(slots=True)
class Frame:
    """One dyad's rows plus the arrays the alert test needs."""

    rows: list[dict]
    conflict: np.ndarray
    computed: Computed


def frame(name: str, stats: dict[str, Stats], docs: dict[str, int], periods: list[str], *, freq: str,
          baseline: int | None = None, min_baseline: int | None = None) -> Frame:
    """Series rows with the escalation index for every period in `periods` (see dotterel.monitor.index)."""
    empty = Stats()
    per = [stats.get(p) or empty for p in periods]
    conflict = np.array([s.conflict for s in per], dtype=float)
    cooperation = np.array([s.cooperation for s in per], dtype=float)
    d = np.array([docs.get(p, 0) for p in periods], dtype=float)
    first_covered = int(np.argmax(d > 0)) if (d > 0).any() else len(periods)
    c = compute(conflict, cooperation, d, first_covered, baseline or DEFAULT_BASELINE[freq],
                min_baseline or MIN_BASELINE[freq])
    rows: list[dict] = []
    for i, (p, st) in enumerate(zip(periods, per)):
        has = bool(c.has_base[i])
        rows.append(dict(
            dyad=name, period=p, start=start_of(p, freq).isoformat(), clusters=st.clusters,
            q1=st.quads[0], q2=st.quads[1], q3=st.quads[2], q4=st.quads[3], score_sum=round(st.score_sum, 4),
            score_mean=round(st.score_sum / st.clusters, 4) if st.clusters else None,
            conflict=round(st.conflict, 4), cooperation=round(st.cooperation, 4), documents=int(d[i]),
            exposure=round(float(c.exposure[i]), 4) if has else None,
            hostility=round(float(c.hostility[i]), 4) if has else None,
            index=round(float(c.index[i]), 4) if has else None,
            expected=round(float(c.expected[i]), 4) if has else None))
    return Frame(rows, conflict, c)


def rows_for(name: str, stats: dict[str, Stats], docs: dict[str, int], periods: list[str], *, freq: str,
             baseline: int | None = None, min_baseline: int | None = None) -> list[dict]:
    return frame(name, stats, docs, periods, freq=freq, baseline=baseline, min_baseline=min_baseline).rows


def _periods(conn: Connection, freq: str, since: str | None, until: str | None) -> list[str]:
    cov = coverage_span(conn)
    if cov is None:
        return []
    last = min(until, cov[1]) if until else cov[1]  # never past the data (issue 22: until=9999-12-31)
    return span(key_for_date(cov[0], freq), key_for_date(last, freq), freq) if cov[0] <= last else []


def _public(rows: Iterable[dict], since: str | None, until: str | None, freq: str) -> list[dict]:
    lo = key_for_date(since, freq) if since else None
    hi = key_for_date(until, freq) if until else None
    return [r for r in rows if (lo is None or r["period"] >= lo) and (hi is None or r["period"] <= hi)]


def series(conn: Connection, dyad: str, freq: str = "week", since: str | None = None, until: str | None = None,
           *, level: str = "country", directed: bool = False) -> list[dict]:
    """One dyad's rows, baseline computed over the whole store (since/until only trim the output)."""
    pair = parse_dyad(dyad)
    agg = aggregate(conn, freq=freq, level=level, dyad=pair, directed=directed)
    name = dyad_name(*pair)
    periods = _periods(conn, freq, since, until)
    rows = rows_for(name, agg.get(name, {}), documents_per_period(conn, freq), periods, freq=freq)
    # Outside involvement only means something for a pair in conflict (USA aid to GUY is not a GUY-USA feud).
    in_conflict = any(r["q3"] or r["q4"] for r in rows)
    involvement = outside(conn, pair, freq=freq, level=level) if in_conflict else {}
    for r in rows:
        n, parties = involvement.get(r["period"], (0, []))
        r["outside"], r["outside_parties"] = n, " ".join(parties)
    return _public(rows, since, until, freq)


def all_frames(conn: Connection, freq: str = "week", until: str | None = None, *, level: str = "country",
               directed: bool = False) -> dict[str, Frame]:
    """Every dyad's frame from one aggregate query (dyads in alphabetical order)."""
    agg = aggregate(conn, freq=freq, level=level, directed=directed)
    docs = documents_per_period(conn, freq)
    periods = _periods(conn, freq, None, until)
    return {name: frame(name, agg[name], docs, periods, freq=freq) for name in sorted(agg)}


def all_series(conn: Connection, freq: str = "week", since: str | None = None, until: str | None = None, *,
               level: str = "country", directed: bool = False) -> dict[str, list[dict]]:
    """Every dyad's rows from one aggregate query (dyads in alphabetical order)."""
    return {name: _public(f.rows, since, until, freq)
            for name, f in all_frames(conn, freq, until, level=level, directed=directed).items()}


def top_dyads(conn: Connection, n: int = 10, freq: str = "week", since: str | None = None, until: str | None = None,
              *, level: str = "country", include_single: bool = False) -> list[dict]:
    """The n dyads with the most clusters in [since, until]: totals, conflict share, latest index."""
    ranked = []
    for name, rows in all_series(conn, freq, since, until, level=level).items():
        if not include_single and "-" not in name:
            continue
        clusters = sum(r["clusters"] for r in rows)
        if not clusters:
            continue
        last = next((r for r in reversed(rows) if r["index"] is not None), None)
        ranked.append(dict(dyad=name, clusters=clusters, conflict=round(sum(r["conflict"] for r in rows), 4),
                           cooperation=round(sum(r["cooperation"] for r in rows), 4),
                           q4=sum(r["q4"] for r in rows), latest_period=last["period"] if last else None,
                           latest_index=last["index"] if last else None))
    ranked.sort(key=lambda r: (-r["clusters"], -r["conflict"], r["dyad"]))
    return ranked[:n]


__all__ = ["DEFAULT_BASELINE", "MIN_BASELINE", "Frame", "Stats", "aggregate", "all_frames", "all_series", "frame", "coverage_span",
           "documents_per_period", "dyad_name", "outside", "rows_for", "series", "top_dyads"]
