"""Scoring dotterel's components against the evaluation sets in ../shared (used by `dotterel eval`)."""
