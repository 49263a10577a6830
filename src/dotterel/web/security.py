"""Request limits and response headers, as plain ASGI middleware (they see every request, streamed or not)."""

from __future__ import annotations

import ipaddress
import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dotterel.limits import size_text

# Pages load scripts only from this server (plotly.min.js is served from the installed package);
# plotly sets inline styles on the elements it draws, hence 'unsafe-inline' for styles only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# FastAPI's interactive docs (Swagger UI / ReDoc from a CDN) are off: /reference and /openapi.json instead,
# so every response carries the CSP.
_NO_CSP: tuple[str, ...] = ()


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, 'localhost')."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def body_message(max_bytes: int) -> str:
    return f"request body too large (the limit is {size_text(max_bytes)})"


class BodyTooLarge(HTTPException):
    """Raised from `receive` mid-stream; an HTTPException so body parsers pass it on as a 413."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, body_message(max_bytes))


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413, by Content-Length and while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    await self._refuse(send)
                    return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"error": body_message(self.max_bytes)}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds CSP, nosniff, frame and referrer headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = not scope.get("path", "").startswith(_NO_CSP)

        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"same-origin")]  # no-referrer made our own forms send Origin: null
                if csp:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            if not started:  # Starlette's own 500 would be sent outside this middleware, without the headers
                body = b'{"error": "internal server error"}'
                await with_headers({"type": "http.response.start", "status": 500, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
                await with_headers({"type": "http.response.body", "body": body})
            raise


# --- issue 22 §3: writes only from this site; the token guards everything; 500s keep the headers --------------

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "dotterel_token"
HEALTH_PATH = "/api/health"  # the one endpoint a token never guards (for load balancers and probes)


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v.decode("latin-1")
    return None


def _origin_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else "null"


def own_origin(scope: Scope) -> str:
    host = _header(scope, b"host") or ""
    if not host and scope.get("server"):
        h, p = scope["server"]
        host = f"{h}:{p}"
    return f"{scope.get('scheme', 'http')}://{host}".lower()


def cross_site(scope: Scope) -> str | None:
    """Why a state-changing request comes from another site (None when it is same-origin or not from a browser).

    Browsers send `Origin` on every cross-origin POST (and `Sec-Fetch-Site`); a request with neither
    `Origin` nor `Referer` is not a browser's cross-site form or fetch (curl, scripts), so it passes.
    """
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site in ("cross-site", "same-site"):
        return f"Sec-Fetch-Site is {fetch_site}"
    origin = _header(scope, b"origin")
    if origin is not None:
        return None if origin.lower() == own_origin(scope) else f"Origin {origin} is not this server"
    referer = _header(scope, b"referer")
    if referer:
        return None if _origin_of(referer) == own_origin(scope) else "Referer is another site"
    return None


async def _send_json(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]] = ()) -> None:  # type: ignore[assignment]
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *extra]})
    await send({"type": "http.response.body", "body": body})


class SameOrigin:
    """Refuses (403) POST, PUT, PATCH and DELETE that a browser sends from another origin (CSRF)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method", "GET") not in SAFE_METHODS:
            why = cross_site(scope)
            if why:
                await _send_json(send, 403, f"cross-origin request refused ({why}): state-changing requests must "
                                            "come from this server's own pages")
                return
        await self.app(scope, receive, send)


def _cookie_token(scope: Scope) -> str | None:
    from http.cookies import SimpleCookie

    raw = _header(scope, b"cookie")
    if not raw:
        return None
    try:
        jar: SimpleCookie = SimpleCookie(raw)
    except Exception:  # noqa: BLE001 - a malformed cookie header is just no token
        return None
    from urllib.parse import unquote

    return unquote(jar[TOKEN_COOKIE].value) if TOKEN_COOKIE in jar else None


def supplied_token(scope: Scope) -> tuple[str | None, bool]:
    """The token a request carries (header, bearer, cookie or `?token=`), and whether it came in the query."""
    from urllib.parse import parse_qs

    auth = _header(scope, b"authorization")
    if auth and auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    for name in (b"x-api-token",):
        value = _header(scope, name)
        if value:
            return value, False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if query.get("token"):
        return query["token"][0], True
    return _cookie_token(scope), False


class TokenGate:
    """With a token set, every request but the health check needs it (reads too, unless `open_reads`).

    Browsers: open any page once with `?token=…`; the token is then kept in an HttpOnly, SameSite=Strict
    cookie for the dashboard's other pages. API clients send `Authorization: Bearer …` or `X-API-Token`.
    """

    def __init__(self, app: ASGIApp, token: str | None, open_reads: bool = False) -> None:
        self.app = app
        self.token = token
        self.open_reads = open_reads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None or scope.get("path") == HEALTH_PATH:
            await self.app(scope, receive, send)
            return
        if self.open_reads and scope.get("method", "GET") in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        import hmac

        supplied, in_query = supplied_token(scope)
        if supplied is None or not hmac.compare_digest(supplied.encode(), self.token.encode()):
            await _send_json(send, 401, "this server needs the API token: send 'Authorization: Bearer TOKEN' "
                                        "(browsers: open a page once with ?token=TOKEN)",
                             [(b"www-authenticate", b"Bearer")])
            return
        if not in_query:
            await self.app(scope, receive, send)
            return
        from urllib.parse import quote

        cookie = f"{TOKEN_COOKIE}={quote(self.token, safe='')}; Path=/; HttpOnly; SameSite=Strict".encode()

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
            await send(message)

        await self.app(scope, receive, with_cookie)
