"""Conventions other tools rely on (issue 11), checked through the console entry point `dotterel.cli.main`.

A store filled with hand-built documents (no spaCy), so every test here is fast. `main` is what the
`dotterel` script runs, so usage errors are seen exactly as a user sees them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotterel.cli import main
from dotterel.cli.store import TABLE_EVENT_COLUMNS
from dotterel.store import open_store
from dotterel.store.writer import Analysed, start_run, write_batch

ROOT = Path(__file__).resolve().parent.parent
T1 = "Iranian forces fired missiles at an Israeli air base overnight, the Israeli army said in a statement on Sunday."
T2 = "Police in Ohio arrested dozens of protesters outside the state capitol on Saturday, local media reported."
COMMANDS = ("analyze", "eval", "ingest", "quarantine", "events", "documents", "serve", "monitor", "timeline")


@pytest.fixture
def db(tmp_path: Path, make_doc) -> Iterator[str]:  # type: ignore[no-untyped-def]
    docs = [
        make_doc(T1, doc_id="news-2024-10-01-a-rather-long-document-identifier", pub_date="2024-10-01", events=[
            {"type": "ASSAULT", "quad": 4, "trigger": "fired", "actors": [("Iranian forces", "IRN", "MIL")],
             "recipients": [("Israeli air base", "ISR", "MIL")], "attributed": True,
             "fatalities": (2, 2, 2, "officials")}]),
        make_doc(T2, doc_id="ohio", pub_date="2024-10-05", events=[
            {"type": "COERCE", "quad": 4, "trigger": "arrested", "actors": [("Police", "USA", "COP")],
             "recipients": [("protesters", "USA", "OPP")]}]),
    ]
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    run = start_run(store, ["fixture"], "0.1.0", "k1", 0)
    write_batch(store, run, [Analysed(d, f"fixture.jsonl:{i}") for i, d in enumerate(docs, start=1)])
    store.close()
    yield url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def one_line_usage_error(code: int, err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, err
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "╭" not in err and "Traceback" not in err
    return lines[0]


def test_documents_jsonl_gives_id_and_doc_id(capsys, db) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "documents", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows] == [r["doc_id"] for r in rows] == sorted(r["doc_id"] for r in rows)


@pytest.mark.parametrize("args", [
    ["--bogus"], ["events", "--bogus"], ["documents", "--bogus"], ["quarantine", "--format", "csv"],
    ["events", "--format", "xml"], ["events", "--since", "yesterday"], ["ingest", "--workers", "-1", "x"],
    ["monitor", "--freq", "year"], ["timeline"], ["analyze"], ["serve", "--port", "0"], ["eval", "--errors", "x"],
    ["nosuchcommand"], ["events", "--dyad"],
])
def test_usage_errors_are_one_plain_line(capsys, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    one_line_usage_error(*run(capsys, *args)[::2])


def test_unknown_event_type_names_the_valid_types_and_the_closest(capsys, db) -> None:  # type: ignore[no-untyped-def]
    line = one_line_usage_error(*run(capsys, "events", "--db", db, "--type", "ATTACK")[::2])
    assert "closest: ASSAULT" in line and "AID" in line and "THREATEN" in line


def test_actor_names_resolve_through_the_actor_knowledge_base(capsys, db) -> None:  # type: ignore[no-untyped-def]
    _, by_name, _ = run(capsys, "events", "--db", db, "--actor", "Iran", "--format", "jsonl")
    _, by_code, _ = run(capsys, "events", "--db", db, "--actor", "IRN", "--format", "jsonl")
    assert by_name == by_code and [json.loads(x)["doc_id"] for x in by_name.splitlines()][0].startswith("news-")
    line = one_line_usage_error(*run(capsys, "events", "--db", db, "--actor", "Ruritania")[::2])
    assert "IRN" in line  # names a code to use


def test_a_url_given_to_analyze_asks_for_fetch_and_is_not_fetched(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dotterel.analyze

    monkeypatch.setattr(dotterel.analyze, "fetch_page", lambda url: pytest.fail("fetched without --fetch"))
    code, _, err = run(capsys, "analyze", "https://example.org/news/story.html")
    assert code == 1 and "--fetch" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "analyze", "article.txt", "--fetch")
    assert code == 1 and "needs an http(s) URL" in err


def test_fetch_uses_the_servers_limits() -> None:
    from dotterel.sources import fetch
    from dotterel.web.dependencies import DEFAULT_MAX_BODY

    assert fetch.MAX_FETCH_BYTES == DEFAULT_MAX_BODY
    with pytest.raises(Exception, match="only http"):
        fetch.fetch("file:///etc/passwd")


def test_dyad_forms_are_the_same_everywhere(capsys, db) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from dotterel.web.app import create_app

    def docs(*args: str) -> list[str]:
        code, out, err = run(capsys, "events", "--db", db, "--format", "jsonl", *args)
        assert code == 0, err
        return [json.loads(x)["doc_id"] for x in out.splitlines()]

    assert docs("--dyad", "IRN") == docs("--actor", "IRN") == docs("--dyad", "IRN-ISR") == docs("--dyad", "Iran-Israel")
    assert docs("--dyad", "USA-USA") == ["ohio"]  # both sides in one country
    with TestClient(create_app(db)) as client:
        for form in ("IRN", "IRN-ISR", "USA-USA"):
            assert client.get("/api/events", params={"dyad": form}).status_code == 200, form
    # the monitor takes the same forms; a self-dyad is refused at country level with the way to see it
    assert run(capsys, "monitor", "--db", db, "--dyad", "IRN", "--format", "json")[0] == 0
    line = one_line_usage_error(*run(capsys, "monitor", "--db", db, "--dyad", "USA-USA")[::2])
    assert "--level sector" in line


@pytest.mark.parametrize("command", ["events", "monitor", "timeline"])
def test_a_repeated_dyad_is_an_error(capsys, db, command: str) -> None:  # type: ignore[no-untyped-def]
    line = one_line_usage_error(*run(capsys, command, "--db", db, "--dyad", "IRN-ISR", "--dyad", "USA-USA")[::2])
    assert "2 times" in line


def test_ingest_never_reads_its_own_store(tmp_path: Path) -> None:
    from dotterel.sources.readers import iter_sources

    (tmp_path / "article.txt").write_text(T1, encoding="utf-8")
    store = open_store(str(tmp_path / "t.db"))
    for suffix in ("-wal", "-shm", "-journal"):
        (tmp_path / f"t.db{suffix}").write_bytes(b"\0" * 8)
    try:
        assert [Path(s.path).name for s in iter_sources([tmp_path], skip=store.files())] == ["article.txt"]
        assert [s.path for s in iter_sources([tmp_path / "t.db"], skip=store.files())] == []
    finally:
        store.close()


def test_tables_off_a_terminal_are_tsv_never_cut(capsys, db) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "events", "--db", db)
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t") == list(TABLE_EVENT_COLUMNS)
    assert len(lines) == 3 and all(len(line.split("\t")) == len(TABLE_EVENT_COLUMNS) for line in lines)
    assert "news-2024-10-01-a-rather-long-document-identifier" in out  # whole, not wrapped or cut
    code, out, _ = run(capsys, "documents", "--db", db)
    assert out.splitlines()[0].split("\t")[0] == "doc_id"


def test_the_events_table_shows_recipients_and_evidence(capsys, db) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "events", "--db", db, "--actor", "IRN")
    row = dict(zip(*(line.split("\t") for line in out.splitlines())))
    assert row["recipient_texts"] == "Israeli air base" and row["trigger"] == "fired"
    assert "fired missiles at an Israeli air base" in row["excerpt"]


def test_empty_results_say_so_in_one_line(capsys, db) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "quarantine", "--db", db)
    assert code == 0 and err.strip() == "nothing quarantined"
    code, out, err = run(capsys, "events", "--db", db, "--type", "AID", "--since", "2024-01-01")
    assert code == 0 and err.strip() == "no events match: --type AID --since 2024-01-01"


def test_progress_lines_when_stderr_is_not_a_terminal(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dotterel.cli import output

    monkeypatch.setattr(output, "LINE_EVERY_DOCS", 10)
    with output.progress_lines("ingest", 25) as advance:
        for _ in range(25):
            advance(1)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(",")[0] for line in lines] == ["ingest: 10 of ~25 documents", "ingest: 20 of ~25 documents",
                                                       "ingest: 25 of ~25 documents"]
    with output.progress_lines("analyze", None) as advance:
        advance(3)
    assert capsys.readouterr().err == ""  # a short run stays quiet


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_has_examples(capsys, command: str | None) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *([command] if command else []), "--help")
    examples = out.split("Examples:", 1)[-1]
    assert code == 0 and "Examples:" in out and re.search(r"^\s*dotterel [a-z]", examples, flags=re.M), out


def _readme_commands() -> list[tuple[str, set[str]]]:
    """(command, options) of every row of the README's command table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Commands", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `dotterel ([a-z]+)([^`]*)`", table, flags=re.M)
    assert len(rows) >= len(COMMANDS)
    return [(name, set(re.findall(r"--[a-z][a-z-]*", rest))) for name, rest in rows]


