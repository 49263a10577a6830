"""Issue 22 §5: when SQLite says "readonly database", the error names the file that cannot be written."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import exc

from dotterel.store import StoreError, open_store
from dotterel.store import fsdiag
from dotterel.store.writer import start_run


def _leftover_shm(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    open_store(str(db)).close()
    shm = Path(f"{db}-shm")
    shm.write_bytes(b"\0" * 32768)  # what a reader of the read-only store left behind
    shm.chmod(0o444)
    return db


def test_a_leftover_read_only_shm_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _leftover_shm(tmp_path)
    store = open_store(str(db))
    # root writes through chmod 444; judge by the mode bits, as SQLite does for everyone else
    monkeypatch.setattr(fsdiag.os, "access", lambda p, mode: bool(os.stat(p).st_mode & stat.S_IWUSR))
    with pytest.raises(StoreError) as err:
        with store.write():
            raise exc.OperationalError("INSERT …", {}, sqlite3.OperationalError("attempt to write a readonly database"))
    message = str(err.value)
    assert "\n" not in message and "attempt to write a readonly database" in message
    assert f"{db}-shm cannot be written" in message
    store.close()


def test_a_read_only_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    monkeypatch.setattr(fsdiag.os, "access", lambda p, mode: Path(p) != tmp_path)
    assert fsdiag.explain("attempt to write a readonly database", str(db)).endswith(
        f"folder {tmp_path} cannot be written (SQLite creates its -wal and -shm files there)")
    assert fsdiag.explain("disk I/O error", str(db)) == "disk I/O error"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 444 (the test above emulates it)")
def test_a_leftover_read_only_shm_for_real(tmp_path: Path) -> None:
    db = _leftover_shm(tmp_path)
    with pytest.raises(StoreError, match="-shm cannot be written"):
        store = open_store(str(db))
        start_run(store, ["x"], "v", "k", 0)
