#!/usr/bin/env python3
"""Where the dyad F1 of an event set is lost: every missed and every wrong dyad put in one class, as counts.

usage: tools/dyad_errors.py [SET ...] [--json FILE]   (default sets: realnews heldout plover petrarch2
                                                         articles sentences; run from the project root)

A dyad is the scorer's (actor code, recipient code or none, type) triple (`../shared/tools/score.py`).
A gold dyad the coder does not produce is put in the first class that holds:
  type_missed      no asserted prediction of its type in the document (the event is not found at all)
  recipient_empty  the actor and type are right, the recipient is left uncoded
  recipient_other  the actor and type are right, the recipient is another code (or one the gold lacks)
  actor_uncoded    an event of the type is there, with no actor code
  actor_other      events of the type are there, with other actor codes only
A predicted dyad the gold lacks is `type_spurious` (no gold event of its type in the document),
`recipient_wrong` (the gold has the actor with that type) or `actor_wrong`.
Only counts are printed, never a sentence, so the measuring-only sets (heldout, PLOVER, PETRARCH2) can be
read this way without anyone writing a rule from their text. Two ceilings follow: the dyad F1 if every
event whose type is found had the gold's parties, and the dyad F1 if, in addition, only the recipients
left empty were filled right (what filling alone could reach, the rest unchanged).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from dotterel.evaluation import suite
from dotterel.evaluation.event_metrics import codes, dyads, ev_matches, greedy, loose_match, prf
from dotterel.evaluation.event_sets import gold_file, petrarch2_gsr, plover_gsr, realnews
from dotterel.evaluation.run_events import predict

Json = dict[str, Any]
Dyad = tuple[str, str | None, str]
SETS = ("realnews", "heldout", "plover", "petrarch2", "articles", "sentences")
MISSED = ("type_missed", "recipient_empty", "recipient_other", "actor_uncoded", "actor_other")
WRONG = ("type_spurious", "recipient_wrong", "actor_wrong")


def gold_docs(name: str) -> list[Json]:
    path, _ = suite.named_sets()[name]
    if name == "realnews":
        return realnews(path, suite.corpus_path())
    if name == "plover":
        return plover_gsr(path)
    if name == "petrarch2":
        return petrarch2_gsr(path)
    return gold_file(path)


def scored_predictions(gold: Json, pred: Json) -> list[Json]:
    """The predictions the scorer counts: asserted ones, less restatements of matched or optional events."""
    gevs, opt = gold["events"], gold.get("optional_events", [])
    pevs = [e for e in pred.get("events", []) if e.get("modality") != "negated"]
    paired = {id(p) for _, p in greedy(gevs, pevs, ev_matches)}
    return [p for p in pevs if id(p) in paired or not (
        any(ev_matches(p, x) for x in gevs) or any(ev_matches(p, o) or loose_match(p, o) for o in opt))]


def classify(gold: Json, pevs: list[Json], tally: Counter[str]) -> None:
    gevs = gold["events"]
    alt = {t: x["type"] for x in gevs for t in x.get("alt_types", [])}
    gd: set[Dyad] = set()
    for x in gevs:
        gd |= dyads(frozenset(x["actor"]), frozenset(x["recipient"]), x["type"])
    pd: set[Dyad] = set()
    by_type: dict[str, list[frozenset[str]]] = {}
    for p in pevs:
        ptype = str(p.get("type"))
        actor = codes(p.get("actor"))
        for a, r, t in dyads(actor, codes(p.get("recipient")), ptype):
            pd.add((a, r, t if (a, r, t) in gd else alt.get(t, t)))
        by_type.setdefault(alt.get(ptype, ptype), []).append(actor)
        by_type.setdefault(ptype, []).append(actor)
    tally["gold"] += len(gd)
    tally["pred"] += len(pd)
    tally["tp"] += len(gd & pd)
    for a, r, t in gd - pd:
        same = [(pa, pr) for pa, pr, pt in pd if pt == t and pa == a]
        if t not in by_type:
            tally["type_missed"] += 1
        elif same and r is not None and any(pr is None for _, pr in same):
            tally["recipient_empty"] += 1
        elif same:
            tally["recipient_other"] += 1
        elif any(not actor for actor in by_type[t]):
            tally["actor_uncoded"] += 1
        else:
            tally["actor_other"] += 1
    gold_types = {x["type"] for x in gevs}
    for a, r, t in pd - gd:
        if t not in gold_types:
            tally["type_spurious"] += 1
        elif any(ga == a and gt == t for ga, _, gt in gd):
            tally["recipient_wrong"] += 1
        else:
            tally["actor_wrong"] += 1


def ceilings(t: Counter[str]) -> dict[str, float]:
    """Dyad F1 now; with every found type's parties right; with only empty recipients filled right."""
    party_missed = sum(t[k] for k in MISSED if k != "type_missed")
    party_wrong = t["recipient_wrong"] + t["actor_wrong"]
    parties_right_tp = t["tp"] + party_missed
    filled_tp = t["tp"] + t["recipient_empty"]
    return {
        "dyad_f1": prf(t["tp"], t["pred"], t["gold"])[2],
        "if_found_types_had_right_parties": prf(parties_right_tp, parties_right_tp + t["type_spurious"], t["gold"])[2],
        # a filled empty recipient turns a (actor, none) prediction into the gold dyad: one wrong dyad fewer
        "if_empty_recipients_filled": prf(filled_tp, t["pred"], t["gold"])[2],
    }


def measure(name: str) -> Json:
    docs = gold_docs(name)
    predictions = predict(docs)
    tally: Counter[str] = Counter()
    for g in docs:
        pred = predictions.get(str(g["id"]), {})
        classify(g, scored_predictions(g, pred if "error" not in pred else {}), tally)
    return {"set": name, "documents": len(docs), "counts": dict(tally), "ceilings": ceilings(tally)}


def show(result: Json) -> None:
    c = result["counts"]
    missed = c["gold"] - c["tp"]
    wrong = c["pred"] - c["tp"]
    print(f"{result['set']}: {result['documents']} documents, gold dyads {c['gold']}, predicted {c['pred']}, "
          f"right {c['tp']}")
    print(f"  missed {missed}: " + ", ".join(f"{k} {c.get(k, 0)}" for k in MISSED))
    print(f"  wrong  {wrong}: " + ", ".join(f"{k} {c.get(k, 0)}" for k in WRONG))
    print("  dyad F1 " + ", ".join(f"{k} {v:.3f}" for k, v in result["ceilings"].items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"one of {', '.join(SETS)} (default: all)")
    ap.add_argument("--json", type=Path, help="also write the counts as JSON here")
    args = ap.parse_args()
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        ap.error(f"unknown set {unknown[0]!r} (choose from {', '.join(SETS)})")
    results = [measure(name) for name in args.sets or SETS]
    for r in results:
        show(r)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
