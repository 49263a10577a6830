#!/usr/bin/env python3
"""Train and measure the party ranker (`tools/ranker_model.py`): which coded mention fills an event's actor and
recipient, chosen among the sentence's candidates by a logistic regression over parse features.

usage:
  tools/train_ranker.py cv [--roles recipient actor] [--folds 5] [--seeds 0 1 2]
      grouped cross-validation by article on the real-news dev gold: rules vs rules+ranker, tuple/dyad F1
      pooled over the held-out folds (each fold's model trained on the other folds + our authored sets)
  tools/train_ranker.py measure [--roles ...]
      train on realnews only -> score sentences, articles; train on all -> score heldout, plover
      (aggregate figures only: the measuring sets' sentences are never printed)
  tools/train_ranker.py oracle [--roles ...]
      the ceiling of any ranker over these candidates on the real-news dev gold (gold picks where possible)
  tools/train_ranker.py keep-cv [--seeds ...] | keep-measure
      the other decision, event or not: a keep/drop filter over the rules' events, measured the same ways
  tools/train_ranker.py train [--roles ...] [--out tools/ranker.json]
      train on all training data and write the run-time model (JSON weights)

Training data: ONLY tests/gold/realnews/events.jsonl (dev split, texts read from ../shared by id),
tests/gold/sentences.jsonl and tests/gold/articles.jsonl. heldout, plover and everything in ../shared/eval
are scored, never trained on. Labels: a candidate is right when its codes are the gold event's codes for
that slot (or one of its alternatives); the gold event is the one of the same type whose trigger (else span,
else quoted evidence) covers the predicted trigger, or for a one-sentence document the only one of that type.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dotterel import nlp  # noqa: E402
from dotterel.actors import resolve_actors  # noqa: E402
from dotterel.assemble import Findings, assemble  # noqa: E402
from dotterel.claims import find_claims  # noqa: E402
from dotterel.claims.voice import with_quoted_speakers  # noqa: E402
from dotterel.dates import find_dates  # noqa: E402
from dotterel.errors import DotterelError  # noqa: E402
from dotterel.evaluation.event_metrics import codes, score_events, type_ok  # noqa: E402
from dotterel.evaluation.event_sets import generalize, gold_file, plover_gsr, realnews  # noqa: E402
from dotterel.evaluation.suite import corpus_path, shared_dir  # noqa: E402
from dotterel.events import code_events  # noqa: E402
from ranker_model import ROLES, Candidate, RankerModel, Role, candidates, choose, rerank  # noqa: E402
from dotterel.findings import ActorIndex, EventFinding  # noqa: E402
from dotterel.genre import classify_genre  # noqa: E402
from dotterel.model import SourceItem, to_builtins  # noqa: E402
from dotterel.pipeline import coder_block  # noqa: E402
from dotterel.pubdate import parse_pub_date  # noqa: E402
from dotterel.quantities import find_quantities  # noqa: E402
from dotterel.sources.normalize import prepare, text_sha256  # noqa: E402

Json = dict[str, Any]
GOLD = ROOT / "tests" / "gold"
MODEL_OUT = ROOT / "tools" / "ranker.json"
C_VALUES = (0.1, 0.3, 1.0, 3.0, 10.0)
MARGINS = (0.0, 0.5, 1.0, 2.0)


@dataclass
class Analysed:
    gold: Json
    item: SourceItem
    doc: Any  # spacy Doc
    findings: Findings
    coder_actors: ActorIndex


@dataclass
class Group:
    """One slot of one predicted event: its candidates and which of them the gold marks right."""

    doc_id: str
    role: str
    cands: list[Candidate]
    labels: list[int]


def analyse(gold_docs: list[Json]) -> list[Analysed]:
    """Run the pipeline's stages as `pipeline.find_all` does, keeping the coder's actor index."""
    out = []
    prepared = []
    for g in gold_docs:
        try:
            prepared.append((g, prepare(SourceItem(text=g["text"], id=str(g["id"]), date=g.get("date"),
                                                   title=g.get("title")))))
        except DotterelError:
            continue
    for (g, item), doc in zip(prepared, nlp.parse_many((p.text for _, p in prepared), batch_size=32)):
        pub = parse_pub_date(item.date)
        actors = resolve_actors(doc, pub)
        claims = find_claims(doc, actors)
        genre = classify_genre(doc)
        coder_actors = with_quoted_speakers(doc, actors, claims)
        events = code_events(doc, coder_actors, opinion=genre.label == "opinion")
        found = Findings(actors=actors, claims=claims, events=events, quantities=find_quantities(doc),
                         dates=find_dates(doc, pub), genre=genre)
        out.append(Analysed(g, item, doc, found, coder_actors))
    return out


def predictions(docs: list[Analysed], model: RankerModel | None) -> dict[str, Json]:
    coder = coder_block()
    out = {}
    for a in docs:
        events = a.findings.events if model is None else rerank(a.doc, a.findings.events, a.coder_actors, model)
        found = replace(a.findings, events=events)
        pub = parse_pub_date(a.item.date)
        record = assemble(a.doc, found, doc_id=str(a.gold["id"]), sha=text_sha256(a.item.text), item=a.item,
                          pub_date=pub, coder=coder, warnings=[])
        out[str(a.gold["id"])] = generalize(to_builtins(record), a.gold)
    return out


def _overlaps(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_event(ev: EventFinding, a: Analysed) -> Json | None:
    """The gold event this prediction stands for, when that is clear."""
    same = [g for g in a.gold["events"] if type_ok({"type": ev.type}, g)]
    trig = ev.trigger_span
    text = a.item.text
    by_trigger = [g for g in same if g.get("trigger_span") and _overlaps(g["trigger_span"], trig)]
    if by_trigger:
        return by_trigger[0] if len(by_trigger) == 1 else None
    spans = []
    for g in same:
        span = g.get("span")
        if not span and g.get("evidence"):
            at = text.find(g["evidence"])
            span = [at, at + len(g["evidence"])] if at >= 0 else None
        if span and span[0] <= trig[0] and trig[1] <= span[1]:
            spans.append(g)
    if spans:
        return spans[0] if len(spans) == 1 else None
    one_sentence = sum(1 for _ in a.doc.sents) == 1
    if one_sentence and len(same) == 1 and not same[0].get("span") and not same[0].get("evidence"):
        return same[0]
    return None


def groups(docs: list[Analysed], roles: Iterable[Role], unaligned_empty: bool = False) -> list[Group]:
    """`unaligned_empty`: an event of a type no gold event of the document has is spurious, and any party
    given to it only adds wrong dyads: its slots are taught as best left empty."""
    out = []
    for a in docs:
        gold_types = {t for g in a.gold["events"] + a.gold.get("optional_events", [])
                      for t in [g["type"], *g.get("alt_types", [])]}
        for ev in a.findings.events:
            g = gold_event(ev, a)
            if g is None and not (unaligned_empty and ev.type not in gold_types):
                continue
            if g is not None and CLEAN_LABELS and codes(g["actor"]) & codes(g["recipient"]):
                continue  # a domestic event: a mention of the country is "right" in either slot, whatever its syntax
            for role in roles:
                right = ([codes(g[role])] + [codes(x) for x in g.get(f"alt_{role}", [])] if g is not None
                         else [frozenset()])
                cands = candidates(a.doc, ev, a.coder_actors, role)
                labels = [int(c.codes in right) for c in cands]
                out.append(Group(str(a.gold["id"]), role, cands, labels))
    return out


def fit(train: list[Group], roles: Sequence[str], c_value: float, margin: float) -> RankerModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    weights: dict[str, dict[str, float]] = {}
    for role in roles:
        rows, ys = [], []
        for g in train:
            if g.role != role or not any(g.labels) or all(g.labels):
                continue  # a slot no candidate fills right (or every one does) teaches no ranking
            for c, y in zip(g.cands, g.labels):
                rows.append(dict.fromkeys(c.features, 1.0))
                ys.append(y)
        if not rows or len(set(ys)) < 2:
            weights[role] = {}
            continue
        vec = DictVectorizer(sort=True)
        x = vec.fit_transform(rows)
        lr = LogisticRegression(C=c_value, max_iter=2000, solver="lbfgs")
        lr.fit(x, ys)
        weights[role] = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0])
                         if abs(w) >= 1e-6}
    return RankerModel(weights, dict.fromkeys(roles, margin), tuple(roles))


def slot_accuracy(model: RankerModel, test: list[Group]) -> float:
    """Share of labelled slots whose chosen candidate is right (slots with some right candidate)."""
    scored = [g for g in test if any(g.labels)]
    ok = sum(g.labels[g.cands.index(choose(model, g.role, g.cands))] for g in scored  # type: ignore[arg-type]
             if g.role in model.roles)
    return ok / len(scored) if scored else 0.0


FIXED_MARGIN: float | None = None


def select(train: list[Group], roles: Sequence[str], seed: int) -> tuple[float, float]:
    """C and margin by inner 4-fold cross-validation over documents (slot accuracy); `--margin` fixes the
    margin instead."""
    from sklearn.model_selection import GroupKFold

    ids = [g.doc_id for g in train]
    best = (-1.0, C_VALUES[0], MARGINS[0])
    splitter = GroupKFold(n_splits=4, shuffle=True, random_state=seed)
    folds = list(splitter.split(train, groups=ids))
    for c_value in C_VALUES:
        models = [fit([train[i] for i in tr], roles, c_value, 0.0) for tr, _ in folds]
        for margin in (MARGINS if FIXED_MARGIN is None else (FIXED_MARGIN,)):
            acc = sum(slot_accuracy(RankerModel(m.weights, dict.fromkeys(roles, margin), m.roles),
                                    [train[i] for i in te]) for m, (_, te) in zip(models, folds)) / len(folds)
            if acc > best[0] + 1e-9:
                best = (acc, c_value, margin)
    return best[1], best[2]


def headline(gold: list[Json], preds: dict[str, Json]) -> dict[str, float]:
    s = score_events(gold, preds).summary()
    return {"type_f1": round(s["type"]["f1"], 3), "tuple_f1": round(s["tuple"]["f1"], 3),
            "dyad_f1": round(s["dyad"]["f1"], 3)}


def training_sets() -> tuple[list[Analysed], list[Analysed]]:
    """(real-news dev articles, our authored sentences and articles)."""
    rn = analyse(realnews(GOLD / "realnews" / "events.jsonl", corpus_path()))
    authored = analyse(gold_file(GOLD / "sentences.jsonl") + gold_file(GOLD / "articles.jsonl"))
    return rn, authored


UNALIGNED_EMPTY = False
CLEAN_LABELS = False


def cmd_cv(roles: list[Role], folds: int, seeds: list[int]) -> Json:
    from sklearn.model_selection import KFold

    rn, authored = training_sets()
    rn_gold = [a.gold for a in rn]
    g_rn, g_auth = groups(rn, roles, UNALIGNED_EMPTY), groups(authored, roles, UNALIGNED_EMPTY)
    rules = headline(rn_gold, predictions(rn, None))
    report: Json = {"roles": roles, "rules": rules, "labelled_slots": {
        "realnews": sum(1 for g in g_rn if any(g.labels)), "authored": sum(1 for g in g_auth if any(g.labels)),
        "realnews_rules_right": sum(g.labels[0] for g in g_rn), "realnews_some_right": sum(any(g.labels) for g in g_rn),
        "realnews_slots": len(g_rn)}, "seeds": {}}
    for seed in seeds:
        preds: dict[str, Json] = {}
        chosen = []
        slots = {"rules_right": 0, "ranker_right": 0, "labelled": 0}
        for tr, te in KFold(n_splits=folds, shuffle=True, random_state=seed).split(rn):
            train_ids = {str(rn[i].gold["id"]) for i in tr}
            train = [g for g in g_rn if g.doc_id in train_ids] + g_auth
            c_value, margin = select(train, roles, seed)
            chosen.append((c_value, margin))
            model = fit(train, roles, c_value, margin)
            preds.update(predictions([rn[i] for i in te], model))
            test_ids = {str(rn[i].gold["id"]) for i in te}
            test = [g for g in g_rn if g.doc_id in test_ids and any(g.labels)]
            slots["labelled"] += len(test)
            slots["rules_right"] += sum(g.labels[0] for g in test)
            slots["ranker_right"] += round(slot_accuracy(model, test) * len(test))
        report["seeds"][seed] = {"ranker": headline(rn_gold, preds), "slots": slots,
                                 "c_margin_per_fold": chosen}
    return report


def cmd_oracle(roles: list[Role]) -> Json:
    """The ceiling of any ranker over these candidates: each aligned slot filled by a right candidate where
    the sentence offers one (the rules' choice where it is right), on the real-news dev gold."""
    rn, _ = training_sets()
    oracle = []
    for a in rn:
        events = []
        for ev in a.findings.events:
            g = gold_event(ev, a)
            for role in roles if g is not None else ():
                right = [codes(g[role])] + [codes(x) for x in g.get(f"alt_{role}", [])]
                pick = next((c for c in candidates(a.doc, ev, a.coder_actors, role) if c.codes in right), None)
                if pick is not None and not pick.by_rules:
                    ev = replace(ev, **{"actors" if role == "actor" else "recipients": list(pick.mentions)})
            events.append(ev)
        oracle.append(replace(a, findings=replace(a.findings, events=events)))
    gold = [a.gold for a in rn]
    return {"roles": roles, "rules": headline(gold, predictions(rn, None)),
            "oracle": headline(gold, predictions(oracle, None))}


def cmd_measure(roles: list[Role]) -> Json:
    rn, authored = training_sets()
    g_rn, g_auth = groups(rn, roles, UNALIGNED_EMPTY), groups(authored, roles, UNALIGNED_EMPTY)
    report: Json = {"roles": roles}
    # unseen by the model: authored sets scored by a model trained on real news only
    c_value, margin = select(g_rn, roles, 0)
    model = fit(g_rn, roles, c_value, margin)
    for name in ("sentences", "articles"):
        part = [a for a in authored if (name == "sentences") == str(a.gold["id"]).startswith("s-")]
        gold = [a.gold for a in part]
        report[f"{name} (model trained on realnews only, C={c_value}, margin={margin})"] = {
            "rules": headline(gold, predictions(part, None)), "ranker": headline(gold, predictions(part, model))}
    c_value, margin = select(g_rn + g_auth, roles, 0)
    model = fit(g_rn + g_auth, roles, c_value, margin)
    measuring = {"heldout": gold_file(GOLD / "heldout.jsonl"),
                 "plover": plover_gsr(shared_dir() / "eval" / "plover_gsr.jsonl")}
    for name, gold in measuring.items():
        docs = analyse(gold)
        kept = [a.gold for a in docs]
        report[f"{name} (model trained on all training data, C={c_value}, margin={margin})"] = {
            "rules": headline(kept, predictions(docs, None)), "ranker": headline(kept, predictions(docs, model))}
    return report


def cmd_train(roles: list[Role], out: Path) -> Json:
    rn, authored = training_sets()
    train = groups(rn, roles, UNALIGNED_EMPTY) + groups(authored, roles, UNALIGNED_EMPTY)
    c_value, margin = select(train, roles, 0)
    model = fit(train, roles, c_value, margin)
    out.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {"roles": roles, "C": c_value, "margin": margin, "features": {r: len(w) for r, w in model.weights.items()},
            "out": str(out)}


# ---- the other decision: keep or drop an event the rules found (event or not) ------------------------------

# dropping a right event costs about (2 - F1) / F1 times what dropping a wrong one gains (F1 = 2TP/(pred+gold))
DROP_COST = 1.6
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)


