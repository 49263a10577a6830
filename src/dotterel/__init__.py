"""dotterel: sourced, structured PLOVER event data from news, and escalation monitoring."""

from importlib.metadata import version as _version

__version__ = _version("dotterel")
__all__ = ["__version__"]
