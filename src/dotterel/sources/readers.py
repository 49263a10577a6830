"""Read inputs into SourceItems: single files (text or HTML), JSONL lines, RSS/Atom feeds, directories."""

from __future__ import annotations

import datetime as _dt
import html as _html
import json
import os
import re
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import msgspec

from dotterel.errors import InputError
from dotterel.model import SourceItem
from dotterel.limits import MAX_FEED_BYTES, MAX_LINE_BYTES, MAX_TEXT_BYTES, over_limit, too_large
from dotterel.sources.normalize import decode_bytes, html_to_text, looks_like_html


def read_file(path: str | Path) -> SourceItem:
    """One text or HTML file (or '-' for stdin) as one item."""
    import sys

    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)  # bounded: one byte over is enough to refuse it
        name = "standard input"
        if len(data) > MAX_TEXT_BYTES:
            raise InputError(over_limit(name, MAX_TEXT_BYTES))
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory (use `dotterel ingest` for directories)")
        try:
            st = p.stat()
        except OSError as err:
            raise InputError(f"{path}: cannot read ({err.strerror})") from None
        if not stat.S_ISREG(st.st_mode):
            # a FIFO, socket or device could block forever or never end: give it on standard input instead
            raise InputError(f"{path}: not a regular file (to analyse a pipe, give it on standard input: "
                             f"dotterel analyze - < {path})")
        size = st.st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(too_large(f"{path}: file", size, MAX_TEXT_BYTES))
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


# How a JSONL line is decoded (the same rule for `analyze --jsonl`, `ingest` and every later reader):
# - bytes are decoded as strict UTF-8 by us, before any JSON parser sees them; a line that is not valid
#   UTF-8 is REJECTED (an error record / quarantine row naming the first bad byte), never guessed at or
#   silently replaced, since a replaced byte could change an actor name or a date. A UTF-8 BOM is dropped.
# - a line longer than MAX_LINE_BYTES is rejected unread; brackets are counted (outside strings) before
#   parsing and a line nested deeper than MAX_JSON_DEPTH is rejected, so no parser recursion is reachable.
# - `text` must be a string; `id` a string or an integer; `date`, `title`, `url`, `source` a string or null.
#   Anything else is rejected with the field named. Escaped NULs and lone surrogates are replaced with
#   U+FFFD by SourceItem, with a warning (see dotterel.store.textsafe).
MAX_JSON_DEPTH = 64
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"?', re.S)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def json_depth(line: str) -> int:
    """The deepest bracket nesting of a JSON text, counted outside strings (a cheap pre-parse check)."""
    if line.count("[") + line.count("{") <= MAX_JSON_DEPTH:
        return line.count("[") + line.count("{")
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", line))
    deepest = depth = 0
    for ch in brackets:
        depth += 1 if ch in "[{" else -1
        if depth > deepest:
            deepest = depth
    return deepest


def decode_line(line: str | bytes, lineno: int) -> str:
    """A raw JSONL line as text, by the rule above; InputError (one line) if it must be rejected."""
    if len(line) > MAX_LINE_BYTES:
        raise InputError(f"line {lineno}: " + over_limit("line", MAX_LINE_BYTES))
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"line {lineno}: not valid UTF-8 (byte 0x{line[err.start]:02x} at offset {err.start})") from None
    line = line.removeprefix("\ufeff")
    if json_depth(line) > MAX_JSON_DEPTH:
        raise InputError(f"line {lineno}: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return line


def item_from_json_line(line: str | bytes, lineno: int, path: str | None = None) -> SourceItem:
    """Decode one JSONL line {"id", "text", "date"?, ...}; unknown keys ignored. InputError if malformed.

    Never raises anything else for any input: see the decoding rule above.
    """
    text = decode_line(line, lineno)
    try:
        rec = msgspec.json.decode(text, type=_Line)
    except msgspec.DecodeError as err:
        retried = _with_lone_surrogates(text, err)
        if retried is None:
            raise InputError(f"line {lineno}: {_short(err)}") from None
        rec = retried
    except (RecursionError, MemoryError, ValueError, TypeError) as err:  # belt and braces: stays one line
        raise InputError(f"line {lineno}: cannot decode ({type(err).__name__})") from None
    return SourceItem(text=rec.text, id=None if rec.id is None else str(rec.id), date=rec.date, title=rec.title,
                      url=rec.url, source=rec.source, path=path)


def _with_lone_surrogates(line: str, err: Exception) -> _Line | None:
    """A line msgspec refuses only for a lone `\\udXXX` escape: decoded anyway (SourceItem replaces them)."""
    if "surrogate" not in str(err):
        return None
    try:
        return msgspec.convert(json.loads(line), type=_Line)
    except (ValueError, RecursionError, msgspec.ValidationError):
        return None


def _short(err: Exception) -> str:
    msg = " ".join(str(err).split())[:300]
    return msg.replace("Object missing required field `text`", 'missing "text"')


MAX_ID_CHARS = 1000


def line_id(line: str | bytes) -> str | None:
    """Best-effort id of a JSONL line that failed to decode, so its error record keeps the id."""
    try:
        obj = msgspec.json.decode(decode_line(line, 0))
    except (InputError, msgspec.DecodeError, RecursionError, MemoryError, ValueError, TypeError):
        return None
    value = obj.get("id") if isinstance(obj, dict) else None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    from dotterel.store.textsafe import scrub

    return scrub(str(value)[:MAX_ID_CHARS])[0]


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, raw line) for each non-blank line; InputError if the file can't be read.

    A line over MAX_LINE_BYTES is yielded cut to MAX_LINE_BYTES + 1 bytes (so the reader rejects it).
    """
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
        n = 0
        while raw := fh.readline(MAX_LINE_BYTES + 1):
            n += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                # over-long: yield its first MAX_LINE_BYTES + 1 bytes (item_from_json_line rejects it) and
                # skip the rest in bounded chunks, so memory stays bounded
                rest = raw
                while rest and not rest.endswith(b"\n"):
                    rest = fh.readline(_READ_CHUNK)
                yield n, raw
            elif raw.strip():
                yield n, raw


# --- Corpus sources for `dotterel ingest`: directories, text, HTML, JSONL and RSS/Atom feeds ---------------
#
# `iter_sources(paths)` walks the inputs and yields one `Source` per document found: either an item to
# analyse or the reason it could not be read (which ingest quarantines). Nothing raises for a bad file;
# every problem becomes a Source with `error` set, so one bad file never stops a run.

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A JSONL corpus may be any size (it is streamed), but one line holds one document: its cap, and the cap on
# feeds (parsed whole by feedparser), are in dotterel.limits with the text limit.
_READ_CHUNK = 1 << 20
_FEED_SIGNS = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_\-]+)""", re.I)


