"""`dotterel analyze`: one file, or a JSONL stream of documents, to dotterel/1 records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from dotterel.errors import InputError
from dotterel.model import Document, ErrorRecord, SourceItem, to_json
from dotterel.pubdate import parse_pub_date
from dotterel.limits import FETCH_TIMEOUT, MAX_FETCH_BYTES, size_text
from dotterel.sources.fetch import looks_like_url
from dotterel.sources.fetch import fetch as fetch_page
from dotterel.sources.readers import item_from_json_line, iter_jsonl, line_id, read_file


def read_input(path: str, *, fetch: bool = False) -> SourceItem:
    """A file, '-' (standard input), or with `fetch` a web page; a URL without `fetch` is refused, never fetched."""
    if looks_like_url(path):
        if not fetch:
            raise InputError(f"{path} is a URL: to analyse the page, add --fetch (one GET, http(s) only, "
                             f"{size_text(MAX_FETCH_BYTES)} and {FETCH_TIMEOUT:g} s at most)")
        return SourceItem(text=fetch_page(path), url=path)
    if fetch:
        raise InputError(f"--fetch needs an http(s) URL, not {path!r}")
    return read_file(path)


def analyze_file(path: str, date: str | None = None, title: str | None = None, *, fetch: bool = False) -> Document:
    item = read_input(path, fetch=fetch)
    item.date = date or item.date
    item.title = title or item.title
    # refuse a bad date before paying for the model load (empty or non-English text is refused by
    # the Analyzer, which prepares the text once and loads the model only for text that passed)
    parse_pub_date(item.date)
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


def analyze_jsonl(path: Path | str, out: TextIO, default_date: str | None = None,
                  advance: Callable[[int], None] | None = None) -> int:
    """Print one record per input line, in order; returns how many lines got an error record.

    `advance(1)` is called after each record (the CLI reports progress with it).
    """
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
        if advance:
            advance(1)
    flush_bad()
    out.flush()
    return errors


__all__ = ["analyze_file", "analyze_jsonl", "read_input"]
