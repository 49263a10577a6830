"""`dotterel analyze`: one file, or a JSONL stream of documents, to dotterel/1 records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from dotterel.errors import DotterelError, InputError
from dotterel.pubdate import parse_pub_date
from dotterel.model import SourceItem
from dotterel.sources.normalize import prepare
from dotterel.sources.readers import item_from_json_line, iter_jsonl, line_id, read_file
from dotterel.model import Document, ErrorRecord, to_json


def analyze_file(path: str, date: str | None = None, title: str | None = None) -> Document:
    item = read_file(path)
    item.date = date or item.date
    item.title = title or item.title
    # refuse bad input before paying for the model load
    parse_pub_date(item.date)
    item = prepare(item)
    from dotterel.pipeline import Analyzer

    return Analyzer().analyze(item)


def _items(path: Path | str, default_date: str | None, bad: dict[int, ErrorRecord]) -> Iterator[SourceItem]:
    """Decoded lines; a malformed line becomes an ErrorRecord kept in `bad` under its position."""
    for position, (lineno, raw) in enumerate(iter_jsonl(path)):
        try:
            item = item_from_json_line(raw, lineno, str(path))
        except InputError as err:
            bad[position] = ErrorRecord(id=line_id(raw), error=str(err))
            continue
        item.date = item.date or default_date
        yield item


def analyze_jsonl(path: Path | str, out: TextIO, default_date: str | None = None) -> int:
    """Print one record per input line, in order; returns how many lines got an error record."""
    from dotterel.pipeline import Analyzer

    bad: dict[int, ErrorRecord] = {}
    errors = 0
    position = 0
    analyzer = Analyzer()

    def flush_bad() -> None:
        nonlocal position, errors
        while position in bad:
            out.write(to_json(bad.pop(position)).decode() + "\n")
            errors += 1
            position += 1

    for record in analyzer.analyze_many(_items(path, default_date, bad)):
        flush_bad()
        out.write(to_json(record).decode() + "\n")
        errors += isinstance(record, ErrorRecord)
        position += 1
    flush_bad()
    out.flush()
    return errors


__all__ = ["analyze_file", "analyze_jsonl", "DotterelError"]
