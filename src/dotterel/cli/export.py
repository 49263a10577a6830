"""Writing query results: a table (Rich on a terminal, TSV elsewhere), CSV, JSONL, Parquet (DuckDB/Polars/pandas-ready).

List-valued columns (`actor_codes`, `dyads`, ...) stay lists in JSONL and Parquet (list<string>) and
are joined with ';' in CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from dotterel.cli.output import cell, is_terminal, write_tsv
from dotterel.errors import DotterelError
from dotterel.store.query import CASUALTY_COLUMNS, LIST_COLUMNS

TABLE_LIMIT = 50
_INT_COLUMNS = frozenset({"quad", "sentence", "span_start", "span_end", "n_chars", "n_events",
                          *(c for c in CASUALTY_COLUMNS if not c.endswith("_source"))})
_FLOAT_COLUMNS = frozenset({"score", "confidence"})
_MIN_WIDTH = {"dyads": 7, "trigger": 8, "doc_id": 10, "excerpt": 30}
# On a terminal a long value is shortened so one row stays a few lines; TSV and exports keep it whole.
_SHORTEN = {"excerpt": 120}
_WRAPPING = frozenset({"actor_texts", "recipient_texts", "title", "reason", "path", "trigger", "dyads", "source", "doc_id",
                       "attributed", "casualties",
                       "excerpt"})


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: (";".join("" if x is None else str(x) for x in v) if k in LIST_COLUMNS else v)
                         for k, v in row.items()})
        n += 1
    return n


def _arrow_schema(columns: Sequence[str]):
    import pyarrow as pa

    def kind(name: str):
        if name in LIST_COLUMNS:
            return pa.list_(pa.string())
        if name in _INT_COLUMNS:
            return pa.int64()
        if name in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def write_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[str], path: Path, chunk: int = 10_000) -> int:
    """Stream rows into a Parquet file in row groups of `chunk` rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    n = 0
    try:
        writer = pq.ParquetWriter(str(path), schema)
    except OSError as err:
        raise DotterelError(f"{path}: cannot write ({err})") from None
    with writer:
        buffer: list[dict[str, Any]] = []
        for row in rows:
            buffer.append(row)
            if len(buffer) >= chunk:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                n += len(buffer)
                buffer = []
        if buffer or n == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
            n += len(buffer)
    return n


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str, total: int, out: TextIO,
                 empty: str) -> None:
    """`rows` (already limited by the caller) as a table for reading, with a note when `total` is larger.

    `empty` is the one line said instead of a table when there are no rows. Off a terminal the table is
    TSV (see `cli.output`) and notes go to stderr, so the output stays machine-readable.
    """
    if not rows:
        print(empty, file=out if is_terminal(out) else sys.stderr)
        return
    more = f"showing {len(rows)} of {total}; use --format jsonl/csv/parquet for all of them"
    if not is_terminal(out):
        write_tsv(rows, columns, out)
        if total > len(rows):
            print(more, file=sys.stderr)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in columns:
        # codes and dates stay whole; free text wraps
        wraps = col in _WRAPPING
        # every column keeps at least its header's width, so a narrow terminal folds text, never hides a column
        table.add_column(col, overflow="fold", no_wrap=not wraps, ratio=(4 if col in _SHORTEN else 2) if wraps else None,
                         min_width=max(len(col), _MIN_WIDTH.get(col, 0)))
    for row in rows:
        table.add_row(*[_short(cell(row.get(col)), _SHORTEN.get(col)) for col in columns])
    console = Console(file=out)
    console.print(table)
    if total > len(rows):
        console.print(f"[dim]{more}[/dim]")


def _short(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[:limit - 1].rstrip() + "…"
