"""Every actor data row parses and carries valid codes, sectors and dates (no spaCy model needed)."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pycountry
import pytest

from dotterel.actors import kb as kbmod
from dotterel.knowledge import data_path

SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "REB", "OPP", "CVL", "LAB", "MED", "EDU", "BUS", "NGO", "IGO", "REL"}  # REL: clergy (CAMEO)
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
ORG_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")


def rows(name: str) -> list[dict[str, str]]:
    path = data_path("actors", name)
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    out = list(reader)
    for r in out:
        assert None not in r and None not in r.values(), f"{name}: wrong number of cells in {r}"
    return out


@pytest.fixture(scope="module")
def kb() -> kbmod.KnowledgeBase:
    return kbmod.load()


def test_every_iso_state_has_a_row():
    codes = [r["code"] for r in rows("countries.csv")]
    assert len(codes) == len(set(codes))
    assert set(codes) == ISO3


def test_country_rows_have_names_and_unique_aliases():
    owner: dict[str, str] = {}
    for r in rows("countries.csv"):
        assert r["name"]
        for alias in [r["name"], *kbmod._split(r["aliases"]), *kbmod._split(r["capitals"])]:
            assert owner.setdefault(alias, r["code"]) == r["code"], f"{alias} claimed twice"


def valid_code(code: str, kb: kbmod.KnowledgeBase) -> bool:
    return code in ISO3 or code in kb.org_codes


def test_institutions(kb):
    for r in rows("institutions.csv"):
        assert r["code"] in ISO3, r
        assert r["sector"] in SECTORS, r
        assert r["alias"] and r["name"]


def test_parties():
    for r in rows("parties.csv"):
        assert r["code"] in ISO3, r
        assert r["sector"] in SECTORS, r
        assert r["alias"] and r["name"] and r["kind"] in ("group", "state"), r


def test_organisations():
    for r in rows("organisations.csv"):
        assert ORG_CODE.match(r["code"]), r
        assert r["kind"] in ("igo", "non_state"), r
        assert r["sector"] in SECTORS, r
        assert kbmod._split(r["aliases"]), r


def _dates(r: dict[str, str]) -> None:
    start, end = kbmod._date(r["start"]), kbmod._date(r["end"])
    if start and end:
        assert start < end, r
    for d in (start, end):
        assert d is None or dt.date(1900, 1, 1) < d < dt.date(2030, 1, 1), r


def test_groups(kb):
    for r in rows("groups.csv"):
        assert r["code"] in ISO3 | {"ESH"}, r
        assert r["sector"] in SECTORS, r
        assert r["kind"] in ("non_state", "state"), r
        _dates(r)


def test_group_periods_do_not_overlap():
    by_name: dict[str, list[dict[str, str]]] = {}
    for r in rows("groups.csv"):
        by_name.setdefault(r["name"], []).append(r)
    for name, periods in by_name.items():
        spans = sorted((kbmod._date(p["start"]) or dt.date.min, kbmod._date(p["end"]) or dt.date.max)
                       for p in periods)
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, name


def test_leaders(kb):
    for r in rows("leaders.csv"):
        assert r["name"] and r["role"], r
        assert valid_code(r["code"], kb), r
        assert r["sector"] in SECTORS, r
        assert r["start"], r
        _dates(r)


def test_leader_terms_are_listed_once():
    keys = [(r["name"], r["code"], r["role"], r["start"]) for r in rows("leaders.csv")]
    assert len(keys) == len(set(keys))


def test_sector_words():
    seen = set()
    for r in rows("sectors.csv"):
        assert r["word"] == r["word"].lower() and r["word"] not in seen, r
        seen.add(r["word"])
        assert r["sector"] in SECTORS | {""}, r
        assert r["use"] in ("group", "body", "title"), r


def test_coref_words():
    roles = {"singular_pronoun", "plural_pronoun", "person_pronoun", "pair_noun", "definite_pair_noun", "state_noun",
             "pleonastic_verb", "agent_predicate", "agent_noun", "former", "person_possessive", "singular_possessive",
             "plural_possessive", "quantifier", "home_sector", "envoy", "state_office", "culprit", "portfolio", "member_prep",
             "foreign_group", "office_head", "abroad", "courtesy", "government_title"}
    for r in rows("coref.csv"):
        assert r["role"] in roles, r


def test_knowledge_base_loads_and_resolves_terms(kb):
    trump = next(a for a in kb.aliases["Trump"] if a.is_person)
    assert trump.at(dt.date(2018, 1, 1)).code == "USA"
    assert trump.at(dt.date(2022, 1, 1)) is None
    assert trump.at(None).start == dt.date(2025, 1, 20)
    assert kb.aliases["Americans"][0].terms[0].code == "USA"
    assert kb.sector_of(["defence", "ministry"]).sector == "MIL"
    assert kb.sector_of(["foreign", "ministry"]).sector == "GOV"


def test_country_file_is_what_the_generator_produces():
    """Re-running build_countries must not change the file (hand edits are kept)."""
    from dotterel.actors import build_countries

    path = data_path("actors", "countries.csv")
    rebuilt = build_countries.build(build_countries.read(path))
    assert [r["code"] for r in rebuilt] == [r["code"] for r in rows("countries.csv")]
    assert rebuilt == rows("countries.csv")


def test_regions_have_valid_codes_and_never_shadow_a_state_name(kb: kbmod.KnowledgeBase):
    states = {alias for alias, actors in kb.aliases.items()
              if any(a.source in ("country", "capital", "demonym") for a in actors)}
    names = [r["name"] for r in rows("regions.csv")]
    assert len(names) == len(set(names))
    for r in rows("regions.csv"):
        assert r["code"] == "" or r["code"] in ISO3, r
        assert r["name"] not in states, r  # "Georgia": the state reading wins, so it is left out
