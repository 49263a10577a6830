"""Score the claim finder against a gold file of short passages.

Gold lines: {"id", "text", "claims": [{"speaker", "cue", "kind", "content", "certainty"}]}, where
`content` is an exact substring of `text`.

Matching: a predicted claim matches a gold claim when its content span covers at least half of the
gold content (overlapping characters / gold length >= 0.5); matches are one-to-one, best overlap
first. Reported: content precision/recall/F1; on matched pairs, speaker accuracy (the gold speaker and
the predicted speaker_text share a non-stopword), and kind, certainty and cue agreement.

Run: `python -m dotterel.evaluation.claims tests/gold/claims.jsonl [--errors]`
Speed: `python -m dotterel.evaluation.claims ../shared/corpora/news_sample.jsonl --speed 200`
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from dotterel.findings import ActorIndex, ClaimFinding

MIN_OVERLAP = 0.5
_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class GoldClaim:
    speaker: str
    cue: str
    kind: str
    content: str
    certainty: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldPassage:
    id: str
    text: str
    claims: list[GoldClaim]


@dataclass(slots=True)
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0
    certainty_ok: int = 0
    cue_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, ok: int) -> float:
        return ok / self.matched if self.matched else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            "speaker_accuracy": round(self.rate(self.speaker_ok), 3),
            "kind_accuracy": round(self.rate(self.kind_ok), 3),
            "certainty_accuracy": round(self.rate(self.certainty_ok), 3),
            "cue_accuracy": round(self.rate(self.cue_ok), 3),
        }


def load_gold(path: Path) -> list[GoldPassage]:
    passages: list[GoldPassage] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        claims = []
        for c in row.get("claims", []):
            start = text.find(c["content"])
            if start < 0:
                raise ValueError(f"{path.name}:{n}: content is not a substring of the text: {c['content']!r}")
            claims.append(GoldClaim(c["speaker"], c.get("cue", ""), c.get("kind", ""), c["content"],
                                    c.get("certainty", ""), (start, start + len(c["content"]))))
        passages.append(GoldPassage(str(row["id"]), text, claims))
    return passages


def content_words(text: str) -> set[str]:
    return {w.lower().strip(".'’") for w in _WORD.findall(text)} - STOP_WORDS - {""}


def speaker_matches(gold: str, predicted: str) -> bool:
    return bool(content_words(gold) & content_words(predicted))


def overlap(gold: tuple[int, int], pred: tuple[int, int]) -> float:
    inter = max(0, min(gold[1], pred[1]) - max(gold[0], pred[0]))
    return inter / (gold[1] - gold[0]) if gold[1] > gold[0] else 0.0


def match(gold: list[GoldClaim], predicted: list[ClaimFinding]) -> list[tuple[GoldClaim, ClaimFinding]]:
    """One-to-one pairs with overlap >= MIN_OVERLAP, best overlap first."""
    pairs = sorted(((overlap(g.span, p.content_span), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(predicted)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in pairs:
        if score < MIN_OVERLAP or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], predicted[pi]))
    return out


def score(passages: Iterable[GoldPassage], find: Callable[[str], list[ClaimFinding]]) -> Scores:
    """Score `find` (text -> claims) on gold passages."""
    s = Scores()
    for p in passages:
        predicted = find(p.text)
        pairs = match(p.claims, predicted)
        s.gold += len(p.claims)
        s.predicted += len(predicted)
        s.matched += len(pairs)
        for g, c in pairs:
            ok_speaker = speaker_matches(g.speaker, c.speaker_text)
            s.speaker_ok += ok_speaker
            s.kind_ok += g.kind == c.kind
            s.certainty_ok += g.certainty == c.certainty
            s.cue_ok += g.cue.lower() == c.cue.lower()
            if not ok_speaker:
                s.errors.append(f"{p.id}: speaker {c.speaker_text!r} != {g.speaker!r}")
            if g.kind != c.kind or g.certainty != c.certainty:
                s.errors.append(f"{p.id}: kind/certainty {c.kind}/{c.certainty} != {g.kind}/{g.certainty}")
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(c) for _, c in pairs}
        for g in p.claims:
            if id(g) not in matched_g:
                s.errors.append(f"{p.id}: missed {g.speaker!r} {g.cue!r}: {g.content!r}")
        for c in predicted:
            if id(c) not in matched_p:
                s.errors.append(f"{p.id}: extra {c.speaker_text!r} {c.cue!r}: "
                                f"{p.text[c.content_span[0]:c.content_span[1]]!r}")
    return s


def pipeline_finder() -> Callable[[str], list[ClaimFinding]]:
    """text -> claims through the real parse, actor resolution and claim finder."""
    from dotterel import nlp
    from dotterel.actors import resolve_actors
    from dotterel.claims import find_claims

    def find(text: str) -> list[ClaimFinding]:
        doc = nlp.parse(text)
        return find_claims(doc, resolve_actors(doc, None))

    return find


def speed(texts: list[str]) -> dict[str, float]:
    """Seconds spent parsing `texts` with the pinned pipeline and finding claims in the parses."""
    from dotterel import nlp
    from dotterel.claims import find_claims

    start = time.perf_counter()
    docs = list(nlp.parse_many(texts))
    parsed = time.perf_counter()
    empty = ActorIndex([])  # actor resolution is its own stage: time the claims stage alone
    n = sum(len(find_claims(doc, empty)) for doc in docs)
    done = time.perf_counter()
    return {"docs": len(docs), "tokens": sum(len(d) for d in docs), "parse_s": round(parsed - start, 2),
            "claims_s": round(done - parsed, 3), "claims_share": round((done - parsed) / (parsed - start), 4),
            "claims": n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dotterel.evaluation.claims", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and mismatch")
    parser.add_argument("--speed", type=int, metavar="N", default=0,
                        help="instead of scoring, time the stage against parsing on the first N texts of the "
                             "JSONL file given as GOLD (e.g. ../shared/corpora/news_sample.jsonl)")
    args = parser.parse_args(argv)
    if args.speed:
        try:
            lines = args.gold.read_text(encoding="utf-8").splitlines()
            texts = [json.loads(line)["text"] for line in lines if line.strip()][: args.speed]
        except (OSError, ValueError, KeyError) as err:
            print(f"error: cannot read texts from {args.gold}: {err}", file=sys.stderr)
            return 2
        print(json.dumps(speed(texts)))
        return 0
    try:
        passages = load_gold(args.gold)
    except (OSError, ValueError, KeyError) as err:
        print(f"error: cannot read gold file {args.gold}: {err}", file=sys.stderr)
        return 2
    s = score(passages, pipeline_finder())
    print(json.dumps(s.summary()))
    if args.errors:
        print("\n".join(s.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
