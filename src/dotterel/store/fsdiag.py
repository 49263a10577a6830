"""Which file stops SQLite from writing, for the one-line error (issue 22 §5).

"attempt to write a readonly database" says nothing about *which* file: after a read-only store is made
writable again, a leftover read-only `-shm` (or `-wal`) file, or a read-only folder (where SQLite creates
them), gives the same message as a read-only database file. `unwritable(db)` names the first culprit.
"""

from __future__ import annotations

import os
from pathlib import Path


def unwritable(database: str | None) -> str | None:
    """The first of the database file, its -wal and -shm files and its folder this process cannot write."""
    if not database or database == ":memory:":
        return None
    db = Path(database)
    try:
        read_only_fs = db.parent.is_dir() and bool(os.statvfs(db.parent).f_flag & os.ST_RDONLY)
    except OSError:
        read_only_fs = False
    if read_only_fs:  # no file mode can help there (and root's os.access would say "writable" for modes)
        return f"folder {db.parent} is on a read-only file system (remount it read-write, or copy the store elsewhere)"
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if path.exists() and not os.access(path, os.W_OK):
            return f"{path} cannot be written (make it writable, or remove a leftover -wal/-shm file)"
    if db.parent.is_dir() and not os.access(db.parent, os.W_OK):
        return f"folder {db.parent} cannot be written (SQLite creates its -wal and -shm files there)"
    return None


def explain(message: str, database: str | None) -> str:
    """`message`, naming the file that cannot be written when SQLite says it cannot write."""
    if "readonly" not in message.lower() and "read-only" not in message.lower():
        return message
    culprit = unwritable(database)
    return f"{message}: {culprit}" if culprit else message
