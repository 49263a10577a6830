"""Location and fingerprint of the knowledge files under `dotterel/data/`."""

from __future__ import annotations

import functools
import hashlib
from importlib.resources import files
from pathlib import Path

DATA_DIR = Path(str(files("dotterel") / "data"))


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


def word_set(values: list[object], where: str) -> frozenset[str]:
    """Lower-case words of a YAML list. YAML 1.1 reads a bare on/off/yes/no as a boolean, which would
    silently drop the word: refuse it so the data file gets quoted."""
    words = [v for v in values if isinstance(v, str)]
    if len(words) != len(values):
        bad = [v for v in values if not isinstance(v, str)]
        raise ValueError(f"{where}: {bad!r} in {values!r} is not a word (quote on/off/yes/no)")
    return frozenset(v.lower() for v in words)


@functools.cache
def fingerprint() -> str:
    """Short hash over every knowledge file, so stored codings say which knowledge produced them."""
    digest = hashlib.sha256()
    for path in sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(DATA_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
