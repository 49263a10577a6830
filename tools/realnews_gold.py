#!/usr/bin/env python3
"""Turn hand-coded real-news event files into the project's gold, and measure the coders' agreement.

usage:
  tools/realnews_gold.py convert WORK.jsonl... -o tests/gold/realnews/events.jsonl
  tools/realnews_gold.py convert-claims WORK.jsonl... -o tests/gold/realnews/claims.jsonl
  tools/realnews_gold.py agreement A.jsonl B.jsonl      # type / tuple / dyad F1 of coder B against coder A
  tools/realnews_gold.py agreement-claims A.jsonl B.jsonl  # on converted claim files: content / value F1

Coders write one line per article (`{"id", "events": [{"type", "actor", "recipient", "modality",
"reported", "source", "trigger", "evidence", ...}], "optional_events": [...]}`) with exact quotes from
the corpus text. The stored gold keeps no corpus text: `convert` replaces each quote by its character
offsets (`trigger_span`, `span` for the evidence) into the record's text in ../shared, checks that every
quote is found, and drops the quotes. The eval reader joins the text back from ../shared by record id.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from corpus import dev_records

ROOT = Path(__file__).resolve().parent.parent
KEEP = ("type", "alt_types", "actor", "recipient", "alt_actor", "alt_recipient", "modality", "alt_modality",
        "reported", "source")


def _texts() -> dict[str, dict]:
    return {r["id"]: r for r in dev_records()}


def _offsets(text: str, quote: str, nth: int | None, where: str) -> list[int]:
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        raise SystemExit(f"{where}: quote not in text: {quote!r}")
    if len(starts) > 1 and nth is None:
        raise SystemExit(f"{where}: quote occurs {len(starts)} times and no _nth: {quote!r}")
    start = starts[nth or 0]
    return [start, start + len(quote)]


def _event(e: dict, text: str, where: str) -> dict:
    out = {k: e[k] for k in KEEP if k in e}
    out.setdefault("modality", "asserted")
    if e.get("evidence"):
        out["span"] = _offsets(text, e["evidence"], e.get("evidence_nth"), where)
    if e.get("trigger"):
        trig = e["trigger"]
        if e.get("trigger_nth") is not None or "span" not in out:
            out["trigger_span"] = _offsets(text, trig, e.get("trigger_nth"), where)
        else:  # the trigger inside its evidence quote
            s = out["span"][0] + text[out["span"][0]:out["span"][1]].find(trig)
            out["trigger_span"] = [s, s + len(trig)]
    return out


def convert(paths: list[Path], out: Path) -> int:
    texts = _texts()
    docs = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                d = json.loads(line)
                text = texts[d["id"]]["text"]
                doc = {"id": d["id"]}
                for kind in ("events", "optional_events"):
                    doc[kind] = [_event(e, text, f"{d['id']} {kind}[{i}]") for i, e in enumerate(d.get(kind, []))]
                if d.get("note"):
                    doc["note"] = d["note"]
                docs.append(doc)
    with out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{out}: {len(docs)} articles, {sum(len(d['events']) for d in docs)} events", file=sys.stderr)
    return 0


CLAIM_KEEP = ("kind", "certainty", "speaker_code", "speaker_sector")
QUANTITY_KEEP = ("value", "unit", "role", "bound", "low", "high", "projected")


def _quoted(item: dict, key: str, text: str, where: str) -> list[int] | None:
    quote = item.get(key)
    return _offsets(text, quote, item.get(f"{key}_nth"), where) if quote else None


def convert_claims(paths: list[Path], out: Path) -> int:
    """Attribution and quantity annotations: quotes become `<field>_span` offsets, as for events."""
    texts = _texts()
    docs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            text = texts[d["id"]]["text"]
            claims = []
            for i, c in enumerate(d.get("claims", [])):
                w = f"{d['id']} claims[{i}]"
                claims.append({**{k: c.get(k) for k in CLAIM_KEEP},
                               **{f"{k}_span": _quoted(c, k, text, w) for k in ("speaker", "cue", "content")}})
            quantities = []
            for i, q in enumerate(d.get("quantities", [])):
                w = f"{d['id']} quantities[{i}]"
                quantities.append({**{k: q.get(k) for k in QUANTITY_KEEP}, "span": _quoted(q, "text", text, w),
                                   "event_trigger_span": _quoted(q, "event_trigger", text, w)})
            docs.append({"id": d["id"], "claims": claims, "quantities": quantities})
    out.write_text("".join(json.dumps(doc) + "\n" for doc in docs), encoding="utf-8")
    print(f"{out}: {len(docs)} articles, {sum(len(d['claims']) for d in docs)} claims, "
          f"{sum(len(d['quantities']) for d in docs)} quantities", file=sys.stderr)
    return 0


def agreement_claims(a: Path, b: Path) -> int:
    """Coder B's attributions and quantities against coder A's, with the project's own matching rules:
    a claim matches when its content covers at least half of the other's; a quantity when values agree."""
    def spans(path: Path) -> dict[str, dict]:
        return {d["id"]: d for d in map(json.loads, path.read_text().splitlines())}

    da, db = spans(a), spans(b)
    c_match = c_a = c_b = sp_ok = q_match = q_a = q_b = bound_ok = 0
    for doc_id, ga in da.items():
        gb = db.get(doc_id, {"claims": [], "quantities": []})
        ca = [c for c in ga["claims"] if c.get("content_span")]
        cb = [c for c in gb["claims"] if c.get("content_span")]
        c_a, c_b, used = c_a + len(ca), c_b + len(cb), set()
        for x in ca:
            (s, e) = x["content_span"]
            best = max(((min(e, y["content_span"][1]) - max(s, y["content_span"][0])) / max(1, e - s), j)
                       for j, y in enumerate(cb) if j not in used) if len(used) < len(cb) else (0.0, -1)
            if best[0] >= 0.5:
                used.add(best[1])
                c_match += 1
                y = cb[best[1]]
                sp_ok += (x.get("speaker_code") == y.get("speaker_code"))
        qa, qb = ga["quantities"], gb["quantities"]
        q_a, q_b, used = q_a + len(qa), q_b + len(qb), set()
        for x in qa:
            hit = next((j for j, y in enumerate(qb) if j not in used and y.get("value") is not None
                        and x.get("value") is not None and abs(float(y["value"]) - float(x["value"])) < 1e-6), None)
            if hit is not None:
                used.add(hit)
                q_match += 1
                bound_ok += x.get("bound") == qb[hit].get("bound")

    def f1(m: int, n1: int, n2: int) -> float:
        return 2 * m / (n1 + n2) if n1 + n2 else 0.0

    print(f"claims: A {c_a}, B {c_b}, matched {c_match}, content F1 {f1(c_match, c_a, c_b):.3f}, "
          f"speaker code agreement on matched {sp_ok / max(1, c_match):.3f}")
    print(f"quantities: A {q_a}, B {q_b}, matched {q_match}, value F1 {f1(q_match, q_a, q_b):.3f}, "
          f"bound agreement on matched {bound_ok / max(1, q_match):.3f}")
    return 0


