"""Issue 19: hostile input never stops a run. Seeded hostile lines (tests/fuzz_inputs.py) through the real
console entry point: no traceback, one record per input line, every record valid, bounded time.

The large run (10,000+ lines) is bench/fuzz.py; this is the small CI sample.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import msgspec
import pytest

from dotterel.errors import InputError
from dotterel.model import ErrorRecord
from dotterel.sources.readers import MAX_JSON_DEPTH, item_from_json_line, json_depth, line_id
from fuzz_inputs import KINDS, hostile_lines

DOTTEREL = str(Path(sys.executable).with_name("dotterel"))
ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "src/dotterel/schema/dotterel-1.schema.json").read_text())
ERROR_SCHEMA = msgspec.json.schema(ErrorRecord)
_DOCUMENT = jsonschema.Draft202012Validator(SCHEMA)
_ERROR = jsonschema.Draft202012Validator(ERROR_SCHEMA)


def check_record(record: dict) -> None:
    """A dotterel/1 Document valid against the published schema, or an error record with a one-line reason."""
    if "error" in record:
        _ERROR.validate(record)
        assert set(record) == {"id", "error"}
        assert record["error"] and "\n" not in record["error"] and len(record["error"]) < 1000
    else:
        _DOCUMENT.validate(record)


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([DOTTEREL, *args], capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                          env={**os.environ, "COLUMNS": "160"})
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_generator_is_seeded_and_covers_every_kind() -> None:
    assert hostile_lines(50, seed=3) == hostile_lines(50, seed=3)
    assert hostile_lines(50, seed=3) != hostile_lines(50, seed=4)
    lines = hostile_lines(400, seed=1)
    assert all(line.endswith(b"\n") and line.strip() and line.count(b"\n") == 1 for line in lines)
    assert len(KINDS) >= 12


def test_reader_raises_only_input_error_on_hostile_lines() -> None:
    """In process, 3,000 lines: item_from_json_line gives an item or an InputError; line_id never raises."""
    for n, raw in enumerate(hostile_lines(3000, seed=11, heavy=False), start=1):
        try:
            item = item_from_json_line(raw, n)
        except InputError as err:
            assert "\n" not in str(err) and str(err).startswith(f"line {n}: ") or "line" not in str(err)
        else:
            assert isinstance(item.text, str) and (item.id is None or isinstance(item.id, str))
            assert "\x00" not in item.text
        got = line_id(raw)
        assert got is None or isinstance(got, str)


@pytest.mark.parametrize("raw, reason", [
    (b'{"id": "a", "text": "Police \xff arrested"}\n', "not valid UTF-8 (byte 0xff at offset 28)"),
    (b"[" * 100_000 + b"]" * 100_000, f"nested deeper than {MAX_JSON_DEPTH}"),
    (b'{"id": "a", "text": "x", "m": ' + b'{"a":' * 5000 + b"1" + b"}" * 5001, "nested deeper"),
    (b'{"id": [1], "text": "x"}', "$.id"),
    (b'{"id": "a", "text": 5}', "$.text"),
    (b'{"id": "a", "text": null}', "$.text"),
    (b'{"id": "a", "date": 20240101, "text": "x"}', "$.date"),
    (b'{"id": "a"}', 'missing "text"'),
    (b"Pol\x00ice", "malformed"),
])
def test_hostile_line_is_rejected_with_one_line_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        item_from_json_line(raw, 7)
    assert str(err.value).startswith("line 7: ") and reason in str(err.value) and "\n" not in str(err.value)


def test_depth_scan_ignores_brackets_inside_strings() -> None:
    assert json_depth('{"text": "' + "[" * 1000 + '"}') == 1
    assert json_depth('{"text": "\\"' + "{" * 1000 + '"}') == 1
    assert json_depth("[" * 70 + "]" * 70) == 70
    item = item_from_json_line('{"id": 1, "text": "' + "[{" * 500 + ' Police arrested protesters."}', 1)
    assert item.id == "1" and item.text.startswith("[{")


def test_bom_and_integer_id_are_accepted() -> None:
    item = item_from_json_line(b'\xef\xbb\xbf{"id": 12, "text": "Troops moved."}\n', 1)
    assert (item.id, item.text) == ("12", "Troops moved.")


def test_analyze_jsonl_gives_one_valid_record_per_hostile_line(tmp_path: Path) -> None:
    lines = hostile_lines(200, seed=19, heavy=False)  # the multi-MB kinds run in bench/fuzz.py
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"".join(lines))
    start = time.monotonic()
    proc = run("analyze", "--jsonl", str(path), timeout=240)
    elapsed = time.monotonic() - start
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stderr[-2000:]
    # split on "\n" only: records may hold U+2028, U+0085 and the like raw, which str.splitlines splits on
    records = [json.loads(line) for line in proc.stdout.split("\n") if line]
    assert len(records) == len(lines)
    for record in records:
        check_record(record)
    assert sum("error" in r for r in records) >= 50 and sum("error" not in r for r in records) >= 20
    # in order: a line whose id decodes keeps it in its record
    for raw, record in zip(lines, records):
        known = line_id(raw)
        if known is not None and "error" in record:
            assert record["id"] == known
    assert elapsed < 180


def test_analyze_jsonl_over_long_line_is_skipped_in_bounded_memory(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dotterel.sources import readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.jsonl"
    path.write_bytes(b'{"id": "big", "text": "' + b"a" * 50_000 + b'"}\n{"id": "next", "text": "x"}\n')
    got = list(readers.iter_jsonl(path))
    assert [n for n, _ in got] == [1, 2] and len(got[0][1]) == 1001 and got[1][1].startswith(b'{"id": "next"')
    with pytest.raises(InputError, match="longer than"):
        readers.item_from_json_line(got[0][1], 1)


def _single_file_cases(tmp_path: Path) -> dict[str, Path]:
    cases = {}
    (tmp_path / "empty.txt").write_bytes(b"")
    cases["empty"] = tmp_path / "empty.txt"
    (tmp_path / "dir").mkdir()
    cases["directory"] = tmp_path / "dir"
    os.mkfifo(tmp_path / "fifo")
    cases["fifo"] = tmp_path / "fifo"
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 40)
    cases["binary"] = tmp_path / "bin.dat"
    (tmp_path / "latin1.txt").write_bytes("Police arrested café owners.".encode("latin-1"))
    cases["not utf-8"] = tmp_path / "latin1.txt"
    (tmp_path / "toobig.txt").write_bytes(b"Police arrested protesters. " * 800_000)  # 22 MB
    cases["over the limit"] = tmp_path / "toobig.txt"
    (tmp_path / "controls.txt").write_text("Police \u202earrested\u2066 protesters\x07 in Nairobi.\x1b[31m",
                                           encoding="utf-8")
    cases["control and bidi"] = tmp_path / "controls.txt"
    unreadable = tmp_path / "unreadable.txt"
    unreadable.write_text("Police arrested protesters.")
    unreadable.chmod(0)
    cases["unreadable"] = unreadable
    return cases


def test_single_file_analyze_hostile_files(tmp_path: Path) -> None:
    for name, path in _single_file_cases(tmp_path).items():
        start = time.monotonic()
        proc = run("analyze", str(path), "--format", "json", timeout=60)
        assert time.monotonic() - start < 60, name
        assert "Traceback" not in proc.stderr, (name, proc.stderr[-2000:])
        if proc.returncode == 0:
            check_record(json.loads(proc.stdout))
        else:
            errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
            assert len(errors) == 1 and proc.returncode == 1, (name, proc.stderr)
            if name == "unreadable" and os.geteuid() == 0:
                continue  # root reads it anyway
            assert name != "control and bidi", proc.stderr


@pytest.mark.slow
def test_single_file_analyze_of_a_long_article(tmp_path: Path) -> None:
    # 270 KB of one repeated sentence (5,000 sentences) keeps CI in minutes; multi-MB texts run in bench/fuzz.py
    path = tmp_path / "big.txt"
    path.write_text("Police arrested 40 protesters in Nairobi on Tuesday. " * 5_000, encoding="utf-8")
    proc = run("analyze", str(path), "--format", "json", timeout=600)
    assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr[-2000:]
    check_record(json.loads(proc.stdout))


def test_ingest_quarantines_hostile_lines_and_goes_on(tmp_path: Path) -> None:
    lines = hostile_lines(120, seed=23, heavy=False)
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"".join(lines))
    db = tmp_path / "h.db"
    proc = run("ingest", str(path), "--db", str(db), timeout=240)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = (proc.stdout + proc.stderr).splitlines()
    header = next(i for i, line in enumerate(out) if line.startswith("read\t"))
    row = dict(zip(out[header].split("\t"), out[header + 1].split("\t")))
    assert int(row["read"]) == len(lines)
    assert int(row["stored"]) + int(row["duplicates"]) + int(row["quarantined"]) == len(lines)
    assert int(row["quarantined"]) >= 30 and int(row["stored"]) >= 5
    listed = run("quarantine", "--db", str(db), "--format", "jsonl")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    reasons = [json.loads(line)["reason"] for line in listed.stdout.split("\n") if line]
    assert len(reasons) == int(row["quarantined"]) and all(r and "\n" not in r for r in reasons)
