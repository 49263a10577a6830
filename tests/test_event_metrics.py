"""dotterel's event metrics must equal `../shared/tools/score.py events` on the same files.

The predictions are our own gold sentences, deliberately damaged (events dropped, retyped, actors
swapped, spurious ones added), so every counter in both scorers is exercised, not just the perfect case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dotterel.evaluation.event_metrics import score_events

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SENTENCES = [json.loads(line) for line in (ROOT / "tests" / "gold" / "sentences.jsonl").read_text().splitlines() if line]


def _damaged(doc: dict, i: int) -> dict:
    events = []
    for j, e in enumerate(doc["events"]):
        ev = {"type": e["type"], "actor": [{"code": c} for c in e["actor"]],
              "recipient": [{"code": c} for c in e["recipient"]], "modality": e["modality"],
              "attribution": {"code": e.get("source")} if e.get("reported") else None}
        k = (i + j) % 7
        if k == 0:
            continue  # missed
        if k == 1:
            ev["type"] = "ASSAULT" if e["type"] != "ASSAULT" else "COERCE"
        elif k == 2:
            ev["actor"], ev["recipient"] = ev["recipient"], ev["actor"]
        elif k == 3:
            ev["modality"] = "future"
        events.append(ev)
    if i % 5 == 0:
        events.append({"type": "CONSULT", "actor": [{"code": "FRA"}], "recipient": [], "modality": "asserted",
                       "attribution": None})
    return {"id": doc["id"], "events": events}


def test_metrics_equal_the_shared_scorer(tmp_path: Path) -> None:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing under CI")
        pytest.skip("../shared is not available")
    preds = {d["id"]: _damaged(d, i) for i, d in enumerate(SENTENCES)}
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in SENTENCES))
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds.values()))
    run = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "events", str(gold_path), str(pred_path)],
                         capture_output=True, text=True, check=True)
    theirs = dict(kv.split("=") for kv in run.stdout.strip().splitlines()[-1].removeprefix("SUMMARY ").split())
    ours = score_events(SENTENCES, preds).summary()
    for key in ("type", "tuple", "dyad"):
        assert f"{ours[key]['f1']:.3f}" == theirs[f"{key}_f1"], key
    assert 0.3 < ours["type"]["f1"] < 1.0, "the damage must show in the figures"
    n = score_events(SENTENCES, preds).n
    assert theirs["modality"] == f"{n['mod_ok']}/{n['matched']}"
    assert theirs["reported"] == f"{n['rep_ok']}/{n['matched']}"
    assert theirs["source"] == f"{n['src_ok']}/{n['src_n']}"


def test_per_type_precision_counts_an_alt_type_match_under_the_gold_type() -> None:
    gold = [{"id": "a", "events": [{"type": "AGREE", "alt_types": ["COOPERATE"], "actor": ["FRA"],
                                    "recipient": ["DEU"], "modality": "asserted"}]}]
    pred = {"a": {"events": [{"type": "COOPERATE", "actor": [{"code": "FRA"}], "recipient": [{"code": "DEU"}],
                              "modality": "asserted"}]}}
    table = score_events(gold, pred).type_table()
    assert table["AGREE"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 1, "pred": 1}
    assert "COOPERATE" not in table


def test_plover_records_get_unique_document_ids() -> None:
    """Predictions are keyed by id: a repeated record id must not make two sentences share one prediction."""
    from dotterel.evaluation.event_sets import plover_gsr

    path = SHARED / "eval" / "plover_gsr.jsonl"
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing under CI")
        pytest.skip("../shared is not available")
    docs = plover_gsr(path)
    assert len({d["id"] for d in docs}) == len(docs) == 322


def test_worst_errors_of_a_precision_set_render() -> None:
    # a precision set's worst errors are (article, event count) records, not gold/predicted pairs
    from dotterel.evaluation.render import _error_line
    assert _error_line({"id": "doc-1", "events": 4}) == "id: doc-1, events: 4"
    assert _error_line({"gold": "ASSAULT", "predicted": "-", "text": "x"}) == "ASSAULT -> -: x"
