"""Errors users see: each carries a one-line message, printed without a traceback."""


class DotterelError(Exception):
    """Base class; `str(err)` is the one-line message shown to the user."""


class InputError(DotterelError):
    """The input cannot be read or is not analysable (empty, binary, too large, not English...)."""


class AnalysisError(DotterelError):
    """The text was read but analysing it failed."""
