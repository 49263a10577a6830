"""What the quantity and casualty tests read from an authored sentence: the dated analysis and one quantity
of it by its words."""

from __future__ import annotations

from dotterel.model import Document, Quantity, SourceItem
from dotterel.pipeline import Analyzer


def analyse(analyzer: Analyzer, text: str) -> Document:
    """The analysis of `text`, published on a fixed day so relative dates resolve the same in every test."""
    return analyzer.analyze(SourceItem(text=text, id="t", date="2025-03-04"))


def quantity(doc: Document, words: str) -> Quantity:
    """The first quantity whose text holds `words`."""
    return next(q for q in doc.quantities if words in q.text)
