"""Writing series, alerts and timelines as CSV, JSON or Parquet (pyarrow), and as terminal tables.

`write_rows(rows, fmt, out)` writes CSV or JSON to a text stream; `write_parquet(rows, path)` a
Parquet file. List values (timeline outlets, alert evidence) become '; '-joined text in CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO


def _columns(rows: Sequence[dict]) -> list[str]:
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols and not k.startswith("_"):
                cols.append(k)
    return cols


def _flat(value: object) -> object:
    if isinstance(value, list):
        return "; ".join(str(v) if not isinstance(v, dict) else json.dumps(v, sort_keys=True) for v in value)
    return value


def write_rows(rows: Sequence[dict], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows], out, indent=1,
                  ensure_ascii=False, default=str)
        out.write("\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=_columns(rows), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _flat(v) for k, v in r.items()})
        return
    raise ValueError(f"unknown format {fmt!r}")


def write_parquet(rows: Sequence[dict], path: str | Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = _columns(rows)
    table = pa.Table.from_pylist([{c: _flat(r.get(c)) for c in cols} for r in rows])
    pq.write_table(table, path)


__all__ = ["write_parquet", "write_rows"]
