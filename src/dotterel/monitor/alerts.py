"""Alerts: a dyad moves toward conflict or away from it (docs/monitor.md, "Alerts").

    alerts(conn, freq="week", since=None, dyad=None, level="country", alpha=0.05, min_sources=2)
        -> list of alerts, oldest first, each with the clusters, articles and sources that drove it.

Per dyad and period (from the series, dotterel.monitor.series):
- toward conflict: one-sided quasi-Poisson test that the period's conflict mass exceeds the baseline rate
  (dotterel.monitor.index.p_toward);
- away from conflict: the conflict mass of the last `sustain` periods is below the baseline rate of the
  periods before them (p_away), so one quiet week is not a de-escalation.
Periods in which the store holds no document at all are skipped (no news is not calm news).
False alarms across many dyads: the p-values of each period (all dyads, both directions) go through
Benjamini-Hochberg (scipy.stats.false_discovery_control); a test is significant at q <= alpha.
Then, in period order per dyad:
- corroboration: the alert window's clusters of the pair must come from at least `min_sources` independent
  sources (outlets, syndicated copies counted once); otherwise no alert;
- hysteresis: after an alert in one direction the dyad is in that state; no new alert in that direction
  until the index has come back (below +exit for toward, above -exit for away) for `cooldown` periods.
Everything is computed from the store in a fixed order, so the same store gives the same alerts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, and_, or_, select

from dotterel.monitor import tables as t
from dotterel.monitor.clusters import clusters as list_clusters
from dotterel.monitor.index import p_away_all, p_toward_all
from dotterel.monitor.periods import key_for_date
from dotterel.monitor.series import Frame, all_frames, series
from dotterel.store.query import parse_dyad


@dataclass(frozen=True, slots=True)
class AlertParams:
    alpha: float = 0.05
    min_sources: int = 2
    sustain: int = 2
    exit_level: float = 1.0
    cooldown: int = 2


def _tests(f: Frame, sustain: int) -> dict[int, dict[str, float]]:
    """Row position -> {'toward': p, 'away': p} for the periods that have a baseline."""
    up = p_toward_all(f.conflict, f.computed)
    down = p_away_all(f.conflict, f.computed, sustain)
    return {i: {"toward": float(up[i]), "away": float(down[i])} for i in range(len(f.rows)) if f.computed.has_base[i]}


def _window_clusters(conn: Connection, name: str, level: str, periods: list[str], freq: str,
                     conflict_only: bool) -> list[int]:
    md = t.monitor_cluster_dyads
    a, b = parse_dyad(name)
    cond = and_(md.c.a == a, md.c.b == "") if not b else or_(and_(md.c.a == a, md.c.b == b),
                                                               and_(md.c.a == b, md.c.b == a))
    stmt = select(md.c.cluster_id).where(md.c.level == level, cond, md.c[freq].in_(periods)).distinct()
    if conflict_only:
        stmt = stmt.where(md.c.quad >= 3)
    return sorted(conn.execute(stmt).scalars().all())


def _evidence(conn: Connection, ids: list[int]) -> dict:
    cl = list_clusters(conn, cluster_ids=ids) if ids else []
    cl.sort(key=lambda c: (c["score"], c["first_date"], c["id"]))  # most hostile first
    articles: dict[str, dict] = {}
    sources: set[str] = set()
    for c in cl:
        for m in c["members"]:
            sources.add(m["source"])
            articles.setdefault(m["doc_id"], dict(doc_id=m["doc_id"], title=m["title"], outlet=m["outlet"],
                                                  url=m["url"], pub_date=m["pub_date"], source=m["source"]))
    return dict(
        clusters=[dict(id=c["id"], key=c["key"], type=c["type"], quad=c["quad"], score=c["score"],
                       first_date=c["first_date"], last_date=c["last_date"], actors=c["actors"],
                       recipients=c["recipients"], label=c["label"], n_documents=c["n_documents"],
                       n_sources=c["n_sources"]) for c in cl],
        articles=sorted(articles.values(), key=lambda a: (a["pub_date"] or "", a["doc_id"])),
        sources=sorted(sources),
    )


def alerts(conn: Connection, freq: str = "week", since: str | None = None, until: str | None = None, *,
           dyad: str | None = None, level: str = "country", params: AlertParams = AlertParams(),
           evidence: bool = True) -> list[dict]:
    """Alerts over every dyad (or one), oldest first; the FDR family is always every dyad of a period."""
    frames = all_frames(conn, freq, until, level=level)
    every = {name: f.rows for name, f in frames.items()}
    tests = {name: _tests(f, params.sustain) for name, f in frames.items()}
    # Benjamini-Hochberg within each period over every dyad and direction tested in it.
    by_period: dict[str, list[tuple[str, int, str, float]]] = defaultdict(list)
    for name, per_row in tests.items():
        for i, ps in per_row.items():
            for direction, p in ps.items():
                if p < 1.0:
                    by_period[every[name][i]["period"]].append((name, i, direction, p))
    from scipy.stats import false_discovery_control  # imported here: scipy.stats takes seconds to import

    significant: dict[tuple[str, int, str], tuple[float, float]] = {}
    for period in sorted(by_period):
        family = by_period[period]
        qs = false_discovery_control([p for *_, p in family], method="bh")
        for (name, i, direction, p), q in zip(family, qs):
            if q <= params.alpha:
                significant[(name, i, direction)] = (p, float(q))
    wanted = None if dyad is None else _name(dyad)
    out: list[dict] = []
    for name in sorted(every):
        if wanted is not None and name != wanted:
            continue
        rows = every[name]
        state: str | None = None
        calm_run = 0
        for i, r in enumerate(rows):
            if not r["documents"]:
                continue  # no news at all that period: neither calm nor hostile
            idx = r["index"]
            if state == "toward":
                calm_run = calm_run + 1 if idx is not None and idx < params.exit_level else 0
            elif state == "away":
                calm_run = calm_run + 1 if idx is not None and idx > -params.exit_level else 0
            if state is not None and calm_run >= params.cooldown:
                state, calm_run = None, 0
            for direction in ("toward", "away"):
                hit = significant.get((name, i, direction))
                if hit is None or state == direction:
                    continue
                covered = [j for j in range(i + 1) if rows[j]["documents"]]
                window_rows = [i] if direction == "toward" else covered[-params.sustain:]
                first = window_rows[0]
                window = [rows[j]["period"] for j in window_rows]
                ids = _window_clusters(conn, name, level, window, freq, conflict_only=direction == "toward")
                ev = _evidence(conn, ids)
                if len(ev["sources"]) < params.min_sources:
                    continue
                state, calm_run = direction, 0
                alert = dict(dyad=name, level=level, direction=direction, period=r["period"],
                             change_at=rows[first]["period"], start=rows[first]["start"], p_value=hit[0],
                             q_value=hit[1], index=idx, conflict=r["conflict"], expected=r["expected"],
                             n_clusters=len(ev["clusters"]), n_sources=len(ev["sources"]))
                if evidence:
                    alert.update(ev)
                out.append(alert)
    if since:
        out = [a for a in out if a["start"] >= since or a["period"] >= _key(since, freq)]
    out.sort(key=lambda a: (a["period"], a["dyad"], a["direction"]))
    return out


def _key(date: str, freq: str) -> str:
    return key_for_date(date, freq)


def _name(dyad: str) -> str:
    a, b = parse_dyad(dyad)
    return f"{min(a, b)}-{max(a, b)}" if b else a


def dyad_alert_rows(conn: Connection, dyad: str, freq: str = "week", *, level: str = "country",
                    params: AlertParams = AlertParams()) -> tuple[list[dict], list[dict]]:
    """A dyad's series and its alerts, for charts (series rows with the alert periods marked)."""
    rows = series(conn, dyad, freq, level=level)
    found = alerts(conn, freq, dyad=dyad, level=level, params=params, evidence=False)
    return rows, found


__all__ = ["AlertParams", "alerts", "dyad_alert_rows"]
