"""Dates: the publication date, and the date expressions of a text resolved against it.

`find_dates` reads spaCy's DATE entities (plus weekday names and "yesterday"/"today" the tagger
missed), keeps the preposition that introduces them in the text ("on Wednesday", "back in June",
"by the end of the year") and resolves them against the publication date with a precision:
- weekdays: the most recent such day on or before the publication date (news convention: an article
  of Thursday 2024-10-24 saying "on Wednesday" means 2024-10-23, "on Thursday" means that day);
  with a future verb ("will meet on Friday") the next one on or after; "last"/"next" are strict.
- months without a year ("in June", "back in June"): the most recent such month not after the
  publication month (future verbs: the next one not before it), precision month; "March 3": day.
- "last/this/next year|month" -> year|month; "yesterday/today/tomorrow" -> day; "N days/months/years
  ago" -> day/month/year; "by the end of the year" -> Dec 31 (day); "last week" -> the month that
  week lies in when it lies in one month (the contract has no week precision), else unresolved.
- absolute dates ("March 3, 2024", "in 1987", "February 2022") resolve without a publication date;
  relative ones without it keep value None.
Not dates (dropped): durations ("for three years", "the past 18 months" - those are quantities),
ages, frequencies ("nightly", "daily"), vague spans ("recent years", "the coming months"), and spans
relative to another event rather than to the report ("a year earlier", "two days after the talks").
`dateparser` is used only for the rare leftovers with digits (numeric dates), cached.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in spaCy's stubs
from spacy.tokens import Doc, Span, Token

from dotterel import language
from dotterel.findings import DateFinding, Precision
from dotterel.knowledge import data_path

_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$")
_DAY = re.compile(r"^([0-9]{1,2})(st|nd|rd|th)?$")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}\s?[/.]\s?\d{1,2}\s?[/.]\s?\d{2,4}\b")  # 23/10/2024, 10.23.24
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUMBER_WORDS = {w: int(v) for w, v, _ in language.numbers("dates")}
_UNIT_PRECISION = {"day": "day", "days": "day", "week": "day", "weeks": "day", "month": "month",
                   "months": "month", "year": "year", "years": "year", "decade": "year", "decades": "year"}
_VERBISH = frozenset({"VERB", "AUX"})
_FUTURE_AUX = language.words("auxiliaries", "future")
_FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "due", "set", "intend", "aim", "prepare"})


@dataclass(frozen=True, slots=True)
class _Words:
    kinds: dict[str, dict[str, str]]  # kind -> word -> value
    cues: frozenset[tuple[str, ...]]
    event_nouns: frozenset[str]

    def get(self, kind: str, word: str) -> str | None:
        return self.kinds.get(kind, {}).get(word)

    def has(self, kind: str, word: str) -> bool:
        return word in self.kinds.get(kind, {})


def _csv(name: str) -> Iterator[dict[str, str]]:
    with data_path("dates", name).open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


@functools.cache
def _words() -> _Words:
    kinds: dict[str, dict[str, str]] = {}
    for word, (kind, number) in language.calendar("dates").items():
        kinds.setdefault(kind, {})[word] = str(number)
    for r in _csv("words.csv"):
        kinds.setdefault(r["kind"], {})[r["word"]] = r["value"] or ""
    cues = frozenset(tuple(w.split()) for w in kinds.get("cue", {}))
    nouns = frozenset(r["noun"] for r in _csv("event_nouns.csv"))
    return _Words(kinds, cues, nouns)


class _NotADate(Exception):
    """The span is a duration, frequency, age or vague period: no date finding."""


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: str | None
    precision: Precision | None


_UNRESOLVED = _Resolved(None, None)


def _fmt(d: dt.date, precision: Precision) -> _Resolved:
    value = {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}[precision]
    return _Resolved(value, precision)


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """The date, or the month's last day for an impossible day (Feb 29 in a common year)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(d: dt.date, months: int) -> dt.date:
    m = d.year * 12 + (d.month - 1) + months
    return dt.date(m // 12, m % 12 + 1, 1)


def _weekday(pub: dt.date, wd: int, rel: int | None, future: bool) -> dt.date:
    back = (pub.weekday() - wd) % 7
    if rel == -1:
        return pub - dt.timedelta(days=back or 7)
    fwd = (wd - pub.weekday()) % 7
    if rel == 1:
        return pub + dt.timedelta(days=fwd or 7)
    return pub + dt.timedelta(days=fwd) if future else pub - dt.timedelta(days=back)


def resolve(words: list[str], pub: dt.date | None, tense: int = 0) -> _Resolved:
    """Resolve the lower-cased words of one date expression; raises _NotADate for non-dates.

    `tense` is the governing verb's: 1 future, -1 past, 0 unknown. Months and weekdays without a
    year look back unless the verb is future; a month-and-day with an unknown tense takes the
    nearest such day ("on March 3" in a report of March 1 is two days ahead, not a year back).
    """
    future = tense == 1
    w = _words()
    if (iso := _ISO.match("".join(words))) is not None:  # "2024-11-05" arrives as five tokens
        try:
            return _fmt(dt.date(int(iso[1]), int(iso[2]), int(iso[3])), "day")
        except ValueError:
            raise _NotADate from None
    # "mid-2023" is one token: read its parts
    split = [p for t in words for p in (t.split("-") if "-" in t.strip("-") and not _ISO.match(t) else [t]) if p]
    toks = [t for t in split if t not in ("the", ",", "of", "-", "–", "on", "in", "at")]
    if not toks:
        raise _NotADate
    text = " ".join(toks)
    # "N units ago"
    if toks[-1] == "ago":
        n_words = toks[:-2]
        unit = toks[-2] if len(toks) >= 2 else ""
        number = " ".join(n_words)
        n = int(number) if number.isdigit() else _NUMBER_WORDS.get(number)
        if n is None or unit not in _UNIT_PRECISION:
            raise _NotADate
        if pub is None:
            return _UNRESOLVED
        if unit.startswith("day"):
            return _fmt(pub - dt.timedelta(days=n), "day")
        if unit.startswith("week"):
            return _fmt(pub - dt.timedelta(weeks=n), "day")
        if unit.startswith("month"):
            return _fmt(_shift_months(pub, -n), "month")
        years = n * (10 if unit.startswith("decade") else 1)
        return _Resolved(f"{pub.year - years:04d}", "year")
    if toks[-1] in w.kinds.get("offset", {}) and len(toks) >= 2 and not w.has("relative", toks[-2]):
        raise _NotADate  # "a year earlier", "two days after": relative to another event
    month = day = year = weekday = season = None
    rel: int | None = None
    period = edge = part = None
    day_word: int | None = None
    decade = False
    for t in toks:
        if (v := w.get("month", t)) is not None:
            month = int(v)
        elif (v := w.get("weekday", t)) is not None:
            weekday = int(v)
        elif (v := w.get("day_word", t)) is not None:
            day_word = int(v)
        elif _YEAR.match(t):
            year = int(t)
        elif re.match(r"^(1[0-9]{3}|20[0-9]{2})s$", t) or re.match(r"^'\d0s$", t):
            decade = True
        elif (m := _DAY.match(t)) and 1 <= int(m[1]) <= 31:
            day = int(m[1])
        elif (v := w.get("season", t)) is not None:
            season = int(v)
        elif (v := w.get("relative", t)) is not None:
            rel = int(v)
        elif (v := w.get("period", t)) is not None:
            period = v
        elif (v := w.get("edge", t)) is not None:
            edge = v
        elif (v := w.get("part", t)) is not None:
            part = v
        elif (iso := _ISO.match(t)) is not None:
            try:
                return _fmt(dt.date(int(iso[1]), int(iso[2]), int(iso[3])), "day")
            except ValueError:
                raise _NotADate from None
        elif w.has("not_date", t) or t.isdigit() or t in _NUMBER_WORDS:
            raise _NotADate  # "recent years", "the past 18 months", "nightly", "three years"
    if decade:
        raise _NotADate
    if day_word is not None:
        return _fmt(pub + dt.timedelta(days=day_word), "day") if pub else _UNRESOLVED
    if year is not None:
        if month is not None:
            if day is not None:
                try:
                    return _fmt(dt.date(year, month, day), "day")
                except ValueError:
                    raise _NotADate from None
            if edge == "end":
                return _fmt(_last_day(year, month), "day")
            return _Resolved(f"{year:04d}-{month:02d}", "month")
        if edge == "end":
            return _fmt(dt.date(year, 12, 31), "day")
        if edge == "start":
            return _fmt(dt.date(year, 1, 1), "day")
        return _Resolved(f"{year:04d}", "year")
    if month is not None:
        if pub is None:
            return _UNRESOLVED
        if rel == 1 or (rel is None and future):
            y = pub.year if (month, day or 1) >= (pub.month, pub.day if day else 1) else pub.year + 1
        elif rel == -1:
            y = pub.year if month < pub.month else pub.year - 1
        elif day is not None and tense == 0:
            y = min((pub.year - 1, pub.year, pub.year + 1), key=lambda yy: abs(
                (_safe_date(yy, month, day) - pub).days))
        else:
            y = pub.year if (month, day or 1) <= (pub.month, pub.day if day else 1) else pub.year - 1
        if day is not None:
            try:
                return _fmt(dt.date(y, month, day), "day")
            except ValueError:
                raise _NotADate from None
        if edge == "end":
            return _fmt(_last_day(y, month), "day")
        return _Resolved(f"{y:04d}-{month:02d}", "month")
    if weekday is not None:
        return _fmt(_weekday(pub, weekday, rel, future), "day") if pub else _UNRESOLVED
    if season is not None:
        if pub is None:
            return _UNRESOLVED
        if rel == 1:
            return _Resolved(f"{pub.year if season > pub.month else pub.year + 1:04d}", "year")
        if rel == -1:
            return _Resolved(f"{pub.year if season < pub.month else pub.year - 1:04d}", "year")
        return _Resolved(f"{pub.year:04d}", "year")
    if period is not None and (rel is not None or edge is not None or part is not None):
        if pub is None:
            return _UNRESOLVED
        r = rel if rel is not None else 0
        if period == "year":
            y = pub.year + r
            if edge == "end":
                return _fmt(dt.date(y, 12, 31), "day")
            if edge == "start":
                return _fmt(dt.date(y, 1, 1), "day")
            return _Resolved(f"{y:04d}", "year")
        if period == "month":
            first = _shift_months(pub, r)
            if edge == "end":
                return _fmt(_last_day(first.year, first.month), "day")
            if edge == "start":
                return _fmt(first, "day")
            return _fmt(first, "month")
        if period == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=r)
            sunday = monday + dt.timedelta(days=6)
            return _fmt(monday, "month") if monday.month == sunday.month else _UNRESOLVED
        if period == "weekend":
            return _fmt(_weekday(pub, 5, r if r else None, future or r == 1), "day")
        if period == "day" and r == 0:
            return _fmt(pub, "day")
        raise _NotADate
    if _NUMERIC_DATE.search(text):
        res = _dateparser(text, pub)
        if res is not None:
            return res
    raise _NotADate


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, pub: dt.date | None) -> _Resolved | None:
    """Numeric dates the rules above do not read ("23/10/2024"); dateparser is slow, so cached."""
    import dateparser  # imported here: it costs ~0.3 s and most documents never need it

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    numbers = re.findall(r"\d+", text)
    if any(not _YEAR.match(n) and 1 <= int(n) <= 31 for n in numbers) and len(numbers) >= 2:
        return _fmt(parsed.date(), "day")
    if len(numbers) == 1 and _YEAR.match(numbers[0]):
        return _Resolved(numbers[0], "year")
    return None


