"""`dotterel monitor` and `dotterel timeline` on a store built from the written scenario."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli import app
import monitor_fixtures as fixtures
from dotterel.store.writer import Analysed, start_run, write_batch

CORPUS = Path(__file__).parent / "corpus" / "escalation" / "articles.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from dotterel.store import open_store

    path = tmp_path_factory.mktemp("cli") / "scenario.db"
    store = open_store(str(path))
    run = start_run(store, ["scenario"], "fixture", "scenario", 1)
    write_batch(store, run, [Analysed(d) for d in fixtures.records(fixtures.load(CORPUS))])
    store.close()
    return str(path)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_monitor_json_dyad(db: str) -> None:
    res = invoke("monitor", "--db", db, "--dyad", "VEN-GUY", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [r["period"] for r in data["series"]["VEN-GUY"]][:2] == ["2025-W02", "2025-W03"]
    (alert,) = data["alerts"]
    assert alert["dyad"] == "GUY-VEN" and alert["change_at"] == "2025-W06" and alert["articles"]


def test_monitor_table_top(db: str) -> None:
    res = invoke("monitor", "--db", db, "--top", "3")
    assert res.exit_code == 0, res.output
    assert "ARM-AZE" in res.output and "TOWARD CONFLICT" in res.output and "AWAY FROM CONFLICT" in res.output
    assert "[vg-05#e1]" in res.output


def test_monitor_csv_since_month(db: str) -> None:
    res = invoke("monitor", "--db", db, "--dyad", "ARM-AZE", "--freq", "month", "--since", "2025-02-01", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [r["period"] for r in rows] == ["2025-02"]
    assert {"dyad", "q1", "q4", "score_sum", "score_mean", "index", "documents"} <= set(rows[0])


def test_monitor_files(db: str, tmp_path: Path) -> None:
    png, html, parquet = tmp_path / "s.png", tmp_path / "s.html", tmp_path / "s.parquet"
    assert invoke("monitor", "--db", db, "--dyad", "VEN-GUY", "-f", "png", "-o", str(png)).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert invoke("monitor", "--db", db, "--dyad", "VEN-GUY", "-f", "html", "-o", str(html)).exit_code == 0
    page = html.read_text()
    assert "<script" in page and "src=\"http" not in page and "plotly" in page.lower()  # offline, inline JS
    assert "toward since 2025-W06" in page  # the alert is marked on the series
    assert invoke("monitor", "--db", db, "--top", "2", "-f", "parquet", "-o", str(parquet)).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert set(table.column("dyad").to_pylist()) == {"ARM-AZE", "GUY-VEN"}


def test_monitor_sector_level(db: str) -> None:
    res = invoke("monitor", "--db", db, "--dyad", "SDNMIL-SDNREB", "--level", "sector", "-f", "json")
    assert res.exit_code == 0
    assert sum(r["clusters"] for r in json.loads(res.output)["series"]["SDNMIL-SDNREB"]) == 4


@pytest.mark.parametrize("args,message", [
    (["--dyad", "VEN-"], "AAA-BBB"),
    (["--dyad", "VEN-GUY", "--top", "3"], "not both"),
    (["--since", "last week"], "not a date"),
    (["--format", "png"], "needs --output"),
])
def test_monitor_bad_arguments(db: str, args: list[str], message: str) -> None:
    res = invoke("monitor", "--db", db, *args)
    assert res.exit_code == 2 and message in res.output and "Traceback" not in res.output


def test_monitor_bad_database(tmp_path: Path) -> None:
    res = invoke("monitor", "--db", str(tmp_path / "missing" / "x.db"))
    assert res.exit_code == 1 and "does not exist" in res.output


def test_timeline_table_and_json(db: str) -> None:
    res = invoke("timeline", "--db", db, "--unit", "troops")
    assert res.exit_code == 0, res.output
    assert "5,000" in res.output and "DISAGREES" in res.output
    data = json.loads(invoke("timeline", "--db", db, "--dyad", "VEN-GUY", "--unit", "soldiers", "-f", "json").output)
    assert [(r["value"], r["projected"]) for r in data if r["event_type"] == "MOBILIZE"] == [
        (2000, False), (2500, False), (5000, False), (12000, True)]


def test_timeline_html(db: str, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    assert invoke("timeline", "--db", db, "--about", "troops", "-f", "html", "-o", str(out)).exit_code == 0
    assert "<script" in out.read_text()


def test_timeline_needs_a_filter(db: str) -> None:
    res = invoke("timeline", "--db", db)
    assert res.exit_code == 2 and "--about" in res.output


def test_every_option_is_documented() -> None:
    import typer.main

    docs = (Path(__file__).parents[1] / "docs" / "monitor.md").read_text()
    group = typer.main.get_command(app)
    for name in ("monitor", "timeline"):
        for param in group.commands[name].params:  # type: ignore[attr-defined]
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in docs, f"{name} {opt} is not in docs/monitor.md"
