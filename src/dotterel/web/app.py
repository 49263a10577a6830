"""The FastAPI application: `create_app(db_url, token=None, ...)` builds it, `dotterel serve` runs it.

Off localhost the server refuses to start without a token, and with a token every endpoint but
/api/health needs it (reads stay open only with `open_reads`, `dotterel serve --open-reads`). Requests
that change state must come from this server's own pages (Origin/Referer checked: `security.SameOrigin`). Pages load JavaScript only from this server: plotly's bundled
`plotly.min.js` is served from the installed plotly package at /vendor/plotly.min.js.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeout
from starlette.exceptions import HTTPException

from dotterel import __version__
from dotterel.errors import DotterelError
from dotterel.limits import LimitError
from dotterel.store import open_store
from dotterel.web.dashboard import MonitorCache
from dotterel.web.dependencies import DEFAULT_MAX_BODY, AnalyzerHolder, Settings
from dotterel.web.routers import api, pages
from dotterel.web.security import HEALTH_PATH, BodyLimit, SameOrigin, SecurityHeaders, TokenGate, is_loopback
from dotterel.web.templating import configure

HERE = Path(__file__).parent


class ServeError(DotterelError):
    """The server cannot start with these settings (one-line message)."""


def plotly_js() -> Path:
    path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise ServeError("plotly.min.js is missing from the installed plotly package (reinstall plotly)")
    return path


def create_app(db_url: str | None, token: str | None = None, *, host: str = "127.0.0.1",
               max_body: int = DEFAULT_MAX_BODY, allow_fetch: bool = False, open_reads: bool = False) -> FastAPI:
    """The dashboard + API over the store at `db_url` (see `dotterel.store.open_store` for URLs)."""
    if not is_loopback(host) and not token:
        raise ServeError(f"binding to {host} exposes the server to other machines: give an API token "
                         "(--token or $DOTTEREL_TOKEN), or bind to 127.0.0.1")
    if max_body < 1024:
        raise ServeError("the request body limit must be at least 1024 bytes")
    settings = Settings(db_url=db_url, host=host, token=token or None, max_body=max_body, allow_fetch=allow_fetch,
                        open_reads=open_reads)
    store = open_store(db_url)
    vendor_js = plotly_js()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="dotterel", lifespan=lifespan, version=__version__, docs_url=None, redoc_url=None,
                  description="Sourced PLOVER event data from news, and escalation monitoring between actors. "
                              "Dyads are written `AAA-BBB` (actor code, recipient code) on events; the escalation endpoints "
                              "(clusters, dyads, series, alerts, timeline) are the escalation monitor's (as "
                              "`dotterel monitor`), whose pairs are unordered and named in alphabetical order "
                              "(`GUY-VEN`; either order is accepted). When the server has an API token every endpoint "
                              "but /api/health needs it (`Authorization: Bearer …`), reads too unless it runs with "
                              "--open-reads; writes must come from this server's own pages or from non-browser clients.")
    app.state.settings = settings
    app.state.store = store
    app.state.analyzer = AnalyzerHolder()
    app.state.monitor = MonitorCache()
    app.state.templates = configure(Jinja2Templates(directory=str(HERE / "templates")))
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(TokenGate, token=settings.token, open_reads=open_reads)
    app.add_middleware(SameOrigin)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(vendor_js, media_type="text/javascript", headers={"cache-control": "public, max-age=86400"})

    @app.get(HEALTH_PATH, tags=["status"])
    def health() -> dict[str, str]:
        """Liveness check; the only endpoint that never needs the token."""
        return {"status": "ok"}

    @app.get("/docs", include_in_schema=False)
    @app.get("/redoc", include_in_schema=False)
    def no_cdn_docs() -> RedirectResponse:  # Swagger UI and ReDoc load from a CDN: the local reference instead
        return RedirectResponse("/reference", status_code=307)

    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, detail: object = None) -> Response:
    if _wants_json(request):
        body = {"error": message} if detail is None else {"error": message, "detail": detail}
        return JSONResponse(body, status_code=status)
    return request.app.state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                                        status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SQLAlchemyTimeout)
    async def pool_exhausted(request: Request, exc: SQLAlchemyTimeout) -> Response:
        return _error(request, 503, "the server is busy (no free database connection): try again shortly")

    @app.exception_handler(LimitError)
    async def over_limit(request: Request, exc: LimitError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query", "path", "header"))
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in errors]
        return _error(request, 422, f"{where}: {first['msg']}" if where else str(first["msg"]), detail)


__all__ = ["ServeError", "create_app", "plotly_js"]
