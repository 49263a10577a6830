"""Actor resolution: which country, organisation, group or person each mention stands for."""

from dotterel.actors.resolver import resolve_actors

__all__ = ["resolve_actors"]
