"""Characters no store can hold, removed at the reader: one rule for SQLite and PostgreSQL.

PostgreSQL text cannot contain NUL (U+0000), and neither backend (nor UTF-8 itself) can encode a lone
surrogate (U+D800–U+DFFF, e.g. a JSON `"\\ud800"` escape). Every input item (`SourceItem`, built by every
reader and by the web forms) passes through `scrub`: each such character is **replaced by U+FFFD**
(the replacement character, so offsets into the text stay as the input had them) and the record gets a
warning saying how many were replaced in which field. Nothing else is changed.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def scrub(value: str) -> tuple[str, int]:
    """`value` with NUL and lone surrogates replaced by U+FFFD, and how many were replaced."""
    if not _UNSTORABLE.search(value):
        return value, 0
    return _UNSTORABLE.subn(REPLACEMENT, value)


def scrub_fields(obj: object, fields: tuple[str, ...]) -> list[str]:
    """Scrub the string attributes `fields` of `obj` in place; one warning per field that changed."""
    warnings = []
    for name in fields:
        value = getattr(obj, name, None)
        if isinstance(value, str):
            clean, n = scrub(value)
            if n:
                setattr(obj, name, clean)
                warnings.append(warning(name, n))
    return warnings


def warning(field: str, n: int) -> str:
    return (f"{field}: {n} character{'s' if n != 1 else ''} no store can hold (NUL or lone surrogate) "
            "replaced by U+FFFD")


def clean(value: str | None) -> str | None:
    """For one-line reasons and paths written as-is (quarantine rows): scrubbed, no warning."""
    return None if value is None else scrub(value)[0]
