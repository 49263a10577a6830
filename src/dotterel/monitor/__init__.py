"""The escalation monitor: event clusters, dyad series, an escalation index, alerts with evidence, claim timelines.

Plain functions for the CLI and the web dashboard (each takes a SQLAlchemy `Connection` from
`store.connect()`, after `build(store)` has brought the cluster tables up to date):

- `build(store, params=Params(), force=False) -> BuildResult`            (clusters.py; writes)
- `clusters(conn, dyad=None, level="country", since=None, until=None, cluster_ids=None, limit=None)`
- `series(conn, dyad, freq="week", since=None, until=None, level="country", directed=False)`
- `all_series(conn, freq="week", since=None, until=None, level="country")`
- `top_dyads(conn, n=10, freq="week", since=None, until=None, level="country")`
- `alerts(conn, freq="week", since=None, until=None, dyad=None, level="country", params=AlertParams())`
- `timeline(conn, about=None, dyad=None, unit=None, since=None, until=None)`          (timeline.py)
- charts: `series_png`, `series_html`, `timeline_png`, `timeline_html`                  (charts.py)
- exports: `write_series(rows, path, format)` for csv/parquet/json                     (export.py)

Definitions (dyad derivation, index, alert test, down-weighting) are in docs/monitor.md.
"""

from dotterel.monitor.alerts import AlertParams, alerts
from dotterel.monitor.clusters import BuildResult, Params, build, clusters
from dotterel.monitor.series import all_series, series, top_dyads

__all__ = ["AlertParams", "BuildResult", "Params", "alerts", "all_series", "build", "clusters", "series",
           "top_dyads"]
