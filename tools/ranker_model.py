"""A learned second opinion on who fills an event's actor and recipient slots.

The rules (`events/parties.py`, `conventions.py`) choose the parties; this module lists the alternatives the
sentence offers (each coded actor mention, the rules' own choice, and "nobody"), describes each with features
read from the parse (dependency path to the trigger, distance, direction, kind and sector of the actor, whether
the rules chose it) and scores them with a linear model trained offline by `tools/train_ranker.py`. The model
is a JSON file of feature weights (`tools/ranker.json`): scoring is a plain dot product, so nothing
beyond the standard library runs here.

Measured and NOT wired into the pipeline: under cross-validation on the real-news dev gold it raises tuple
F1, but on the unseen sets dyad F1 falls (`docs/ranker.md` has the figures), so it lives with the experiment
under `tools/`, outside the package and its knowledge fingerprint. `rerank` is the one call a pipeline would
make after `code_events`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, Span, Token

from dotterel.findings import ActorIndex, EventFinding, Mention

Role = Literal["actor", "recipient"]
ROLES: tuple[Role, ...] = ("actor", "recipient")
MODEL_PATH = Path(__file__).resolve().parent / "ranker.json"
# longest dependency path (arcs up plus arcs down) kept as one feature; longer paths share one value
MAX_PATH = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way to fill a slot: these mentions (none: the slot stays empty), coded as `codes`."""

    mentions: tuple[Mention, ...]
    codes: frozenset[str]
    by_rules: bool
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RankerModel:
    """Feature weights per role; the rules' choice is replaced only when another candidate scores more than
    `margin` above it."""

    weights: dict[str, dict[str, float]]
    margin: dict[str, float]
    roles: tuple[str, ...]

    def score(self, role: str, features: tuple[str, ...]) -> float:
        w = self.weights.get(role, {})
        return sum(w.get(f, 0.0) for f in features)

    def to_json(self) -> dict[str, object]:
        return {"format": "dotterel-ranker/1", "roles": list(self.roles), "margin": self.margin,
                "weights": {r: dict(sorted(w.items())) for r, w in self.weights.items()}}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> RankerModel:
        if data.get("format") != "dotterel-ranker/1":
            raise ValueError("not a dotterel ranker model (format dotterel-ranker/1)")
        weights = data.get("weights")
        margin = data.get("margin")
        roles = data.get("roles")
        if not isinstance(weights, dict) or not isinstance(margin, dict) or not isinstance(roles, list):
            raise ValueError("ranker model lacks weights, margin or roles")
        return cls({str(r): {str(f): float(v) for f, v in w.items()} for r, w in weights.items()},
                   {str(r): float(v) for r, v in margin.items()}, tuple(str(r) for r in roles))


@cache
def load_model(path: Path = MODEL_PATH) -> RankerModel:
    return RankerModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def dep_path(head: Token, trigger: Token) -> str:
    """Arc labels from the mention's head up to the lowest common ancestor, then down to the trigger."""
    up, down = _ancestors(head), _ancestors(trigger)
    down_ids = {t.i: n for n, t in enumerate(down)}
    for n, t in enumerate(up):
        if t.i in down_ids:
            ups = [x.dep_ for x in up[:n]]
            downs = [x.dep_ for x in down[:down_ids[t.i]]]
            if len(ups) + len(downs) > MAX_PATH:
                return "long"
            return "/".join(ups) + "^" + "/".join(reversed(downs))
    return "none"  # different sentences


def _mention_features(m: Mention, trigger: Token, doc: Doc, etype: str) -> list[str]:
    h = doc[m.head]
    path = dep_path(h, trigger)
    gap = abs(h.i - trigger.i)
    f = [f"path={path}", f"path|{etype}={path}", f"dep={h.dep_}", f"dep|{etype}={h.dep_}",
         f"dist={_bucket(gap)}", f"dir={'before' if h.i < trigger.i else 'after'}",
         f"kind={m.kind}", f"sector={m.sector or '-'}", f"kind|{etype}={m.kind}"]
    if h.dep_ == "pobj":
        prep = h.head.lower_
        f += [f"prep={prep}", f"prep|{etype}={prep}"]
        if h.head.head.i == trigger.i:
            f.append(f"prep_of_trigger={prep}")
    if h.dep_ in ("poss", "compound", "amod"):
        f.append(f"mod_of_head={h.head.dep_}")
    if h.head.i == trigger.i:
        f.append(f"child={h.dep_}")
    if trigger.i in {t.i for t in h.subtree} and h.i != trigger.i:
        f.append("governs_trigger")
    elif h.i in {t.i for t in trigger.subtree}:
        f.append("under_trigger")
    if m.place:
        f.append("place")
    if m.token_start <= trigger.i < m.token_end:
        f.append("is_trigger")
    return f


