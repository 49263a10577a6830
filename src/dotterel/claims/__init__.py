"""Claims: who says what (direct, indirect and mixed quotes, "according to"), and how sure."""

from dotterel.claims.finder import find_claims

__all__ = ["find_claims"]