def _as_prediction(doc: dict) -> dict:
    return {"id": doc["id"], "events": [
        {"type": e["type"], "modality": e.get("modality", "asserted"),
         "actor": [{"code": c} for c in e.get("actor", [])], "recipient": [{"code": c} for c in e.get("recipient", [])],
         "attribution": {"code": e.get("source")} if e.get("reported") or e.get("source") else None}
        for e in doc.get("events", [])]}


def agreement(a: Path, b: Path) -> int:
    """Coder B's events scored against coder A's as gold, and A's against B's (F1 is symmetric when
    neither uses optional events or alternatives; both directions are printed because they do)."""
    import subprocess

    texts = _texts()
    da = [json.loads(x) for x in a.read_text().splitlines() if x.strip()]
    db = [json.loads(x) for x in b.read_text().splitlines() if x.strip()]
    score = ROOT.parent / "shared" / "tools" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        strict = [{k: v for k, v in d.items() if k != "optional_events"} for d in da]
        # "strict": A's optional events no longer excuse B's extra events
        for gold, pred, label in ((da, db, "B vs A"), (db, da, "A vs B"), (strict, db, "B vs A, strict")):
            g, p = Path(tmp, "g.jsonl"), Path(tmp, "p.jsonl")
            g.write_text("".join(json.dumps({**d, "text": texts[d["id"]]["text"]}) + "\n" for d in gold))
            p.write_text("".join(json.dumps(_as_prediction(d)) + "\n" for d in pred))
            run = subprocess.run([sys.executable, str(score), "events", str(g), str(p)], capture_output=True, text=True)
            print(f"{label}: {run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr.strip()}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("work", nargs="+", type=Path)
    c.add_argument("-o", "--out", type=Path, required=True)
    cc = sub.add_parser("convert-claims")
    cc.add_argument("work", nargs="+", type=Path)
    cc.add_argument("-o", "--out", type=Path, required=True)
    ac = sub.add_parser("agreement-claims")
    ac.add_argument("a", type=Path)
    ac.add_argument("b", type=Path)
    g = sub.add_parser("agreement")
    g.add_argument("a", type=Path)
    g.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "convert":
        return convert(args.work, args.out)
    if args.cmd == "convert-claims":
        return convert_claims(args.work, args.out)
    if args.cmd == "agreement-claims":
        return agreement_claims(args.a, args.b)
    return agreement(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
