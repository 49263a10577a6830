"""Where a command writes: a file given with --output, or standard output."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from dotterel.errors import DotterelError


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
