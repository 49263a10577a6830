"""`dotterel analyze` as a user runs it: real files, real exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DOTTEREL = str(Path(sys.executable).with_name("dotterel"))
ARTICLE = ("Russian forces shelled Kharkiv on Monday, killing at least 12 people, Ukrainian officials said. "
           "The European Union imposed new sanctions on Moscow on Tuesday.\n")
pytestmark = pytest.mark.slow


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([DOTTEREL, *args], input=stdin, capture_output=True, timeout=300, cwd=cwd,
                          env={**os.environ, "COLUMNS": "160"})
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def assert_one_line_error(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert words in lines[0].lower(), lines[0]


def test_json_output_is_a_dotterel_record(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run("analyze", str(path), "--date", "2024-05-14", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "dotterel/1"
    assert doc["pub_date"] == "2024-05-14"
    assert doc["id"] == doc["text_sha256"][:16]
    types = {e["type"] for e in doc["events"]}
    assert {"ASSAULT", "SANCTION"} <= types
    assault = next(e for e in doc["events"] if e["type"] == "ASSAULT")
    assert [a["code"] for a in assault["actor"]] == ["RUS"]
    assert assault["attribution"]["code"] == "UKR"
    assert assault["date"]["value"] == "2024-05-13"


def test_without_a_date_relative_dates_stay_unresolved_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = json.loads(run("analyze", str(path), "--format", "json").stdout)
    assert doc["pub_date"] is None
    assert any("date" in w for w in doc["warnings"])
    dated = [e["date"] for e in doc["events"] if e["date"]]
    assert dated and all(d["value"] is None for d in dated)


def test_table_and_html_formats(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    table = run("analyze", str(path), "--date", "2024-05-14")
    assert table.returncode == 0, table.stderr
    assert "ASSAULT" in table.stdout and "RUS" in table.stdout
    html = run("analyze", str(path), "--date", "2024-05-14", "--format", "html")
    assert html.returncode == 0
    assert html.stdout.lstrip().lower().startswith("<!doctype html")
    assert "<script src" not in html.stdout and "http" not in html.stdout.split("<body", 1)[0]


def test_html_input_is_reduced_to_the_article(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><head><title>Shelling in Kharkiv</title></head><body>"
                    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Shelling</h1>"
                    f"<p>{ARTICLE}</p></article><footer>Subscribe to our newsletter</footer></body></html>",
                    encoding="utf-8")
    doc = json.loads(run("analyze", str(page), "--format", "json").stdout)
    assert "<" not in doc["text"] and "Subscribe" not in doc["text"]
    assert "Russian forces shelled Kharkiv" in doc["text"]
    assert doc["title"] in ("Shelling in Kharkiv", "Shelling")  # <title> or the article's own heading


def test_stdin(tmp_path: Path) -> None:
    proc = run("analyze", "-", "--format", "json", stdin=ARTICLE.encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["events"]


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00data" * 50, "binary"),
    (b"Russian forces \xff\xfe shelled", "utf-8"),
])
def test_bad_files_get_one_line_errors(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert_one_line_error(run("analyze", str(path)), words)


def test_missing_file_and_too_large_file(tmp_path: Path) -> None:
    assert_one_line_error(run("analyze", str(tmp_path / "nope.txt")), "no such file")
    big = tmp_path / "big.txt"
    big.write_bytes(b"The army attacked the town. " * (20 * 1024 * 1024 // 28))
    assert_one_line_error(run("analyze", str(big)), "limit")


def test_non_english_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text("Les forces russes ont bombardé Kharkiv lundi, selon les responsables ukrainiens.", encoding="utf-8")
    assert_one_line_error(run("analyze", str(path)), "language not supported")


def test_bad_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert_one_line_error(run("analyze", str(path), "--date", "last Tuesday"), "iso date")


def test_jsonl_keeps_order_and_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLE, "date": "2024-05-14", "extra": "ignored"}),
        "{not json",
        json.dumps({"id": 7, "text": "Le gouvernement a annoncé des sanctions contre la Russie et ses alliés."}),
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": ARTICLE, "date": "2024-05-14T08:30:00Z"}),
        json.dumps({"id": "e"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("analyze", "--jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "7", "c", "d", "e"]
    assert out[0]["schema"] == "dotterel/1" and out[4]["pub_date"] == "2024-05-14"
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert "language not supported" in out[2]["error"]
    assert "empty" in out[3]["error"]
    assert "text" in out[5]["error"]
    assert out[0]["events"] == out[4]["events"], "same text, same coder: same ids and events"


def test_jsonl_that_cannot_be_read_fails(tmp_path: Path) -> None:
    assert_one_line_error(run("analyze", "--jsonl", str(tmp_path / "missing.jsonl")), "no such file")


def test_bundled_examples_analyse(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    proc = run("analyze", "--jsonl", str(root / "examples" / "articles.jsonl"))
    assert proc.returncode == 0
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(docs) == 4 and all("error" not in d for d in docs)
    assert sum(len(d["events"]) for d in docs) >= 8
