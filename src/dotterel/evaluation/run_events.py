"""Run the analyzer over an event gold set and score it with the scorer's metrics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dotterel.evaluation.event_metrics import EventScores, score_events
from dotterel.evaluation.event_sets import generalize
from dotterel.model import ErrorRecord, SourceItem, to_builtins

Json = dict[str, Any]


def predict(gold_docs: list[Json], batch_size: int = 64) -> dict[str, Json]:
    """dotterel/1 predictions (as dicts) for every gold document, by id."""
    from dotterel.pipeline import Analyzer

    analyzer = Analyzer(batch_size=batch_size)
    items: Iterator[SourceItem] = (
        SourceItem(text=g["text"], id=str(g["id"]), date=g.get("date"), title=g.get("title")) for g in gold_docs)
    out: dict[str, Json] = {}
    for gold, record in zip(gold_docs, analyzer.analyze_many(items)):
        data = to_builtins(record)
        out[str(gold["id"])] = data if isinstance(record, ErrorRecord) else generalize(data, gold)
    return out


def evaluate_events(gold_docs: list[Json]) -> tuple[EventScores, dict[str, Json]]:
    predictions = predict(gold_docs)
    return score_events(gold_docs, predictions), predictions
