"""The events of an authored sentence as the rule tests compare them: type, actor codes, recipient codes and
modality (sorted codes, uncoded parties left out)."""

from __future__ import annotations

from dotterel.model import SourceItem
from dotterel.pipeline import Analyzer

Coded = tuple[str, list[str], list[str], str]


def coded_events(analyzer: Analyzer, text: str) -> list[Coded]:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    return [(e.type, sorted({a.code for a in e.actor if a.code}), sorted({r.code for r in e.recipient if r.code}),
             e.modality) for e in doc.events]


def expected_events(expected: list[Coded]) -> list[Coded]:
    return [(t, sorted(a), sorted(r), modality) for t, a, r, modality in expected]
