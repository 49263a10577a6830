"""Score the quantity finder against a gold file of sentences.

Gold lines: {"id", "text", "date"?, "quantities": [{"text", "value", "unit", "bound", "low"?, "high"?,
"projected"}]}. tests/gold/quantities.jsonl is our own authored set; the finder's rules were developed
against it (it is a dev set: a held-out set measures the same things and will score lower).

Matching, per sentence and one-to-one: a gold quantity matches a predicted one when the gold value
equals the prediction's value, low or high (relative tolerance 1e-6); candidates whose text overlaps
the gold text are preferred. Reported: value precision/recall/F1; on matched pairs, bound accuracy
and projected accuracy.

Run: `python -m dotterel.evaluation.quantities tests/gold/quantities.jsonl [--errors]`
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.findings import QuantityFinding


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    text: str
    value: float
    bound: str
    projected: bool
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    quantities: list[GoldQuantity]


@dataclass(slots=True)
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    bound_ok: int = 0
    projected_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def bound_accuracy(self) -> float:
        return self.bound_ok / self.matched if self.matched else 0.0

    @property
    def projected_accuracy(self) -> float:
        return self.projected_ok / self.matched if self.matched else 0.0

    def summary(self) -> str:
        return (f"quantities: gold {self.gold} predicted {self.predicted} matched {self.matched}  "
                f"value P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}  "
                f"bound acc {self.bound_accuracy:.3f}  projected acc {self.projected_accuracy:.3f}")


def load_gold(path: Path) -> list[GoldSentence]:
    out: list[GoldSentence] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            qs = [GoldQuantity(text=q["text"], value=float(q["value"]), bound=q["bound"],
                               projected=bool(q.get("projected", False)), unit=q.get("unit"))
                  for q in rec.get("quantities", [])]
            out.append(GoldSentence(id=str(rec.get("id", n)), text=rec["text"], quantities=qs))
    return out


def _values(p: QuantityFinding) -> list[float]:
    return [v for v in (p.value, p.low, p.high) if v is not None]


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def match(gold: list[GoldQuantity], pred: list[QuantityFinding], text: str) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs with equal values, overlapping texts first."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        g_start = text.find(g.text)
        g_span = (g_start, g_start + len(g.text)) if g_start >= 0 else None
        for pi, p in enumerate(pred):
            if any(_same(g.value, v) for v in _values(p)):
                overlap = g_span is not None and p.span[0] < g_span[1] and g_span[0] < p.span[1]
                pairs.append((0 if overlap else 1, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def score(sentences: Iterable[GoldSentence], find: Callable[[GoldSentence], list[QuantityFinding]]) -> Scores:
    """Score `find` (sentence -> predicted quantities) over gold sentences."""
    s = Scores()
    for sent in sentences:
        pred = find(sent)
        s.gold += len(sent.quantities)
        s.predicted += len(pred)
        pairs = match(sent.quantities, pred, sent.text)
        s.matched += len(pairs)
        for gi, pi in pairs:
            g, p = sent.quantities[gi], pred[pi]
            if g.bound == p.bound:
                s.bound_ok += 1
            else:
                s.errors.append(f"{sent.id} bound {g.text!r}: gold {g.bound} got {p.bound}")
            if g.projected == p.projected:
                s.projected_ok += 1
            else:
                s.errors.append(f"{sent.id} projected {g.text!r}: gold {g.projected} got {p.projected}")
        got_g = {gi for gi, _ in pairs}
        got_p = {pi for _, pi in pairs}
        for gi, g in enumerate(sent.quantities):
            if gi not in got_g:
                s.errors.append(f"{sent.id} missed {g.text!r} = {g.value:g}")
        for pi, p in enumerate(pred):
            if pi not in got_p:
                s.errors.append(f"{sent.id} extra {p.text!r} = {p.value}")
    return s


def evaluate(path: Path) -> Scores:
    """Parse every gold sentence with the pinned pipeline and score `find_quantities`."""
    from dotterel import nlp
    from dotterel.quantities import find_quantities

    return evaluate_gold(load_gold(path))


def evaluate_gold(gold: list[GoldSentence]) -> Scores:
    from dotterel import nlp
    from dotterel.quantities import find_quantities

    docs = dict(zip((g.id for g in gold), nlp.parse_many(g.text for g in gold)))
    return score(gold, lambda g: find_quantities(docs[g.id]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--errors", action="store_true", help="list every miss, extra and disagreement")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: gold file {args.gold} not found", file=sys.stderr)
        return 2
    s = evaluate(args.gold)
    if args.errors:
        for e in s.errors:
            print(e)
    print(s.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
