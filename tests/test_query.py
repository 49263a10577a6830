"""Queries and exports over a store filled with hand-built documents (no spaCy)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.store import query
from dotterel.cli import app
from dotterel.store import open_store
from dotterel.store.writer import Analysed, start_run, write_batch

T1 = "Troops of Ruritania crossed into Freedonia at dawn and shelled the border town, residents said."
T2 = "Freedonia asked Ruritania to withdraw its forces and called for talks under United Nations auspices."
T3 = "Ruritania may send more troops to the Freedonian border next month, a defence analyst said."
T4 = "Envoys of Chile and Peru signed a fisheries accord in Lima on Thursday after two days of talks."


@pytest.fixture
def filled(store_url: str, make_doc):  # type: ignore[no-untyped-def]
    rur, fre = ("Troops of Ruritania", "RUR", "MIL"), ("Freedonia", "FRE", None)
    docs = [
        make_doc(T1, doc_id="d1", pub_date="2024-10-21", events=[
            {"type": "MOBILIZE", "quad": 4, "trigger": "crossed", "actors": [rur], "recipients": [fre]},
            {"type": "ASSAULT", "quad": 4, "trigger": "shelled", "actors": [rur], "recipients": [fre],
             "attributed": True, "quantity": True, "fatalities": (12, None, None, "residents")},
        ]),
        make_doc(T2, doc_id="d2", pub_date="2024-10-23", events=[
            {"type": "REQUEST", "quad": 3, "trigger": "asked", "actors": [fre], "recipients": [("Ruritania", "RUR", None)]},
        ]),
        make_doc(T3, doc_id="d3", pub_date="2024-10-24", events=[
            {"type": "MOBILIZE", "quad": 4, "trigger": "send", "actors": [("Ruritania", "RUR", None)],
             "recipients": [], "modality": "hypothetical", "date": "2024-11"},
        ]),
        make_doc(T4, doc_id="d4", pub_date=None, events=[
            {"type": "SUPPORT", "trigger": "signed", "actors": [("Chile", "CHL", None), ("Peru", "PER", None)],
             "recipients": []},
        ]),
    ]
    store = open_store(store_url)
    run = start_run(store, ["fixture"], "0.1.0", "k1", 0)
    write_batch(store, run, [Analysed(d, f"fixture.jsonl:{i}") for i, d in enumerate(docs, start=1)])
    yield store_url, store
    store.close()


def _ids(rows):  # type: ignore[no-untyped-def]
    return [(r["doc_id"], r["event_id"]) for r in rows]


def test_event_filters(filled) -> None:  # type: ignore[no-untyped-def]
    _, store = filled
    with store.connect() as conn:
        assert len(query.events(conn)) == 5
        assert query.count_events(conn) == 5
        dyad = query.events(conn, query.EventFilter(dyad=("RUR", "FRE")))
        assert _ids(dyad) == [("d1", "e1"), ("d1", "e2")]
        assert all("RUR-FRE" in r["dyads"] for r in dyad)
        assert _ids(query.events(conn, query.EventFilter(dyad=("FRE", "RUR")))) == [("d2", "e1")]
        assert _ids(query.events(conn, query.EventFilter(actor="CHL"))) == [("d4", "e1")]
        assert _ids(query.events(conn, query.EventFilter(types=["mobilize"]))) == [("d1", "e1"), ("d3", "e1")]
        assert _ids(query.events(conn, query.EventFilter(since="2024-10-22", until="2024-10-23"))) == [("d2", "e1")]
        assert _ids(query.events(conn, query.EventFilter(modalities=["hypothetical"]))) == [("d3", "e1")]
        assert query.events(conn, query.EventFilter(doc_id="d4"))[0]["dyads"] == []  # no recipient, no dyad
        paged = list(query.iter_events(conn, page=2))
        assert _ids(paged) == _ids(query.events(conn))


def test_event_rows_keep_dates_and_buckets(filled) -> None:  # type: ignore[no-untyped-def]
    _, store = filled
    with store.connect() as conn:
        [d1] = query.events(conn, query.EventFilter(doc_id="d1", types=["ASSAULT"]))
        [d3] = query.events(conn, query.EventFilter(doc_id="d3"))
    assert (d1["date"], d1["day"], d1["week"], d1["month"]) == ("2024-10-21", "2024-10-21", "2024-W43", "2024-10")
    assert d1["actor_codes"] == ["RUR"] and d1["actor_sectors"] == ["MIL"] and d1["recipient_codes"] == ["FRE"]
    assert d1["attribution_source"] == "officials" and d1["trigger"] == "shelled"
    # a month-precise event date: the pub date gives the day, the event's own month stays visible
    assert d3["event_date"] == "2024-11" and d3["event_date_precision"] == "month" and d3["day"] == "2024-10-24"


def test_documents_listing(filled) -> None:  # type: ignore[no-untyped-def]
    _, store = filled
    with store.connect() as conn:
        docs = list(query.documents(conn))
        assert [d["doc_id"] for d in docs] == ["d1", "d2", "d3", "d4"]
        assert [d["n_events"] for d in docs] == [2, 1, 1, 1]
        assert docs[0]["path"] == "fixture.jsonl:1"
        assert query.document(conn, "d2")["text"] == T2


runner = CliRunner()


def test_cli_events_jsonl_and_csv(filled) -> None:  # type: ignore[no-untyped-def]
    url, _ = filled
    res = runner.invoke(app, ["events", "--db", url, "--dyad", "RUR-FRE", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["type"] for r in rows] == ["MOBILIZE", "ASSAULT"]
    assert rows[0]["dyads"] == ["RUR-FRE"]
    res = runner.invoke(app, ["events", "--db", url, "--format", "csv", "--modality", "asserted"])
    assert res.exit_code == 0, res.output
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(table) == 4 and table[0]["dyads"] == "RUR-FRE"
    assert {r["doc_id"] for r in table} == {"d1", "d2", "d4"}
    assert next(r for r in table if r["doc_id"] == "d4")["actor_codes"] == "CHL;PER"


def test_cli_events_parquet_opens_in_duckdb(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import duckdb

    url, _ = filled
    out = tmp_path / "events.parquet"
    res = runner.invoke(app, ["events", "--db", url, "--format", "parquet", "--output", str(out)])
    assert res.exit_code == 0, res.output
    con = duckdb.connect()
    got = con.execute(f"SELECT type, count(*) FROM read_parquet('{out}') GROUP BY type ORDER BY type").fetchall()
    assert got == [("ASSAULT", 1), ("MOBILIZE", 2), ("REQUEST", 1), ("SUPPORT", 1)]
    dyad = con.execute(f"SELECT doc_id FROM read_parquet('{out}') WHERE list_contains(dyads, 'FRE-RUR')").fetchall()
    assert dyad == [("d2",)]
    # an empty result is still a valid file with every column
    res = runner.invoke(app, ["events", "--db", url, "--type", "COERCE", "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0
    assert con.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone() == (0,)
    assert "dyads" in [c[0] for c in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}')").fetchall()]


def test_cli_documents_and_table_output(filled) -> None:  # type: ignore[no-untyped-def]
    url, _ = filled
    res = runner.invoke(app, ["documents", "--db", url, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["doc_id"] for x in res.stdout.splitlines()] == ["d1", "d2", "d3", "d4"]
    res = runner.invoke(app, ["events", "--db", url])
    assert res.exit_code == 0 and "ASSAULT" in res.stdout


@pytest.mark.parametrize("args, message", [
    (["--dyad", "R$R-UKR"], "AAA-BBB"),
    (["--since", "yesterday"], "not a date"),
    (["--modality", "likely"], "not one of"),
    (["--format", "parquet"], "needs --output"),
])
def test_cli_events_bad_arguments(filled, args, message) -> None:  # type: ignore[no-untyped-def]
    url, _ = filled
    res = runner.invoke(app, ["events", "--db", url, *args])
    assert res.exit_code == 2 and message in res.output and "Traceback" not in res.output


def test_cli_reading_a_missing_store_fails_cleanly(tmp_path: Path) -> None:
    res = runner.invoke(app, ["documents", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "no database at" in res.output
    assert not (tmp_path / "none.db").exists()


def test_exports_carry_casualty_figures_and_certainty(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import duckdb

    url, _ = filled
    res = runner.invoke(app, ["events", "--db", url, "--type", "ASSAULT", "--format", "jsonl"])
    [row] = [json.loads(line) for line in res.stdout.splitlines()]
    assert (row["fatalities_low"], row["fatalities_best"], row["fatalities_source"]) == (12, None, "residents")
    assert row["injured_best"] is None and "attribution_certainty" in row
    res = runner.invoke(app, ["events", "--db", url, "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(table[0])[-9:] == ["attribution_certainty", *query.CASUALTY_COLUMNS]  # new columns come last
    shelled = next(r for r in table if r["trigger"] == "shelled")
    assert (shelled["fatalities_low"], shelled["fatalities_best"], shelled["fatalities_source"]) == ("12", "", "residents")
    out = tmp_path / "events.parquet"
    runner.invoke(app, ["events", "--db", url, "--format", "parquet", "--output", str(out)])
    got = duckdb.connect().execute(f"SELECT fatalities_low, fatalities_best, fatalities_source FROM read_parquet('{out}') "
                                   "WHERE trigger = 'shelled'").fetchall()
    assert got == [(12, None, "residents")]
