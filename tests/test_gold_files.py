"""Validate the project's own hand-annotated gold files and bundled example articles.

These files measure the event coder on text it was not tuned to, so a malformed line, an
invented country code or an id collision would silently skew every figure computed from them.
The checks are structural (the format `../shared/tools/score.py events` reads), plus a few
consistency checks an annotator can get wrong: evidence, speakers and quantity phrases must
occur in the text they annotate, and quantity values must agree with the numbers written there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "negated", "future", "hypothetical", "historical"}
BOUNDS = {"exact", "approx", "lower", "upper", "range"}
GENRES = {"reporting", "opinion"}
# International organisations the gold uses, by the acronym DESIGN.md prescribes.
IGOS = {"UN", "EU", "NATO", "AU", "ASEAN", "ECOWAS", "OSCE", "ICC", "ICJ", "IAEA", "IMF", "G7", "G20",
        "OAS", "EAC", "GCC", "CSTO"}
# ISO 3166-1 alpha-3 plus the user-assigned code DESIGN.md gives Kosovo.
STATES = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
EVENT_KEYS = {"type", "alt_types", "actor", "recipient", "alt_actor", "alt_recipient", "modality",
              "alt_modality", "reported", "source", "evidence"}


def _lines(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:  # pragma: no cover - the message is the point
                pytest.fail(f"{path.name}:{n} is not JSON: {err}")
    return rows


SENTENCES = _lines(GOLD / "sentences.jsonl")
ARTICLES = _lines(GOLD / "articles.jsonl")
HELDOUT = _lines(GOLD / "heldout.jsonl")
ALL_DOCS = SENTENCES + ARTICLES + HELDOUT


def _valid_code(code: object) -> bool:
    return isinstance(code, str) and (code in STATES or code in IGOS)


def _check_event(ev: dict, where: str, optional: bool = False) -> None:
    assert set(ev) <= EVENT_KEYS, f"{where}: unknown keys {set(ev) - EVENT_KEYS}"
    assert ev["type"] in TYPES, f"{where}: type {ev['type']!r}"
    assert all(t in TYPES and t != ev["type"] for t in ev.get("alt_types", [])), f"{where}: alt_types"
    assert ev["modality"] in MODALITIES - {"negated"}, f"{where}: modality {ev['modality']!r} (gold never lists negated events)"
    assert all(m in MODALITIES and m != ev["modality"] for m in ev.get("alt_modality", [])), f"{where}: alt_modality"
    for role in ("actor", "recipient"):
        codes = ev[role]
        assert isinstance(codes, list) and len(codes) == len(set(codes)), f"{where}: {role} must be a list of distinct codes"
        assert all(_valid_code(c) for c in codes), f"{where}: bad {role} code in {codes}"
        for alt in ev.get(f"alt_{role}", []):
            assert isinstance(alt, list) and all(_valid_code(c) for c in alt), f"{where}: bad alt_{role} {alt}"
            assert sorted(alt) != sorted(codes), f"{where}: alt_{role} repeats the main {role}"
    assert ev["actor"] or ev.get("alt_actor") or ev["recipient"], f"{where}: an event needs some coded participant"
    # score.py matches an optional event with no actor to ANY prediction of its type ("loose" match),
    # which would excuse every wrong event of that type in the document.
    assert ev["actor"] or not optional, f"{where}: an optional event needs a coded actor"
    if "reported" in ev:
        assert ev["reported"] is True, f"{where}: write reported only when true"
    if "source" in ev:
        assert _valid_code(ev["source"]) and ev.get("reported") is True, f"{where}: source needs a valid code and reported"


@pytest.mark.parametrize("doc", ALL_DOCS, ids=lambda d: d.get("id", "?"))
def test_document_shape(doc: dict) -> None:
    assert isinstance(doc.get("text"), str) and doc["text"].strip(), "empty text"
    assert doc["text"] == doc["text"].strip() and "  " not in doc["text"], "stray whitespace in text"
    dt.date.fromisoformat(doc["date"])
    assert isinstance(doc["events"], list)
    for i, ev in enumerate(doc["events"]):
        _check_event(ev, f"{doc['id']} event {i}")
    for i, ev in enumerate(doc.get("optional_events", [])):
        _check_event(ev, f"{doc['id']} optional {i}", optional=True)
    for ev in doc["events"] + doc.get("optional_events", []):
        if "evidence" in ev:
            assert ev["evidence"] in doc["text"], f"{doc['id']}: evidence {ev['evidence']!r} not in text"


def test_ids_unique_and_prefixed() -> None:
    ids = Counter(d["id"] for d in ALL_DOCS)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    assert all(re.fullmatch(r"s-[a-z]+-\d+", d["id"]) for d in SENTENCES)
    assert all(re.fullmatch(r"a-[a-z0-9-]+", d["id"]) for d in ARTICLES)
    assert all(re.fullmatch(r"h-[a-z]+-\d+", d["id"]) for d in HELDOUT)


def test_sentence_ids_name_their_type() -> None:
    """s-<type>-n: the type word is a PLOVER type or 'none'; a 'none' line has no event."""
    for d in SENTENCES:
        kind = d["id"].split("-")[1]
        assert kind.upper() in TYPES or kind == "none", d["id"]
        if kind == "none":
            assert d["events"] == [] and d.get("note") == "no event", d["id"]


def test_every_type_has_enough_sentences() -> None:
    per_type = Counter(t for d in SENTENCES for t in {e["type"] for e in d["events"]})
    assert set(per_type) == TYPES
    thin = {t: n for t, n in per_type.items() if n < 12}
    assert not thin, f"types with fewer than 12 sentences: {thin}"


def test_sentences_cover_modality_attribution_and_no_event() -> None:
    def special(d: dict) -> bool:
        return d.get("note") == "negated" or any(
            e["modality"] != "asserted" or e.get("reported") for e in d["events"])

    assert sum(special(d) for d in SENTENCES) >= 40
    assert sum(d.get("note") == "negated" for d in SENTENCES) >= 8
    assert sum(d["events"] == [] and d.get("note") == "no event" for d in SENTENCES) >= 15
    modalities = Counter(e["modality"] for d in SENTENCES for e in d["events"])
    assert all(modalities[m] >= 5 for m in ("future", "hypothetical", "historical")), modalities


def test_negated_lines_list_no_negated_event() -> None:
    """The scorer drops negated predictions, so a sentence whose only event is negated has no gold event."""
    for d in SENTENCES + HELDOUT:
        if d.get("note") == "negated":
            assert d["events"] == [], d["id"]


_SENT_END = re.compile(r"[.!?][\"”']?(?=\s|$)")


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d["id"])
def test_article_fields(doc: dict) -> None:
    assert doc["genre"] in GENRES
    assert isinstance(doc.get("title"), str) and doc["title"]
    assert 4 <= len(_SENT_END.findall(doc["text"])) <= 12, "articles are 4-12 sentences"
    assert doc["events"], "an article annotates at least one required event"
    for sp in doc["speakers"]:
        assert sp in doc["text"], f"speaker {sp!r} not in text"
    for q in doc["quantities"]:
        assert q["bound"] in BOUNDS
        assert isinstance(q["value"], (int, float)) and q["value"] > 0
        assert q["text"] in doc["text"], f"quantity phrase {q['text']!r} not in text"


_SCALE = {"million": 1_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion))?")


def test_quantity_values_match_their_phrase() -> None:
    """Where the phrase writes the number in digits, the annotated value is that number (the low end of a range)."""
    checked = 0
    for doc in ARTICLES:
        for q in doc["quantities"]:
            m = _NUMBER.search(q["text"])
            if not m:
                continue  # spelled out ("two days"): nothing to parse against
            value = float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1)
            assert value == q["value"], f"{doc['id']}: {q['text']!r} annotated as {q['value']}"
            checked += 1
    assert checked >= 40


def test_articles_cover_the_brief() -> None:
    assert len(ARTICLES) >= 25
    assert {d["genre"] for d in ARTICLES} == GENRES
    events = [e for d in ARTICLES for e in d["events"]]
    assert sum(e["modality"] != "asserted" for e in events) >= 10
    assert sum(bool(e.get("reported")) for e in events) >= 30
    assert len({q["bound"] for d in ARTICLES for q in d["quantities"]}) == len(BOUNDS)


def test_example_articles_match_their_jsonl() -> None:
    rows = _lines(EXAMPLES / "articles.jsonl")
    txts = sorted((EXAMPLES / "articles").glob("*.txt"))
    assert len(rows) == len(txts) == 4
    for row in rows:
        assert set(row) == {"id", "title", "date", "source", "text"}
        dt.date.fromisoformat(row["date"])
        title, body = (EXAMPLES / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8").split("\n\n", 1)
        assert title.strip() == row["title"] and body.strip() == row["text"]


def _shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _shared_or_skip() -> Path:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing under CI")
        pytest.skip("../shared is not available")
    return SHARED


def test_gold_does_not_copy_evaluation_sentences() -> None:
    """Our gold is authored text: no 7-word run may come from the shared PLOVER/PETRARCH2 records."""
    shared = _shared_or_skip()
    theirs: set[tuple[str, ...]] = set()
    for name in ("plover_gsr.jsonl", "petrarch2_gsr.jsonl"):
        for row in _lines(shared / "eval" / name):
            theirs |= _shingles(row.get("text", ""))
    copied = {d["id"] for d in ALL_DOCS if _shingles(d["text"]) & theirs}
    assert not copied, f"text shared with the evaluation sets: {sorted(copied)}"


def test_scorer_reads_gold_and_a_perfect_prediction_scores_one(tmp_path: Path) -> None:
    """Feed score.py the gold and a prediction rebuilt from it: every metric must be perfect."""
    shared = _shared_or_skip()
    gold_path = tmp_path / "gold.jsonl"
    pred_path = tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in ALL_DOCS), encoding="utf-8")
    with pred_path.open("w", encoding="utf-8") as out:
        for d in ALL_DOCS:
            events = [{"type": e["type"], "actor": [{"code": c} for c in e["actor"]],
                       "recipient": [{"code": c} for c in e["recipient"]], "modality": e["modality"],
                       "attribution": {"code": e.get("source")} if e.get("reported") else None}
                      for e in d["events"]]
            out.write(json.dumps({"id": d["id"], "events": events,
                                  "quantities": [{"value": q["value"], "bound": q["bound"]} for q in d.get("quantities", [])],
                                  "claims": [{"speaker": {"text": s}} for s in d.get("speakers", [])]}) + "\n")
    run = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "events", str(gold_path), str(pred_path)],
                         capture_output=True, text=True, check=True)
    summary = run.stdout.strip().splitlines()[-1]
    fields = dict(kv.split("=") for kv in summary.removeprefix("SUMMARY ").split())
    assert fields["type_f1"] == fields["tuple_f1"] == fields["dyad_f1"] == "1.000", summary
    for key in ("modality", "reported", "source", "quantities", "speakers"):
        ok, total = fields[key].split("/")
        assert ok == total and int(total) > 0, summary


@pytest.mark.parametrize("name", ["heldout_claims.jsonl", "heldout_quantities.jsonl"])
def test_blind_claims_and_quantities_files_are_well_formed(name: str) -> None:
    """Every claim's speaker and content, every quantity's phrase, occurs in its text; ids are unique."""
    docs = [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({d["id"] for d in docs}) == len(docs) >= 60
    for d in docs:
        for c in d.get("claims", []):
            assert c["speaker"] in d["text"] and c["content"] in d["text"], d["id"]
        for q in d.get("quantities", []):
            assert q["text"] in d["text"] and q["bound"] in {"exact", "lower", "upper", "approx", "range"}, d["id"]
