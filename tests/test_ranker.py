"""The party ranker experiment (tools/ranker_model.py) and its training tool (tools/train_ranker.py), on
sentences authored for these tests: candidates and features read from the real parse, the model file, the dot-product choice,
and that training twice on the same data gives the same weights. No evaluation text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dotterel import nlp
from dotterel.actors import resolve_actors
from dotterel.events import code_events
from dotterel.findings import ActorIndex, EventFinding

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # the experiment lives outside the package

from ranker_model import (MODEL_PATH, RankerModel, candidates, choose, dep_path, load_model,  # noqa: E402
                          rerank)


def _coded(text: str) -> tuple[object, ActorIndex, list[EventFinding]]:
    doc = nlp.parse(text)
    actors = resolve_actors(doc, None)
    return doc, actors, code_events(doc, actors)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_ranker", ROOT / "tools" / "train_ranker.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ranker"] = module
    spec.loader.exec_module(module)
    return module


def test_dep_path_runs_up_from_the_mention_and_down_to_the_trigger() -> None:
    doc = nlp.parse("Chile sent two hundred doctors to flooded towns in Peru.")
    sent = next(t for t in doc if t.lemma_ == "send")
    doctors = next(t for t in doc if t.text == "doctors")
    peru = next(t for t in doc if t.text == "Peru")
    assert dep_path(doc[0], sent) == "nsubj^"
    assert dep_path(doctors, sent) == "dobj^"
    assert dep_path(peru, sent).startswith("pobj/prep/pobj/") and dep_path(peru, sent).endswith("^")
    # a trigger below the mention ("Chile's plan to send"): arcs down from the common ancestor follow the "^"
    doc = nlp.parse("Chile announced a plan to send doctors to Peru.")
    sent = next(t for t in doc if t.lemma_ == "send")
    announced = next(t for t in doc if t.lemma_ == "announce")
    assert dep_path(announced, sent).startswith("^") and len(dep_path(announced, sent)) > 1


def test_candidates_put_the_rules_choice_first_and_offer_every_coded_actor_and_nobody() -> None:
    doc, actors, events = _coded("Norway accused Belarus of jamming flights near the Lithuanian border.")
    ev = next(e for e in events if e.type == "ACCUSE")
    found = candidates(doc, ev, actors, "recipient")
    assert found[0].by_rules and found[0].codes == frozenset({"BLR"})
    offered = {c.codes for c in found}
    assert {frozenset(), frozenset({"NOR"}), frozenset({"BLR"})} <= offered
    assert sum(c.by_rules for c in found) == 1
    nor = next(c for c in found if c.codes == frozenset({"NOR"}))
    assert "path=nsubj^" in nor.features and "dir=before" in nor.features


def test_the_model_file_loads_and_refuses_another_format(tmp_path: Path) -> None:
    model = load_model()
    assert model.roles and all(model.weights[r] for r in model.roles)
    again = RankerModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    assert again == model
    with pytest.raises(ValueError, match="dotterel-ranker/1"):
        RankerModel.from_json({"format": "other", "weights": {}, "margin": {}, "roles": []})


def test_score_is_the_sum_of_the_candidates_feature_weights() -> None:
    model = RankerModel({"actor": {"rules": 0.5, "dep=nsubj": 2.0}}, {"actor": 0.0}, ("actor",))
    assert model.score("actor", ("rules", "dep=nsubj", "unknown")) == pytest.approx(2.5)
    assert model.score("recipient", ("rules",)) == 0.0


def test_a_model_with_no_weights_keeps_what_the_rules_chose() -> None:
    doc, actors, events = _coded("Norway accused Belarus of jamming flights near the Lithuanian border.")
    empty = RankerModel({"actor": {}, "recipient": {}}, {"actor": 0.0, "recipient": 0.0}, ("actor", "recipient"))
    assert rerank(doc, events, actors, empty) == events


def test_the_bundled_model_ranks_the_subject_first_for_the_actor_of_a_clear_case() -> None:
    doc, actors, events = _coded("Norway accused Belarus of jamming flights near the Lithuanian border.")
    ev = next(e for e in events if e.type == "ACCUSE")
    model = load_model()
    if "actor" in model.roles:
        pick = choose(model, "actor", candidates(doc, ev, actors, "actor"))
        assert pick.codes == frozenset({"NOR"})
    if "recipient" in model.roles:
        pick = choose(model, "recipient", candidates(doc, ev, actors, "recipient"))
        assert pick.codes == frozenset({"BLR"})


def test_training_twice_on_the_same_groups_gives_the_same_weights() -> None:
    tool = _tool()
    gold = [
        {"id": "r1", "text": "Norway accused Belarus of jamming flights near the Lithuanian border.",
         "events": [{"type": "ACCUSE", "actor": ["NOR"], "recipient": ["BLR"]}]},
        {"id": "r2", "text": "Peru thanked Chile for the doctors it sent after the floods.",
         "events": [{"type": "SUPPORT", "actor": ["PER"], "recipient": ["CHL"]}]},
        {"id": "r3", "text": "Kenyan police arrested four Somali men in Mombasa on Friday.",
         "events": [{"type": "COERCE", "actor": ["KEN"], "recipient": ["SOM"]}]},
    ]
    docs = tool.analyse(gold)
    groups = tool.groups(docs, ["actor", "recipient"])
    assert any(any(g.labels) for g in groups)
    first = tool.fit(groups, ["actor", "recipient"], 1.0, 0.0)
    second = tool.fit(groups, ["actor", "recipient"], 1.0, 0.0)
    assert first == second and first.to_json() == second.to_json()