def test_readme_command_table_matches_help(capsys) -> None:  # type: ignore[no-untyped-def]
    rows = _readme_commands()
    assert {name for name, _ in rows} == set(COMMANDS)
    for name, options in rows:
        code, out, _ = run(capsys, name, "--help")
        assert code == 0, name
        for option in options:
            assert re.search(rf"{re.escape(option)}\b", out), f"README: `dotterel {name} {option}` is not in --help"


def test_the_events_table_says_how_sure(capsys, db) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "events", "--db", db, "--actor", "IRN")
    row = dict(zip(*(line.split("\t") for line in out.splitlines())))
    assert (row["modality"], row["confidence"]) == ("asserted", "0.80")
    assert row["attributed"] == "officials · “said”" and row["casualties"] == "killed 2 (per officials)"
    _, out, _ = run(capsys, "events", "--db", db, "--actor", "USA")
    row = dict(zip(*(line.split("\t") for line in out.splitlines())))
    assert (row["attributed"], row["casualties"]) == ("author", "—")


ERROR_LINE = re.compile(r"^\s+\S+ -> \S+: ", re.M)


def test_eval_shows_no_sentence_of_a_measuring_only_set_unless_asked(capsys) -> None:  # type: ignore[no-untyped-def]
    """Held-out sets measure only while nobody writes rules from their sentences: no error lines by default."""
    code, out, _ = run(capsys, "eval", "heldout")
    assert code == 0 and "type_f1" in out and not ERROR_LINE.search(out)
    code, out, _ = run(capsys, "eval", "heldout", "--errors", "2")
    assert code == 0 and len(ERROR_LINE.findall(out)) == 2


def test_a_database_error_no_command_expected_is_one_line(capsys, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Whatever the database refuses that no command turned into a store error (here a row missing its
    required columns) is still one `error:` line and exit 1, never a traceback."""
    from sqlalchemy import text

    from dotterel.store import query

    monkeypatch.setattr(query, "quarantined",
                        lambda conn: conn.execute(text("INSERT INTO quarantine (path) VALUES ('p')")).all())
    code, _out, err = run(capsys, "quarantine", "--db", db)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1 and len(lines) == 1, err
    assert lines[0].startswith("error: database: IntegrityError: ") and "Traceback" not in err
