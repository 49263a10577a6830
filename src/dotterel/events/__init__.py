"""PLOVER event coding: which event types the text reports, between which actors, how certain."""

from dotterel.events.coder import code_events

__all__ = ["code_events"]
