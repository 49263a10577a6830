"""The event-linking scorer of `dotterel eval realnews_quantities` on hand-made gold and predictions."""

from __future__ import annotations

from dotterel.evaluation.linking import LinkScores, match, score_document

TEXT = "Rebels attacked the town and killed 12 people; 3 were hurt. Talks lasted 4 days."


def span(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, start + len(words)]


def event(eid: str, trigger: str) -> dict:
    return {"id": eid, "type": "ASSAULT", "trigger": {"text": trigger, "span": span(trigger)}, "span": [0, 59]}


GOLD = [
    {"value": 12, "span": span("12 people"), "role": "killed", "event_trigger_span": span("killed")},
    {"value": 3, "span": span("3"), "role": "injured", "event_trigger_span": span("hurt")},
    {"value": 4, "span": span("4 days"), "role": "other", "event_trigger_span": span("lasted")},
    {"value": 1, "span": span("town"), "role": "other", "event_trigger_span": None},
]


def test_linked_missed_and_unfound_are_told_apart() -> None:
    doc = {"id": "d", "text": TEXT, "events": [event("e1", "killed"), event("e2", "attacked")], "quantities": [
        {"id": "q1", "value": 12.0, "low": None, "high": None, "span": span("12 people"), "event": "e1"},
        {"id": "q2", "value": 3.0, "low": None, "high": None, "span": span("3"), "event": "e2"},
    ]}
    s = LinkScores()
    score_document(GOLD, doc, s, coded=[span("killed")])
    assert (s.with_event, s.matched, s.linked, s.no_event) == (3, 2, 1, 1)  # "4 days" was not found
    assert (s.coded, s.coded_linked) == (1, 1)
    assert s.by_role == {"killed": [1, 1], "injured": [1, 0], "other": [1, 0]}
    assert abs(s.link_rate - 1 / 3) < 1e-9


def test_matching_prefers_the_overlapping_number() -> None:
    gold = [{"value": 12, "span": span("12 people")}]
    pred = [{"value": 12.0, "span": span("Talks")}, {"value": 12.0, "span": span("12 people")}]
    assert match(gold, pred) == {0: 1}
