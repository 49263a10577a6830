"""Reading the number itself: digits ("3,000", "2.5", "1.2bn") and number words ("a dozen",
"half a million", "seventy-five", "hundreds of thousands") from a run of tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dotterel.quantities.lexicon import Lexicon

# "3,000" "2.5" "1.2bn" "300m": digits with optional thousands commas, decimals and a glued suffix
DIGITS = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suf>[a-z]{1,3})?$")
# one token holding a range: "3,000–4,000", "20-30"
RANGE_TOKEN = re.compile(r"^(?P<a>\d[\d,]*(?:\.\d+)?)[–—-](?P<b>\d[\d,]*(?:\.\d+)?)$")


@dataclass(slots=True)
class Core:
    """The number words of one quantity: tokens [start, end), their value."""

    start: int
    end: int
    value: float
    scale: float = 1.0  # the multiplier words carried ("million" in "3.5 million"), for ranges
    vague: bool = False  # "hundreds of", "dozens of": a lower bound
    approx: bool = False  # "several", "a few", "several thousand": an approximate amount (3, 3,000)
    article: bool = False  # "a" read as one before a time unit ("more than a year"): kept only with a bound cue
    spelled: bool = False  # written in words ("two", "a dozen"), no digits
    digits: str | None = None  # the digit token as written, for year/phone checks
    high: float | None = None  # a range read inside one token ("20-30")
    fraction: bool = False  # a spelled fraction ("two-thirds", "half"): a share, counted even with no noun


def digit_value(text: str, lex: Lexicon) -> tuple[float, float] | None:
    """`(value, scale)` of a digit token, "1.2bn" -> (1.2e9, 1e9); None if not digits."""
    m = DIGITS.match(text)
    if m is None:
        return None
    value = float(m["num"].replace(",", ""))
    suffix = m["suf"]
    if suffix is None:
        return value, 1.0
    mult = lex.suffixes.get(suffix)
    if mult is None:
        return None  # "3rd", "5pm", "10km": ordinals and glued units are not bare numbers here
    return value * mult, mult


# Indefinite amounts read as 3 (DESIGN.md's casualty conventions: "several" 3), approximate, not exact:
# "several police" ~3, "a few weeks" ~3, "several thousand" ~3,000.
INDEFINITE: dict[tuple[str, ...], float] = {("several",): 3.0, ("a", "few"): 3.0}


# time units "a"/"an" counts as one of, when a bound cue precedes: "more than a year", "nearly a month"
ARTICLE_UNITS = frozenset({"year", "month", "week", "day", "decade", "hour"})


def _indefinite(words: Sequence[str], i: int, lex: Lexicon) -> Core | None:
    n = len(words)
    for key, value in INDEFINITE.items():
        if tuple(words[i:i + len(key)]) != key:
            continue
        j = i + len(key)
        scale = 1.0
        while j < n and (e := lex.number(words[j])) and e[1] in ("scale", "big"):  # "several hundred thousand"
            scale *= e[0]
            j += 1
        return Core(i, j, value * scale, scale=scale, approx=True, spelled=True)
    return None


def read_fraction(words: Sequence[str], i: int, lex: Lexicon, glued: Sequence[bool]) -> Core | None:
    """A spelled fraction at token `i`: "half", "two-thirds", "a third of", "three quarters of"; its value
    is rounded to three decimals (2/3 -> 0.667). An unhyphenated one needs "of" after it, so "a third
    round" and "two quarters" (periods) are not read; "half a million" is a number, read by `read_core`."""
    n = len(words)
    if words[i] == "half":
        if i + 1 < n and words[i + 1] == "-":
            return None  # "half-empty"
        if i + 2 < n and words[i + 1] in ("a", "an") and (e := lex.number(words[i + 2])) and e[1] in ("scale", "big"):
            return None
        return Core(i, i + 1, 0.5, spelled=True, fraction=True)
    num = 1.0 if words[i] in ("a", "an") else None
    if num is None:
        e = lex.number(words[i])
        if e is None or e[1] != "unit" or not 1 <= e[0] <= 9:
            return None
        num = e[0]
    j = i + 1
    hyphen = j < n and words[j] == "-" and glued[j]
    if hyphen:
        j += 1
    if j >= n:
        return None
    d = lex.number(words[j])
    if d is None or d[1] != "denominator" or (num == 1.0 and words[j].endswith("s")):
        return None
    if not hyphen and (j + 1 >= n or words[j + 1] != "of"):
        return None
    return Core(i, j + 1, round(num / d[0], 3), spelled=True, fraction=True)


