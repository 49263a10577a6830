"""PLACEHOLDER until the quantity finder lands: finds no quantities."""

from __future__ import annotations

from spacy.tokens import Doc

from dotterel.findings import QuantityFinding


def find_quantities(doc: Doc) -> list[QuantityFinding]:
    return []
