"""The acceptance-article scorecard, defined as `../shared/tools/score.py seed` defines it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dotterel.errors import InputError
from dotterel.evaluation.event_metrics import codes, ev_matches, greedy, loose_match

SPEAKERS = ["Austin", "lawmakers", "Zelenskyy", "Ledwidge", "O'Brien"]


def score_prediction(gold: dict[str, Any], d: dict[str, Any]) -> dict[str, Any]:
    pevs = [e for e in d.get("events", []) if e.get("modality") != "negated"]
    req, acc = gold["events"]["required"], gold["events"]["acceptable"]
    pairs = greedy(req, pevs, ev_matches)
    matched_ids = {id(p) for _, p in pairs}
    extra = [p for p in pevs if id(p) not in matched_ids and codes(p.get("actor"))
             and not any(ev_matches(p, a) or loose_match(p, a) for a in acc)
             and not any(ev_matches(p, x) for x in req)]
    src = [(x, p) for x, p in pairs if x.get("source_code")]
    src_ok = sum(str((p.get("attribution") or {}).get("code") or "").upper() == x["source_code"] for x, p in src)
    mod_ok = sum(p.get("modality") in {x["modality"], *x.get("alt_modality", [])} for x, p in pairs)
    qs = d.get("quantities", [])

    def has(value: float, **want: Any) -> bool:
        for q in qs:
            try:
                if float(q.get("value")) == value and all(q.get(k) == v for k, v in want.items()):
                    return True
            except (TypeError, ValueError):
                continue
        return False

    speakers = " | ".join(str((c.get("speaker") or {}).get("text", "")) for c in d.get("claims", []))
    dates = {str((e.get("date") or {}).get("value")) for e in d.get("events", [])}
    dates |= {str(e.get("report_date")) for e in d.get("events", [])}
    return {
        "required": f"{len(pairs)}/{len(req)}", "unexpected": len(extra),
        "modality": f"{mod_ok}/{len(pairs)}", "attribution": f"{src_ok}/{len(src)}",
        "q1_upper_3000": has(3000, bound="upper"), "q2_projected_10000": has(10000, projected=True),
        "speakers": f"{sum(w.lower() in speakers.lower() for w in SPEAKERS)}/{len(SPEAKERS)}",
        "genre": (d.get("genre") or {}).get("label"),
        "dates": f"{('2024-10-23' in dates) + ('2024-06' in dates)}/2",
    }


def score_seed(gold_path: Path, text_path: Path) -> dict[str, Any]:
    """Analyse the acceptance article with its publication date and score it."""
    from dotterel.sources.readers import read_file
    from dotterel.model import to_builtins
    from dotterel.pipeline import Analyzer

    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{gold_path}: cannot read the gold annotation ({err})") from None
    item = read_file(text_path)
    item.date = gold.get("document", {}).get("pub_date")
    return score_prediction(gold, to_builtins(Analyzer().analyze(item)))
