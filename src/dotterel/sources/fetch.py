"""Fetching one web page to analyse, for `dotterel analyze URL --fetch` and `serve --allow-fetch`.

Only ever on an explicit opt-in: the CLI and the server make no outbound request otherwise. Both use the
same limits: http(s) only, a short timeout, and a size cap checked while the body streams in.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from dotterel.errors import InputError
from dotterel.limits import FETCH_TIMEOUT, MAX_FETCH_BYTES, over_limit

__all__ = ["FETCH_TIMEOUT", "MAX_FETCH_BYTES", "fetch", "looks_like_url"]


def looks_like_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https") and bool(urlsplit(text).netloc)


def fetch(url: str, max_bytes: int = MAX_FETCH_BYTES, timeout: float = FETCH_TIMEOUT) -> str:
    """The body of `url` as text; InputError with one line when it is not http(s), too large or unreachable."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise InputError("only http:// and https:// URLs can be fetched")
    import httpx

    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            response.raise_for_status()
            body = b""
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(f"{url}: " + over_limit("page", max_bytes))
            return body.decode(response.encoding or "utf-8", errors="replace")
    except httpx.HTTPError as err:
        raise InputError(f"{url}: cannot fetch ({type(err).__name__})") from None
