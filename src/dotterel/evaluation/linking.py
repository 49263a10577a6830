"""Event linking of quantities on the real-news gold (`tests/gold/realnews/claims.jsonl`).

Each gold quantity may name the trigger of the event it counts (`event_trigger_span`, or null). The
articles run through the whole pipeline; a gold quantity is matched one-to-one to a predicted quantity of
equal value (value, low or high), overlapping spans first, then the nearest. Reported: of the gold
quantities that count an event, the share whose matched prediction is linked to an event whose trigger
overlaps the gold trigger (a missed quantity or a missed event counts as not linked).

`predicate_link`: of the same gold quantities, the share whose matched prediction names as what it counts
(`counts`) a span overlapping the gold trigger: the linker's reading of the happening, whether or not the
coder made that happening an event.

Most counted happenings in news are not PLOVER events ("won 92,153 votes", "prices rose 25 pct"), and the
coder rightly emits no event there; so the share is also given over the quantities whose gold trigger is
an event of the real-news event gold (`events.jsonl`, required or optional): `coded_*`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.evaluation.event_sets import article, with_articles

Json = dict[str, Any]


@dataclass(slots=True)
class LinkScores:
    with_event: int = 0  # gold quantities that count an event
    matched: int = 0  # ... of which a predicted quantity was matched
    linked: int = 0  # ... of which the prediction is linked to the gold event
    coded: int = 0  # gold quantities whose event is coded in the event gold
    coded_linked: int = 0
    predicate_linked: int = 0  # ... whose prediction's `counts` overlaps the gold trigger
    no_event: int = 0  # ... found, but no predicted event at the gold trigger (the coder's recall, not the linker)
    by_role: dict[str, list[int]] = field(default_factory=dict)  # gold role -> [with event, linked]
    errors: list[str] = field(default_factory=list)

    @property
    def coded_link_rate(self) -> float:
        return self.coded_linked / self.coded if self.coded else 1.0

    @property
    def predicate_rate(self) -> float:
        return self.predicate_linked / self.with_event if self.with_event else 1.0

    @property
    def link_rate(self) -> float:
        return self.linked / self.with_event if self.with_event else 1.0

    @property
    def link_rate_matched(self) -> float:
        """Linking of the numbers the finder did find: the linker's own share, apart from value misses."""
        return self.linked / self.matched if self.matched else 1.0


def _overlap(a: list[int] | tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _values(q: Json) -> list[float]:
    return [float(v) for v in (q.get("value"), q.get("low"), q.get("high")) if v is not None]


def match(gold: list[Json], pred: list[Json]) -> dict[int, int]:
    """gold index -> predicted index, one-to-one, equal values; overlapping spans first, then nearest."""
    pairs: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        if g.get("value") is None:
            continue
        gv = float(g["value"])
        for pi, p in enumerate(pred):
            if any(math.isclose(gv, v, rel_tol=1e-6, abs_tol=1e-9) for v in _values(p)):
                distance = abs(p["span"][0] - g["span"][0])
                pairs.append((0 if _overlap(g["span"], p["span"]) else 1, distance, gi, pi))
    pairs.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def score_document(gold: list[Json], doc: Json, s: LinkScores, coded: list[list[int]] | None = None) -> None:
    """Add one article's gold quantities (dicts with span, value, event_trigger_span) against its prediction;
    `coded`: the trigger spans of the article's events in the event gold."""
    pred = doc.get("quantities", [])
    events = {e["id"]: e for e in doc.get("events", [])}
    text = doc.get("text", "")
    pairs = match(gold, pred)
    for gi, g in enumerate(gold):
        trig = g.get("event_trigger_span")
        if not trig:
            continue
        s.with_event += 1
        tally = s.by_role.setdefault(g.get("role") or "other", [0, 0])
        tally[0] += 1
        is_coded = any(_overlap(c, trig) for c in coded or [])
        s.coded += is_coded
        label = f"{doc.get('id')} {text[g['span'][0]:g['span'][1]]!r} -> {text[trig[0]:trig[1]]!r}"
        if gi not in pairs:
            s.errors.append(f"{label}: quantity not found")
            continue
        s.matched += 1
        q = pred[pairs[gi]]
        counts = q.get("counts")
        predicate_ok = counts is not None and _overlap(counts["span"], trig)
        s.predicate_linked += predicate_ok
        ev = events.get(q.get("event") or "")
        if ev is not None and _overlap(ev["trigger"]["span"], trig):
            s.linked += 1
            s.coded_linked += is_coded
            tally[1] += 1
            continue
        got = f"linked to {ev['type']} {ev['trigger']['text']!r}" if ev is not None else "not linked"
        got += "" if predicate_ok else f", counts {counts['text'] if counts else None!r}"
        near = [e for e in events.values() if _overlap(e["trigger"]["span"], trig)]
        s.no_event += not near
        s.errors.append(f"{label}: {got}" + ("" if near else " (no event at the gold trigger)")
                        + (" [coded]" if is_coded else ""))


def coded_triggers(events_gold: Path) -> dict[str, list[list[int]]]:
    """Trigger spans of every event (required or optional) of the real-news event gold, by article id."""
    import json

    out: dict[str, list[list[int]]] = {}
    with events_gold.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = [e["trigger_span"] for e in row.get("events", []) + row.get("optional_events", [])
                                  if e.get("trigger_span")]
    return out


def evaluate(path: Path, corpus: Path, events_gold: Path | None = None) -> LinkScores:
    """Run the pipeline over every article of the gold file and score the quantities' event links."""
    from dotterel.model import ErrorRecord, SourceItem, to_builtins
    from dotterel.pipeline import Analyzer

    rows = with_articles(path, corpus)
    items = (SourceItem(id=row["id"], **article(record)) for row, record in rows)
    coded = coded_triggers(events_gold) if events_gold is not None and events_gold.exists() else {}
    s = LinkScores()
    for (row, _), record in zip(rows, Analyzer().analyze_many(items)):
        if isinstance(record, ErrorRecord):
            s.errors.append(f"{row['id']}: {record.error}")
            s.with_event += sum(1 for q in row["quantities"] if q.get("event_trigger_span"))
            continue
        score_document(row["quantities"], to_builtins(record), s, coded.get(row["id"]))
    return s
