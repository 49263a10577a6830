"""Issue 19 §3: every message about a size states the limit that was applied, from dotterel.limits.

Before, standard input was read up to 4 × the text limit and refused with "… is 20 MB; the limit is 5 MB".
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dotterel import limits
from dotterel.errors import InputError
from dotterel.model import SourceItem
from dotterel.sources import readers
from dotterel.sources.normalize import decode_bytes, prepare
from dotterel.web.security import body_message

DOTTEREL = str(Path(sys.executable).with_name("dotterel"))
_SIZES = re.compile(r"[\d,.]+ (?:MiB|bytes|MB)")


def _only_limit(message: str, limit: int) -> None:
    """The message names `limit` as the limit, and any other size it names is the input's, not a limit."""
    assert "\n" not in message
    assert f"limit is {limit:,} bytes" in message or f"limit of {limit:,} bytes" in message \
        or limits.size_text(limit) in message.split("limit", 1)[1], message
    assert " MB" not in message  # one unit everywhere (MiB: the limits are powers of two)


def test_size_text_and_messages() -> None:
    assert limits.size_text(5 * limits.MiB) == "5 MiB"
    assert limits.size_text(int(22.9 * limits.MiB)) == "22.9 MiB"
    assert limits.size_text(4096) == "4,096 bytes"
    assert limits.too_large("file", 50 * limits.MiB, limits.MAX_TEXT_BYTES) == "file is 50 MiB; the limit is 5 MiB"
    # just over: bytes, never "5.0 MiB; the limit is 5 MiB"
    assert limits.too_large("document", limits.MAX_TEXT_BYTES + 1, limits.MAX_TEXT_BYTES) == \
        "document is 5,242,881 bytes; the limit is 5,242,880 bytes (5 MiB)"


def test_standard_input_over_the_limit_names_the_text_limit() -> None:
    data = b"Rebels shelled the depot. " * (limits.MAX_TEXT_BYTES // 26 + 10)
    proc = subprocess.run([DOTTEREL, "analyze", "-"], input=data, capture_output=True, timeout=120)
    message = proc.stderr.decode().strip()
    assert proc.returncode != 0 and "Traceback" not in message and len(message.splitlines()) == 1
    assert message == f"error: standard input is longer than the limit of {limits.size_text(limits.MAX_TEXT_BYTES)}"


def test_file_line_document_and_body_messages_name_their_own_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse
        fh.truncate(limits.MAX_TEXT_BYTES + 3 * limits.MiB)
    with pytest.raises(InputError) as err:
        readers.read_file(big)
    _only_limit(str(err.value), limits.MAX_TEXT_BYTES)
    assert "8 MiB" in str(err.value)

    (src,) = list(readers.iter_sources([str(big)]))
    _only_limit(src.error or "", limits.MAX_TEXT_BYTES)

    with pytest.raises(InputError) as err:
        readers.item_from_json_line(b"x" * (limits.MAX_LINE_BYTES + 1), 7)
    _only_limit(str(err.value), limits.MAX_LINE_BYTES)
    assert str(err.value).startswith("line 7: ")

    with pytest.raises(InputError) as err:
        prepare(SourceItem(text="a" * (limits.MAX_TEXT_BYTES + 1)))
    _only_limit(str(err.value), limits.MAX_TEXT_BYTES)

    with pytest.raises(InputError) as err:
        decode_bytes(b"a" * 5000, "upload.txt", limit=4096)
    _only_limit(str(err.value), 4096)

    _only_limit(body_message(limits.MAX_FETCH_BYTES), limits.MAX_FETCH_BYTES)


def test_no_size_literal_outside_limits() -> None:
    """Sizes are written in one place: no `2**20` arithmetic or "N MB" text left in the readers and the web."""
    src = Path(limits.__file__).parent
    for path in [*src.glob("sources/*.py"), *src.glob("web/*.py"), src / "analyze.py", src / "cli/app.py"]:
        text = path.read_text(encoding="utf-8")
        assert "2**20" not in text and "1024 * 1024" not in text, path
        assert not re.search(r"\d MB\b", text), path