def event_features(ev: EventFinding, a: Analysed) -> list[str]:
    doc = a.doc
    t = doc[ev.trigger]
    coded_actor = any(m.code for m in ev.actors)
    coded_recipient = any(m.code for m in ev.recipients)
    sent = t.sent
    in_claim = any(c.content_span[0] <= ev.trigger_span[0] < c.content_span[1] for c in a.findings.claims)
    f = [f"type={ev.type}", f"lemma={t.lemma_.lower()}", f"type|lemma={ev.type}|{t.lemma_.lower()}",
         f"pos={t.pos_}", f"dep={t.dep_}", f"type|dep={ev.type}|{t.dep_}", f"modality={ev.modality}",
         f"actor={'coded' if coded_actor else 'uncoded' if ev.actors else 'none'}",
         f"recipient={'coded' if coded_recipient else 'uncoded' if ev.recipients else 'none'}",
         f"type|parties={ev.type}|{int(coded_actor)}{int(coded_recipient)}",
         f"sentence={'first' if ev.sentence == 0 else 'early' if ev.sentence < 4 else 'late'}",
         f"sent_len={'short' if len(sent) < 15 else 'mid' if len(sent) < 35 else 'long'}",
         f"confidence={round(ev.confidence, 1)}", f"genre={a.findings.genre.label}", f"in_claim={int(in_claim)}",
         f"mode={ev.mode or '-'}"]
    kinds = {m.kind for m in ev.actors if m.code}
    f += [f"actor_kind={k}" for k in sorted(kinds)]
    return f