@dataclass(slots=True)
class Source:
    """One document found in the inputs: `item` to analyse, or `error` saying why it can't be read.

    `path` is the file; `locator` says where in it ('line 12', 'entry 3'; '' for the whole file).
    """

    path: str
    locator: str = ""
    item: SourceItem | None = None
    error: str | None = None

    @property
    def where(self) -> str:
        """`path` with its locator, as stored in documents.path: 'a.jsonl:12', 'feed.xml#3'."""
        if not self.locator:
            return self.path
        kind, _, n = self.locator.partition(" ")
        return f"{self.path}:{n}" if kind == "line" else f"{self.path}#{n}"


def iter_files(paths: Iterable[str | Path], skip: Collection[Path] = ()) -> Iterator[Path | Source]:
    """Every file under `paths` (directories recursively, sorted, hidden names skipped).

    `skip`: resolved paths never read, even when named (the ingest's own store, so `ingest .` does not
    quarantine its database). Yields a Source with an error for a path that does not exist or a directory
    that can't be listed.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from (f for f in _walk(p) if not (skip and isinstance(f, Path) and f.resolve() in skip))
        elif skip and p.resolve() in skip:
            continue
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield Source(path=str(p), error="no such file or directory")


def _walk(root: Path) -> Iterator[Path | Source]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=False):
        # Hidden files and folders (.git, .DS_Store) are not documents.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        while errors:
            err = errors.pop()
            yield Source(path=str(err.filename or dirpath), error=f"cannot read directory ({err.strerror})")
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath, name)
    for err in errors:
        yield Source(path=str(err.filename or root), error=f"cannot read directory ({err.strerror})")


def iter_sources(paths: Iterable[str | Path], skip: Collection[Path] = ()) -> Iterator[Source]:
    """Every document in `paths` except files in `skip`, in a stable order (see module section comment)."""
    for entry in iter_files(paths, skip):
        if isinstance(entry, Source):
            yield entry
        else:
            yield from read_sources(entry)


def file_kind(path: Path, head: bytes) -> str:
    """'jsonl', 'feed', 'html' or 'text', from the suffix, else from the first bytes."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if (start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed"))) and _FEED_SIGNS.search(head):
        return "feed"
    if looks_like_html(head.decode("utf-8", "replace")):
        return "html"
    return "text"


def read_sources(path: Path) -> Iterator[Source]:
    """The documents of one file, whatever its kind; problems become Sources with `error`."""
    name = str(path)
    try:
        st = path.stat()
        if not path.is_file():
            yield Source(path=name, error="not a regular file")
            return
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as err:
        yield Source(path=name, error=f"cannot read ({err.strerror})")
        return
    kind = file_kind(path, head)
    if kind == "jsonl":
        yield from read_jsonl_sources(path)
        return
    limit = MAX_FEED_BYTES if kind == "feed" else MAX_TEXT_BYTES
    if st.st_size > limit:
        # Checked from the size alone: the file is never read into memory.
        yield Source(path=name, error=too_large("file", st.st_size, limit))
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Source(path=name, error=f"cannot read ({err.strerror})")
        return
    if not data.strip():
        yield Source(path=name, error="file is empty")
        return
    try:
        if kind == "feed":
            yield from read_feed(data, name)
        elif kind == "html":
            yield Source(path=name, item=read_html(data, name))
        else:
            yield Source(path=name, item=SourceItem(text=decode_bytes(data, name), path=name))
    except InputError as err:
        yield Source(path=name, error=_strip_name(str(err), name))


