"""The terminal side of `dotterel ingest`: progress on stderr and the final summary.

On a terminal, progress is a Rich bar; otherwise (a log file, a pipe, a CI job) plain lines
(`cli.output.progress_lines`), so a long run is never silent until the end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from dotterel.cli.output import is_terminal, progress_lines, write_tsv
from dotterel.runs.ingest import IngestSummary, ingest
from dotterel.sources.readers import estimate_count
from dotterel.store import StoreError, display, open_store


class _Rate(ProgressColumn):
    """Documents per second over the whole run so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} docs/s", style="progress.data.speed")


def summary_table(summary: IngestSummary, where: str) -> Table:
    table = Table(title=f"ingest run {summary.run_id} → {where}", show_header=True)
    table.add_column("read", justify="right")
    table.add_column("stored", justify="right")
    table.add_column("recoded", justify="right")
    table.add_column("duplicates", justify="right")
    table.add_column("quarantined", justify="right")
    table.add_column("events", justify="right")
    table.add_column("elapsed", justify="right")
    table.add_column("docs/s", justify="right")
    table.add_row(*(f"{x:,}" for x in (summary.read, summary.stored, summary.recoded, summary.duplicates,
                                        summary.quarantined, summary.events)),
                  f"{summary.elapsed:.1f} s", f"{summary.docs_per_s:,.1f}")
    return table


_SUMMARY = ("read", "stored", "recoded", "duplicates", "quarantined", "events", "elapsed_s", "docs_per_s")


def _summary_row(summary: IngestSummary) -> dict[str, object]:
    return dict(read=summary.read, stored=summary.stored, recoded=summary.recoded, duplicates=summary.duplicates,
                quarantined=summary.quarantined, events=summary.events, elapsed_s=f"{summary.elapsed:.1f}",
                docs_per_s=f"{summary.docs_per_s:.1f}")


@contextmanager
def _bar(err: Console, total: int | None, show: bool) -> Iterator[Callable[[int], None]]:
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeElapsedColumn(),
                  TextColumn("ETA"), TimeRemainingColumn(), console=err, disable=not show, transient=False) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(n: int) -> None:
            progress.advance(task, n)
            t = progress.tasks[0]
            if t.total is not None and t.completed > t.total:
                progress.update(task, total=t.completed)  # feeds hold more entries than the estimate

        yield advance


def run_ingest(paths: Sequence[str], db: str | None, *, workers: int = 0, scheduler: str | None = None,
               batch_size: int = 32, recode: bool = False, lock_timeout: float = 30.0,
               show_progress: bool = True) -> IngestSummary:
    """Open the store (failing before anything is written), ingest with a progress bar, print the summary."""
    store = open_store(db, lock_timeout=lock_timeout)
    err = Console(stderr=True)
    try:
        total = estimate_count(paths, skip=store.files()) if paths else None
        progress = _bar(err, total, show_progress) if err.is_terminal else progress_lines("ingest", total, show_progress)
        with progress as advance:
            summary = ingest(store, list(paths), workers=workers, scheduler=scheduler, batch_size=batch_size,
                             recode=recode, advance=advance)
        if is_terminal(sys.stdout):
            Console().print(summary_table(summary, display(store.url)))
        else:
            write_tsv([_summary_row(summary)], _SUMMARY, sys.stdout)
        if summary.stored or summary.recoded:
            # cluster the new codings now, so `dotterel monitor` and the dashboard answer at once
            from dotterel import monitor

            if show_progress and not err.is_terminal:
                print("ingest: clustering events for the monitor ...", file=sys.stderr, flush=True)
            with err.status("clustering events for the monitor ..."):
                try:
                    monitor.build(store)
                except StoreError as failed:
                    raise StoreError(f"{failed} (the documents are stored: `dotterel monitor --rebuild` clusters "
                                     "them again)") from None
        if summary.quarantined:
            hint = f" --db {db}" if db else ""
            err.print(f"{summary.quarantined} quarantined: see `dotterel quarantine{hint}`", highlight=False)
        return summary
    finally:
        store.close()
