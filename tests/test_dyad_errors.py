"""tools/dyad_errors.py puts each missed or wrong dyad in one class, on small authored gold/prediction pairs
(no parse, no evaluation text): the counts the resolution of a dyad target is argued from."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from dyad_errors import ceilings, classify, scored_predictions  # noqa: E402


def _gold(*events: tuple[str, list[str], list[str]]) -> dict:
    return {"id": "g", "text": "", "events": [
        {"type": t, "actor": a, "recipient": r, "modality": "asserted"} for t, a, r in events]}


def _pred(*events: tuple[str, list[str], list[str]], modality: str = "asserted") -> list[dict]:
    return [{"type": t, "actor": [{"code": c} for c in a], "recipient": [{"code": c} for c in r],
             "modality": modality} for t, a, r in events]


def _tally(gold: dict, preds: list[dict]) -> Counter[str]:
    tally: Counter[str] = Counter()
    classify(gold, scored_predictions(gold, {"events": preds}), tally)
    return tally


def test_right_dyads_count_as_right() -> None:
    t = _tally(_gold(("ASSAULT", ["RUS"], ["UKR"])), _pred(("ASSAULT", ["RUS"], ["UKR"])))
    assert (t["gold"], t["pred"], t["tp"]) == (1, 1, 1)
    assert ceilings(t)["dyad_f1"] == 1.0


def test_a_missing_event_is_type_missed_and_a_negated_one_does_not_count() -> None:
    t = _tally(_gold(("SANCTION", ["USA"], ["IRN"])), _pred(("SANCTION", ["USA"], ["IRN"]), modality="negated"))
    assert t["type_missed"] == 1 and t["tp"] == 0


def test_recipient_left_empty_is_told_apart_from_a_wrong_recipient() -> None:
    gold = _gold(("CONSULT", ["FRA"], ["DEU"]), ("ACCUSE", ["CHN"], ["USA"]))
    t = _tally(gold, _pred(("CONSULT", ["FRA"], []), ("ACCUSE", ["CHN"], ["JPN"])))
    assert (t["recipient_empty"], t["recipient_other"]) == (1, 1)
    assert t["recipient_wrong"] == 2  # both predicted dyads are wrong ones of a right actor and type
    c = ceilings(t)
    assert c["dyad_f1"] == 0.0
    assert c["if_empty_recipients_filled"] == 0.5  # one of two gold dyads, two predicted
    assert c["if_found_types_had_right_parties"] == 1.0


def test_actor_classes_and_spurious_types() -> None:
    gold = _gold(("THREATEN", ["PRK"], ["KOR"]), ("REJECT", ["IRN"], ["USA"]))
    t = _tally(gold, _pred(("THREATEN", [], ["KOR"]), ("REJECT", ["IRQ"], ["USA"]), ("AID", ["USA"], [])))
    assert (t["actor_uncoded"], t["actor_other"], t["type_spurious"]) == (1, 1, 1)
    assert t["actor_wrong"] == 1  # IRQ->USA REJECT; the uncoded THREATEN gives no dyad at all
