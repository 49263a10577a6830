"""Compatibility import for `SourceItem`, which now lives in `dotterel.model`.

Kept only because `assemble.py`, tests/test_assemble.py and tests/test_pattern_examples.py (the events
work's files) still import it from here; delete once they import `dotterel.model.SourceItem`.
"""

from dotterel.model import SourceItem

__all__ = ["SourceItem"]
