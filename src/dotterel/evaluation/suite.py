"""`dotterel eval`: every labelled set we can score, one report.

Sets are named (resolved against `../shared` and the project's `tests/gold/`) or given as paths to gold
files in `../shared/tools/score.py`'s formats (events JSONL, or the acceptance article's JSON).
Each result is a flat dict of headline figures plus details (per-type table, confusion, worst errors).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dotterel.errors import InputError

if TYPE_CHECKING:  # the scorers load spaCy: imported where a set is scored, not when the suite is listed
    from dotterel.evaluation.claims import Scores as ClaimScores
    from dotterel.evaluation.quantities import Scores as QuantityScores

Json = dict[str, Any]


def shared_dir() -> Path:
    """../shared next to the working directory (or $DOTTEREL_SHARED)."""
    env = os.environ.get("DOTTEREL_SHARED")
    return Path(env) if env else Path.cwd().parent / "shared"


def corpus_path() -> Path:
    """The shared news corpus the real-news gold points into by record id."""
    return shared_dir() / "corpora" / "news_sample.jsonl"


def gold_dir() -> Path:
    return Path(os.environ.get("DOTTEREL_GOLD", Path.cwd() / "tests" / "gold"))


@dataclass
class SetResult:
    name: str
    kind: str
    source: str
    headline: dict[str, float | int | str | None]
    details: Json = field(default_factory=dict)


def _events(name: str, path: Path, docs: list[Json], attribution: bool = True) -> SetResult:
    """`attribution=False` for sets whose gold never marks who reports an event (PLOVER, PETRARCH2): their
    reported accuracy would only count how often we found a speaker, so it is left out (None)."""
    from dotterel.evaluation.run_events import evaluate_events

    scores, _ = evaluate_events(docs)
    s = scores.summary()
    errors = sorted(scores.errors, key=lambda e: (e["gold"] == "-", e["id"]))[:15]
    return SetResult(name, "events", str(path), {
        "documents": s["documents"], "type_f1": s["type"]["f1"], "type_p": s["type"]["p"], "type_r": s["type"]["r"],
        "tuple_f1": s["tuple"]["f1"], "dyad_f1": s["dyad"]["f1"], "matched": s["matched"],
        "modality_acc": s["modality_acc"], "reported_acc": s["reported_acc"] if attribution else None,
        "source_acc": s["source_acc"],
        "quantities": s["quantities"], "speakers": s["speakers"],
    }, {"per_type": scores.type_table(),
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(scores.confusion.items())},
        "worst_errors": errors})


def plover(path: Path) -> SetResult:
    from dotterel.evaluation.event_sets import plover_gsr

    return _events("plover", path, plover_gsr(path), attribution=False)


def petrarch2(path: Path) -> SetResult:
    from dotterel.evaluation.event_sets import petrarch2_gsr

    return _events("petrarch2", path, petrarch2_gsr(path), attribution=False)


def gold_events(name: str, path: Path) -> SetResult:
    from dotterel.evaluation.event_sets import gold_file

    return _events(name, path, gold_file(path))


def realnews(path: Path) -> SetResult:
    from dotterel.evaluation.event_sets import realnews as read

    return _events("realnews", path, read(path, corpus_path()))


def realnews_precision(path: Path) -> SetResult:
    """Articles about business, sport, science, accidents and crime: how many events with a coded actor
    the coder emits per article where an analyst of politics and conflict wants (almost) none."""
    from dotterel.evaluation.event_sets import article, corpus_records
    from dotterel.evaluation.run_events import predict

    ids = json.loads(path.read_text())["precision"]
    records = corpus_records(corpus_path(), set(ids))
    preds = predict([{"id": i, **article(records[i]), "events": []} for i in ids])
    counted = {i: [e for e in p.get("events", []) if e.get("modality") != "negated"] for i, p in preds.items()}
    coded = {i: sum(any(a.get("code") for a in e.get("actor", [])) for e in evs) for i, evs in counted.items()}
    worst = sorted(((len(p.get("events", [])), i) for i, p in preds.items()), reverse=True)[:15]
    return SetResult("realnews_precision", "precision", str(path), {
        "documents": len(ids), "events_per_doc": round(sum(map(len, counted.values())) / len(ids), 3),
        "coded_actor_events_per_doc": round(sum(coded.values()) / len(ids), 3),
        "docs_with_coded_event": sum(1 for n in coded.values() if n)},
        {"worst_errors": [{"id": i, "events": n} for n, i in worst]})


def acceptance(path: Path) -> SetResult:
    from dotterel.evaluation.seed import score_seed

    text = path.with_name(path.name.replace(".gold.json", ".txt"))
    return SetResult("acceptance", "seed", str(path), score_seed(path, text))


def quantities(path: Path, name: str = "quantities") -> SetResult:
    from dotterel.evaluation.quantities import evaluate

    return _quantities_result(name, path, evaluate(path))


def _quantities_result(name: str, path: Path, s: QuantityScores) -> SetResult:
    return SetResult(name, "quantities", str(path), {
        "gold": s.gold, "value_p": s.precision, "value_r": s.recall, "value_f1": s.f1,
        "bound_acc": s.bound_accuracy, "projected_acc": s.projected_accuracy}, {"worst_errors": s.errors[:15]})


def claims(path: Path, name: str = "claims") -> SetResult:
    from dotterel.evaluation.claims import load_gold, pipeline_finder, score

    return _claims_result(name, path, score(load_gold(path), pipeline_finder()))


def _claims_result(name: str, path: Path, s: ClaimScores, located: bool = False) -> SetResult:
    """`located`: the gold gives speakers by offsets and codes (real news), so the speaker figures of
    `evaluation.claims` that need them are reported too (see its docstring for what each one counts)."""
    summary = s.summary()
    headline: dict[str, float | int | str | None] = {
        "gold": summary["gold"], "content_p": summary["precision"], "content_r": summary["recall"],
        "content_f1": summary["f1"], "speaker_acc": summary["speaker_accuracy"],
        "certainty_acc": summary["certainty_accuracy"]}
    if located:
        headline.update({"indirect_r": summary["indirect_recall"], "quoted_r": summary["quoted_recall"],
                         "speaker_span_acc": summary["speaker_span_accuracy"],
                         "speaker_code_acc": summary["speaker_code_accuracy"],
                         "speaker_code_p": summary["speaker_code_precision"],
                         "codable_coded": summary["codable_coded"], "junk_speakers": summary["junk_speakers"]})
    return SetResult(name, "claims", str(path), headline, {"worst_errors": s.errors[:15]})


def realnews_claims(path: Path) -> SetResult:
    from dotterel.evaluation.claims import PipelineFinder, score
    from dotterel.evaluation.realnews import claim_passages

    find = PipelineFinder()
    return _claims_result("realnews_claims", path, score(claim_passages(path, corpus_path()), find, find.junk),
                          located=True)


def realnews_quantities(path: Path) -> SetResult:
    from dotterel.evaluation.quantities import evaluate_gold
    from dotterel.evaluation.realnews import quantity_sentences

    from dotterel.evaluation.linking import evaluate as evaluate_links

    result = _quantities_result("realnews_quantities", path,
                                evaluate_gold(quantity_sentences(path, corpus_path())))
    links = evaluate_links(path, corpus_path(), path.with_name("events.jsonl"))
    # event linking: of the gold quantities that count an event, the share whose matched prediction is
    # linked to an event at the gold trigger; `_coded`: of those whose event the event gold codes
    result.headline.update({
        "event_link": round(links.link_rate, 3), "event_link_gold": links.with_event,
        "event_link_coded": round(links.coded_link_rate, 3), "event_link_coded_gold": links.coded,
        "predicate_link": round(links.predicate_rate, 3)})
    result.details["link_errors"] = links.errors
    result.details["link_breakdown"] = {
        "number_not_found": links.with_event - links.matched, "no_event_at_gold_trigger": links.no_event,
        "linked_elsewhere": links.matched - links.linked - links.no_event, "linked": links.linked,
        "by_role": {role: {"gold": n, "linked": k} for role, (n, k) in sorted(links.by_role.items())}}
    return result


def newssd(path: Path) -> SetResult:
    from dotterel.evaluation.subjectivity import evaluate_subjectivity

    r = evaluate_subjectivity(path, "test")
    d = r.to_dict()
    return SetResult("newssd", "subjectivity", str(path), {"n": d["n"], "macro_f1": d["macro_f1"],
                                                           "accuracy": d["accuracy"]},
                     {"per_class": d["per_class"], "confusion": d["confusion"]})


def meantime(path: Path) -> SetResult:
    from dotterel.evaluation.factuality import evaluate_factuality

    r = evaluate_factuality(path, "test")
    return SetResult("meantime", "factuality", str(path), {
        "events": r["events"], "agreement": r["agreement"], "majority_baseline": r["majority_baseline"]},
        {"per_class": r["per_class"], "confusion": r["confusion"]})


# sets kept for measuring only: a rule writer who reads their sentences stops measuring with them, so
# `dotterel eval` shows no error lines of theirs unless asked (`--errors N`)
MEASURING_ONLY = frozenset({"plover", "petrarch2", "heldout", "heldout_claims", "heldout_quantities", "newssd",
                            "meantime"})


def named_sets() -> dict[str, tuple[Path, Callable[[Path], SetResult]]]:
    shared, gold = shared_dir(), gold_dir()
    return {
        "plover": (shared / "eval" / "plover_gsr.jsonl", plover),
        "petrarch2": (shared / "eval" / "petrarch2_gsr.jsonl", petrarch2),
        "acceptance": (shared / "examples" / "north-korea-troops.gold.json", acceptance),
        "sentences": (gold / "sentences.jsonl", lambda p: gold_events("sentences", p)),
        "articles": (gold / "articles.jsonl", lambda p: gold_events("articles", p)),
        "heldout": (gold / "heldout.jsonl", lambda p: gold_events("heldout", p)),
        # whole real articles of the corpus dev split, coded by two coders and adjudicated
        "realnews": (gold / "realnews" / "events.jsonl", realnews),
        "realnews_precision": (gold / "realnews" / "sample.json", realnews_precision),
        "realnews_claims": (gold / "realnews" / "claims.jsonl", realnews_claims),
        "realnews_quantities": (gold / "realnews" / "claims.jsonl", realnews_quantities),
        "quantities": (gold / "quantities.jsonl", quantities),
        "claims": (gold / "claims.jsonl", claims),
        # written blind (never tuned to), general news: the honest claims and quantities figures
        "heldout_quantities": (gold / "heldout_quantities.jsonl", lambda p: quantities(p, "heldout_quantities")),
        "heldout_claims": (gold / "heldout_claims.jsonl", lambda p: claims(p, "heldout_claims")),
        "newssd": (shared / "eval" / "newssd_subjectivity.jsonl", newssd),
        "meantime": (shared / "eval" / "meantime_factuality.jsonl", meantime),
    }


def resolve(names: list[str]) -> list[tuple[str, Path, Callable[[Path], SetResult]]]:
    """Named sets (all available ones when `names` is empty) and gold files given by path."""
    known = named_sets()
    if not names:
        return [(n, p, f) for n, (p, f) in known.items() if p.exists()]
    out = []
    for name in names:
        if name in known:
            path, fn = known[name]
            if not path.exists():
                raise InputError(f"set {name!r}: {path} not found (run from the project root, beside ../shared)")
            out.append((name, path, fn))
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: not a known set ({', '.join(known)}) nor an existing file")
        if path.suffix == ".json":
            out.append((path.stem, path, acceptance))
        else:
            out.append((path.stem, path, functools.partial(gold_events, path.stem)))
    return out


def to_markdown(results: list[SetResult], command: str) -> str:
    lines = ["# dotterel evaluation", "", f"Produced by `{command}`.", ""]
    for r in results:
        lines += [f"## {r.name} ({r.kind})", "", f"Source: `{r.source}`", "", "| metric | value |", "|---|---|"]
        lines += [f"| {k} | {_fmt(v)} |" for k, v in r.headline.items()]
        per_type = r.details.get("per_type")
        if per_type:
            lines += ["", "| type | P | R | F1 | gold | pred |", "|---|---|---|---|---|---|"]
            lines += [f"| {t} | {v['p']:.2f} | {v['r']:.2f} | {v['f1']:.2f} | {v['gold']} | {v['pred']} |"
                      for t, v in per_type.items()]
        lines.append("")
    return "\n".join(lines)


def to_json(results: list[SetResult]) -> str:
    return json.dumps([{"name": r.name, "kind": r.kind, "source": r.source, "headline": r.headline,
                        "details": r.details} for r in results], indent=1, default=str)


def _fmt(v: object) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)
