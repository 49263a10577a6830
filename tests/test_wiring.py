"""The wiring keeps one home per job (issue 12, item 4): checks that fail when a second copy creeps back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dotterel.errors import DotterelError
from dotterel.report.highlight import pieces

SRC = Path(__file__).resolve().parent.parent / "src" / "dotterel"


def _defining(pattern: str) -> list[str]:
    rx = re.compile(pattern, re.M)
    return sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if rx.search(p.read_text(encoding="utf-8")))


def test_one_event_filter_and_one_dyad_parser() -> None:
    assert _defining(r"^class EventFilter\b") == ["store/query.py"]
    assert _defining(r"^def parse_dyad\(") == ["store/query.py"]


def test_reads_of_the_current_coding_go_through_the_read_layer() -> None:
    # the writer sets the column, the integrity check verifies it, the monitor fingerprints it: none reads through it
    users = _defining(r"current_coding_id\s*==|==\s*\w+\.c\.current_coding_id")
    assert users == ["store/integrity.py", "store/query.py"]


def test_highlight_pieces_cover_the_text_with_every_covering_item() -> None:
    class Item:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    a, b = Item(0, 9), Item(4, 6)
    got = [(text, [id(i) for i in cover]) for text, cover in pieces("The claim said.", [a, b])]
    assert "".join(text for text, _ in got) == "The claim said."
    assert got == [("The ", [id(a)]), ("cl", [id(a), id(b)]), ("aim", [id(a)]), (" said.", [])]


def test_analyze_prepares_the_text_once_and_refuses_before_loading_the_model(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dotterel.nlp
    import dotterel.pipeline
    from dotterel.analyze import analyze_file

    calls: list[str] = []
    real = dotterel.pipeline.prepare

    def counting(item):  # type: ignore[no-untyped-def]
        calls.append(item.text)
        return real(item)

    monkeypatch.setattr(dotterel.pipeline, "prepare", counting)
    monkeypatch.setattr(dotterel.nlp, "load", lambda: pytest.fail("model loaded for refused text"))
    path = tmp_path / "fr.txt"
    path.write_text("Les forces russes ont bombardé Kharkiv lundi, selon les responsables ukrainiens.", encoding="utf-8")
    with pytest.raises(DotterelError, match="language not supported"):
        analyze_file(str(path))
    assert len(calls) == 1
