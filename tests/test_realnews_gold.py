"""The real-news development gold: drawn from the corpus `dev` split only, no corpus text copied into the
project, every offset inside its article, and read back by `dotterel eval realnews` with its text."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dotterel.errors import InputError
from dotterel.evaluation.event_sets import realnews

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "realnews"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news_sample.jsonl"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, str]:
    if not CORPUS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {CORPUS} is missing")
        pytest.skip("../shared is not beside the project")
    with CORPUS.open(encoding="utf-8") as fh:
        return {r["id"]: r["text"] for r in map(json.loads, fh)}


def _gold() -> list[dict]:
    path = GOLD / "events.jsonl"
    if not path.exists():
        pytest.skip("no adjudicated real-news gold yet")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_samples_come_from_the_dev_split_only() -> None:
    splits = SHARED / "corpora" / "splits.json"
    if not splits.exists():
        pytest.skip("../shared is not beside the project")
    split = json.loads(splits.read_text())
    sample = json.loads((GOLD / "sample.json").read_text())
    ids = sample["political"] + sample["precision"]
    assert len(sample["political"]) == 60 and len(sample["precision"]) == 100
    assert len(set(ids)) == len(ids)
    assert set(ids) <= set(split["dev"]) and not set(ids) & set(split["test"])


def test_gold_keeps_codes_and_offsets_but_no_corpus_text(corpus_texts: dict[str, str]) -> None:
    political = set(json.loads((GOLD / "sample.json").read_text())["political"])
    for doc in _gold():
        assert doc["id"] in political, doc["id"]
        assert "text" not in doc
        text = corpus_texts[doc["id"]]
        for event in doc["events"] + doc.get("optional_events", []):
            assert event["type"] in TYPES and set(event.get("alt_types", [])) <= TYPES
            assert "evidence" not in event and "trigger" not in event  # quotes become offsets
            start, end = event["span"]
            t_start, t_end = event["trigger_span"]
            assert 0 <= start <= t_start < t_end <= end <= len(text), (doc["id"], event)


def test_reader_joins_text_date_and_title(tmp_path: Path, corpus_texts: dict[str, str]) -> None:
    some_id = json.loads((GOLD / "sample.json").read_text())["political"][0]
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": some_id, "events": []}) + "\n")
    (doc,) = realnews(gold, CORPUS)
    assert doc["text"] == corpus_texts[some_id]
    assert doc["date"] and len(doc["date"]) == 10 and doc["title"]


def test_reader_refuses_an_id_not_in_the_corpus(tmp_path: Path, corpus_texts: dict[str, str]) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "no-such-record", "events": []}) + "\n")
    with pytest.raises(InputError, match="not in"):
        realnews(gold, CORPUS)


def test_claim_and_quantity_gold_keeps_offsets_inside_its_articles(corpus_texts: dict[str, str]) -> None:
    path = GOLD / "claims.jsonl"
    if not path.exists():
        pytest.skip("no adjudicated real-news claims gold yet")
    political = set(json.loads((GOLD / "sample.json").read_text())["political"])
    for doc in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        assert doc["id"] in political and "text" not in doc
        n = len(corpus_texts[doc["id"]])
        spans = [c[k] for c in doc["claims"] for k in ("speaker_span", "cue_span", "content_span") if c.get(k)]
        spans += [q[k] for q in doc["quantities"] for k in ("span", "event_trigger_span") if q.get(k)]
        assert all(0 <= s < e <= n for s, e in spans), doc["id"]
        assert all(c.get("content_span") and c["kind"] in {"direct", "indirect", "mixed"} for c in doc["claims"])
        assert all(q["bound"] in {"exact", "approx", "lower", "upper", "range"} for q in doc["quantities"])
