"""The actor knowledge base: states, institutions, organisations, groups, leaders and sector words.

Everything is read from the CSV files in `dotterel/data/actors/` (see its README.md) once per process.
An alias maps to one or more `Actor`s; which one applies to a given article is decided by
`Actor.at(date)` (groups whose status changed, office-holders and their terms).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.knowledge import data_path
from dotterel.model import EntityKind

# Demonyms that have no "-s" plural noun ("the French", not "Frenches").
_NO_PLURAL_ENDINGS = ("ese", "sh", "ss", "ch", "sy", "tho")
_PLURAL_EXCEPTIONS = {"Czech": "Czechs"}


@dataclass(frozen=True, slots=True)
class Term:
    """A period in which an actor is coded as `code`/`sector` (start inclusive, end exclusive)."""

    code: str | None
    sector: str | None
    kind: EntityKind
    start: dt.date | None = None
    end: dt.date | None = None
    role: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """What an alias stands for. `source` says which file (and column) it came from."""

    name: str
    source: str  # country | demonym | capital | institution | organisation | group | leader | region
    terms: tuple[Term, ...]
    short: tuple[str, ...] = ()  # leaders: forms valid after the full name was seen

    @property
    def is_person(self) -> bool:
        return self.source == "leader"

    def at(self, day: dt.date | None) -> Term | None:
        """The term in force on `day`; with no day, the most recent term; None when out of office."""
        if day is None:
            return max(self.terms, key=lambda t: t.start or dt.date.min)
        for t in self.terms:
            if t.covers(day):
                return t
        return None

    def latest_start(self, day: dt.date | None) -> dt.date:
        """When this actor last began a term on or before `day` (used to pick between namesakes)."""
        starts = [t.start or dt.date.min for t in self.terms if day is None or (t.start or dt.date.min) <= day]
        return max(starts, default=dt.date.min)


# The sectors that are organs of a state: an office of one of them is held in some state, a title of any
# other ("executive vice president", "company spokesman") names no state office.
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
# The sectors that make a party political: a state's organs, armed groups, the opposition, international bodies
# (business deals and talks between companies, sport and science are no events between political actors)
POLITICAL_SECTORS = OFFICIAL_SECTORS | {"REB", "OPP", "IGO"}


@dataclass(frozen=True, slots=True)
class SectorWord:
    sector: str | None
    use: str  # group | body | title


@dataclass(slots=True)
class KnowledgeBase:
    aliases: dict[str, list[Actor]] = field(default_factory=dict)
    sectors: dict[str, SectorWord] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> canonical name
    org_codes: set[str] = field(default_factory=set)
    words: dict[str, set[str]] = field(default_factory=dict)  # coref.csv: role -> words
    cities: dict[str, str] = field(default_factory=dict)  # cities.csv: city name -> ISO3 of its state
    parties: dict[str, Term] = field(default_factory=dict)  # parties.csv: word -> the party's state and sector
    party_names: dict[str, str] = field(default_factory=dict)  # parties.csv: word -> party name

    def is_word(self, role: str, word: str) -> bool:
        return word in self.words.get(role, ())

    def add(self, alias: str, actor: Actor) -> None:
        alias = alias.strip()
        if not alias:
            return
        known = self.aliases.setdefault(alias, [])
        if actor not in known:
            known.append(actor)

    def sector_of(self, lemmas: list[str]) -> SectorWord | None:
        """Sector of a head noun, given the lower-case lemmas ending at it (longest entry first)."""
        for n in (3, 2, 1):
            if len(lemmas) >= n:
                hit = self.sectors.get(" ".join(lemmas[-n:]))
                if hit is not None:
                    return hit
        return None


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """CSV rows of a data file, skipping '#' comment lines; values stripped."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.lstrip().startswith("#") and ln.strip()]
    for row in csv.DictReader(lines):
        yield {k: (v or "").strip() for k, v in row.items()}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def plural_demonym(word: str) -> str | None:
    if word in _PLURAL_EXCEPTIONS:
        return _PLURAL_EXCEPTIONS[word]
    if word.endswith(_NO_PLURAL_ENDINGS) or word in {"French", "Dutch", "Swiss"}:
        return None
    return word + "s"


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        code, name = row["code"], row["name"]
        kb.countries[code] = name
        state = Actor(name, "country", (Term(code, None, "state"),))
        for alias in [name, *_split(row["aliases"])]:
            kb.add(alias, state)
        demonym = Actor(name, "demonym", (Term(code, None, "state"),))
        for dem in _split(row["demonyms"]):
            kb.add(dem, demonym)
            plural = plural_demonym(dem)
            if plural:
                kb.add(plural, demonym)
        capital = Actor(name, "capital", (Term(code, "GOV", "state"),))
        for cap in _split(row["capitals"]):
            kb.add(cap, capital)


