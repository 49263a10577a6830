"""End to end: the written escalation corpus through the real pipeline (spaCy coder), then the monitor.

The exact monitor tests use hand-made codings; this one checks that what the coder produces from the
article texts is good enough for the monitor to find the escalating dyad at the right time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import monitor_fixtures as fixtures
from dotterel.monitor import alerts, build, series

CORPUS = Path(__file__).parent / "corpus" / "escalation" / "articles.yaml"


@pytest.fixture(scope="module")
def coded_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from dotterel.model import SourceItem
    from dotterel.model import Document
    from dotterel.pipeline import Analyzer, coder_block
    from dotterel.store import open_store
    from dotterel.store.writer import Analysed, start_run, write_batch

    articles = fixtures.load(CORPUS)
    items = [SourceItem(id=a["id"], text=a["text"], date=a["date"], title=a.get("title"), source=a.get("source"))
             for a in articles]
    coder = coder_block()
    store = open_store(str(tmp_path_factory.mktemp("e2e") / "coded.db"))
    run = start_run(store, [str(CORPUS)], coder.version, coder.knowledge, 1)
    docs = [d for d in Analyzer().analyze_many(items) if isinstance(d, Document)]
    assert len(docs) == len(articles)
    write_batch(store, run, [Analysed(d) for d in docs])
    build(store)
    yield store
    store.close()


@pytest.mark.slow
def test_coder_output_shows_the_escalation_in_the_series(coded_store) -> None:  # type: ignore[no-untyped-def]
    with coded_store.connect() as conn:
        rows = series(conn, "VEN-GUY")
    by_period = {r["period"]: r for r in rows}
    assert by_period["2025-W06"]["q4"] >= 2
    assert max((r for r in rows if r["index"] is not None), key=lambda r: r["index"])["period"] == "2025-W06"


@pytest.mark.slow
@pytest.mark.xfail(reason="coder gives no place names (Eteringbang, Sotk, Tegh) and misses recipients such as "
                          "'to the border with Guyana', so distinct happenings collapse into one cluster or leave the "
                          "dyad, and the W06 rise is not significant (p ~ 0.19 on 2026-11-25)", strict=False)
def test_coder_output_raises_the_alerts(coded_store) -> None:  # type: ignore[no-untyped-def]
    with coded_store.connect() as conn:
        found = [(a["dyad"], a["direction"], a["change_at"]) for a in alerts(conn)]
    assert ("GUY-VEN", "toward", "2025-W06") in found
    assert ("ARM-AZE", "away", "2025-W07") in found


@pytest.mark.slow
def test_coder_output_no_alert_on_the_calm_dyad(coded_store) -> None:  # type: ignore[no-untyped-def]
    with coded_store.connect() as conn:
        found = alerts(conn)
    assert not [a for a in found if a["dyad"] == "DEU-FRA"]
