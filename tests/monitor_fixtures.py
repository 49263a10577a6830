"""Hand-made `dotterel/1` records from a written scenario (tests/corpus/escalation/articles.yaml).

The monitor's exact tests must not depend on how well the NLP coder reads the articles, so each written
article carries its intended coding (`events`: type, actor/recipient codes, trigger text, location,
modality, attribution, quantity) and `records(spec)` turns it into the `Document` the coder should have
produced, with spans pointing into the article text. `jsonl_lines(spec)` gives the same articles as
`analyze --jsonl` / `ingest` input for the end-to-end test. Also usable by the dashboard's tests.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from dotterel.knowledge import data_path
from dotterel.model import (SCHEMA, ActorRef, Attribution, Coder, Document, Event, EventDate, Genre, Location,
                            Quantity, Trigger)

CODER = Coder(name="dotterel", version="fixture", model="hand-made", knowledge="scenario")


@functools.cache
def _plover() -> dict[tuple[str, str], tuple[int, float]]:
    """(type, mode or '') -> (quad, score), read from the coder's own data file (without importing the coder)."""
    with data_path("events", "plover.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {(r["type"], r["mode"]): (int(r["quad"]), float(r["score"])) for r in rows}


def _quad_score(event_type: str, mode: str | None) -> tuple[int, float]:
    table = _plover()
    return table.get((event_type, mode or ""), table[(event_type, "")])


def load(path: str | Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)["articles"]


def _refs(items: list[str]) -> list[ActorRef]:
    out = []
    for item in items:
        code, _, sector = item.partition("/")
        out.append(ActorRef(text=item, code=code, sector=sector or None, entity=None, span=(0, 0)))
    return out


def _find(text: str, needle: str, occurrence: int | None, used: dict[str, int]) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not starts:
        raise ValueError(f"trigger {needle!r} not in text")
    k = occurrence if occurrence is not None else used.get(needle, -1) + 1
    k = min(k, len(starts) - 1)
    used[needle] = k
    return starts[k], starts[k] + len(needle)


def record(article: dict) -> Document:
    text = article["text"]
    events: list[Event] = []
    quantities: list[Quantity] = []
    used: dict[str, int] = {}
    for i, spec in enumerate(article.get("events", []), start=1):
        eid = f"e{i}"
        start, end = _find(text, spec["trigger"], spec.get("occurrence"), used)
        mode = spec.get("mode")
        quad, score = _quad_score(spec["type"], mode)
        attribution = None
        if spec.get("attribution"):
            code = spec["attribution"]
            attribution = Attribution(source=f"{code} officials", code=code, sector="GOV", cue="said", claim=None,
                                      span=(0, 0))
        qids = []
        given = spec.get("quantity") or []
        # one [value, unit, text(, "projected")] or a list of them
        for qspec in (given if given and isinstance(given[0], list) else [given] if given else []):
            value, unit, qtext, *flags = qspec
            qid = f"q{len(quantities) + 1}"
            qs = text.find(qtext)
            quantities.append(Quantity(id=qid, text=qtext, value=float(value), unit=unit, role=None, bound="exact",
                                       low=None, high=None, projected="projected" in flags, event=eid,
                                       span=(qs, qs + len(qtext)) if qs >= 0 else (0, 0)))
            qids.append(qid)
        date = spec.get("date")
        events.append(Event(
            id=eid, type=spec["type"], mode=mode, context=list(spec.get("context", [])), quad=quad,
            score=score, actor=_refs(spec["actor"]), recipient=_refs(spec["recipient"]),
            modality=spec.get("modality", "asserted"), attribution=attribution,
            date=EventDate(text=date, value=date, precision="day", span=(0, 0)) if date else None,
            report_date=None,
            location=Location(text=spec["location"], code=None) if spec.get("location") else None,
            quantities=qids, confidence=1.0, sentence=0, span=(start, end), trigger=Trigger(text=spec["trigger"],
                                                                                          span=(start, end))))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    genre = article.get("genre", "reporting")
    return Document(
        schema=SCHEMA, id=article["id"], text_sha256=sha, title=article.get("title"), url=article.get("url"),
        source=article.get("source"), language="en", pub_date=article["date"], coder=CODER, text=text,
        genre=Genre(label=genre, score=0.9 if genre == "opinion" else 0.1), entities=[], events=events,
        claims=[], quantities=quantities)


def records(articles: list[dict]) -> list[Document]:
    return [record(a) for a in articles]


def jsonl_lines(articles: list[dict]) -> Iterator[str]:
    for a in articles:
        yield json.dumps({"id": a["id"], "text": a["text"], "date": a["date"], "title": a.get("title"),
                          "source": a.get("source")}, ensure_ascii=False)


__all__ = ["CODER", "jsonl_lines", "load", "record", "records"]
