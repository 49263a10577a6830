"""The PLOVER ontology: event types, their modes, quad classes and scores (from data/events/plover.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from dotterel.knowledge import data_path

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(slots=True)
class TypeSpec:
    name: str
    quad: int
    score: float
    modes: dict[str, float] = field(default_factory=dict)


class Ontology:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.types: dict[str, TypeSpec] = {}
        for row in rows:
            spec = self.types.setdefault(row["type"], TypeSpec(row["type"], int(row["quad"]), 0.0))
            if row["mode"]:
                spec.modes[row["mode"]] = float(row["score"])
            else:
                spec.score = float(row["score"])

    @classmethod
    def load(cls) -> "Ontology":
        with data_path("events", "plover.csv").open(encoding="utf-8") as fh:
            return cls(list(csv.DictReader(line for line in fh if not line.startswith("#"))))

    def spec(self, event_type: str) -> TypeSpec:
        try:
            return self.types[event_type]
        except KeyError:
            raise KeyError(f"unknown PLOVER event type {event_type!r}") from None

    def score(self, event_type: str, mode: str | None) -> float:
        spec = self.spec(event_type)
        return spec.modes.get(mode, spec.score) if mode else spec.score


ONTOLOGY = Ontology.load()
