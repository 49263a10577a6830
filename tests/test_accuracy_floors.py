"""Accuracy floors: the acceptance article's scorecard, and every labelled set a little under the reached figures.

A regression in any stage fails the build here. Figures reached (and the command) are in
bench/eval_report.md; these floors sit a few points under them so noise does not flake the suite.
Sets in ../shared are skipped when it is absent, except under CI=true where that is a failure.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from dotterel.evaluation import suite

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"
pytestmark = pytest.mark.slow


def need(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {path} is missing")
        pytest.skip(f"{path} not found")
    return path


def test_acceptance_article_meets_every_criterion() -> None:
    from dotterel.evaluation.seed import score_seed

    gold = need(SHARED / "examples" / "north-korea-troops.gold.json")
    card = score_seed(gold, gold.with_name("north-korea-troops.txt"))
    assert card["required"] == "7/7"
    assert card["unexpected"] <= 3
    assert card["attribution"] == "2/2", "E1 attributed to USA, E2 to KOR"
    assert card["modality"] == "7/7"
    assert card["q1_upper_3000"] and card["q2_projected_10000"]
    assert card["speakers"] == "5/5"
    assert card["genre"] == "opinion"
    assert card["dates"] == "2/2", "2024-10-23 and 2024-06"


# set -> floors on headline figures (reached figures in bench/eval_report.md)
FLOORS: dict[str, dict[str, float]] = {
    "sentences": {"type_f1": 0.92, "tuple_f1": 0.81, "dyad_f1": 0.79, "modality_acc": 0.95, "reported_acc": 0.95,
                  "source_acc": 0.83},
    "articles": {"type_f1": 0.77, "tuple_f1": 0.51, "dyad_f1": 0.48, "modality_acc": 0.92, "reported_acc": 0.87},
    # written blind on 2026-11-29 (the coder's author saw only the figures): the honest held-out measure
    # 0.833 / 0.697 / 0.653 measured after the verbal predicate families (branch verbal, 2026-12-05)
    # (tuple 0.712 after material2); 0.842 / 0.737 / 0.662 after typerec2 and recip2 (stop of 2026-12-05 evening)
    "heldout": {"type_f1": 0.83, "tuple_f1": 0.72, "dyad_f1": 0.65, "modality_acc": 0.95, "reported_acc": 0.95},
    # 60 whole real articles of the corpus dev split, coded by two coders, adjudicated (2026-12-05);
    # 0.699 / 0.481 / 0.453 measured after the recall2 predicate families; set after the merge of this stop's
    # branches (figures in README); raised after the material-type classes (victims inside an attack, weapons
    # going off, attack nouns, word senses of blow/protest verbs): 0.741 / 0.546 / 0.481 -> 0.759 / 0.569 / 0.489;
    # 0.769 / 0.576 / 0.492 after the verbal2 classes (drawn criticism, state protests, culprits, held-over threats);
    # party filling (branch parties5): 0.761 / 0.571 / 0.492 -> 0.763 / 0.580 / 0.500
    # material2 (targets named again, victims of the attack just told, doers of act nouns, meetings
    # as settings, trade senses): 0.761 / 0.571 / 0.492 -> 0.770 / 0.581 / 0.500
    # branch tuple (critics/reporters no doers, seized things, coordinated "they", "the operation", protest "at"):
    # 0.782 / 0.597 / 0.512 -> 0.786 / 0.610 / 0.525; all of this stop's branches merged (+ recall3, junk2,
    # actordata): 0.793 / 0.623 / 0.532
    # branch typerec (credited acts, texts acting for their issuer, counterparts of unaddressed acts):
    # 0.793 / 0.623 / 0.532 -> 0.811 / 0.651 / 0.551; branch recip (parties of type-right events: stances on
    # what an act made, domestic targets of legislatures and people, object parties hung on the verb):
    # 0.793 / 0.623 / 0.532 -> 0.793 / 0.623 / 0.556; all of that stop's branches merged (+ fixes3, store,
    # typerec2, recip2, store2): 0.816 / 0.665 / 0.586
    "realnews": {"type_f1": 0.80, "tuple_f1": 0.65, "dyad_f1": 0.57, "modality_acc": 0.93},
    # attributions and quantities in 40 of those articles, coded the same way; speaker_acc counts a speaker
    # right by span overlap or same code+sector (evaluation/claims.py), speaker_span_acc by span alone
    # 0.836 / 0.691 / 0.808 / 0.889 / 0.819 / 0.731 measured after the speakers branch (2026-12-05);
    # speaker_code_p 0.862 -> 0.934 after several speakers, firms' officers and diplomats kept off one state;
    # codable_coded 0.823 -> 0.827 (unnamed opposition of the home state)
    "realnews_claims": {"content_f1": 0.82, "speaker_acc": 0.93, "speaker_span_acc": 0.91, "indirect_r": 0.67,
                        "quoted_r": 0.82, "speaker_code_acc": 0.78, "speaker_code_p": 0.91, "codable_coded": 0.81,
                        "certainty_acc": 0.71},
    # predicate_link: the quantity's `counts` at the coders' trigger (0.842 measured 2026-12-05; event_link
    # 0.211, event_link_coded 0.441; 0.237 / 0.500 after material2)
    "realnews_quantities": {"value_f1": 0.91, "bound_acc": 0.91, "event_link": 0.22, "event_link_coded": 0.47,
                            "predicate_link": 0.80},
    "plover": {"type_f1": 0.85, "tuple_f1": 0.61, "dyad_f1": 0.65, "modality_acc": 0.95},
    "petrarch2": {"type_f1": 0.53, "dyad_f1": 0.40},
    # claims and quantities in general news, written blind on 2026-11-30 (never tuned to)
    "heldout_claims": {"content_f1": 0.92, "speaker_acc": 0.91},
    "heldout_quantities": {"value_f1": 0.95, "bound_acc": 0.95},
    "newssd": {"macro_f1": 0.67},
    "meantime": {"agreement": 0.84},
}


@functools.cache
def scored(name: str) -> suite.SetResult:
    path, fn = suite.named_sets()[name]
    return fn(need(path))


@pytest.mark.parametrize("name", list(FLOORS))
def test_set_stays_above_its_floor(name: str) -> None:
    result = scored(name)
    low = {k: result.headline[k] for k, floor in FLOORS[name].items()
           if result.headline[k] is None or float(result.headline[k]) < floor}
    assert not low, f"{name} fell below its floors: {low} (floors {FLOORS[name]})"


def test_no_junk_speakers_on_real_news() -> None:
    """A speaker is a person, group, institution, outlet or document: never a number, date or ticker, nor
    a noun not known to speak (evaluation/claims.py, `junk_speakers`)."""
    assert scored("realnews_claims").headline["junk_speakers"] == 0


def test_non_political_articles_stay_nearly_event_free() -> None:
    """Business, sport, science, accident and crime articles: events with a coded actor per article stay
    under a ceiling a little above the measured figure (the issue-13 target is 0.2). 0.14 -> 0.18 with parties4:
    correct codes for office-holders the data did not know reached economic-policy statements these articles
    count as events; what is no event in economic news is the coder's to decide, not the actors'. 0.19 -> 0.16
    with selfdyad: an office's routine intake, self-doubt and own-side recipients no longer make events.
    0.16 -> 0.20 with actordata: a 1987 energy secretary and "Opec" the data now knows are the actors of an
    oil-policy article's requests (the same class as parties4's; the codes are right)."""
    result = scored("realnews_precision")
    assert result.headline["documents"] == 100
    # the target itself (0.20 measured on 2026-12-05 after actordata): no margin above it
    assert float(result.headline["coded_actor_events_per_doc"] or 0) <= 0.20
    # 0.53 measured (0.63 before non_events.apolitical and political_article, 0.71 before events/non_events.py)
    assert float(result.headline["events_per_doc"] or 0) <= 0.58


def test_plover_reaches_the_type_target() -> None:
    assert scored("plover").headline["type_f1"] >= 0.85

