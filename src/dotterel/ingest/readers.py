"""Read inputs into SourceItems: single files (text or HTML) and JSONL lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import msgspec

from dotterel.errors import InputError
from dotterel.ingest.normalize import MAX_BYTES, SourceItem, decode_bytes


def read_file(path: str | Path) -> SourceItem:
    """One text or HTML file (or '-' for stdin) as one item."""
    import sys

    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory (use `dotterel ingest` for directories)")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: file is {size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB")
        try:
            data = p.read_bytes()
        except OSError as err:
            raise InputError(f"{path}: cannot read ({err.strerror})") from None
        name = str(path)
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    return SourceItem(text=decode_bytes(data, name), path=None if str(path) == "-" else str(path))


class _Line(msgspec.Struct):
    text: str
    id: str | int | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


def item_from_json_line(line: str | bytes, lineno: int, path: str | None = None) -> SourceItem:
    """Decode one JSONL line {"id", "text", "date"?, ...}; unknown keys ignored. InputError if malformed."""
    try:
        rec = msgspec.json.decode(line, type=_Line)
    except msgspec.DecodeError as err:
        raise InputError(f"line {lineno}: {_short(err)}") from None
    return SourceItem(text=rec.text, id=None if rec.id is None else str(rec.id), date=rec.date, title=rec.title,
                      url=rec.url, source=rec.source, path=path)


def _short(err: Exception) -> str:
    msg = str(err).splitlines()[0]
    return msg.replace("Object missing required field `text`", 'missing "text"')


def line_id(line: str | bytes) -> str | None:
    """Best-effort id of a JSONL line that failed to decode, so its error record keeps the id."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if isinstance(obj, dict) and obj.get("id") is not None:
        return str(obj["id"])
    return None


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, raw line) for each non-blank line; InputError if the file can't be read."""
    import sys

    if str(path) == "-":
        fh = sys.stdin.buffer
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        try:
            fh = p.open("rb")
        except OSError as err:
            raise InputError(f"{path}: cannot read ({err.strerror})") from None
    with fh:
        for n, raw in enumerate(fh, start=1):
            if raw.strip():
                yield n, raw
