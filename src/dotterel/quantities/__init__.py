"""Quantities: numbers with units, roles, bounds and projections (see `finder` for the rules)."""

from dotterel.quantities.finder import find_quantities

__all__ = ["find_quantities"]
