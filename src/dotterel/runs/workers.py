"""Dask scale-out: analysis runs in worker processes, results come back, the main process writes.

    with dask_client(workers=2) as client:         # a LocalCluster: 2 processes, 1 thread each
        ...
    with dask_client(scheduler="tcp://host:8786") as client:   # join a running cluster
        ...

Each worker process keeps one `Analyzer` in a module-level cache (`worker_analyzer`), so the spaCy
pipeline loads once per worker, not once per task. Tasks are `analyze_items(items, batch_size)`:
a batch of `SourceItem`s in, one `Document` or `ErrorRecord` per item out (msgspec structs pickle
cheaply). Workers never touch the database.

LocalCluster starts its workers with multiprocessing "spawn", which re-imports the parent's
`__main__` module: scripts that call into this module must guard their entry point with
`if __name__ == "__main__":` (the `dotterel` command does).
"""

from __future__ import annotations

import logging
import os
import resource
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from dotterel.errors import DotterelError
from dotterel.model import Document, ErrorRecord, SourceItem

if TYPE_CHECKING:
    from distributed import Client

    from dotterel.pipeline import Analyzer

_ANALYZER: Analyzer | None = None


def worker_analyzer(batch_size: int = 32) -> Analyzer:
    """This process's Analyzer, created (and the spaCy pipeline loaded) on first use only."""
    global _ANALYZER
    from dotterel import nlp
    from dotterel.pipeline import Analyzer

    if _ANALYZER is None:
        nlp.load()
        _ANALYZER = Analyzer(batch_size=batch_size)
    _ANALYZER.batch_size = batch_size
    return _ANALYZER


def analyze_items(items: list[SourceItem], batch_size: int = 32) -> list[Document | ErrorRecord]:
    """Analyse a batch; one result per item, in order. A crash on one item costs only that item."""
    analyzer = worker_analyzer(batch_size)
    try:
        return list(analyzer.analyze_many(items))
    except Exception:  # noqa: BLE001 - an unexpected stage error: retry one by one to isolate it
        return [_analyze_one(analyzer, item) for item in items]


def _analyze_one(analyzer: Analyzer, item: SourceItem) -> Document | ErrorRecord:
    try:
        return next(analyzer.analyze_many([item]))
    except Exception as err:  # noqa: BLE001 - quarantined with its reason, the run goes on
        first = str(err).splitlines()[0] if str(err) else ""
        return ErrorRecord(id=item.id, error=f"analysis failed: {type(err).__name__}: {first}".rstrip(": "))


_WARM_UP_TEXT = ("Officials in Nairobi said on Monday that Kenya had sent 400 police officers to Haiti. "
                 "The ministry warned it would respond.")


def warm_up() -> int:
    """Load the pipeline and every knowledge file the stages read lazily (one tiny analysis), so a worker's
    first batch runs at full speed; run on every worker before timing. Returns the pid."""
    analyzer = worker_analyzer()
    list(analyzer.analyze_many([SourceItem(text=_WARM_UP_TEXT, id="warm-up", date="2024-01-01")]))
    return os.getpid()


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KiB on Linux)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: a new LocalCluster of `workers` processes, or the cluster at `scheduler`."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as err:
            raise DotterelError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
        try:
            yield client
        finally:
            client.close()
        return
    if not workers or workers < 1:
        raise DotterelError("--workers must be at least 1")
    # The scheduler serves HTTP even without a dashboard; on the default port 8787 a second ingest (or any
    # other Dask) printed a multi-line "Port 8787 is already in use" warning: a free loopback port instead.
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                           silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def n_workers(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


__all__ = ["analyze_items", "dask_client", "n_workers", "peak_rss_mb", "warm_up", "worker_analyzer"]
