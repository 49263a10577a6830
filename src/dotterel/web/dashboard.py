"""What the overview, the dyad page and the escalation API show: the escalation monitor's own results.

Nothing here computes escalation: clusters, series, the escalation index, top dyads and alerts all come
from `dotterel.monitor` (docs/monitor.md), so `dotterel monitor` and the dashboard always agree. This
module only keeps the monitor's cluster tables current (`monitor.build`, run once after new codings
are stored) and remembers the expensive whole-store results (top dyads, every alert) until the next
store change, so pages stay fast between ingests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from dotterel import limits, monitor
from dotterel.monitor import tables as monitor_tables
from dotterel.store import Store
from dotterel.store import schema as s

log = logging.getLogger(__name__)
T = TypeVar("T")
TOP_DYADS = 10  # the overview's dyad table: the same dyads as `dotterel monitor --top 10`
OVERVIEW_ALERTS = 8


def store_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a coding is written (ingest, recode, web upload): the key cached results are valid for."""
    return tuple(conn.execute(select(func.max(s.codings.c.id), func.count(s.codings.c.id),
                                     func.max(s.ingest_runs.c.id)).select_from(s.codings.outerjoin(
                                         s.ingest_runs, s.ingest_runs.c.id == s.codings.c.run_id))).one())


class MonitorCache:
    """Keeps the monitor's clusters current for the store and memoises whole-store results per version.

    `refresh(store)` costs one small query when nothing changed. After new codings it starts one
    `monitor.build` in a background thread (never more than one at a time, and not sooner than
    `min_interval` seconds after the previous one ended) and returns at once: requests go on reading the
    last built clusters, which the build replaces in one transaction, so no request waits on a rebuild
    (issue 22 §4). Only a store that was never built is built in the request that finds it so.
    """

    def __init__(self, min_interval: float = 2.0) -> None:
        self._key: tuple[Any, ...] | None = None
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.RLock()  # _build takes it again inside the first, in-request build
        self._building: threading.Thread | None = None
        self._memo_lock = threading.Lock()
        self._recipes: dict[tuple[Any, ...], Callable[[Connection], Any]] = {}  # name -> compute, for rebuilds
        self._last_end = 0.0
        self.min_interval = min_interval
        self.last_build: monitor.BuildResult | None = None
        self.build_seconds: float | None = None  # the last refresh that had new codings (build or its skip check)
        self.last_error: str | None = None

    def refresh(self, store: Store) -> None:
        with store.connect() as conn:
            key = store_version(conn)
            never_built = self._key is None and conn.execute(select(func.count()).select_from(
                monitor_tables.monitor_builds)).scalar_one() == 0
        if key == self._key:
            return
        if never_built:
            with self._lock:  # nothing to serve yet: the first build happens in the request (once)
                if self._key is None:
                    self._build(store, key)
            return
        with self._lock:
            busy = self._building is not None and self._building.is_alive()
            if busy or time.monotonic() - self._last_end < self.min_interval:
                if self._key is None:  # a new server on a built store: serve what is stored meanwhile
                    self._key = ("stale", *key)
                return
            self._building = threading.Thread(target=self._build_in_background, args=(store, key), daemon=True,
                                              name="dotterel-monitor-build")
            self._building.start()
            if self._key is None:
                self._key = ("stale", *key)

    def _build(self, store: Store, key: tuple[Any, ...]) -> None:
        started = time.perf_counter()
        result = monitor.build(store)
        elapsed = time.perf_counter() - started
        memo: dict[tuple[Any, ...], Any] = {}
        if self._recipes:  # the pages' whole-store results, ready before the new build is served
            with store.connect() as conn:
                for name, compute in list(self._recipes.items()):
                    memo[(key, *name)] = compute(conn)
        with self._lock:
            self.last_build, self.build_seconds = result, elapsed
            self._memo = memo
            self._key = key
            self._last_end = time.monotonic()

    def _build_in_background(self, store: Store, key: tuple[Any, ...]) -> None:
        try:
            self._build(store, key)
            self.last_error = None
        except Exception as err:  # noqa: BLE001 - keep serving the last build; the next request tries again
            self.last_error = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
            log.warning("monitor build failed (serving the last build): %s", self.last_error)
            with self._lock:
                self._last_end = time.monotonic()

    def wait(self, timeout: float = 60.0) -> None:
        """Until the background build (if any) has finished: for tests and benchmarks."""
        thread = self._building
        if thread is not None:
            thread.join(timeout)

    def memo(self, name: tuple[Any, ...], compute: Callable[[Connection], T], conn: Connection) -> T:
        """`compute(conn)` once per store version (concurrent requests wait for the one computing it); the
        background build recomputes every memoised result before it swaps in, so readers never wait for it."""
        key = (self._key, *name)
        memo = self._memo
        if key in memo:
            return memo[key]
        with self._memo_lock:
            current = self._memo
            if key not in current:
                current[key] = compute(conn)
                self._recipes[name] = compute
            return current[key]


