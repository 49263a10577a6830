"""Event metrics, defined exactly as `../shared/tools/score.py events` defines them.

A test runs both on the same files and checks they agree. Gold documents are dicts in the scorer's
format ({"id", "text", "date", "events": [...], "optional_events"?, "quantities"?, "speakers"?});
predictions are dotterel/1 documents as dicts (`model.to_builtins`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

IGO_ALIASES = {"UNO": "UN", "UNITED NATIONS": "UN", "NAT": "NATO", "EUR": "EU"}
STOP = {"the", "a", "an", "of", "'s"}

Json = dict[str, Any]


def codes(entities: Iterable[Any] | None) -> frozenset[str]:
    out = set()
    for e in entities or []:
        c = e.get("code") if isinstance(e, dict) else e
        if c:
            c = str(c).upper()
            out.add(IGO_ALIASES.get(c, c))
    return frozenset(out)


def type_ok(p: Json, g: Json) -> bool:
    return p.get("type") in {g["type"], *g.get("alt_types", [])}


def ev_matches(p: Json, g: Json) -> bool:
    if not type_ok(p, g):
        return False
    actors = [frozenset(g["actor"])] + [frozenset(a) for a in g.get("alt_actor", [])]
    recips = [frozenset(g["recipient"])] + [frozenset(r) for r in g.get("alt_recipient", [])]
    return codes(p.get("actor")) in actors and codes(p.get("recipient")) in recips


def loose_match(p: Json, g: Json) -> bool:
    return type_ok(p, g) and (not g["actor"] or bool(codes(p.get("actor")) & set(g["actor"])))


def dyads(actor: frozenset[str], recipient: frozenset[str], etype: str) -> set[tuple[str, str | None, str]]:
    return {(a, r, etype) for a in actor for r in (recipient or {None})}


def greedy(gold: list[Json], preds: list[Json], match: Callable[[Json, Json], bool]) -> list[tuple[Json, Json]]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        hit = next((i for i, p in enumerate(preds) if i not in used and match(p, g)), None)
        if hit is not None:
            used.add(hit)
            pairs.append((g, preds[hit]))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class EventScores:
    n: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    # per-type counts for the confusion matrix and per-type P/R/F1: (gold type, predicted type or None)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_type: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[Json] = field(default_factory=list)

    def summary(self) -> Json:
        n = self.n
        tp, fp, dp = (prf(n["type_tp"], n["pred"], n["gold"]), prf(n["tup_tp"], n["pred"], n["gold"]),
                      prf(n["dy_tp"], n["dy_pred"], n["dy_gold"]))

        def ratio(a: str, b: str) -> float | None:
            return n[a] / n[b] if n[b] else None

        return {
            "documents": self.documents, "missing_or_error": n["missing"],
            "type": {"p": tp[0], "r": tp[1], "f1": tp[2]},
            "tuple": {"p": fp[0], "r": fp[1], "f1": fp[2]},
            "dyad": {"p": dp[0], "r": dp[1], "f1": dp[2]},
            "matched": n["matched"],
            "modality_acc": ratio("mod_ok", "matched"), "reported_acc": ratio("rep_ok", "matched"),
            "source_acc": ratio("src_ok", "src_n"), "source_n": n["src_n"],
            "quantities": f"{n['q_ok']}/{n['q_n']}", "speakers": f"{n['sp_ok']}/{n['sp_n']}",
        }

    def type_table(self) -> dict[str, dict[str, float]]:
        out = {}
        for t, c in sorted(self.per_type.items()):
            p, r, f = prf(c["tp"], c["pred"], c["gold"])
            out[t] = {"p": p, "r": r, "f1": f, "gold": c["gold"], "pred": c["pred"]}
        return out


def score_events(gold_docs: list[Json], predictions: dict[str, Json]) -> EventScores:
    """Score predictions (by document id) against gold documents, as score.py does."""
    s = EventScores()
    n = s.n
    for g in gold_docs:
        s.documents += 1
        d = predictions.get(str(g["id"]))
        if d is None or "error" in d:
            n["missing"] += 1
            d = {}
        gevs, opt = g["events"], g.get("optional_events", [])
        pevs = [e for e in d.get("events", []) if e.get("modality") != "negated"]
        pairs = greedy(gevs, pevs, ev_matches)
        paired = {id(p) for _, p in pairs}
        pevs = [p for p in pevs if id(p) in paired or not (
            any(ev_matches(p, x) for x in gevs) or any(ev_matches(p, o) or loose_match(p, o) for o in opt))]
        n["pred"] += len(pevs)
        n["gold"] += len(gevs)
        type_pairs = greedy(gevs, pevs, type_ok)
        n["type_tp"] += len(type_pairs)
        n["tup_tp"] += len(pairs)
        _tally_types(s, gevs, pevs, type_pairs, g, d)
        for x, p in pairs:
            n["matched"] += 1
            n["mod_ok"] += p.get("modality") in {x.get("modality"), *x.get("alt_modality", [])}
            reported = bool(x.get("reported") or x.get("source"))
            n["rep_ok"] += (p.get("attribution") is not None) == reported
            if x.get("source"):
                n["src_n"] += 1
                n["src_ok"] += str((p.get("attribution") or {}).get("code") or "").upper() == x["source"]
        gd: set[tuple[str, str | None, str]] = set()
        pd: set[tuple[str, str | None, str]] = set()
        alt = {t: x["type"] for x in gevs for t in x.get("alt_types", [])}
        for x in gevs:
            gd |= dyads(frozenset(x["actor"]), frozenset(x["recipient"]), x["type"])
        for p in pevs:
            for a, r, t in dyads(codes(p.get("actor")), codes(p.get("recipient")), p.get("type")):
                pd.add((a, r, t if (a, r, t) in gd else alt.get(t, t)))
        n["dy_tp"] += len(gd & pd)
        n["dy_pred"] += len(pd)
        n["dy_gold"] += len(gd)
        for q in g.get("quantities", []):
            n["q_n"] += 1
            for pq in d.get("quantities", []):
                vals = set()
                for k in ("value", "low", "high"):
                    try:
                        vals.add(float(pq.get(k)))
                    except (TypeError, ValueError):
                        pass
                if float(q["value"]) in vals and pq.get("bound") == q["bound"]:
                    n["q_ok"] += 1
                    break
        ptexts = [set(str((c.get("speaker") or {}).get("text") or "").lower().replace("'s", "").split())
                  for c in d.get("claims", [])]
        for sp in g.get("speakers", []):
            n["sp_n"] += 1
            words = set(sp.lower().split()) - STOP
            n["sp_ok"] += any(words & t for t in ptexts)
    return s


def _tally_types(s: EventScores, gevs: list[Json], pevs: list[Json], type_pairs: list[tuple[Json, Json]],
                 g: Json, d: Json) -> None:
    """Per-type counts, the confusion matrix (gold type x predicted type) and the worst errors."""
    matched_gold = {id(x) for x, _ in type_pairs}
    matched_pred = {id(p) for _, p in type_pairs}
    for x in gevs:
        s.per_type.setdefault(x["type"], Counter())["gold"] += 1
    # A prediction matched through a gold alt_type counts under the gold type, so per-type P stays <= 1.
    for p in pevs:
        if id(p) not in matched_pred:
            s.per_type.setdefault(str(p.get("type")), Counter())["pred"] += 1
    for x, p in type_pairs:
        s.per_type[x["type"]]["tp"] += 1
        s.per_type[x["type"]]["pred"] += 1
        s.confusion[(x["type"], x["type"])] += 1
    missed = [x for x in gevs if id(x) not in matched_gold]
    spurious = [p for p in pevs if id(p) not in matched_pred]
    for x in missed:
        guess = spurious.pop(0)["type"] if spurious else "-"
        s.confusion[(x["type"], guess)] += 1
        s.errors.append({"id": g["id"], "text": g.get("text", "")[:300], "gold": x["type"], "predicted": guess,
                         "gold_actor": x["actor"], "gold_recipient": x["recipient"]})
    for p in spurious:
        s.confusion[("-", str(p.get("type")))] += 1
        s.errors.append({"id": g["id"], "text": g.get("text", "")[:300], "gold": "-", "predicted": p.get("type"),
                         "pred_actor": sorted(codes(p.get("actor"))), "pred_recipient": sorted(codes(p.get("recipient")))})
