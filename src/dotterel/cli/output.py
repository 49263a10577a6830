"""Where a command writes, and how a table looks there.

A table for a person (a terminal) is a Rich table fitted to the window. Anywhere else (a file, a pipe,
`| less`, `| cut`) it is plain TSV: a header line, one line per row, nothing cut or wrapped; lists are
joined with ', ' and tabs or newlines inside a value become spaces, so every row stays one line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from dotterel.errors import DotterelError

LINE_EVERY_DOCS = 500
LINE_EVERY_S = 10.0


@contextmanager
def open_output(path: Path | None, default: TextIO | None = None) -> Iterator[TextIO]:
    """Yield `path` opened for writing (UTF-8, newlines as written), else `default` (stdout)."""
    if path is None:
        yield default if default is not None else sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as err:
        raise DotterelError(f"{path}: cannot write ({err.strerror})") from None
    with fh:
        yield fh


def is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def cell(value: Any) -> str:
    """One value as table text: lists joined with ', ', floats short, None empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join("" if x is None else str(x) for x in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_tsv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """Header and rows as TSV, each row on one line; returns the number of rows."""
    out.write("\t".join(columns) + "\n")
    n = 0
    for row in rows:
        out.write("\t".join(" ".join(cell(row.get(c)).split()) for c in columns) + "\n")
        n += 1
    return n


@contextmanager
def progress_lines(label: str, total: int | None, show: bool = True) -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; prints a line on stderr every `LINE_EVERY_DOCS` documents or `LINE_EVERY_S` seconds.

    For logs and pipes, where a progress bar would be noise: `label: 1,500 of ~2,572 documents, 95 s, 15.8 docs/s`.
    A run shorter than one step prints nothing.
    """
    started = last = time.monotonic()
    done = printed = 0

    def line() -> None:
        elapsed = time.monotonic() - started
        of = f" of ~{total:,}" if total else ""
        print(f"{label}: {done:,}{of} documents, {elapsed:.0f} s, {done / elapsed if elapsed else 0:.1f} docs/s",
              file=sys.stderr, flush=True)

    def advance(n: int) -> None:
        nonlocal done, last, printed
        done += n
        now = time.monotonic()
        if show and (done - printed >= LINE_EVERY_DOCS or now - last >= LINE_EVERY_S):
            line()
            last, printed = now, done

    yield advance
    if show and printed and done != printed:  # close a reported run with its total; a short run stays quiet
        line()
