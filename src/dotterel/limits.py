"""Bounds on what one input, request or command may ask for (issues 19, 22), shared by the CLI and the web.

- Sizes: one document's text is at most MAX_TEXT_BYTES; a JSONL line or a feed file at most MAX_LINE_BYTES /
  MAX_FEED_BYTES (JSON escaping and feed markup make them longer than the text they carry); a fetched page
  and a web request body at most MAX_FETCH_BYTES. Every message about a size is written by `too_large` /
  `over_limit` from these constants, so a message always states the limit that was applied.
- Parsing: spaCy is never given more than PARSE_BATCH_CHARS characters in one call, nor a stretch of more
  than MAX_RUN_CHARS characters without a sentence end (`nlp.bounded_pieces`), so memory per input line is
  bounded whatever its text.
- Dates given as parameters must lie in [DATE_MIN, DATE_MAX]; outside it is an error naming the range.
- The monitor's periods never extend past the days the store covers (`monitor.series._periods`), and one
  response may cost at most MAX_CELLS periods × dyads; more is an error that says how to narrow it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlalchemy is imported only where cells are counted: `analyze` never needs it
    from sqlalchemy import Connection

MiB = 2**20
MAX_TEXT_BYTES = 5 * MiB  # one document's text (a file, standard input, a JSONL "text", an upload)
MAX_LINE_BYTES = 4 * MAX_TEXT_BYTES  # one JSONL line: escaping can make it a few times the text
MAX_FEED_BYTES = 4 * MAX_TEXT_BYTES  # one RSS/Atom file, parsed whole by feedparser
MAX_FETCH_BYTES = 2 * MiB  # one fetched page, and the server's default --max-body
FETCH_TIMEOUT = 10.0  # seconds, for connecting and for each read of a fetch

# Parsing bounds (issue 19): a normal news text never reaches them, so its parse is unchanged.
CHUNK_CHARS = 100_000  # a long text is parsed in pieces of at most this many characters (paragraph breaks)
MAX_RUN_CHARS = 5_000  # a stretch without a sentence end longer than this is cut into pieces this long
PARSE_BATCH_CHARS = 100_000  # characters given to spaCy in one call (a batch of pieces)


def size_text(n: int) -> str:
    """A byte count as users read it: "5 MiB", "22.9 MiB", "1,024 bytes"."""
    if n < MiB:
        return f"{n:,} bytes"
    mib = n / MiB
    return f"{mib:.0f} MiB" if mib == int(mib) else f"{mib:.1f} MiB"


def too_large(what: str, size: int, limit: int) -> str:
    """The one-line message for an input of known `size` over `limit`."""
    shown, cap = size_text(size), size_text(limit)
    if float(shown.split()[0].replace(",", "")) <= float(cap.split()[0].replace(",", "")):
        shown, cap = f"{size:,} bytes", f"{limit:,} bytes ({cap})"  # "5.0 MiB; the limit is 5 MiB" would puzzle
    return f"{what} is {shown}; the limit is {cap}"


def over_limit(what: str, limit: int) -> str:
    """The one-line message for an input known only to be longer than `limit` (read no further)."""
    return f"{what} is longer than the limit of {size_text(limit)}"


DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
MAX_CELLS = 2_000_000  # periods × dyads in one monitor response


class LimitError(ValueError):
    """A parameter outside the bounds; the message is one line naming the allowed range."""


def check_date(value: dt.date, param: str) -> dt.date:
    if not DATE_MIN <= value <= DATE_MAX:
        raise LimitError(f"{param}: {value.isoformat()} is outside the allowed range "
                         f"{DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}")
    return value


def periods_between(first: str, last: str, freq: str) -> int:
    a, b = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
    days = (b - a).days
    return max(0, {"day": days, "week": days // 7, "month": days // 30}[freq] + 1)


def check_cells(conn: Connection, freq: str, since: str | None, until: str | None, dyads: int | None = None) -> None:
    """LimitError when the window (clamped to the store's span) × dyads exceeds MAX_CELLS."""
    from sqlalchemy import func, select

    from dotterel.monitor import tables as t
    from dotterel.monitor.series import coverage_span

    cov = coverage_span(conn)
    if cov is None:
        return
    last = min(until, cov[1]) if until else cov[1]
    periods = periods_between(cov[0], last, freq) if cov[0] <= last else 0
    if dyads is None:
        mc = t.monitor_clusters
        dyads = conn.execute(select(func.count()).select_from(
            select(mc.c.actors, mc.c.recipients).distinct().subquery())).scalar_one()
    if periods * dyads > MAX_CELLS:
        raise LimitError(f"freq={freq} over {cov[0]} to {last} is {periods:,} periods × {dyads:,} dyads, more than "
                         f"{MAX_CELLS:,}: use a longer freq (week, month) or a later since")
