"""The dotterel/1 contract: the committed JSON Schema matches the record types, and real output validates."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from dotterel.model import SourceItem
from dotterel.model import Document, document_from_json, json_schema, to_builtins, to_json

SCHEMA_FILE = files("dotterel") / "schema" / "dotterel-1.schema.json"
# fields DESIGN.md fixes; they may gain siblings but never disappear
CONTRACT_FIELDS = {
    "document": {"schema", "id", "text_sha256", "title", "url", "source", "language", "pub_date", "coder", "text",
                 "genre", "entities", "events", "claims", "quantities"},
    "event": {"id", "type", "mode", "context", "quad", "score", "actor", "recipient", "modality", "attribution",
              "date", "report_date", "location", "quantities", "confidence", "sentence", "span", "trigger"},
    "claim": {"id", "speaker", "cue", "kind", "content", "span", "content_span", "certainty", "events"},
    "quantity": {"id", "text", "value", "unit", "role", "bound", "low", "high", "projected", "event", "span"},
}


def test_committed_schema_is_generated_from_the_model() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: python -m dotterel.model > src/dotterel/schema/dotterel-1.schema.json"


def test_contract_fields_are_all_present() -> None:
    defs = json_schema()["$defs"]
    assert CONTRACT_FIELDS["document"] <= set(defs["Document"]["properties"])
    assert CONTRACT_FIELDS["event"] <= set(defs["Event"]["properties"])
    assert CONTRACT_FIELDS["claim"] <= set(defs["Claim"]["properties"])
    assert CONTRACT_FIELDS["quantity"] <= set(defs["Quantity"]["properties"])


@pytest.fixture(scope="module")
def analysed() -> Document:
    from dotterel.pipeline import Analyzer

    text = ("Russian forces shelled Kharkiv on Monday, killing at least 12 people, Ukrainian officials said.\n"
            "\"We will respond,\" Ukraine's defence minister told reporters. The EU imposed new sanctions on Moscow.")
    return Analyzer().analyze(SourceItem(text=text, id="t1", date="2024-05-14"))


@pytest.mark.slow
def test_real_output_validates_against_the_schema(analysed: Document) -> None:
    data = json.loads(to_json(analysed))
    jsonschema.validate(data, json_schema())
    assert data["schema"] == "dotterel/1"
    assert data["events"], "the text reports events"


@pytest.mark.slow
def test_every_span_points_into_the_text(analysed: Document) -> None:
    text = analysed.text
    for ev in analysed.events:
        assert text[ev.trigger.span[0]:ev.trigger.span[1]] == ev.trigger.text
        for ref in ev.actor + ev.recipient:
            assert text[ref.span[0]:ref.span[1]] == ref.text
    for q in analysed.quantities:
        assert text[q.span[0]:q.span[1]] == q.text
    for c in analysed.claims:
        assert text[c.content_span[0]:c.content_span[1]] == c.content


@pytest.mark.slow
def test_records_round_trip_through_json(analysed: Document) -> None:
    assert document_from_json(to_json(analysed)) == analysed
    assert to_builtins(analysed)["id"] == "t1"


@pytest.mark.slow
def test_local_ids_are_numbered_in_text_order(analysed: Document) -> None:
    starts = [e.trigger.span[0] for e in analysed.events]
    assert starts == sorted(starts)
    assert [e.id for e in analysed.events] == [f"e{i}" for i in range(1, len(analysed.events) + 1)]
