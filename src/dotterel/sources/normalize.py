"""Text normalisation and the checks every input passes before analysis.

Normalisation is exactly what DESIGN.md allows: Unicode NFC and `\\n` line ends, nothing else,
so offsets computed on the normalised text are the offsets users see.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import trafilatura

from dotterel import language
from dotterel.errors import InputError
from dotterel.limits import MAX_TEXT_BYTES, too_large
from dotterel.model import SourceItem

_HTML_SIGNS = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<(p|div|article|span|a|br|h[1-6])[\s/>]", re.I)
# Function words: English ones against those of the commonest other languages written in Latin script.
# A text is English when English function words clearly outnumber foreign ones (works on one sentence).
_ENGLISH_MARKERS = language.words("language_id", "english")
_FOREIGN_MARKERS = language.words("language_id", "foreign")


def normalize_text(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_bytes(data: bytes, what: str = "input", limit: int = MAX_TEXT_BYTES) -> str:
    """Decode UTF-8 input, refusing binary data and input over `limit` bytes with a clear message."""
    if len(data) > limit:
        raise InputError(too_large(what, len(data), limit))
    if b"\x00" in data[:8192]:
        raise InputError(f"{what} looks binary (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{what} is not valid UTF-8 (byte {err.start})") from None


def looks_like_html(text: str) -> bool:
    head = text[:4000]
    return len(_HTML_SIGNS.findall(head)) >= 2 or head.lstrip().lower().startswith(("<!doctype", "<html"))


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and date of an HTML page (boilerplate removed), via trafilatura."""
    text = trafilatura.extract(html, favor_recall=True, include_comments=False, include_tables=False)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    # trafilatura guesses dates from copyright lines; only a date from the page's metadata is kept
    date = meta.date if meta and meta.date and re.search(r'(date|time)[^>]{0,80}' + re.escape(meta.date[:4]), html) else None
    return (text or ""), title, date


def is_english(text: str) -> bool:
    sample = text[:20000]
    found = re.findall(r"[^\W\d_]+", sample)
    if not found:
        return False
    words = [w.lower() for w in found]
    english = sum(w in _ENGLISH_MARKERS for w in words)
    # an acronym is no function word: "the AU", "LA police", "ECOWAS and the EU"
    foreign = sum(w.lower() in _FOREIGN_MARKERS for w in found if not (w.isupper() and len(w) > 1))
    if english + foreign == 0:
        # a headline-like fragment with no function words: accept Latin-script text
        return all(c.isascii() for c in "".join(words))
    return english >= 2 * foreign and (english >= 1)


def prepare(item: SourceItem) -> SourceItem:
    """Clean an item for analysis: HTML reduced to its main text, normalised, checked.

    Raises InputError with a one-line reason when the item cannot be analysed.
    """
    text = item.text
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise InputError(too_large("document", size, MAX_TEXT_BYTES))
    title, date = item.title, item.date
    if looks_like_html(text):
        text, html_title, html_date = html_to_text(text)
        title = title or html_title
        date = date or html_date
    text = normalize_text(text)
    if not text.strip():
        raise InputError("document is empty (no text to analyse)")
    if not is_english(text):
        raise InputError("language not supported: dotterel analyses English text only")
    return SourceItem(text=text, id=item.id, date=date, title=title, url=item.url, source=item.source, path=item.path,
                      warnings=item.warnings)
