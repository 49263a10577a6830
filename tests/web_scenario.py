"""The store the dashboard tests run on: the monitor's written scenario plus one hostile article.

The scenario (tests/corpus/escalation/articles.yaml, hand-coded records from `tests/monitor_fixtures.py`) has
known alerts: GUY-VEN toward conflict from 2025-W06, ARM-AZE away from conflict from 2025-W07, and a
calm, heavily covered pair (DEU-FRA) that must never alert. Records go in through the store's writer.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
from sqlalchemy import func, select

import monitor_fixtures as fixtures
from dotterel.model import Attribution, Casualties, Claim, Document, Speaker
from dotterel.store import Store, open_store
from dotterel.store import schema as s
from dotterel.store.writer import Analysed, finish_run, start_run, write_batch

CORPUS = Path(__file__).parent / "corpus" / "escalation" / "articles.yaml"
ARTICLES = fixtures.load(CORPUS)
CALM = "DEU-FRA"

HOSTILE_ID = "hostile<b>1</b>"
HOSTILE_TITLE = '<script>alert("title")</script> Strikes'
HOSTILE_URL = "javascript:alert(document.cookie)"
HOSTILE_SOURCE = '"><img src=x onerror=alert(2)>'
HOSTILE = {
    "id": HOSTILE_ID, "date": "2025-02-05", "source": HOSTILE_SOURCE, "url": HOSTILE_URL, "title": HOSTILE_TITLE,
    "text": ("<script>alert('xss')</script> Israeli jets struck <img src=x onerror=alert(3)> targets in Iran "
             "\"onmouseover=\"alert(4)\" near <a href=\"javascript:alert(5)\">Isfahan</a>, the army said."),
    "events": [{"type": "ASSAULT", "actor": ["ISR/MIL"], "recipient": ["IRN"], "trigger": "struck",
                "attribution": "ISR", "quantity": [3, "<b>units</b>", "<img src=x onerror=alert(3)>"]}],
}

# The article the click-through ends on: Al Jazeera's restatement of the Eteringbang attack, with an
# analysts' claim added (the scenario's records carry no claims) so claim highlights are exercised too.
CLAIM_DOC = "vg-10"
CLAIM_CONTENT = "Caracas could try to annex the region"


def _with_claim(doc: Document) -> Document:
    start = doc.text.index("Analysts say")
    content = doc.text.index(CLAIM_CONTENT)
    claim = Claim(id="c1", speaker=Speaker(text="Analysts", code=None, sector=None), cue="say", kind="indirect",
                  content=CLAIM_CONTENT, span=(start, content + len(CLAIM_CONTENT)),
                  content_span=(content, content + len(CLAIM_CONTENT)), certainty="possible", events=["e4"])
    # what the analyser derives here: the toll of the attack (the author's own figure) and the analysts'
    # hedged claim carrying the hypothetical annexation
    events = list(doc.events)
    events[0] = msgspec.structs.replace(events[0], fatalities=Casualties(low=3, best=3, high=3, source=None,
                                                                         quantities=["q1"]))
    events[3] = msgspec.structs.replace(events[3], attribution=Attribution(
        source="Analysts", code=None, sector=None, cue="say", claim="c1", span=claim.span, certainty="possible"))
    return msgspec.structs.replace(doc, claims=[claim], events=events)


def documents(articles: list[dict] | None = None) -> list[Document]:
    docs = fixtures.records(ARTICLES + [HOSTILE] if articles is None else articles)
    return [_with_claim(d) if d.id == CLAIM_DOC else d for d in docs]


def write(store: Store, docs: list[Document]) -> None:
    """One ingest run through the store's writer (as `dotterel ingest` stores records)."""
    run = start_run(store, ["scenario"], fixtures.CODER.version, fixtures.CODER.knowledge, 1)
    write_batch(store, run, [Analysed(d, path=f"scenario:{d.id}") for d in docs])
    finish_run(store, run, "done", len(docs))


def scenario_db(path: Path) -> Path:
    """A SQLite store at `path` holding the scenario (the dashboard tests' common starting point)."""
    store = open_store(str(path))
    try:
        write(store, documents())
    finally:
        store.close()
    return path


def stored_documents(db: Path, doc_id: str) -> int:
    """How many documents with this id the store at `db` holds (0 or 1)."""
    store = open_store(str(db))
    try:
        with store.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.documents).where(
                s.documents.c.doc_id == doc_id)).scalar_one()
    finally:
        store.close()


def coded(actor: str, recipient: str) -> list[tuple[str, str]]:
    """(article id, event id) of every written event with `actor` acting on `recipient`, any modality."""
    out = []
    for article in ARTICLES + [HOSTILE]:
        for i, ev in enumerate(article.get("events", []), start=1):
            actors = {x.partition("/")[0] for x in ev["actor"]}
            recipients = {x.partition("/")[0] for x in ev["recipient"]}
            if actor in actors and recipient in recipients:
                out.append((article["id"], f"e{i}"))
    return out