def load_institutions(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        kb.add(row["alias"], Actor(row["name"], "institution", (Term(row["code"], row["sector"], "state"),)))


def load_organisations(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        kb.org_codes.add(row["code"])
        kind: EntityKind = "igo" if row["kind"] == "igo" else "non_state"
        org = Actor(row["name"], "organisation", (Term(row["code"], row["sector"] or None, kind),))
        for alias in [row["name"], *_split(row["aliases"])]:
            kb.add(alias, org)


def _grouped(rows: Iterator[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        out.setdefault(row["name"], []).append(row)
    return out


def load_groups(kb: KnowledgeBase, path: Path) -> None:
    for name, rows in _grouped(_rows(path)).items():
        terms = tuple(
            Term(r["code"] or None, r["sector"] or None, "state" if r["kind"] == "state" else "non_state",
                 _date(r["start"]), _date(r["end"]))
            for r in rows
        )
        group = Actor(name, "group", terms)
        for r in rows:
            for alias in [name, *_split(r["aliases"])]:
                kb.add(alias, group)


def load_leaders(kb: KnowledgeBase, path: Path) -> None:
    for name, rows in _grouped(_rows(path)).items():
        terms = tuple(
            Term(r["code"] or None, r["sector"] or None, "person", _date(r["start"]), _date(r["end"]), r["role"])
            for r in rows
        )
        shorts = {s for r in rows for s in _split(r["short"])} or {name.split()[-1]}
        person = Actor(name, "leader", terms, tuple(sorted(shorts)))
        for r in rows:
            for alias in [name, *_split(r["aliases"])]:
                kb.add(alias, person)


def load_sectors(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        kb.sectors[row["word"].lower()] = SectorWord(row["sector"] or None, row["use"])


def load_cities(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        kb.cities[row["name"]] = row["code"]


def load_regions(kb: KnowledgeBase, path: Path) -> None:
    """Sub-national places and regions (regions.csv); an empty code marks a place of no state."""
    for row in _rows(path):
        kb.add(row["name"], Actor(row["name"], "region", (Term(row["code"] or None, None, "state"),)))


def load_parties(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        kb.parties[row["alias"]] = Term(row["code"], row["sector"] or None, "group" if row["kind"] == "group" else "state")
        kb.party_names[row["alias"]] = row["name"]


def load_coref_words(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path):
        kb.words.setdefault(row["role"], set()).add(row["word"].lower())


def not_a_person(kb: KnowledgeBase, words: list[str]) -> bool:
    """A PERSON entity that contains a known non-name ("U.S. Dlrs", "Brexit")."""
    stop = kb.words.get("not_person", set())
    return any(w in stop for w in words)


@functools.cache
def person_words() -> dict[str, frozenset[str]]:
    """Office-holder name -> every word of his name and aliases (given and middle names, spellings)."""
    words: dict[str, set[str]] = {}
    for alias, actors in load().aliases.items():
        for actor in actors:
            if actor.is_person:
                words.setdefault(actor.name, set(actor.name.split())).update(alias.split())
    return {name: frozenset(w) for name, w in words.items()}


@functools.cache
def load() -> KnowledgeBase:
    """The knowledge base, read once per process."""
    kb = KnowledgeBase()
    base = data_path("actors")
    load_countries(kb, base / "countries.csv")
    load_institutions(kb, base / "institutions.csv")
    load_organisations(kb, base / "organisations.csv")
    load_groups(kb, base / "groups.csv")
    load_leaders(kb, base / "leaders.csv")
    load_sectors(kb, base / "sectors.csv")
    load_coref_words(kb, base / "coref.csv")
    load_cities(kb, base / "cities.csv")
    load_regions(kb, base / "regions.csv")
    load_parties(kb, base / "parties.csv")
    kb.words["not_person"] = {row["word"] for row in _rows(base / "not_persons.csv")}
    return kb
