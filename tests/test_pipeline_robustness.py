"""One document that breaks a stage yields an error record; the rest of the batch is analysed."""

from __future__ import annotations

import pytest

from dotterel import pipeline
from dotterel.model import SourceItem
from dotterel.model import Document, ErrorRecord


@pytest.mark.slow
def test_a_crashing_stage_becomes_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.find_quantities

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "boom" in doc.text:
            raise ValueError("synthetic failure")
        return real(doc)

    monkeypatch.setattr(pipeline, "find_quantities", flaky)
    items = [SourceItem(text="Russian forces shelled Kharkiv on Monday.", id="a"),
             SourceItem(text="The boom of artillery was heard in the city.", id="b"),
             SourceItem(text="The EU imposed new sanctions on Iran.", id="c")]
    out = list(pipeline.Analyzer().analyze_many(items))
    assert [type(o) for o in out] == [Document, ErrorRecord, Document]
    assert out[1].id == "b" and "synthetic failure" in out[1].error
