"""Dyad derivation: which dyads one event cluster feeds (docs/monitor.md, "Dyad derivation").

- actor list x recipient list: every (actor, recipient) pair is a *directed* dyad `A-B`;
- no recipient and two or more actors (two-sided violence, talks "between A and B"): every pair among the
  actors is a *reciprocal* dyad, written with the codes in alphabetical order;
- when one cluster holds both A->B and B->A, the pair is reciprocal too (one row, counted once);
- no recipient and one actor (a missile test): a *single*-actor series, `b` = '' (two sides of one
  country, such as army and RSF, are not a single actor: that pair is only visible at sector level);
- country level uses country codes and drops pairs inside one country; sector level uses code+sector
  keys (`SDNGOV`, `SDNREB`), so a civil war shows up as `SDNGOV-SDNREB`.

Down-weighting: a dyad row's weight is the largest weight of the cluster's members, where a member from
an opinion piece weighs `opinion_weight`, and a member attributed to a party of this dyad, or published
by a state outlet of a party (data/monitor/outlets.csv), weighs `party_weight` (the two multiply). A
happening also reported by one neutral, non-opinion source keeps full weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LEVELS = ("country", "sector")


@dataclass(frozen=True, slots=True)
class Ref:
    """An actor or recipient of a member event: country code and sector (may be None)."""

    code: str
    sector: str | None

    def key(self, level: str) -> str:
        return self.code if level == "country" or not self.sector else f"{self.code}{self.sector}"


@dataclass(frozen=True, slots=True)
class MemberView:
    """What dyad derivation needs from one member coding of a cluster."""

    actors: tuple[Ref, ...]
    recipients: tuple[Ref, ...]
    opinion: bool
    attribution_code: str | None
    outlet_country: str | None


@dataclass(frozen=True, slots=True)
class Dyad:
    level: str
    kind: str  # directed | reciprocal | single
    a: str
    b: str
    countries: frozenset[str]  # country codes behind a and b (for party-to-conflict weighting)


def _pairs(member: MemberView, level: str) -> list[tuple[str, str, str, frozenset[str]]]:
    """(a, b, kind, countries) pairs one member gives; kind is directed|reciprocal|single."""
    out: list[tuple[str, str, str, frozenset[str]]] = []
    if member.recipients:
        for x in member.actors:
            for y in member.recipients:
                a, b = x.key(level), y.key(level)
                if a != b:
                    out.append((a, b, "directed", frozenset((x.code, y.code))))
        return out
    actors = sorted({(x.key(level), x.code) for x in member.actors})
    if len(set(member.actors)) == 1:  # one actor, nobody acted on: a single-actor series
        return [(actors[0][0], "", "single", frozenset((actors[0][1],)))]
    for i, (a, ca) in enumerate(actors):
        for b, cb in actors[i + 1:]:
            if a != b:
                out.append((a, b, "reciprocal", frozenset((ca, cb))))
    return out


def derive(members: Sequence[MemberView], *, opinion_weight: float, party_weight: float) -> list[tuple[Dyad, float]]:
    """The dyads a cluster feeds, each with its weight (see module docstring)."""
    result: list[tuple[Dyad, float]] = []
    for level in LEVELS:
        directions: dict[tuple[str, str], set[str]] = {}
        countries: dict[tuple[str, str], frozenset[str]] = {}
        for m in members:
            for a, b, kind, cc in _pairs(m, level):
                pair = (a, b) if kind == "single" else (min(a, b), max(a, b))
                directions.setdefault(pair, set()).add("both" if kind == "reciprocal" else
                                                       "single" if kind == "single" else f"{a}>{b}")
                countries[pair] = countries.get(pair, frozenset()) | cc
        if level == "country":  # pairs inside one country are only visible at sector level
            for pair in [p for p in directions if p[1] and p[0] == p[1]]:
                del directions[pair]
        for pair in sorted(directions):
            d = directions[pair]
            if "single" in d:
                dyad = Dyad(level, "single", pair[0], "", countries[pair])
            elif "both" in d or len(d) > 1:
                dyad = Dyad(level, "reciprocal", pair[0], pair[1], countries[pair])
            else:
                a, b = next(iter(d)).split(">")
                dyad = Dyad(level, "directed", a, b, countries[pair])
            weight = max(member_weight(m, dyad.countries, opinion_weight, party_weight) for m in members)
            result.append((dyad, weight))
    return result


def member_weight(m: MemberView, countries: frozenset[str], opinion_weight: float, party_weight: float) -> float:
    w = opinion_weight if m.opinion else 1.0
    if (m.attribution_code and m.attribution_code in countries) or (m.outlet_country and m.outlet_country in countries):
        w *= party_weight
    return w


__all__ = ["Dyad", "LEVELS", "MemberView", "Ref", "derive", "member_weight"]
