"""Issue 19: property-based checks (Hypothesis) of the JSONL reader and the normaliser.

Whatever the bytes, the reader gives a SourceItem or a one-line InputError and nothing else; a valid
record round-trips; the normaliser gives an item or a one-line InputError and is idempotent.
"""

from __future__ import annotations

import json

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from dotterel.errors import InputError  # noqa: E402
from dotterel.model import SourceItem  # noqa: E402
from dotterel.sources.normalize import normalize_text, prepare  # noqa: E402
from dotterel.sources.readers import MAX_JSON_DEPTH, item_from_json_line, json_depth, line_id  # noqa: E402

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=4),
                           max_leaves=20)
fields = st.sampled_from(["id", "text", "date", "title", "url", "source", "other"])


def _only_input_error(raw: bytes | str) -> SourceItem | None:
    try:
        item = item_from_json_line(raw, 3)
    except InputError as err:
        assert str(err).startswith("line 3: ") and "\n" not in str(err)
        return None
    assert isinstance(item.text, str) and "\x00" not in item.text
    return item


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_give_an_item_or_one_line_error(raw: bytes) -> None:
    _only_input_error(raw)
    assert line_id(raw) is None or isinstance(line_id(raw), str)


@FAST
@given(st.dictionaries(fields, json_values, max_size=7))
def test_any_json_object_gives_an_item_or_one_line_error(obj: dict) -> None:
    for raw in (json.dumps(obj), json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")):
        item = _only_input_error(raw)
        if item is not None:
            assert isinstance(obj.get("text"), str)


@FAST
@given(st.text(), st.one_of(st.none(), st.text(max_size=20), st.integers()))
def test_a_valid_line_round_trips(text: str, ident: object) -> None:
    item = _only_input_error(json.dumps({"id": ident, "text": text}))
    assert item is not None
    assert item.id == (None if ident is None else str(ident).replace("\x00", "\ufffd"))
    assert len(item.text) == len(text)


@FAST
@given(st.integers(min_value=0, max_value=3 * MAX_JSON_DEPTH), st.sampled_from("[{"))
def test_depth_limit(depth: int, bracket: str) -> None:
    body = ('{"a":' * depth + "1" + "}" * depth) if bracket == "{" else "[" * depth + "1" + "]" * depth
    assert json_depth(body) == depth
    line = '{"text": "x", "m": ' + body + "}"
    item = _only_input_error(line)
    assert (item is None) == (depth + 1 > MAX_JSON_DEPTH)


@FAST
@given(st.text(max_size=400))
def test_normaliser_gives_an_item_or_one_line_error_and_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once and "\r" not in once
    try:
        item = prepare(SourceItem(text=text))
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert item.text.strip() and prepare(item).text == item.text