def is_real(ev: EventFinding, a: Analysed) -> bool:
    """A prediction the scorer would not count as wrong: a gold or optional event of its type covers it."""
    gold = a.gold["events"] + a.gold.get("optional_events", [])
    same = [g for g in gold if type_ok({"type": ev.type}, g)]
    if not same:
        return False
    trig, text = ev.trigger_span, a.item.text
    located = False
    for g in same:
        span = g.get("span") or g.get("trigger_span")
        if not span and g.get("evidence"):
            at = text.find(g["evidence"])
            span = [at, at + len(g["evidence"])] if at >= 0 else None
        if span:
            located = True
            if span[0] <= trig[1] and trig[0] <= span[1]:
                return True
    return not located  # no spans to go by: the type is in the document


@dataclass
class EventRow:
    doc_id: str
    features: list[str]
    real: int


def event_rows(docs: list[Analysed]) -> list[EventRow]:
    return [EventRow(str(a.gold["id"]), event_features(ev, a), int(is_real(ev, a)))
            for a in docs for ev in a.findings.events if ev.modality != "negated"]


@dataclass
class KeepModel:
    weights: dict[str, float]
    intercept: float
    threshold: float

    def keep(self, features: list[str]) -> bool:
        import math

        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1 / (1 + math.exp(-z)) >= self.threshold


