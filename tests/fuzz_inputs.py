"""Seeded generator of hostile JSONL lines for `dotterel analyze --jsonl` and `ingest` (issue 19).

`hostile_lines(n, seed)` gives `n` raw lines (bytes, each ending in one newline, never blank) drawn from
the kinds in `KINDS`; the same seed always gives the same lines. Used by tests/test_fuzz.py (a small
sample) and bench/fuzz.py (10,000+ lines).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

_WORDS = ("troops", "protesters", "police", "government", "minister", "rebels", "attacked", "met",
          "Kenya", "Ukraine", "talks", "ceasefire", "arrested", "clashed", "with", "in", "the", "on")
_SENTENCE = "Police arrested 40 protesters in Nairobi on Tuesday after clashes near parliament."


def _text(r: random.Random, words: int = 20) -> str:
    return " ".join(r.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _dump(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=r.random() < 0.5 if (r := random.Random(repr(obj)[:64])) else True).encode("utf-8", "surrogatepass")


def _ok(r: random.Random, i: int) -> bytes:
    return _dump({"id": f"ok{i}", "text": _SENTENCE, "date": "2024-03-05"})


def _invalid_utf8(r: random.Random, i: int) -> bytes:
    junk = bytes(r.choice([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0xf8]) for _ in range(r.randint(1, 4)))
    base = _dump({"id": f"u{i}", "text": "PLACEHOLDER " + _SENTENCE})
    return base.replace(b"PLACEHOLDER", junk)


def _nul(r: random.Random, i: int) -> bytes:
    kind = r.randrange(3)
    if kind == 0:  # raw NUL byte inside the line (not valid JSON)
        return _dump({"id": f"n{i}", "text": _SENTENCE}).replace(b"Police", b"Pol\x00ice")
    if kind == 1:  # escaped NUL in every string field
        return _dump({"id": f"n{i}\u0000", "text": "\u0000" + _SENTENCE, "title": "\u0000", "source": "a\u0000"})
    return b"\x00" * r.randint(1, 50)


def _nested(r: random.Random, i: int) -> bytes:
    depth = r.choice([50, 200, 1000, 10_000, 100_000])
    kind = r.randrange(3)
    if kind == 0:
        return b"[" * depth + b"]" * depth
    if kind == 1:
        return b'{"id": "d%d", "text": ' % i + b'{"a":' * depth + b"1" + b"}" * depth + b"}"
    return b'{"id": "d%d", "text": "x", "meta": ' % i + b"[" * depth + b"]" * depth + b"}"


def _huge(r: random.Random, i: int) -> bytes:
    kind = r.randrange(3)
    if kind == 0:  # a long text of words
        return _dump({"id": f"h{i}", "text": _text(r, r.randint(20_000, 60_000))})
    if kind == 1:  # one 100k-character "word"
        return _dump({"id": f"h{i}", "text": "a" * r.randint(50_000, 200_000)})
    return _dump({"id": f"h{i}", "text": _SENTENCE, "pad": "x" * 300_000})


_ODD_VALUES: list[object] = [0, -1, 1.5, 1e308, True, False, None, [], [1, 2], {}, {"a": 1}, "", " ",
                             2**70, -(2**70), [None], {"text": "x"}]


def _wrong_types(r: random.Random, i: int) -> bytes:
    field = r.choice(["id", "text", "date", "title", "url", "source"])
    obj: dict[str, object] = {"id": f"w{i}", "text": _SENTENCE, "date": "2024-03-05"}
    obj[field] = r.choice(_ODD_VALUES)
    if r.random() < 0.2:
        del obj["text"]
    return _dump(obj)


_DATES = ["0000-00-00", "9999-12-31", "0001-01-01", "2024-02-30", "2024-13-01", "-2024-01-01", "+275760-09-13",
          "1e10", "yesterday", "", "2024-03-05T25:61:61Z", "2024-03-05T10:00:00+99:00", "99999999999",
          "2024-03-05" * 100, "\u0661\u0669\u0668\u0664-01-01", "NaN", "2024-W10-1", "1970-01-01T00:00:00Z"]


def _dates(r: random.Random, i: int) -> bytes:
    return _dump({"id": f"t{i}", "text": _SENTENCE, "date": r.choice(_DATES)})


_CONTROL = "".join(map(chr, [*range(1, 32), 0x7f, *range(0x80, 0xa0)]))
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeff\u2028\u2029"


def _controls(r: random.Random, i: int) -> bytes:
    noise = "".join(r.choice(_CONTROL + _BIDI) for _ in range(r.randint(1, 30)))
    where = r.randrange(4)
    text = _SENTENCE[:20] + noise + _SENTENCE[20:] if where else noise
    obj = {"id": f"c{i}{noise[:3]}", "text": text, "title": noise, "source": noise, "url": "javascript:" + noise}
    return _dump(obj)


def _empty(r: random.Random, i: int) -> bytes:
    return _dump({"id": f"e{i}", "text": r.choice(["", " ", "\n\t ", "\u200b", "\u3000\u00a0", "."])})


def _not_json(r: random.Random, i: int) -> bytes:
    return r.choice([b"{", b"}", b"[]", b"null", b"42", b'"text"', b"{'id': 1}", b'{"id": 1, "text": "x",}',
                     b'{"text": "x"} trailing', b"NaN", b"\xef\xbb\xbf" + _dump({"id": f"b{i}", "text": "x"}),
                     b'{"text": "\\ud800 lone"}', b'{"text": "\\u0000"}', b'{"text":"a","text":"b"}',
                     b'{"id": "' + b"\\" * 3 + b'", "text": "x"}', bytes(r.randrange(256) for _ in range(40))])


def _html(r: random.Random, i: int) -> bytes:
    bomb = "<div>" * r.randint(100, 20_000) + _SENTENCE + "</div>" * 10
    return _dump({"id": f"x{i}", "text": r.choice([bomb, "<script>alert(1)</script>" + _SENTENCE,
                                                   "<svg onload=alert(1)>" + _SENTENCE + "&amp;" * 1000])})


def _long_sentence(r: random.Random, i: int) -> bytes:
    return _dump({"id": f"s{i}", "text": " ".join(["police"] * r.randint(20_000, 100_000))})


KINDS: dict[str, Callable[[random.Random, int], bytes]] = {
    "ok": _ok, "invalid_utf8": _invalid_utf8, "nul": _nul, "nested": _nested, "huge": _huge,
    "wrong_types": _wrong_types, "dates": _dates, "controls": _controls, "empty": _empty,
    "not_json": _not_json, "html": _html, "long_sentence": _long_sentence,
}
# heavy kinds (long texts) are rarer so a sample stays fast
_WEIGHTS = {"ok": 3, "invalid_utf8": 4, "nul": 3, "nested": 3, "huge": 0.3, "wrong_types": 6, "dates": 4,
            "controls": 4, "empty": 2, "not_json": 5, "html": 1, "long_sentence": 0.2}


def hostile_lines(n: int, seed: int = 0, heavy: bool = True) -> list[bytes]:
    """`n` hostile lines (bytes ending in b"\\n", none blank), reproducible from `seed`."""
    r = random.Random(seed)
    names = [k for k in KINDS if heavy or k not in ("huge", "long_sentence")]
    weights = [_WEIGHTS[k] for k in names]
    lines = []
    for i in range(n):
        line = KINDS[r.choices(names, weights)[0]](r, i).replace(b"\n", b"\\n").replace(b"\r", b"")
        if not line.strip():
            line = b"\x00" + line
        lines.append(line + b"\n")
    return lines