def _sentence_of(doc: Doc, ev: EventFinding) -> Span:
    return doc[ev.trigger].sent


def candidates(doc: Doc, ev: EventFinding, actors: ActorIndex, role: Role) -> list[Candidate]:
    """The rules' choice, each coded actor of the event's sentence (its mention nearest the trigger) and
    the empty slot, each with its features; the first candidate is always the rules' choice."""
    trigger = doc[ev.trigger]
    etype = ev.type
    chosen = ev.actors if role == "actor" else ev.recipients
    other = ev.recipients if role == "actor" else ev.actors
    other_codes = {m.code for m in other if m.code}
    rule_codes = frozenset(m.code for m in chosen if m.code)
    sent = _sentence_of(doc, ev)
    by_code: dict[str, Mention] = {}
    for m in actors.in_tokens(sent.start, sent.end):
        if not m.code:
            continue
        best = by_code.get(m.code)
        if best is None or abs(m.head - ev.trigger) < abs(best.head - ev.trigger):
            by_code[m.code] = m
    n_coded = len(by_code)
    common = [f"n_coded={_bucket(n_coded)}"]
    out: list[Candidate] = []

    def add(mentions: tuple[Mention, ...], codes: frozenset[str], feats: list[str]) -> None:
        rules = codes == rule_codes
        if rules:
            feats = feats + ["rules", f"rules|{etype}"]
        if codes and codes & other_codes:
            feats = feats + ["other_side", f"other_side|{etype}"]
        item = Candidate(tuple(chosen) if rules else mentions, codes, rules, tuple(feats + common))
        if rules:
            out.insert(0, item)
        else:
            out.append(item)

    add((), frozenset(), ["empty", f"empty|{etype}"])
    if len(rule_codes) > 1:
        add(tuple(m for m in chosen if m.code), rule_codes, ["several", f"several|{etype}"])
    linear = sorted(by_code.values(), key=lambda m: abs(m.head - ev.trigger))
    for rank, m in enumerate(linear):
        feats = _mention_features(m, trigger, doc, etype)
        feats.append(f"rank={min(rank, 3)}")
        add((m,), frozenset({m.code or ""}), feats)
    if not any(c.by_rules for c in out):
        # the rules took a party from outside the sentence (the article's state, a home country)
        add(tuple(m for m in chosen if m.code), rule_codes, ["outside", f"outside|{etype}"])
    return out


def choose(model: RankerModel, role: Role, found: list[Candidate]) -> Candidate:
    """The best-scoring candidate, unless it beats the rules' choice (the first) by no more than the margin."""
    scores = [model.score(role, c.features) for c in found]
    best = max(range(len(found)), key=lambda i: scores[i])
    if scores[best] - scores[0] > model.margin.get(role, 0.0):
        return found[best]
    return found[0]


def rerank(doc: Doc, events: list[EventFinding], actors: ActorIndex, model: RankerModel | None = None
           ) -> list[EventFinding]:
    """The events with each slot the model covers refilled by its choice among the sentence's candidates."""
    model = model if model is not None else load_model()
    out = []
    for ev in events:
        for role in ROLES:
            if role not in model.roles:
                continue
            pick = choose(model, role, candidates(doc, ev, actors, role))
            if pick.by_rules:
                continue
            chosen = ev.actors if role == "actor" else ev.recipients
            # an uncoded party the rules named ("protesters") stays when the model only says "no coded party"
            mentions = list(pick.mentions) if pick.mentions else [m for m in chosen if not m.code]
            ev = replace(ev, actors=mentions) if role == "actor" else replace(ev, recipients=mentions)
        out.append(ev)
    return out
