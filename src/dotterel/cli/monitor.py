"""What `dotterel monitor` and `dotterel timeline` do, as plain functions (the CLI only checks arguments).

`run_monitor(...)` opens the store, brings the clusters up to date (`build`), reads the series of one
dyad or the top N, computes the alerts (always over every dyad, so false-discovery control sees them
all), and writes table / csv / json / parquet / png / html. `run_timeline(...)` does the same for claimed
figures.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dotterel.cli.output import is_terminal, open_output
from dotterel.monitor.alerts import AlertParams, alerts
from dotterel.monitor.clusters import Params, build
from dotterel.monitor.export import write_parquet, write_rows
from dotterel.monitor.series import series, top_dyads
from dotterel.monitor.timeline import timeline
from dotterel.store import open_store

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True, slots=True)
class MonitorRequest:
    db: str | None
    dyad: str | None = None
    top: int = 10
    freq: str = "week"
    since: str | None = None
    until: str | None = None
    level: str = "country"
    directed: bool = False
    format: str = "table"
    output: Path | None = None
    alert: AlertParams = AlertParams()
    cluster: Params = Params()
    rebuild: bool = False


def monitor_data(req: MonitorRequest) -> dict:
    """Series, top dyads and alerts for a request, as plain data (what every format renders)."""
    store = open_store(req.db)
    try:
        built = build(store, req.cluster, force=req.rebuild)
        with store.connect() as conn:
            if req.dyad:
                names = [req.dyad]
                ranking: list[dict] = []
            else:
                ranking = top_dyads(conn, req.top, req.freq, req.since, req.until, level=req.level)
                names = [r["dyad"] for r in ranking]
            by_dyad = {n: series(conn, n, req.freq, req.since, req.until, level=req.level, directed=req.directed)
                       for n in names}
            found = alerts(conn, req.freq, req.since, req.until, level=req.level, params=req.alert,
                           dyad=req.dyad)
    finally:
        store.close()
    return dict(freq=req.freq, level=req.level, since=req.since, until=req.until, n_clusters=built.n_clusters,
                n_events=built.n_events, top=ranking, series=by_dyad, alerts=found)


def run_monitor(req: MonitorRequest, out: TextIO | None = None) -> None:
    data = monitor_data(req)
    out = out or sys.stdout
    rows = [r for rows in data["series"].values() for r in rows]
    fmt = req.format
    if fmt == "png":
        from dotterel.monitor.charts import series_png

        series_png(data["series"], data["alerts"], req.output, title=_title(req))  # type: ignore[arg-type]
        return
    if fmt == "parquet":
        write_parquet(rows, req.output)  # type: ignore[arg-type]
        return
    with open_output(req.output, out) as fh:
        if fmt == "html":
            from dotterel.monitor.charts import series_html

            fh.write(series_html(data["series"], data["alerts"], title=_title(req)))
        elif fmt == "csv":
            write_rows(rows, "csv", fh)
        elif fmt == "json":
            json.dump(data, fh, indent=1, ensure_ascii=False, default=str)
            fh.write("\n")
        else:
            _table(data, fh)


def _console(fh: TextIO) -> Console:
    """A terminal gets tables fitted to its width; a file or pipe gets every line whole (never cut at 80)."""
    from rich.console import Console

    return Console(file=fh) if is_terminal(fh) else Console(file=fh, width=100_000, no_color=True)


def _title(req: MonitorRequest) -> str:
    what = req.dyad or f"top {req.top} dyads"
    return f"dotterel monitor: {what} ({req.level} level, per {req.freq})"


def _table(data: dict, fh: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = _console(fh)
    if data["top"]:
        t = Table(title=f"Most active dyads ({data['level']} level)")
        for col in ("dyad", "clusters", "material conflict", "conflict", "cooperation", "latest index"):
            t.add_column(col, justify="left" if col == "dyad" else "right")
        for r in data["top"]:
            t.add_row(r["dyad"], str(r["clusters"]), str(r["q4"]), f"{r['conflict']:.2f}", f"{r['cooperation']:.2f}",
                      "" if r["latest_index"] is None else f"{r['latest_index']:+.2f}")
        console.print(t)
    for dyad, rows in data["series"].items():
        t = Table(title=f"{dyad} per {data['freq']}")
        for col in ("period", "clusters", "q1", "q2", "q3", "q4", "score mean", "conflict", "coop", "docs", "index",
                    "outside"):
            t.add_column(col, justify="right")
        for r in rows:
            t.add_row(r["period"], str(r["clusters"]), str(r["q1"]), str(r["q2"]), str(r["q3"]), str(r["q4"]),
                      "" if r["score_mean"] is None else f"{r['score_mean']:+.1f}", f"{r['conflict']:.2f}",
                      f"{r['cooperation']:.2f}", str(r["documents"]),
                      "" if r["index"] is None else f"{r['index']:+.2f}",
                      f"{r['outside']} {r['outside_parties']}".strip() if r.get("outside") else "")
        console.print(t)
    if not data["alerts"]:
        console.print("No alerts.")
    for a in data["alerts"]:
        arrow = "TOWARD CONFLICT" if a["direction"] == "toward" else "AWAY FROM CONFLICT"
        console.print(f"[bold]{a['dyad']}[/] {arrow} in {a['period']} (change from {a['change_at']}): "
                      f"q={a['q_value']:.3g}, index {a['index']:+.2f}, {a['n_clusters']} clusters, "
                      f"{a['n_sources']} sources: {escape(', '.join(a['sources']))}", highlight=False)
        for c in a["clusters"][:8]:
            console.print(f"  {c['first_date']} {c['type']:<9} {'/'.join(c['actors'])} -> {'/'.join(c['recipients']) or '-'}"
                          f" '{escape(c['label'])}' ({c['n_documents']} articles, {c['n_sources']} sources) {escape('[' + c['key'] + ']')}",
                          highlight=False)


def run_timeline(db: str | None, *, about: str | None, dyad: str | None, unit: str | None, since: str | None,
                 until: str | None, format: str, output: Path | None, out: TextIO | None = None) -> list[dict]:
    store = open_store(db)
    try:
        with store.connect() as conn:
            rows = timeline(conn, about=about, dyad=dyad, unit=unit, since=since, until=until)
    finally:
        store.close()
    what = " ".join(x for x in (about and f"'{about}'", dyad, unit) if x)
    if format == "png":
        from dotterel.monitor.charts import timeline_png

        timeline_png(rows, output, title=f"claimed figures: {what}")  # type: ignore[arg-type]
        return rows
    if format == "parquet":
        write_parquet(rows, output)  # type: ignore[arg-type]
        return rows
    with open_output(output, out) as fh:
        if format == "html":
            from dotterel.monitor.charts import timeline_html

            fh.write(timeline_html(rows, title=f"claimed figures: {what}"))
        elif format in ("csv", "json"):
            write_rows(rows, format, fh)
        else:
            from rich.console import Console
            from rich.markup import escape

            console = _console(fh)
            if not rows:
                console.print("No figures found.")
            prev = None
            for r in rows:
                arrow = "   " if prev is None else "-> "
                flag = f"  [red]DISAGREES with {escape('; '.join(r['disagrees_with']))}[/]" if r["disagrees_with"] else ""
                console.print(f"{arrow}{r['date']}  {r['value']:,.0f} {escape(r['unit'] or '')}"
                              f"{' (projected)' if r['projected'] else ''} - {escape(r['source'])}"
                              f" {escape('[' + ', '.join(r['outlets']) + ']')}{flag}", highlight=False)
                prev = r
    return rows


__all__ = ["MonitorRequest", "monitor_data", "run_monitor", "run_timeline"]