def top_dyads(cache: MonitorCache, conn: Connection, *, n: int = TOP_DYADS, freq: str = "week",
              level: str = "country", since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """`monitor.top_dyads` (memoised for the whole-store default)."""
    limits.check_cells(conn, freq, since, until)
    if since or until:
        return monitor.top_dyads(conn, n, freq, since, until, level=level)
    return cache.memo(("top", n, freq, level), lambda c: monitor.top_dyads(c, n, freq, level=level), conn)


def all_alerts(cache: MonitorCache, conn: Connection, *, freq: str = "week", level: str = "country",
               since: str | None = None, until: str | None = None, dyad: str | None = None,
               params: monitor.AlertParams = monitor.AlertParams()) -> list[dict[str, Any]]:
    """`monitor.alerts` with their evidence, newest first; the whole-store default is memoised.

    The monitor tests every dyad together (false-discovery control over all dyads of a period), so one
    dyad's alerts are the whole-store alerts of that dyad: the memoised list serves the dyad pages too.
    """
    limits.check_cells(conn, freq, since, until)
    if since or until or params != monitor.AlertParams():
        found = monitor.alerts(conn, freq, since, until, dyad=dyad, level=level, params=params)
    else:
        found = cache.memo(("alerts", freq, level), lambda c: monitor.alerts(c, freq, level=level), conn)
        if dyad is not None:
            found = [a for a in found if a["dyad"] == dyad]
    return sorted(found, key=lambda a: (a["period"], a["dyad"], a["direction"]), reverse=True)


def overview(cache: MonitorCache, conn: Connection) -> dict[str, Any]:
    """The overview's escalation panels: top dyads (most escalating first) and the latest alerts."""
    dyads = top_dyads(cache, conn)
    # Same dyads and figures as `dotterel monitor --top 10`, shown with the highest latest index first.
    ranked = sorted(dyads, key=lambda d: (d["latest_index"] is None, -(d["latest_index"] or 0.0), d["dyad"]))
    return {"dyads": ranked, "alerts": all_alerts(cache, conn)[:OVERVIEW_ALERTS]}


def pair_alerts(cache: MonitorCache, conn: Connection, dyad: str, rows: list[dict[str, Any]], *, freq: str = "week",
                level: str = "country") -> list[dict[str, Any]]:
    """The whole store's alerts of one pair (memoised), those changing within the periods of `rows`.

    A date range on a dyad page or series narrows the view, like `monitor.series(since=, until=)` trims its
    rows; the alerts are not recomputed as if the store ended at `until` (that is `/api/alerts?until=`).
    """
    if not rows:
        return []
    first, last = rows[0]["period"], rows[-1]["period"]
    return [a for a in all_alerts(cache, conn, freq=freq, level=level, dyad=dyad)
            if first <= a["change_at"] <= last or first <= a["period"] <= last]


def dyad_view(cache: MonitorCache, conn: Connection, dyad: str, *, freq: str = "week", level: str = "country",
              since: str | None = None, until: str | None = None, clusters: int = 20) -> dict[str, Any]:
    """One pair: the monitor's series (index per period), its alerts, and its latest clusters with members."""
    limits.check_cells(conn, freq, since, until, dyads=1)
    rows = monitor.series(conn, dyad, freq, since, until, level=level)
    return {"dyad": dyad, "freq": freq, "level": level, "rows": rows,
            "alerts": pair_alerts(cache, conn, dyad, rows, freq=freq, level=level),
            "clusters": monitor.clusters(conn, dyad=dyad, level=level, since=since, until=until, limit=clusters)}


__all__ = ["MonitorCache", "all_alerts", "dyad_view", "overview", "pair_alerts", "store_version",
           "top_dyads"]
