"""The PLOVER ontology: event types, their modes, quad classes and scores, and the coder's per-type
conventions (from data/events/plover.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from dotterel.knowledge import data_path

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
COOPERATIVE_QUADS = frozenset({1, 2})
HOSTILE_QUADS = frozenset({3, 4})
MATERIAL_CONFLICT_QUAD = 4  # force done to someone: ASSAULT, COERCE, MOBILIZE, PROTEST, SANCTION
# the yes/no convention columns of plover.csv (documented in its header)
FLAG_COLUMNS = ("content_taking", "place_targeted", "place_left", "conflict_act", "local_actor", "domestic",
                "self_directed", "concession", "counterpart")


@dataclass(slots=True)
class TypeSpec:
    name: str
    quad: int
    score: float
    modes: dict[str, float] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()  # the FLAG_COLUMNS set for this type
    home_target: bool = False  # with no target and no place, aimed at the actor's own country ...
    home_sector: str | None = None  # ... as this sector (None: the country itself)
    domestic_target: frozenset[str] = frozenset()  # actor sectors whose untargeted act is aimed at their country

    @property
    def cooperative(self) -> bool:
        return self.quad in COOPERATIVE_QUADS

    @property
    def hostile(self) -> bool:
        return self.quad in HOSTILE_QUADS

    @property
    def material_conflict(self) -> bool:
        return self.quad == MATERIAL_CONFLICT_QUAD


class Ontology:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.types: dict[str, TypeSpec] = {}
        for row in rows:
            spec = self.types.setdefault(row["type"], TypeSpec(row["type"], int(row["quad"]), 0.0))
            if row["mode"]:
                spec.modes[row["mode"]] = float(row["score"])
                continue
            spec.score = float(row["score"])
            spec.flags = frozenset(c for c in FLAG_COLUMNS if (row.get(c) or "").strip() == "y")
            home = (row.get("home_target") or "").strip()
            spec.home_target = bool(home)
            spec.home_sector = None if home in ("", "state") else home
            spec.domestic_target = frozenset(w.strip() for w in (row.get("domestic_target") or "").split("|")
                                             if w.strip())

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

    def has(self, event_type: str, flag: str) -> bool:
        """Whether a per-type convention column is set for `event_type` (a misspelt column raises)."""
        if flag not in FLAG_COLUMNS:
            raise KeyError(f"unknown plover.csv convention column {flag!r}")
        return flag in self.spec(event_type).flags

    def types_with(self, flag: str) -> frozenset[str]:
        return frozenset(t for t in self.types if self.has(t, flag))


ONTOLOGY = Ontology.load()
