"""The `dotterel` command: `app.py` defines the commands; the other modules are what they print and write."""

from dotterel.cli.app import app, main

__all__ = ["app", "main"]
