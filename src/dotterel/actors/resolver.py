"""PLACEHOLDER until the actor resolver lands: finds no actors."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dotterel.findings import ActorIndex


def resolve_actors(doc: Doc, pub_date: dt.date | None) -> ActorIndex:
    return ActorIndex([])
