"""FastAPI dependencies: settings, the store, a connection per request (after the monitor build), the token, the analyzer."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Header, HTTPException, Request
from sqlalchemy import Connection

from dotterel.errors import DotterelError
from dotterel.limits import MAX_FETCH_BYTES
from dotterel.store import Store
from dotterel.web.dashboard import MonitorCache

if TYPE_CHECKING:  # the pipeline (spaCy) loads on first analysis, not at import
    from dotterel.model import Document, SourceItem
    from dotterel.pipeline import Analyzer

DEFAULT_MAX_BODY = MAX_FETCH_BYTES  # one limit for bodies sent and pages fetched


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything `create_app` was configured with; declared once, shown by `dotterel serve --help`."""

    db_url: str | None
    host: str = "127.0.0.1"
    token: str | None = None  # when set, writing and analysing need it (required off localhost)
    max_body: int = DEFAULT_MAX_BODY  # bytes; larger request bodies get 413
    allow_fetch: bool = False  # fetch user-supplied URLs for analysis (off: no outbound requests)
    open_reads: bool = False  # with a token: GET requests need none (off: every endpoint but /api/health needs it)


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_db(store: Annotated[Store, Depends(get_store)]) -> Iterator[Connection]:
    """One read connection per request, returned to the pool when the request is done."""
    with store.connect() as conn:
        yield conn


def get_monitor(request: Request) -> MonitorCache:
    return request.app.state.monitor


def get_monitor_db(store: Annotated[Store, Depends(get_store)],
                   cache: Annotated[MonitorCache, Depends(get_monitor)]) -> Iterator[Connection]:
    """A read connection after the monitor's clusters are brought up to date (a no-op unless codings changed).

    The build runs before the read connection opens, so the request then sees the finished build.
    """
    cache.refresh(store)
    with store.connect() as conn:
        yield conn


def token_ok(settings: Settings, supplied: str | None) -> bool:
    if settings.token is None:
        return True
    return supplied is not None and hmac.compare_digest(supplied.encode(), settings.token.encode())


def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_token: Annotated[str | None, Header(description="The API token (or `Authorization: Bearer …`).")] = None,
) -> None:
    """Guards endpoints that write or run analysis when the server was started with a token."""
    supplied = x_api_token
    if authorization and authorization.lower().startswith("bearer "):
        supplied = authorization[7:].strip()
    if not token_ok(settings, supplied):
        raise HTTPException(401, "this endpoint needs the API token: send 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})


class AnalyzerHolder:
    """Loads the spaCy pipeline on first use (not at start-up); analyses may run concurrently."""

    def __init__(self) -> None:
        self._analyzer: Analyzer | None = None
        self.lock = threading.Lock()

    def analyze(self, item: SourceItem) -> Document:
        from dotterel.pipeline import Analyzer

        from dotterel.web import limits

        if self._analyzer is None:
            if not self.lock.acquire(timeout=limits.ANALYSIS_TIMEOUT):  # the request has had its 503 by now
                raise DotterelError(limits.timeout_message(limits.ANALYSIS_TIMEOUT))
            try:
                if self._analyzer is None:
                    self._analyzer = Analyzer()
            finally:
                self.lock.release()
        # Analyses run side by side (up to the analysis pool's threads, web/limits.py): a short text never
        # waits for a long one to finish (issue 22 §2); concurrent runs give the same records as one at a time.
        return self._analyzer.analyze(item)


def get_analyzer(request: Request) -> AnalyzerHolder:
    return request.app.state.analyzer


DB = Annotated[Connection, Depends(get_db)]
MonitorDB = Annotated[Connection, Depends(get_monitor_db)]
Monitor = Annotated[MonitorCache, Depends(get_monitor)]
