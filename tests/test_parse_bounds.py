"""Issue 19 §2: memory per input is bounded. A stretch without a sentence end longer than MAX_RUN_CHARS is
parsed in pieces, spaCy never gets more than PARSE_BATCH_CHARS characters in one call, and every offset
still points into the source text. Texts whose sentences are shorter come back exactly as before.

(bench/README.md, "Hostile input": a 100k-word sentence peaked at 1.7 GiB before, 0.5 GiB after.)
"""

from __future__ import annotations

from typing import Any

import pytest

from dotterel import limits, nlp
from dotterel.model import SourceItem, to_builtins
from dotterel.pipeline import Analyzer

_NORMAL = ("Border guards from Ruritania detained four smugglers near Valdon on Monday, a ministry spokesman said. "
           "The smugglers had crossed the river at night.\n\nTwo days later the government of Kenya sent 200 "
           "engineers to repair the bridge. ")


def _spans(record: Any, text: str, where: str = "") -> int:
    """Check every `span` (and entity `spans`) of a record against `text`; the number checked."""
    n = 0
    if isinstance(record, dict):
        for key in ("span", "content_span"):
            if isinstance(record.get(key), list):
                a, b = record[key]
                assert 0 <= a <= b <= len(text), (where, key, a, b)
                if key == "span" and isinstance(record.get("text"), str):
                    assert text[a:b] == record["text"], where
                n += 1
        for a, b in record.get("spans", []) if isinstance(record.get("spans"), list) else []:
            assert 0 <= a < b <= len(text) and text[a:b].strip(), where
            n += 1
        for k, v in record.items():
            if k != "text":
                n += _spans(v, text, f"{where}.{k}")
    elif isinstance(record, list):
        for i, v in enumerate(record):
            n += _spans(v, text, f"{where}[{i}]")
    return n


def test_runs_are_cut_only_when_too_long() -> None:
    text = _NORMAL * 40  # 8,000+ characters of ordinary sentences
    assert nlp.split_long_runs(text, 300) == [text]
    assert nlp.bounded_pieces(text) == [text]
    run = " ".join(["convoy"] * 400)  # 2,799 characters, no sentence end
    pieces = nlp.split_long_runs(_NORMAL + run + ". " + _NORMAL, 1000)
    assert "".join(pieces) == _NORMAL + run + ". " + _NORMAL
    assert len(pieces) >= 3 and all(p.endswith(" ") for p in pieces[:-1])  # cut after a space
    hard = nlp.split_long_runs("x" * 2500, 1000)  # no space at all: hard cuts
    assert [len(p) for p in hard] == [1000, 1000, 500]


def test_parse_of_normal_text_is_spacys_own() -> None:
    """Bounding changes nothing for ordinary text: same tokens, heads, labels and sentences as spaCy alone."""
    text = _NORMAL * 3
    ours, theirs = nlp.parse(text), nlp.load()(text)
    assert [(t.idx, t.head.i, t.dep_, t.tag_, t.ent_iob_, t.is_sent_start) for t in ours] == \
        [(t.idx, t.head.i, t.dep_, t.tag_, t.ent_iob_, t.is_sent_start) for t in theirs]


def test_a_long_run_is_parsed_in_bounded_calls_with_exact_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "MAX_RUN_CHARS", 600)
    monkeypatch.setattr(nlp, "PARSE_BATCH_CHARS", 2_000)
    calls: list[int] = []
    real_pipe = type(nlp.load()).pipe

    def spy(self, texts, **kw):  # type: ignore[no-untyped-def]
        texts = list(texts)
        calls.append(sum(map(len, texts)))
        return real_pipe(self, texts, **kw)

    monkeypatch.setattr(type(nlp.load()), "pipe", spy)
    run = " and ".join(["the army of Kenya shelled villages near Valdon while police in Uganda arrested "
                        f"{n} protesters" for n in range(40, 80)])  # ~4,000 characters, one "sentence"
    text = _NORMAL + run + ". " + _NORMAL
    doc = nlp.parse(text)
    assert doc.text == text
    assert calls and max(calls) <= 2_000 + 600  # a batch is closed before it passes the bound
    assert max(len(s.text) for s in doc.sents) <= 600
    record = to_builtins(Analyzer().analyze(SourceItem(text=text, id="run", date="2024-03-05")))
    assert record["text"] == text
    assert _spans(record, text) > 20
    for a, b in record["sentences"]:
        assert b - a <= 600
    # the ordinary sentences before the run are coded as they are without it
    alone = to_builtins(Analyzer().analyze(SourceItem(text=_NORMAL, id="alone", date="2024-03-05")))
    def head(r: dict[str, Any]) -> list[tuple[str, tuple[int, int], str]]:
        return sorted((e["type"], tuple(e["trigger"]["span"]), e["actor"][0]["text"] if e["actor"] else "")
                      for e in r["events"] if e["trigger"]["span"][1] <= len(_NORMAL) - 100)
    assert head(alone) and head(record) == head(alone)


def test_limits_are_sane() -> None:
    assert limits.MAX_RUN_CHARS < limits.PARSE_BATCH_CHARS <= limits.CHUNK_CHARS < 1_000_000  # spaCy's max_length
