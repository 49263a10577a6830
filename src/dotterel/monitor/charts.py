"""Charts of dyad series (alerts marked) and claim timelines: PNG via matplotlib, HTML via plotly.

HTML pages are self-contained: plotly's JavaScript is inlined from the installed PyPI package
(`include_plotlyjs=True`), so they open offline. PNGs use matplotlib's Agg backend (no display needed).

    series_png(series_by_dyad, alerts, path)     series_html(series_by_dyad, alerts) -> str
    timeline_png(rows, path, title)              timeline_html(rows, title) -> str
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

QUAD_COLOURS = {"q1": "#9ecae1", "q2": "#3182bd", "q3": "#fdae6b", "q4": "#e6550d"}
QUAD_LABELS = {"q1": "verbal cooperation", "q2": "material cooperation", "q3": "verbal conflict",
               "q4": "material conflict"}
ALERT_COLOURS = {"toward": "#d62728", "away": "#2ca02c"}


def _same_pair(x: str, y: str) -> bool:
    """'VEN-GUY' and 'GUY-VEN' name the same pair (alerts use alphabetical order)."""
    return sorted(x.split("-")) == sorted(y.split("-"))


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def series_png(series: Mapping[str, Sequence[dict]], alerts: Sequence[dict], path: str | Path,
               title: str = "dotterel monitor") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = max(1, len(series))
    fig, axes = plt.subplots(2 * n, 1, figsize=(10, 3.2 * 2 * n), sharex=True, squeeze=False)
    for k, (dyad, rows) in enumerate(series.items()):
        top, bottom = axes[2 * k][0], axes[2 * k + 1][0]
        x = [_d(r["start"]) for r in rows]
        width = max(1.0, (x[1] - x[0]).days * 0.8) if len(x) > 1 else 5.0
        base = [0.0] * len(rows)
        for q in ("q1", "q2", "q3", "q4"):
            vals = [r[q] for r in rows]
            top.bar(x, vals, width=width, bottom=base, color=QUAD_COLOURS[q], label=QUAD_LABELS[q])
            base = [b + v for b, v in zip(base, vals)]
        top.set_ylabel("clusters")
        top.set_title(f"{dyad}: event clusters by quad class")
        top.legend(fontsize=7, loc="upper left")
        bottom.plot(x, [r["index"] if r["index"] is not None else float("nan") for r in rows], color="black",
                    marker="o", ms=3, label="escalation index")
        bottom.axhline(0, color="grey", lw=0.5)
        bottom.set_ylabel("index")
        for a in alerts:
            if not _same_pair(a["dyad"], dyad):
                continue
            for ax in (top, bottom):
                ax.axvline(_d(a["start"]), color=ALERT_COLOURS[a["direction"]], ls="--", lw=1.5)
            bottom.annotate(f"{a['direction']} ({a['change_at']})", (_d(a["start"]), 0),
                            color=ALERT_COLOURS[a["direction"]], fontsize=8, rotation=90, va="bottom")
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def series_html(series: Mapping[str, Sequence[dict]], alerts: Sequence[dict], title: str = "dotterel monitor") -> str:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    n = max(1, len(series))
    names = [t for dyad in series for t in (f"{dyad}: clusters by quad class", f"{dyad}: escalation index")]
    fig = make_subplots(rows=2 * n, cols=1, shared_xaxes=True, subplot_titles=names or None)
    for k, (dyad, rows) in enumerate(series.items()):
        x = [r["start"] for r in rows]
        for q in ("q1", "q2", "q3", "q4"):
            fig.add_trace(go.Bar(x=x, y=[r[q] for r in rows], name=f"{dyad} {QUAD_LABELS[q]}",
                                 marker_color=QUAD_COLOURS[q], legendgroup=q, showlegend=k == 0), row=2 * k + 1, col=1)
        fig.add_trace(go.Scatter(x=x, y=[r["index"] for r in rows], mode="lines+markers", name=f"{dyad} index",
                                 line=dict(color="black"),
                                 customdata=[[r["period"], r["conflict"], r["cooperation"], r["documents"]] for r in rows],
                                 hovertemplate="%{customdata[0]}<br>index %{y:.2f}<br>conflict %{customdata[1]:.2f}"
                                               "<br>cooperation %{customdata[2]:.2f}<br>documents %{customdata[3]}"),
                      row=2 * k + 2, col=1)
        mine = [a for a in alerts if _same_pair(a["dyad"], dyad)]
        if mine:
            fig.add_trace(go.Scatter(
                x=[a["start"] for a in mine], y=[a["index"] for a in mine], mode="markers", name=f"{dyad} alerts",
                marker=dict(size=14, symbol="triangle-up", color=[ALERT_COLOURS[a["direction"]] for a in mine]),
                text=[f"{a['direction']} since {a['change_at']}: {a['n_clusters']} clusters, {a['n_sources']} sources"
                      for a in mine], hoverinfo="text"), row=2 * k + 2, col=1)
    fig.update_layout(title=title, barmode="stack", height=360 * 2 * n)
    return fig.to_html(include_plotlyjs=True, full_html=True)


def _timeline_sources(rows: Sequence[dict]) -> list[str]:
    return sorted({r["source"] for r in rows})


def timeline_png(rows: Sequence[dict], path: str | Path, title: str = "claimed figures") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.5))
    for src in _timeline_sources(rows):
        mine = [r for r in rows if r["source"] == src]
        colour = None
        for projected in (False, True):
            part = [r for r in mine if r["projected"] == projected]
            if not part:
                continue
            # matplotlib takes dates through its unit registry; its stubs only list numbers
            dots = ax.scatter([_d(r["date"]) for r in part], [r["value"] for r in part], s=45, linewidths=1,  # type: ignore[arg-type]
                              label=src if colour is None else None, color=colour, edgecolors="black")
            colour = dots.get_facecolor()[0] if colour is None else colour
            if projected:
                dots.set_facecolor("none")
        flagged = [r for r in mine if r["disagreement"]]
        if flagged:  # a red ring around figures that another source contradicts
            ax.scatter([_d(r["date"]) for r in flagged], [r["value"] for r in flagged], s=220, facecolors="none",  # type: ignore[arg-type]
                       edgecolors="red", linewidths=2)
        for r in mine:
            ax.annotate(f"{r['value']:,.0f}{' (projected)' if r['projected'] else ''}", (_d(r["date"]), r["value"]),
                        fontsize=7, xytext=(4, 4), textcoords="offset points")
    ax.set_ylabel("claimed value")
    ax.set_title(f"{title} (red ring: sources disagree; hollow: projection)")
    ax.legend(fontsize=7)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def timeline_html(rows: Sequence[dict], title: str = "claimed figures") -> str:
    import plotly.graph_objects as go

    fig = go.Figure()
    for src in _timeline_sources(rows):
        mine = [r for r in rows if r["source"] == src]
        fig.add_trace(go.Scatter(
            x=[r["date"] for r in mine], y=[r["value"] for r in mine], mode="markers+text", name=src,
            text=[f"{r['value']:,.0f}{' projected' if r['projected'] else ''}" for r in mine], textposition="top right",
            marker=dict(size=12, symbol=["circle-open" if r["projected"] else "circle" for r in mine],
                        line=dict(width=2, color=["red" if r["disagreement"] else "black" for r in mine])),
            hovertext=[f"{r['text']} — {r['source']} ({', '.join(r['outlets'])})"
                       + (f"<br>disagrees with {'; '.join(r['disagrees_with'])}" if r["disagrees_with"] else "")
                       for r in mine], hoverinfo="text"))
    fig.update_layout(title=f"{title} (red outline: sources disagree; open marker: projection)",
                      yaxis_title="claimed value")
    return fig.to_html(include_plotlyjs=True, full_html=True)


__all__ = ["series_html", "series_png", "timeline_html", "timeline_png"]
