"""Readers that turn labelled event sets into the scorer's gold format.

- PLOVER gold records (`eval/plover_gsr.jsonl`, `label_current`), older CAMEO-style codes mapped to ISO3;
- PETRARCH2 validation records (`eval/petrarch2_gsr.jsonl`, `plover_mapped`), CAMEO actor codes cut to
  their country (or organisation) part;
- gold files already in the scorer's format (our own `tests/gold/*.jsonl`).
Generic `IGO`/`NGO`/`IMG` gold codes match any organisation of that kind (DESIGN.md): `generalize`
rewrites a prediction's organisation codes to the generic code where the gold uses it.
"""

from __future__ import annotations

from collections import Counter

import json
from pathlib import Path
from typing import Any

from dotterel.errors import InputError

Json = dict[str, Any]

# CAMEO country codes that differ from ISO 3166-1 alpha-3
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "BUL": "BGR", "GMY": "DEU", "UKG": "GBR",
                "KOS": "XKX", "SER": "SRB", "MNT": "MNE", "DRC": "COD", "CON": "COG", "ZAI": "COD",
                "BOS": "BIH", "MAC": "MKD", "YUG": "SRB", "SLO": "SVN", "LAT": "LVA", "TAW": "TWN"}
CAMEO_IGOS = {"UNO": "UN", "EUR": "EU", "NAT": "NATO", "AFR": "AU", "ASN": "ASEAN", "WAF": "ECOWAS",
              "OAS": "OAS", "ARL": "ARAB LEAGUE", "IAE": "IAEA", "ICC": "ICC", "IMF": "IMF", "WTO": "WTO"}
GENERIC = frozenset({"IGO", "NGO", "IMG"})


def cameo_code(code: str | None) -> str | None:
    """Country (or organisation) part of a CAMEO actor code: 'USAGOV' -> 'USA', 'IGOUNOMIL' -> 'UN'."""
    if not code:
        return None
    code = code.upper()
    head = code[:3]
    if head == "---":
        return None
    if head == "IGO":
        return CAMEO_IGOS.get(code[3:6], "IGO")
    return CAMEO_TO_ISO.get(head, head)


def _read_jsonl(path: Path) -> list[Json]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not JSONL ({err.msg} at line {err.lineno})") from None


def _codes(parties: list[Json]) -> list[str]:
    out = []
    for p in parties:
        c = cameo_code(p.get("code"))
        if c and c not in out:
            out.append(c)
    return out


def plover_gsr(path: Path) -> list[Json]:
    docs = []
    seen: Counter[str] = Counter()
    for rec in _read_jsonl(path):
        events = [{"type": rec["label_current"], "actor": _codes(e.get("source", [])),
                   "recipient": _codes(e.get("target", [])), "modality": "asserted"}
                  for e in rec.get("expected", [])]
        # one id occurs twice in the records (two different sentences): predictions are keyed by id, so
        # the second copy gets a suffix rather than being scored against the first one's prediction
        seen[rec["id"]] += 1
        doc_id = rec["id"] if seen[rec["id"]] == 1 else f"{rec['id']}#{seen[rec['id']]}"
        docs.append({"id": doc_id, "text": rec["text"], "date": None, "events": events})
    return docs


def petrarch2_gsr(path: Path) -> list[Json]:
    docs = []
    for rec in _read_jsonl(path):
        events = []
        for e in rec.get("expected", []):
            if not e.get("plover_mapped"):
                continue  # CAMEO codes with no PLOVER mapping are not scored
            actor = [c for c in [cameo_code(e.get("source"))] if c]
            recipient = [c for c in [cameo_code(e.get("target"))] if c]
            ev = {"type": e["plover_mapped"], "actor": actor, "recipient": recipient, "modality": "asserted"}
            if ev not in events:
                events.append(ev)
        date = rec.get("date")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 and date.isdigit() else None
        docs.append({"id": rec["id"], "text": rec["text"], "date": iso, "events": events})
    return docs


def gold_file(path: Path) -> list[Json]:
    docs = _read_jsonl(path)
    for n, d in enumerate(docs, start=1):
        if "id" not in d or "text" not in d or "events" not in d:
            raise InputError(f"{path}: line {n} is not a gold document (needs id, text, events)")
    return docs


def corpus_records(corpus: Path, ids: set[str]) -> dict[str, Json]:
    """The records of the shared news corpus with these ids (text, date, title), read by id."""
    return {r["id"]: r for r in _read_jsonl(corpus) if r["id"] in ids}


def article(record: Json) -> Json:
    """What the analyser is given of a corpus record: its text, day and title."""
    return {"text": record["text"], "date": (record.get("date") or "")[:10] or None, "title": record.get("title")}


def with_articles(path: Path, corpus: Path) -> list[tuple[Json, Json]]:
    """Each line of an offset-only gold file (`tests/gold/realnews/*.jsonl`) with its corpus record;
    an id the corpus lacks is an error, never a silently smaller set."""
    rows = _read_jsonl(path)
    records = corpus_records(corpus, {r["id"] for r in rows})
    missing = [r["id"] for r in rows if r["id"] not in records]
    if missing:
        raise InputError(f"{path}: {len(missing)} record ids not in {corpus} (first: {missing[0]})")
    return [(r, records[r["id"]]) for r in rows]


def realnews(path: Path, corpus: Path) -> list[Json]:
    """Hand-coded real-news gold (`tests/gold/realnews/events.jsonl`: codes and offsets, no text) joined
    with its articles' text, date and title from the shared corpus."""
    return [{**gold, **article(record)} for gold, record in with_articles(path, corpus)]


def generalize(pred: Json, gold: Json) -> Json:
    """Rewrite organisation codes in `pred` to the generic IGO/NGO code the gold document uses.

    The PLOVER records code every organisation (UN bodies, Amnesty, APEC...) with a generic code, and not
    always the one its kind suggests, so any organisation of ours may stand for the generic gold code.
    """
    gold_codes = {c for e in gold.get("events", []) + gold.get("optional_events", [])
                  for c in e.get("actor", []) + e.get("recipient", [])}
    wanted = sorted(gold_codes & GENERIC)
    if not wanted or "events" not in pred:
        return pred
    orgs = {e["code"] for e in pred.get("entities", [])
            if e.get("code") and (e.get("kind") == "igo" or e.get("sector") in ("NGO", "IGO"))}
    generic = "IGO" if "IGO" in wanted else wanted[0]

    def fix(refs: list[Json]) -> list[Json]:
        return [{**r, "code": generic} if r.get("code") in orgs and r.get("code") not in gold_codes else r
                for r in refs]

    events = [{**e, "actor": fix(e.get("actor", [])), "recipient": fix(e.get("recipient", []))}
              for e in pred["events"]]
    return {**pred, "events": events}