def fit_keep(rows: list[EventRow], c_value: float, threshold: float) -> KeepModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict.fromkeys(r.features, 1.0) for r in rows])
    lr = LogisticRegression(C=c_value, max_iter=2000)
    lr.fit(x, [r.real for r in rows])
    return KeepModel(dict(zip(vec.get_feature_names_out(), map(float, lr.coef_[0]))), float(lr.intercept_[0]),
                     threshold)


def drop_gain(model: KeepModel, rows: list[EventRow]) -> float:
    dropped = [r for r in rows if not model.keep(r.features)]
    return sum(1 for r in dropped if not r.real) - DROP_COST * sum(1 for r in dropped if r.real)


def select_keep(rows: list[EventRow], seed: int) -> tuple[float, float]:
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=4, shuffle=True, random_state=seed).split(rows, groups=[r.doc_id for r in rows]))
    best = (0.0, C_VALUES[0], 0.0)  # threshold 0: drop nothing, unless dropping gains
    for c_value in C_VALUES:
        models = [fit_keep([rows[i] for i in tr], c_value, 0.0) for tr, _ in folds]
        for th in THRESHOLDS:
            gain = sum(drop_gain(KeepModel(m.weights, m.intercept, th), [rows[i] for i in te])
                       for m, (_, te) in zip(models, folds))
            if gain > best[0]:
                best = (gain, c_value, th)
    return best[1], best[2]


