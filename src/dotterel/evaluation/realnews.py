"""Real-news attribution and quantity gold (`tests/gold/realnews/claims.jsonl`): annotations stored as
character offsets into articles of the shared corpus, turned back into the claim and quantity scorers'
gold records with the article text read from `../shared` by id (the project keeps no corpus text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dotterel.evaluation.claims import GoldClaim, GoldPassage
from dotterel.evaluation.event_sets import with_articles
from dotterel.evaluation.quantities import GoldQuantity, GoldSentence

Json = dict[str, Any]


def _rows(path: Path, corpus: Path) -> list[tuple[Json, str]]:
    return [(row, record["text"]) for row, record in with_articles(path, corpus)]


def _dated(path: Path, corpus: Path) -> list[tuple[Json, str, str | None]]:
    return [(row, record["text"], (record.get("date") or "")[:10] or None) for row, record in with_articles(path, corpus)]


def _cut(text: str, span: list[int] | None) -> str:
    return text[span[0]:span[1]] if span else ""


def _pair(span: list[int] | None) -> tuple[int, int] | None:
    return (span[0], span[1]) if span else None


def claim_passages(path: Path, corpus: Path) -> list[GoldPassage]:
    out = []
    for row, text, day in _dated(path, corpus):
        claims = [GoldClaim(_cut(text, c.get("speaker_span")), _cut(text, c.get("cue_span")), c.get("kind") or "",
                            _cut(text, c["content_span"]), c.get("certainty") or "",
                            (c["content_span"][0], c["content_span"][1]),
                            speaker_span=_pair(c.get("speaker_span")), code=c.get("speaker_code"),
                            sector=c.get("speaker_sector"), located=True)
                  for c in row["claims"] if c.get("content_span")]
        out.append(GoldPassage(row["id"], text, claims, day))
    return out


def quantity_sentences(path: Path, corpus: Path) -> list[GoldSentence]:
    return [GoldSentence(row["id"], text, [
        GoldQuantity(text=_cut(text, q["span"]), value=float(q["value"]), bound=q["bound"],
                     projected=bool(q.get("projected")), unit=q.get("unit"))
        for q in row["quantities"] if q.get("value") is not None])
        for row, text in _rows(path, corpus)]
