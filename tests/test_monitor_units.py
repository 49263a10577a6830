"""Unit tests of the monitor's pure parts: dyad derivation, outlets and syndication, periods, the index and test."""

from __future__ import annotations

import pytest

import dotterel.monitor as monitor
from dotterel.monitor.dyads import MemberView, Ref, derive
from dotterel.store.query import parse_dyad
from dotterel.monitor.index import Baseline, p_at_least, p_at_most, robust_index, p_away, p_toward
from dotterel.monitor.periods import key_for_date, span, start_of
from dotterel.monitor.sources import DocSig, outlet_of, signature, similarity, syndication_groups


def member(actors: list[str], recipients: list[str], *, opinion: bool = False, attribution: str | None = None,
           outlet_country: str | None = None) -> MemberView:
    def refs(items: list[str]) -> tuple[Ref, ...]:
        return tuple(Ref(i.split("/")[0], i.split("/")[1] if "/" in i else None) for i in items)

    return MemberView(refs(actors), refs(recipients), opinion, attribution, outlet_country)


def rows(members: list[MemberView], level: str = "country") -> list[tuple[str, str, str, float]]:
    return [(d.kind, d.a, d.b, w) for d, w in derive(members, opinion_weight=0.5, party_weight=0.5) if d.level == level]


def test_actor_list_times_recipient_list() -> None:
    assert rows([member(["PRK/MIL", "RUS/GOV"], ["UKR"])]) == [
        ("directed", "PRK", "UKR", 1.0), ("directed", "RUS", "UKR", 1.0)]


def test_reciprocal_event_gives_every_pair_once() -> None:
    assert rows([member(["ARM", "AZE", "TUR"], [])]) == [
        ("reciprocal", "ARM", "AZE", 1.0), ("reciprocal", "ARM", "TUR", 1.0), ("reciprocal", "AZE", "TUR", 1.0)]


def test_both_directions_in_one_cluster_are_reciprocal() -> None:
    assert rows([member(["IRN"], ["IRQ"]), member(["IRQ"], ["IRN"])]) == [("reciprocal", "IRN", "IRQ", 1.0)]


def test_no_recipient_single_actor() -> None:
    assert rows([member(["PRK/MIL"], [])]) == [("single", "PRK", "", 1.0)]


def test_civil_war_only_at_sector_level() -> None:
    m = [member(["SDN/MIL"], ["SDN/REB"]), member(["SDN/MIL", "SDN/REB"], [])]
    assert rows(m) == []
    assert rows(m, "sector") == [("reciprocal", "SDNMIL", "SDNREB", 1.0)]


def test_down_weighting_opinion_and_parties() -> None:
    assert rows([member(["RUS"], ["UKR"], opinion=True)])[0][3] == 0.5
    assert rows([member(["RUS"], ["UKR"], attribution="UKR")])[0][3] == 0.5
    assert rows([member(["RUS"], ["UKR"], outlet_country="RUS", opinion=True)])[0][3] == 0.25
    # One neutral report restores full weight; a third country's outlet is not a party.
    assert rows([member(["RUS"], ["UKR"], attribution="UKR"), member(["RUS"], ["UKR"])])[0][3] == 1.0
    assert rows([member(["RUS"], ["UKR"], outlet_country="QAT")])[0][3] == 1.0


@pytest.mark.parametrize("text,expected", [("RUS-UKR", ("RUS", "UKR")), ("rus-ukr", ("RUS", "UKR")),
                                           ("PRK", ("PRK", "")), ("SDNGOV-SDNREB", ("SDNGOV", "SDNREB")),
                                           ("USA-USA", ("USA", "USA"))])
def test_parse_dyad(text: str, expected: tuple[str, str]) -> None:
    assert parse_dyad(text) == expected


@pytest.mark.parametrize("text", ["RUS-", "RUS-UKR-USA", "R$S-UKR", "", "Iran-North Korea"])
def test_parse_dyad_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_dyad(text)


def test_outlets_are_canonical() -> None:
    assert outlet_of("Associated Press", None, "x").key == "AP"
    assert outlet_of(None, "https://www.apnews.com/article/1", "x").key == "AP"
    assert outlet_of("TASS", None, "x").country == "RUS"
    assert outlet_of("Kyiv Independent", None, "x").key == "Kyiv Independent"
    assert outlet_of(None, None, "d1").key == "doc:d1"


def test_syndicated_copies_share_a_source() -> None:
    story = ("Venezuelan soldiers raided a Guyanese army post at Eteringbang on Monday and killed three soldiers, "
             "officials in Georgetown said. It was the first deadly clash in the decades-old dispute.")
    other = "France and Germany signed a new friendship treaty in Aachen on Tuesday, officials in both capitals said."
    docs = [DocSig(1, "a", "2025-02-03", "AP", signature(story)),
            DocSig(2, "b", "2025-02-04", "Caribbean Times", signature(story + " This story was first published by AP.")),
            DocSig(3, "c", "2025-02-04", "Stabroek News", signature("GEORGETOWN (AP) - " + story)),
            DocSig(4, "d", "2025-02-04", "Le Monde", signature(other)),
            DocSig(5, "e", "2025-05-01", "Old Paper", signature(story))]  # months later: not syndication
    assert similarity(docs[0].signature, docs[1].signature) >= 0.6 > similarity(docs[0].signature, docs[3].signature)
    assert syndication_groups(docs) == {1: "AP", 2: "AP", 3: "AP", 4: "Le Monde", 5: "Old Paper"}


