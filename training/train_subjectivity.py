"""Train the sentence-subjectivity model on NewsSD-ENG train+val and write its JSON parameters.

    .venv/bin/python training/train_subjectivity.py                       # -> src/dotterel/data/genre/subjectivity_model.json
    .venv/bin/python training/train_subjectivity.py --cv-only             # just print cross-validated scores

Only the train and val splits are read; the test split is left for `dotterel.evaluation.subjectivity`.
The choice of regularisation C and of the min lemma count is made by stratified 5-fold cross-validation
on train+val (macro-F1, contiguous folds), never on test. Deterministic: fixed folds, lbfgs solver.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold

from dotterel import nlp
from dotterel.knowledge import data_path
from dotterel.subjectivity import MODEL_FILE, SubjectivityModel, dense_features, _tensor_mean, lemma_keys

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "newssd_subjectivity.jsonl"
TRAIN_SPLITS = ("train", "val", "dev")


def load_rows(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] in TRAIN_SPLITS]


def parsed_units(texts: list[str]) -> list:
    """Each NewsSD item is one sentence: the whole parsed Doc is the unit (`doc[:]`)."""
    return [doc[:] for doc in nlp.parse_many(texts, batch_size=64)]


def build_matrix(units: list, vocabulary: dict[str, int], use_tensor: bool) -> np.ndarray:
    probe = SubjectivityModel(vocabulary=vocabulary, mean=np.zeros(0), scale=np.zeros(0), coef=np.zeros(0),
                              intercept=0.0, threshold=0.5, use_tensor=use_tensor)
    return np.vstack([probe.vector(u) for u in units])


def learn_vocabulary(units: list, min_count: int) -> dict[str, int]:
    counts = Counter(key for u in units for key in lemma_keys(u))
    words = sorted(w for w, c in counts.items() if c >= min_count)
    return {w: i for i, w in enumerate(words)}


def fit(X: np.ndarray, y: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")
    clf.fit((X - mean) / scale, y)
    return mean, scale, clf


def cross_validate(units: list, y: np.ndarray, C: float, min_count: int, use_tensor: bool) -> float:
    scores = []
    # Contiguous folds: NewsSD lists sentences article by article, so an article's sentences stay in one
    # fold and the score reflects new articles (new topics), as on the test split.
    for train_idx, test_idx in KFold(n_splits=5).split(np.zeros(len(y))):
        vocab = learn_vocabulary([units[i] for i in train_idx], min_count)
        X_train = build_matrix([units[i] for i in train_idx], vocab, use_tensor)
        X_test = build_matrix([units[i] for i in test_idx], vocab, use_tensor)
        mean, scale, clf = fit(X_train, y[train_idx], C)
        pred = clf.predict((X_test - mean) / scale)
        scores.append(f1_score(y[test_idx], pred, average="macro"))
    return float(np.mean(scores))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NewsSD-ENG JSONL (id, text, label, split)")
    parser.add_argument("--out", type=Path, default=data_path("genre", MODEL_FILE))
    parser.add_argument("--C", type=float, nargs="+", default=[0.0003, 0.001, 0.003], help="grid for C")
    parser.add_argument("--min-count", type=int, nargs="+", default=[2, 3], help="grid for the lemma min count")
    parser.add_argument("--no-tensor", action="store_true", help="leave out the tok2vec tensor block")
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: not found (NewsSD-ENG JSONL expected)", file=sys.stderr)
        return 2

    rows = load_rows(args.data)
    units = parsed_units([r["text"] for r in rows])
    y = np.array([r["label"] == "SUBJ" for r in rows], dtype=int)
    use_tensor = not args.no_tensor
    print(f"{len(rows)} training sentences ({int(y.sum())} SUBJ), tensor={use_tensor}")

    best = (-1.0, 0.0, 0)
    for C in args.C:
        for min_count in args.min_count:
            score = cross_validate(units, y, C, min_count, use_tensor)
            print(f"  C={C:<6} min_count={min_count}: CV macro-F1 {score:.3f}")
            best = max(best, (score, C, min_count))
    score, C, min_count = best
    print(f"chosen C={C} min_count={min_count} (CV macro-F1 {score:.3f})")
    if args.cv_only:
        return 0

    vocab = learn_vocabulary(units, min_count)
    X = build_matrix(units, vocab, use_tensor)
    mean, scale, clf = fit(X, y, C)
    model = SubjectivityModel(vocabulary=vocab, mean=mean, scale=scale, coef=clf.coef_[0],
                              intercept=float(clf.intercept_[0]), threshold=0.5, use_tensor=use_tensor)
    payload = model.to_json()
    payload["training"] = {"data": "NewsSD-ENG train+val", "sentences": len(rows), "C": C, "min_count": min_count,
                           "cv_macro_f1": round(score, 4), "class_weight": "balanced"}
    args.out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(vocab)} lemmas)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
