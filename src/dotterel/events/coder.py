"""PLACEHOLDER until the event coder lands: finds no events."""

from __future__ import annotations

from spacy.tokens import Doc

from dotterel.findings import ActorIndex, EventFinding


def code_events(doc: Doc, actors: ActorIndex) -> list[EventFinding]:
    return []