def test_signature_is_stable() -> None:
    assert signature("Troops crossed the border.") == signature("Troops crossed the border.")
    assert len(signature("x")) == 20


def test_periods() -> None:
    assert span(key_for_date("2024-12-30", "week"), "2025-W03", "week") == ["2025-W01", "2025-W02", "2025-W03"]
    assert span("2024-11", "2025-02", "month") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert start_of("2025-W06", "week").isoformat() == "2025-02-03"
    assert key_for_date("2025-02-09", "week") == "2025-W06"
    assert len(span("2024-02-27", "2024-03-01", "day")) == 4  # leap year
    assert span("2024-12", "2024-12", "month") == ["2024-12"]


def test_poisson_tails() -> None:
    assert p_at_least(0, 2.0) == 1.0
    assert p_at_least(5, 1.0) == pytest.approx(1 - sum(1.0 ** k / [1, 1, 2, 6, 24][k] for k in range(5)) * 2.718281828 ** -1,
                                              rel=1e-6)
    assert p_at_most(0, 3.0) == pytest.approx(2.718281828 ** -3, rel=1e-6)
    assert p_at_least(3, 0.5) > p_at_least(4, 0.5)


def test_index_is_robust_z_with_floor() -> None:
    assert robust_index(0.0, [0, 0, 0, 0]) == 0
    assert robust_index(2.0, [0, 0, 0, 0]) == pytest.approx(4.0)  # floor 0.5
    assert robust_index(5.0, [1, 2, 3, 4, 5]) == pytest.approx((5 - 3) / (1.4826 * 1))


def test_change_tests_guards() -> None:
    calm = Baseline(n=4, mean_docs=10, conflict=[0.3, 0.0, 0.2, 0.3], hostility=[0.3, -0.25, 0.2, 0.3])
    assert p_toward(0.9, calm, 1.0) == 1.0  # less than one material-conflict happening: not tested
    assert p_toward(3.0, calm, 1.0) < 0.05
    assert p_toward(3.0, calm, 3.0) > p_toward(3.0, calm, 1.0)  # more news volume, higher expectation
    assert p_away(0.0, calm, [1.0, 1.0]) == 1.0  # nothing to de-escalate from
    war = Baseline(n=5, mean_docs=10, conflict=[2.7] * 5, hostility=[2.7] * 5)
    assert p_away(0.0, war, [1.0, 1.0]) < 0.01
    assert p_away(5.0, war, [1.0, 1.0]) > 0.3


def test_public_api_is_listed() -> None:
    for name in monitor.__all__:
        assert hasattr(monitor, name)
    assert {"build", "clusters", "series", "top_dyads", "alerts", "all_series"} <= set(monitor.__all__)


def test_vector_index_matches_the_scalar_definitions() -> None:
    import random

    import numpy as np

    from dotterel.monitor.index import compute, exposure, p_toward, p_toward_all

    rng = random.Random(3)
    n = 30
    conflict = np.array([rng.choice([0, 0, 0.3, 0.9, 1.8, 3.6]) for _ in range(n)])
    cooperation = np.array([rng.choice([0, 0.25, 0.5]) for _ in range(n)])
    docs = np.array([0, 0] + [rng.randint(1, 40) for _ in range(n - 2)], dtype=float)
    c = compute(conflict, cooperation, docs, 2, 8, 4)
    up = p_toward_all(conflict, c)
    for i in range(n):
        lo = max(2, i - 8)
        window = list(range(lo, i))
        if len(window) < 4:
            assert not c.has_base[i]
            continue
        mean_docs = sum(docs[j] for j in window) / len(window)
        hs = [(conflict[j] - cooperation[j]) / exposure(docs[j], mean_docs) for j in window]
        e = exposure(docs[i], mean_docs)
        assert c.index[i] == pytest.approx(robust_index((conflict[i] - cooperation[i]) / e, hs))
        base = Baseline(n=len(window), mean_docs=mean_docs, conflict=[float(conflict[j]) for j in window], hostility=hs)
        assert up[i] == pytest.approx(p_toward(float(conflict[i]), base, e))


def test_periods_without_news_are_outside_the_baseline() -> None:
    import numpy as np

    from dotterel.monitor.index import compute

    conflict = np.array([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 4.0])
    coop = np.zeros(8)
    docs = np.array([10, 10, 10, 10, 0, 0, 0, 10], dtype=float)  # three months with no news at all
    with_gap = compute(conflict, coop, docs, 0, 6, 3)
    without = compute(conflict[[0, 1, 2, 3, 7]], coop[[0, 1, 2, 3, 7]], docs[[0, 1, 2, 3, 7]], 0, 6, 3)
    assert np.isnan(with_gap.index[4:7]).all() and not with_gap.has_base[4:7].any()
    assert with_gap.index[7] == pytest.approx(without.index[4])
    assert with_gap.expected[7] == pytest.approx(without.expected[4])