def filtered(docs: list[Analysed], model: KeepModel) -> list[Analysed]:
    return [replace(a, findings=replace(a.findings, events=[
        ev for ev in a.findings.events if ev.modality == "negated" or model.keep(event_features(ev, a))]))
        for a in docs]


def cmd_keep_cv(folds: int, seeds: list[int]) -> Json:
    from sklearn.model_selection import KFold

    rn, authored = training_sets()
    rows_rn, rows_auth = event_rows(rn), event_rows(authored)
    gold = [a.gold for a in rn]
    report: Json = {"rules": headline(gold, predictions(rn, None)),
                    "events": {"realnews": len(rows_rn), "realnews_not_real": sum(1 for r in rows_rn if not r.real),
                               "authored": len(rows_auth), "authored_not_real": sum(1 for r in rows_auth if not r.real)},
                    "seeds": {}}
    for seed in seeds:
        preds: dict[str, Json] = {}
        chosen = []
        dropped = {"real": 0, "not_real": 0}
        for tr, te in KFold(n_splits=folds, shuffle=True, random_state=seed).split(rn):
            train_ids = {str(rn[i].gold["id"]) for i in tr}
            train = [r for r in rows_rn if r.doc_id in train_ids] + rows_auth
            c_value, th = select_keep(train, seed)
            chosen.append((c_value, th))
            model = fit_keep(train, c_value, th)
            test = [rn[i] for i in te]
            preds.update(predictions(filtered(test, model), None))
            for r in event_rows(test):
                if not model.keep(r.features):
                    dropped["real" if r.real else "not_real"] += 1
        report["seeds"][seed] = {"filter": headline(gold, preds), "dropped": dropped, "c_threshold_per_fold": chosen}
    return report