def read_core(words: Sequence[str], i: int, lex: Lexicon, glued: Sequence[bool]) -> Core | None:
    """Read a number starting at token `i`; `words` are lower-cased token texts and `glued[k]`
    says token k follows token k-1 with no space. None when no number starts here."""
    n = len(words)
    indefinite = _indefinite(words, i, lex)
    if indefinite is not None:
        return indefinite
    if words[i] in ("a", "an") and i + 1 < n and words[i + 1] in ARTICLE_UNITS:
        return Core(i, i + 1, 1.0, spelled=True, article=True)  # "at least a year"
    first = lex.number(words[i])
    if first is not None and first[1] == "vague":
        # "hundreds of thousands of": multiply the chain of vague plurals joined by "of"
        value, j = first[0], i + 1
        while j + 1 < n and words[j] == "of" and (nxt := lex.number(words[j + 1])) and nxt[1] == "vague":
            value *= nxt[0]
            j += 2
        return Core(i, j, value, vague=True, spelled=True)

    rng = RANGE_TOKEN.match(words[i])
    if rng is not None:
        a, b = float(rng["a"].replace(",", "")), float(rng["b"].replace(",", ""))
        j, scale = i + 1, 1.0
        while j < n and (e := lex.number(words[j])) and e[1] == "big":  # "15-25 million"
            scale *= e[0]
            j += 1
        return Core(i, j, a * scale, scale=scale, digits=words[i], high=b * scale)

    total, group, scale = 0.0, 0.0, 1.0
    have_number = spelled = False
    digits: str | None = None
    last_unit: float | None = None  # value of the previous word if it was "one".."ninety"
    j = i
    while j < n:
        w = words[j]
        dv = digit_value(w, lex)
        entry = lex.number(w)
        if dv is not None:
            if j != i:
                break  # digits after a number: a separate number (phone numbers, tallies)
            group, scale, digits, have_number = dv[0], dv[1], w, True
        elif w in lex.suffixes and j > i and digits is not None and glued[j] and j == i + 1 and scale == 1.0:
            mult = lex.suffixes[w]  # "£300m" tokenised as "£" "300" "m"
            group, scale = group * mult, mult
        elif entry is not None and entry[1] == "unit":
            if digits is not None:
                break  # "5 two" are two numbers
            if last_unit is not None and not (last_unit >= 20 and last_unit % 10 == 0 and entry[0] < 10):
                break  # "twenty-five" joins; "five six" does not
            last_unit = entry[0]
            group += entry[0]
            have_number = spelled = True
        elif entry is not None and entry[1] == "scale":
            last_unit = None
            group = (group or 1.0) * entry[0]
            scale = max(scale, entry[0])
            have_number = True
            spelled = spelled or digits is None
        elif entry is not None and entry[1] == "big":
            last_unit = None
            total += (group or 1.0) * entry[0]
            group = 0.0
            scale = max(scale, entry[0])
            have_number = True
            spelled = spelled or digits is None
        elif entry is not None and entry[1] == "fraction" and j == i:
            group = entry[0]  # "half a million"
        elif w in ("a", "an") and j + 1 < n and (e := lex.number(words[j + 1])) and e[1] in ("scale", "big"):
            group = group or 1.0  # "a dozen", "a million", "half a million"
        elif not w.strip() and j > i and j + 1 < n and (e := lex.number(words[j + 1])) and e[1] in ("big", "scale"):
            pass  # "5.7  million": a stray second space inside the number
        elif w == "-" and j == i + 1 and digits is not None and j + 1 < n and glued[j] and glued[j + 1] \
                and (e := lex.number(words[j + 1])) and e[1] == "big" and scale == 1.0:
            pass  # "169-billion-dlr", "300-mln-dlr": a scale word hyphenated to the digits
        elif w == "-" and j > i and j + 1 < n and glued[j] and glued[j + 1] and digits is None \
                and (e := lex.number(words[j + 1])) and e[1] == "unit":
            pass  # "seventy-five"
        elif w == "and" and j > i and words[j - 1] == "hundred" and j + 1 < n \
                and (e := lex.number(words[j + 1])) and e[1] == "unit":
            pass  # "two hundred and fifty"
        else:
            break
        j += 1
    # trailing connectors are not part of the number
    while j > i and words[j - 1] in ("a", "an", "-", "and"):
        j -= 1
    if not have_number or j == i:
        return None
    return Core(i, j, total + group, scale=scale, spelled=spelled and digits is None, digits=digits)