def _tense(anchor: Token, cue: str) -> int:
    """1 when the date's verb is future ("will meet on Friday", "by October 31 ... get"),
    -1 when it is past ("met on Friday"), 0 when the text does not say."""
    if _is_future(anchor):
        return 1
    if anchor.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                            for c in anchor.children):
        return -1
    return 1 if cue in ("by", "until", "till") else 0


def _is_future(anchor: Token) -> bool:
    """Is the verb the date modifies future ("will meet on Friday", "plans to visit in June")?"""
    t = anchor
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in t.children):
            return True
        if t.lemma_.lower() in _FUTURE_HEADS and t.i != anchor.i:
            return True
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
    return False


def _anchor(span: Span) -> Token:
    """The verb (or event noun) the date expression modifies: climb from its root through
    prep/pobj/npadvmod links to the first verb, stopping at an event noun reached through a preposition."""
    nouns = _words().event_nouns
    t = span.root
    for _ in range(10):
        h = t.head
        if h.i == t.i:
            return t
        if h.pos_ in _VERBISH:
            return h
        if h.pos_ == "NOUN" and t.dep_ == "prep" and (h.lemma_.lower() in nouns or h.lower_ in nouns):
            return h
        t = h
    return t


def _with_cue(doc: Doc, start: int) -> int:
    """Move `start` left over a cue that introduces the expression ("back in", "on", "by")."""
    cues = _words().cues
    for k in (2, 1):
        if start - k >= 0 and tuple(t.lower_ for t in doc[start - k:start]) in cues:
            return start - k
    return start