def cmd_keep_measure() -> Json:
    rn, authored = training_sets()
    rows_rn, rows_auth = event_rows(rn), event_rows(authored)
    report: Json = {}
    c_value, th = select_keep(rows_rn, 0)
    model = fit_keep(rows_rn, c_value, th)
    for name in ("sentences", "articles"):
        part = [a for a in authored if (name == "sentences") == str(a.gold["id"]).startswith("s-")]
        gold = [a.gold for a in part]
        report[f"{name} (trained on realnews only, C={c_value}, threshold={th})"] = {
            "rules": headline(gold, predictions(part, None)), "filter": headline(gold, predictions(filtered(part, model), None))}
    c_value, th = select_keep(rows_rn + rows_auth, 0)
    model = fit_keep(rows_rn + rows_auth, c_value, th)
    for name, gold_docs in {"heldout": gold_file(GOLD / "heldout.jsonl"),
                            "plover": plover_gsr(shared_dir() / "eval" / "plover_gsr.jsonl")}.items():
        docs = analyse(gold_docs)
        kept = [a.gold for a in docs]
        report[f"{name} (trained on all training data, C={c_value}, threshold={th})"] = {
            "rules": headline(kept, predictions(docs, None)), "filter": headline(kept, predictions(filtered(docs, model), None))}
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["cv", "measure", "train", "oracle", "keep-cv", "keep-measure"])
    ap.add_argument("--roles", nargs="+", choices=list(ROLES), default=["recipient"])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    ap.add_argument("--out", type=Path, default=MODEL_OUT)
    ap.add_argument("--unaligned-empty", action="store_true",
                    help="also teach: events of a type the gold document lacks are best left without parties")
    ap.add_argument("--clean-labels", action="store_true",
                    help="train only on events whose actor and recipient differ (a domestic event's labels "
                         "say nothing about which mention fills which slot)")
    ap.add_argument("--margin", type=float, default=None,
                    help="how far a candidate must score above the rules' choice to replace it (default: chosen "
                         "by inner cross-validation)")
    args = ap.parse_args(argv)
    global UNALIGNED_EMPTY, CLEAN_LABELS, FIXED_MARGIN
    FIXED_MARGIN = args.margin
    UNALIGNED_EMPTY = args.unaligned_empty
    CLEAN_LABELS = args.clean_labels
    try:
        if args.command == "cv":
            result = cmd_cv(args.roles, args.folds, args.seeds)
        elif args.command == "keep-cv":
            result = cmd_keep_cv(args.folds, args.seeds)
        elif args.command == "keep-measure":
            result = cmd_keep_measure()
        elif args.command == "oracle":
            result = cmd_oracle(args.roles)
        elif args.command == "measure":
            result = cmd_measure(args.roles)
        else:
            result = cmd_train(args.roles, args.out)
    except DotterelError as err:
        print(f"train_ranker: {err}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
