"""`dotterel serve`: refuses unsafe settings with one line; a real server over the monitor's written scenario
answers / (with the monitor's alerts) and /openapi.json."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.store import open_store
from web_scenario import documents, write


def test_public_bind_without_token_fails_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"],
                                env={"DOTTEREL_TOKEN": ""})
    assert result.exit_code == 1
    assert "give an API token" in result.output and "Traceback" not in result.output


def test_bad_database_fails_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing" / "s.db")])
    assert result.exit_code == 1 and "does not exist" in result.output


@pytest.mark.slow
def test_serve_answers_overview_and_openapi(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = open_store(str(tmp_path / "s.db"))
    write(store, documents())
    store.close()
    exe = Path(sys.executable).with_name("dotterel")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "DOTTEREL_TOKEN": ""})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        # the escalation monitor's alerts, built by the server on its first request
        assert 'data-dyad="GUY-VEN"' in r.text and 'data-dyad="ARM-AZE"' in r.text
        assert 'data-dyad="DEU-FRA"' not in r.text
        alerts = httpx.get(f"http://127.0.0.1:{port}/api/alerts").json()["items"]
        assert {(a["dyad"], a["change_at"]) for a in alerts} == {("GUY-VEN", "2025-W06"), ("ARM-AZE", "2025-W07")}
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()["info"]["title"] == "dotterel"
    finally:
        proc.terminate()
        proc.wait(10)
