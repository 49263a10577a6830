"""`dotterel serve`: build the app, then hand it to uvicorn."""

from __future__ import annotations

import socket

from dotterel.web.app import ServeError, create_app


def run(db_url: str | None, *, host: str, port: int, token: str | None, max_body: int, allow_fetch: bool,
        open_reads: bool = False) -> None:
    app = create_app(db_url, token, host=host, max_body=max_body, allow_fetch=allow_fetch, open_reads=open_reads)
    _check_port(host, port)
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)


def _check_port(host: str, port: int) -> None:
    """Fail with one line (not uvicorn's traceback-ish log) when the address is taken or invalid."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as err:
            raise ServeError(f"cannot listen on {host}:{port}: {err.strerror}") from None
