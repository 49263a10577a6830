"""Score the sentence-subjectivity classifier on the NewsSD-ENG test split.

    >>> report = evaluate_subjectivity("../shared/eval/newssd_subjectivity.jsonl")  # doctest: +SKIP
    >>> report.macro_f1                                                           # doctest: +SKIP

Only the `test` split is scored (train/val are what the model was trained on).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.errors import InputError

LABELS = ("OBJ", "SUBJ")


@dataclass(slots=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(slots=True)
class SubjectivityReport:
    split: str
    n: int
    macro_f1: float
    accuracy: float
    per_class: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> count
    errors: list[dict] = field(default_factory=list)  # a few misclassified ids, for reading

    def to_dict(self) -> dict:
        return {
            "task": "subjectivity", "dataset": "NewsSD-ENG", "split": self.split, "n": self.n,
            "macro_f1": round(self.macro_f1, 4), "accuracy": round(self.accuracy, 4),
            "per_class": {k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4),
                              "f1": round(v.f1, 4), "support": v.support} for k, v in self.per_class.items()},
            "confusion": self.confusion,
        }


def score_labels(gold: list[str], pred: list[str], split: str = "test") -> SubjectivityReport:
    """Macro-F1, per-class P/R/F1 and the confusion matrix of two label lists (OBJ/SUBJ)."""
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels differ in length")
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred):
        confusion[g][p] += 1
    per_class: dict[str, ClassScores] = {}
    for label in LABELS:
        tp = confusion[label][label]
        fp = sum(confusion[g][label] for g in LABELS if g != label)
        fn = sum(confusion[label][p] for p in LABELS if p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = ClassScores(precision, recall, f1, tp + fn)
    n = len(gold)
    accuracy = sum(confusion[l][l] for l in LABELS) / n if n else 0.0
    macro = sum(c.f1 for c in per_class.values()) / len(LABELS)
    return SubjectivityReport(split=split, n=n, macro_f1=macro, accuracy=accuracy, per_class=per_class,
                              confusion=confusion)


def load_split(path: Path | str, split: str = "test") -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: NewsSD-ENG file not found")
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["split"] == split:
                if row["label"] not in LABELS:
                    raise KeyError("label")
                rows.append(row)
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"{path}:{lineno}: not a NewsSD record (id, text, label OBJ|SUBJ, split)") from None
    if not rows:
        raise InputError(f"{path}: no sentences in split {split!r}")
    return rows


def evaluate_subjectivity(path: Path | str, split: str = "test") -> SubjectivityReport:
    """Classify every sentence of `split` (each NewsSD item as one unit) and score it."""
    from dotterel import nlp
    from dotterel.subjectivity import load_model

    rows = load_split(path, split)
    model = load_model()
    units = [doc[:] for doc in nlp.parse_many([r["text"] for r in rows], batch_size=64)]
    probs = model.probabilities(units)
    pred = ["SUBJ" if p >= model.threshold else "OBJ" for p in probs]
    gold = [r["label"] for r in rows]
    report = score_labels(gold, pred, split)
    report.errors = [{"id": r["id"], "gold": g, "p_subj": round(float(p), 3)}
                     for r, g, p, q in zip(rows, gold, probs, pred) if g != q][:20]
    return report


__all__ = ["ClassScores", "SubjectivityReport", "evaluate_subjectivity", "load_split", "score_labels"]
