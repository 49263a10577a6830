"""Web dashboard and REST API (FastAPI): `create_app(db_url, token=None, ...)`; `dotterel serve` runs it."""

from dotterel.web.app import ServeError, create_app

__all__ = ["ServeError", "create_app"]
