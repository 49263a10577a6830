"""Score the claim finder against a gold file of short passages.

Gold lines: {"id", "text", "claims": [{"speaker", "cue", "kind", "content", "certainty"}]}, where
`content` is an exact substring of `text`.

Matching: a predicted claim matches a gold claim when its content span covers at least half of the
gold content (overlapping characters / gold length >= 0.5); matches are one-to-one, best overlap
first. Reported: content precision/recall/F1, recall per kind (indirect; direct and mixed together);
on matched pairs kind, certainty and cue agreement, and speaker accuracy, scored two ways:

- gold given as words only (`tests/gold/claims.jsonl`, the held-out set): right when the gold speaker
  and the predicted speaker_text share a non-stopword;
- gold given by offsets with codes (the real-news set, `located` claims): right when the predicted
  speaker span overlaps the gold speaker span (a pronoun speaker is marked on the pronoun both in the
  gold and in the prediction, whose speaker_text carries the antecedent's words), OR the gold speaker
  has a code and the prediction has the same code and sector (the same actor named by another mention,
  e.g. "the ministry" for "the Foreign Ministry"). A gold claim with no speaker (an unattributed
  "reportedly") is right only when the prediction has no speaker either. The strict span-only figure
  is reported beside it (`speaker_span_accuracy`) so the code route cannot hide anything: it can credit
  a different speaker of the same state and sector, which is why both are shown.
  Also on located claims: `speaker_code_accuracy` (gold speakers with a code: the predicted code is the
  same), `speaker_code_precision` (predicted speakers with a code: the gold has the same one), `codable_coded` (gold speakers with a code or a sector: the prediction carries that code, or
  that sector when the gold has only a sector), and `junk_speakers`, the number of predicted claims
  (matched or not) whose speaker is no speaker: a number, date or ticker, or a noun that is neither a
  named entity, a resolved actor, a pronoun nor a word the project's knowledge lists as one that can
  speak (`actors.speakers.not_a_speaker(strict=True)`: claims sources, actor sector words, nouns of
  doing). The finder itself drops only numbers, dates and nouns listed as never speaking (human nouns
  are an open class), so this strict count also catches unlisted nouns that may be real speakers: the
  errors list every one, for review.

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
from spacy.tokens import Doc

from dotterel.actors.speakers import not_a_speaker
from dotterel.claims.cues import lexicon
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
    # offset gold (real news): the speaker's words by offsets and the speaker's code and sector
    speaker_span: tuple[int, int] | None = None
    code: str | None = None
    sector: str | None = None
    located: bool = False


@dataclass(frozen=True, slots=True)
class GoldPassage:
    id: str
    text: str
    claims: list[GoldClaim]
    date: str | None = None  # the article's publication day (real news): office-holders are coded as of it


@dataclass(slots=True)
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0
    certainty_ok: int = 0
    cue_ok: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    matched_by_kind: dict[str, int] = field(default_factory=dict)
    located: int = 0  # matched pairs whose gold speaker is given by offsets
    speaker_span_ok: int = 0
    code_gold: int = 0  # located pairs whose gold speaker has a code
    code_ok: int = 0
    codable: int = 0  # located pairs whose gold speaker has a code or a sector
    codable_coded: int = 0
    code_predicted: int = 0  # located pairs whose predicted speaker has a code
    code_predicted_ok: int = 0
    junk: int = 0
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

    def kind_recall(self, *kinds: str) -> float | None:
        gold = sum(self.gold_by_kind.get(k, 0) for k in kinds)
        return round(sum(self.matched_by_kind.get(k, 0) for k in kinds) / gold, 3) if gold else None

    @staticmethod
    def _share(ok: int, n: int) -> float | None:
        return round(ok / n, 3) if n else None

    def summary(self) -> dict[str, float | int | None]:
        located = bool(self.located)
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            "indirect_recall": self.kind_recall("indirect"),
            "quoted_recall": self.kind_recall("direct", "mixed"),
            "speaker_accuracy": round(self.rate(self.speaker_ok), 3),
            "speaker_span_accuracy": self._share(self.speaker_span_ok, self.located),
            "speaker_code_accuracy": self._share(self.code_ok, self.code_gold),
            "speaker_code_precision": self._share(self.code_predicted_ok, self.code_predicted),
            "codable_coded": self._share(self.codable_coded, self.codable),
            "junk_speakers": self.junk if located else None,
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
    """Share a non-stopword; an unattributed gold claim ("reportedly", speaker "") wants no speaker."""
    if not gold.strip():
        return not predicted.strip()
    return bool(content_words(gold) & content_words(predicted))


def _touches(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _located_speaker(g: GoldClaim, c: ClaimFinding, s: Scores) -> bool:
    """Score the speaker of a matched pair whose gold is given by offsets (see the module docstring)."""
    code = c.speaker.code if c.speaker is not None else None
    sector = c.speaker.sector if c.speaker is not None else None
    if g.speaker_span is None:
        span_ok = not c.speaker_text
    else:
        span_ok = bool(c.speaker_text) and _touches(g.speaker_span, c.speaker_span)
    s.located += 1
    s.speaker_span_ok += span_ok
    if g.code:
        s.code_gold += 1
        s.code_ok += code == g.code
    if code:
        s.code_predicted += 1
        s.code_predicted_ok += code == g.code
    if g.code or g.sector:
        s.codable += 1
        s.codable_coded += (code == g.code) if g.code else (sector == g.sector)
    return span_ok or (g.code is not None and code == g.code and sector == g.sector)


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


def score(passages: Iterable[GoldPassage], find: Callable[[str, str | None], list[ClaimFinding]],
          junk: Callable[[ClaimFinding], str | None] | None = None) -> Scores:
    """Score `find` ((text, publication day) -> claims) on gold passages; `junk` (called right after `find` on each of its
    claims) says why a predicted speaker is no speaker, or None."""
    s = Scores()
    for p in passages:
        predicted = find(p.text, p.date)
        pairs = match(p.claims, predicted)
        s.gold += len(p.claims)
        s.predicted += len(predicted)
        s.matched += len(pairs)
        for g in p.claims:
            s.gold_by_kind[g.kind] = s.gold_by_kind.get(g.kind, 0) + 1
        for c in predicted:
            reason = junk(c) if junk is not None else None
            if reason is not None:
                s.junk += 1
                s.errors.append(f"{p.id}: junk speaker ({reason}) {c.speaker_text!r}")
        for g, c in pairs:
            s.matched_by_kind[g.kind] = s.matched_by_kind.get(g.kind, 0) + 1
            if g.located:
                ok_speaker = _located_speaker(g, c, s)
            else:
                ok_speaker = speaker_matches(g.speaker, c.speaker_text)
            s.speaker_ok += ok_speaker
            s.kind_ok += g.kind == c.kind
            s.certainty_ok += g.certainty == c.certainty
            s.cue_ok += g.cue.lower() == c.cue.lower()
            if not ok_speaker:
                code = f" {c.speaker.code}/{c.speaker.sector}" if c.speaker is not None else ""
                gcode = f" {g.code}/{g.sector}" if g.located else ""
                s.errors.append(f"{p.id}: speaker {c.speaker_text!r}{code} != {g.speaker!r}{gcode}")
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


class PipelineFinder:
    """text -> claims through the real parse, actor resolution, claim finder and speaker-phrase coding
    (the steps whose speaker codes `dotterel analyze` prints); `junk` judges the last text's speakers."""

    # a ticker in brackets ("(XYZ.N)", "(NYSE: XYZ)") or a speaker that is nothing but one
    _TICKER = re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|AMEX)?:?\s*[A-Z]{2,5}(?:\.[A-Z]{1,2})?\)|^[A-Z]{2,5}\.[A-Z]{1,2}$")

    def __init__(self) -> None:
        self._doc: Doc | None = None
        self._actors: ActorIndex | None = None

    def __call__(self, text: str, date: str | None = None) -> list[ClaimFinding]:
        from dotterel import nlp
        from dotterel.actors import resolve_actors
        from dotterel.actors.parties import resolve_speaker_phrases
        from dotterel.claims import find_claims

        from dotterel.pubdate import parse_pub_date

        doc = nlp.parse(text)
        day = parse_pub_date(date) if date else None
        actors = resolve_actors(doc, day)
        claims = find_claims(doc, actors)
        resolve_speaker_phrases(doc, claims, actors, day)
        self._doc, self._actors = doc, actors
        return claims

    def junk(self, c: ClaimFinding) -> str | None:
        """Why the speaker of `c` (a claim of the last text) is no speaker, or None when it may be one."""
        doc, actors = self._doc, self._actors
        if doc is None or actors is None or not c.speaker_text:
            return None
        if self._TICKER.search(c.speaker_text):
            return "ticker"
        span = doc.char_span(c.speaker_span[0], c.speaker_span[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return not_a_speaker(span.root, actors, lexicon(), strict=True)


def pipeline_finder() -> Callable[[str, str | None], list[ClaimFinding]]:
    """text -> claims through the real parse, actor resolution and claim finder."""
    return PipelineFinder()


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
