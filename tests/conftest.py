"""Shared fixtures.

Store fixtures: `pg_url` is a PostgreSQL URL from $DOTTEREL_TEST_PG_URL with a freshly emptied `public`
schema (skips when unset, fails when CI=true); `store_url` runs a test once on SQLite and once on
PostgreSQL; `make_doc` builds a `dotterel/1` Document by hand (no spaCy) for store and query tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dotterel import model as m


def _pg_url_or_skip() -> str:
    url = os.environ.get("DOTTEREL_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but DOTTEREL_TEST_PG_URL is not set: PostgreSQL tests cannot run")
        pytest.skip("DOTTEREL_TEST_PG_URL not set (source .ci/postgres.sh to run the PostgreSQL tests)")
    return url


def _reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    from dotterel.store import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def pg_url() -> str:
    url = _pg_url_or_skip()
    _reset_pg(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = _pg_url_or_skip()
    _reset_pg(url)
    return url


Actor = tuple[str, str | None, str | None]  # text, code, sector


def _build_doc(
    text: str,
    *,
    doc_id: str | None = None,
    pub_date: str | None = "2024-10-24",
    events: list[dict] | None = None,
    version: str = "0.1.0",
    knowledge: str = "k1",
    title: str | None = None,
) -> m.Document:
    """A Document over `text` with the given events: dicts of type, actors, recipients, modality, date,
    fatalities (low, best, high, source)."""
    from dotterel.sources.normalize import text_sha256

    sha = text_sha256(text)
    built_events: list[m.Event] = []
    entities: dict[str, m.Entity] = {}
    for i, spec in enumerate(events or [], start=1):
        refs: dict[str, list[m.ActorRef]] = {}
        for role in ("actors", "recipients"):
            refs[role] = []
            for words, code, sector in spec.get(role, []):
                start = text.find(words)
                span = (start, start + len(words))
                ent = entities.setdefault(words, m.Entity(id=f"n{len(entities) + 1}", text=words, code=code,
                                                          sector=sector, name=None, kind="state", spans=[span]))
                refs[role].append(m.ActorRef(text=words, code=code, sector=sector, entity=ent.id, span=span))
        trig = spec.get("trigger", text.split()[1])
        t0 = text.find(trig)
        date = spec.get("date")
        built_events.append(m.Event(
            id=f"e{i}", type=spec["type"], mode=None, context=spec.get("context", []), quad=spec.get("quad", 1),
            score=spec.get("score", 1.0), actor=refs["actors"], recipient=refs["recipients"],
            modality=spec.get("modality", "asserted"),
            attribution=m.Attribution(source="officials", code=None, sector=None, cue="said", claim="c1",
                                      span=(0, 3)) if spec.get("attributed") else None,
            date=m.EventDate(text=date, value=date, precision="day" if len(date) == 10 else "month", span=(0, 1))
            if date else None,
            report_date=None, location=None, quantities=["q1"] if spec.get("quantity") else [], confidence=0.8,
            sentence=0, span=(0, len(text)), trigger=m.Trigger(text=trig, span=(t0, t0 + len(trig))),
            fatalities=m.Casualties(low=spec["fatalities"][0], best=spec["fatalities"][1],
                                    high=spec["fatalities"][2], source=spec["fatalities"][3])
            if spec.get("fatalities") else None,
        ))
    quantities = [m.Quantity(id="q1", text="3,000 soldiers", value=3000.0, unit="soldiers", role="troops",
                             bound="exact", low=None, high=None, projected=False, event="e1", span=(0, 5))] \
        if any(sp.get("quantity") for sp in events or []) else []
    claims = [m.Claim(id="c1", speaker=m.Speaker(text="officials", code=None, sector=None), cue="said",
                      kind="indirect", content=text, span=(0, len(text)), content_span=(0, len(text)),
                      certainty="claimed", events=["e1"])] if any(sp.get("attributed") for sp in events or []) else []
    return m.Document(
        schema=m.SCHEMA, id=doc_id or sha[:16], text_sha256=sha, title=title, url=None, source="Test Wire",
        language="en", pub_date=pub_date,
        coder=m.Coder(name="dotterel", version=version, model="en_core_web_sm-3.8.0", knowledge=knowledge),
        text=text, genre=m.Genre(label="reporting", score=0.1), entities=list(entities.values()),
        events=built_events, claims=claims, quantities=quantities, sentences=[(0, len(text))],
    )


@pytest.fixture
def make_doc() -> Callable[..., m.Document]:
    return _build_doc
