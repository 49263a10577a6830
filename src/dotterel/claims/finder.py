"""PLACEHOLDER until the claim finder lands: finds no claims."""

from __future__ import annotations

from spacy.tokens import Doc

from dotterel.findings import ActorIndex, ClaimFinding


def find_claims(doc: Doc, actors: ActorIndex) -> list[ClaimFinding]:
    return []
