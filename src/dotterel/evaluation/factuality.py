"""Event factuality agreement on MEANTIME (test split).

MEANTIME rates each event mention from -3 (certainly did not happen) to +3 (certainly happened). We map
that scale to our modalities in three classes:
  factual        factuality >= 1.5          <-> asserted (or historical)
  counterfactual factuality <= -1.5         <-> negated
  uncertain      -1.5 < factuality < 1.5    <-> future or hypothetical
and report the share of event mentions where the class of `modality_of(trigger)` agrees, plus a
per-class breakdown. The texts come pre-tokenised (whitespace), so the parse uses those tokens and the
gold token offsets line up.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dotterel import nlp
from dotterel.events.modality import modality_of

CLASS_OF_MODALITY = {"asserted": "factual", "historical": "factual", "negated": "counterfactual",
                     "future": "uncertain", "hypothetical": "uncertain"}


def gold_class(value: float) -> str:
    if value >= 1.5:
        return "factual"
    if value <= -1.5:
        return "counterfactual"
    return "uncertain"


def evaluate_factuality(path: Path, split: str = "test") -> dict[str, Any]:
    pipeline = nlp.load()
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    records = [r for r in records if r.get("split") == split]
    confusion: Counter[tuple[str, str]] = Counter()
    docs = pipeline.pipe(Doc(pipeline.vocab, words=r["text"].split(" ")) for r in records)
    for rec, doc in zip(records, docs):
        for ev in rec["events"]:
            predicted = CLASS_OF_MODALITY[modality_of(doc[ev["token_start"]])]
            confusion[(gold_class(float(ev["factuality"])), predicted)] += 1
    total = sum(confusion.values())
    agree = sum(v for (g, p), v in confusion.items() if g == p)
    per_class: dict[str, dict[str, float | None]] = {}
    gold_counts = {}
    for cls in ("factual", "counterfactual", "uncertain"):
        gold_n = gold_counts[cls] = sum(v for (g, _), v in confusion.items() if g == cls)
        per_class[cls] = {"gold": gold_n, "agree": confusion[(cls, cls)],
                          "recall": confusion[(cls, cls)] / gold_n if gold_n else None}
    majority = max(gold_counts.values(), default=0)
    return {"split": split, "sentences": len(records), "events": total,
            "agreement": agree / total if total else 0.0,
            # always answering the commonest class scores this much: the figure to beat
            "majority_baseline": majority / total if total else 0.0, "per_class": per_class,
            "confusion": {f"{g}->{p}": v for (g, p), v in sorted(confusion.items())}}