def _strip_name(message: str, name: str) -> str:
    """The quarantine row already holds the path: don't repeat it in the reason."""
    for prefix in (name + ": ", name + " is ", name + " "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def decode_html(data: bytes, name: str) -> str:
    """HTML bytes as text: UTF-8, else the charset the page declares."""
    try:
        return decode_bytes(data, name)
    except InputError:
        match = _CHARSET.search(data[:4096])
        if match is None:
            raise
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            raise InputError(f"{name}: unknown charset {match.group(1).decode('ascii', 'replace')!r}") from None


def read_html(data: bytes, name: str) -> SourceItem:
    """An HTML page: main text (boilerplate removed), title, date, URL and site name from its metadata.

    The text is extracted here, in the reading process, so the document's identity (the hash of its
    normalised text) is known before analysis and a re-run skips pages already stored.
    """
    import trafilatura

    page = decode_html(data, name)
    text, title, date = html_to_text(page)
    if not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = trafilatura.extract_metadata(page)
    return SourceItem(text=text, title=title, date=date, url=meta.url if meta else None,
                      source=meta.sitename if meta else None, path=name)


class _FragmentText(HTMLParser):
    """Text of an HTML fragment (a feed entry's content): tags dropped, blocks on their own lines."""

    BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 blockquote tr section article".split())
    SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment; paragraphs separated by a blank line."""
    if "<" not in fragment:
        return _html.unescape(fragment).strip()
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return "\n\n".join(line for line in lines if line)


def _entry_date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get, not the FeedParserDict's own: that maps a missing updated_parsed onto published_parsed
        # with a DeprecationWarning
        value = dict.get(entry, key)
        if value:
            try:
                return _dt.date(value[0], value[1], value[2]).isoformat()
            except (TypeError, ValueError):
                continue
    return None


def _entry_text(entry: dict) -> str:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return fragment_text(content["value"])
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def read_feed(data: bytes, name: str) -> Iterator[Source]:
    """One Source per entry of an RSS/Atom feed; entries without text are quarantined one by one.

    feedparser tolerates broken XML (`bozo`): whatever entries it recovers are kept, and the file is
    quarantined only when it recovers none.
    """
    import feedparser

    feed = feedparser.parse(data)
    entries = feed.entries
    if not entries:
        if feed.bozo:
            reason = str(feed.get("bozo_exception", "malformed")).splitlines()[0]
            yield Source(path=name, error=f"not a readable RSS/Atom feed ({reason})")
        else:
            yield Source(path=name, error="feed has no entries")
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(entries, start=1):
        locator = f"entry {n}"
        text = _entry_text(entry)
        if not text.strip():
            title = entry.get("title")
            label = f" ({title!r})" if title else ""
            yield Source(path=name, locator=locator, error=f"feed entry {n}{label} has no text")
            continue
        item = SourceItem(text=text, date=_entry_date(entry), title=entry.get("title") or None,
                          url=entry.get("link") or None, source=outlet, path=name)
        yield Source(path=name, locator=locator, item=item)


def read_jsonl_sources(path: Path) -> Iterator[Source]:
    """One Source per non-blank line of a JSONL corpus, streamed: over-long lines are skipped unread."""
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as err:
        yield Source(path=name, error=f"cannot read ({err.strerror})")
        return
    with fh:
        lineno = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            lineno += 1
            locator = f"line {lineno}"
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line in bounded chunks
                    raw = fh.readline(_READ_CHUNK)
                yield Source(path=name, locator=locator,
                             error=over_limit("line", MAX_LINE_BYTES))
                continue
            if not raw.strip():
                continue
            try:
                item = item_from_json_line(raw, lineno, name)
            except InputError as err:
                yield Source(path=name, locator=locator, error=str(err), item=None)
                continue
            yield Source(path=name, locator=locator, item=item)


def estimate_count(paths: Iterable[str | Path], skip: Collection[Path] = ()) -> int:
    """A quick count of the documents in `paths` for the progress bar (JSONL lines, 1 per other file)."""
    total = 0
    for entry in iter_files(paths, skip):
        if isinstance(entry, Source):
            total += 1
            continue
        if entry.suffix.lower() in JSONL_SUFFIXES:
            try:
                with entry.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(_READ_CHUNK), b""))
            except OSError:
                total += 1
        else:
            total += 1
    return max(total, 1)