def _candidates(doc: Doc) -> list[Span]:
    """DATE entities plus weekday names and day words the entity recogniser left untagged."""
    spans = []
    for e in doc.ents:
        if e.label_ != "DATE":
            continue
        # the recogniser sometimes runs a date on past a comma ("July 1988, ending eight years"): "March 3,
        # 2024" keeps its comma (a number follows), anything else is cut there
        cut = next((t.i for t in e if t.text == "," and not (t.i + 1 < e.end and doc[t.i + 1].like_num)), None)
        spans.append(doc[e.start:cut] if cut is not None and cut > e.start else e)
    # look the day words up by hash over the token array: walking every Token object is slow
    lows = doc.to_array("LOWER")
    for i in numpy.flatnonzero(numpy.isin(lows, _day_word_hashes())):
        t = doc[int(i)]
        if t.ent_type_ != "DATE" and (t.text[:1].isupper() or _words().has("day_word", t.lower_)):
            spans.append(doc[t.i:t.i + 1])
    return sorted(spans, key=lambda s: s.start)


@functools.cache
def _day_word_hashes() -> numpy.ndarray:
    w = _words()
    words = [*w.kinds.get("weekday", {}), *w.kinds.get("day_word", {})]
    return numpy.array([hash_string(x) for x in words], dtype=numpy.uint64)


def find_dates(doc: Doc, pub_date: dt.date | None) -> list[DateFinding]:
    """Every date expression of `doc` with its resolved value (None when it needs a missing pub date)."""
    out: list[DateFinding] = []
    text = doc.text  # Doc.text rebuilds the string on every access: read it once
    for span in _candidates(doc):
        words = [t.lower_ for t in span]
        # an age or a date offset is visible just after the span: "32-year-old", "a year later"
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if nxt in ("old", "-") or (nxt in _words().kinds.get("offset", {}) and words[-1] != "ago"):
            continue
        anchor = _anchor(span)
        start = _with_cue(doc, span.start)
        if start > 0 and doc[start - 1].pos_ == "VERB" and anchor.i >= span.end:
            # "said on Thursday it had shot down ...": a date right after a verb belongs to it; the
            # parser often hangs it on the verb of the clause that follows
            anchor = doc[start - 1]
        try:
            res = resolve(words, pub_date, tense=_tense(anchor, doc[start].lower_ if start < span.start else ""))
        except _NotADate:
            continue
        chars = (doc[start].idx, span.end_char)
        out.append(DateFinding(text=text[chars[0]:chars[1]], span=chars, value=res.value,
                               precision=res.precision, anchor=anchor.i))
    return out
