"""What one analysis request may cost (issue 22 §2): a text cap and a time budget, on a pool of its own.

- Text sent for analysis (API, form, upload or fetched page) is at most MAX_ANALYZE_CHARS characters
  (about 16,000 words, far above a news article); longer texts get a 422 pointing at `dotterel analyze`.
- Each request waits at most ANALYSIS_TIMEOUT seconds for its analysis (including the wait for the
  analyser); past that it gets a 503 saying so, instead of holding the client for minutes.
- Analyses run on their own small thread pool, so they never take the threads that serve reads.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from fastapi import HTTPException

T = TypeVar("T")
MAX_ANALYZE_CHARS = 100_000
ANALYSIS_TIMEOUT = 30.0
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="dotterel-analysis")


def timeout_message(seconds: float) -> str:
    return (f"analysis took longer than {seconds:g} s (the server's limit per request): send a shorter text, "
            "or use `dotterel analyze` for long documents")


async def bounded(fn: Callable[..., T], *args: Any, timeout: float | None = None, **kwargs: Any) -> T:
    """Run `fn` on the analysis pool; HTTP 503 with a clear message when it takes longer than `timeout`."""
    seconds = ANALYSIS_TIMEOUT if timeout is None else timeout
    future = asyncio.get_running_loop().run_in_executor(_POOL, functools.partial(fn, *args, **kwargs))
    try:
        return await asyncio.wait_for(asyncio.shield(future), seconds)
    except TimeoutError:
        raise HTTPException(503, timeout_message(seconds)) from None
