"""Publication dates given by users (`--date`, a JSONL `date`): ISO dates or datetimes.

Kept apart from `dates.py` (which needs spaCy) so the CLI can refuse a bad date instantly.
"""

from __future__ import annotations

import datetime as dt

from dotterel.errors import InputError


def parse_pub_date(value: str | None) -> dt.date | None:
    """An ISO date or datetime string -> date; None stays None; anything else is an InputError."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise InputError(f"date {text!r} is not an ISO date (YYYY-MM-DD) or datetime") from None
