"""Sheets' per-user request quotas: "Read requests per minute per user" and "Write requests per
minute per user", each its own bucket (Google's defaults: 60 of each).

A sliding window: a request is admitted while fewer than ``requests`` of its bucket were
admitted for the same user in the last ``seconds``; a refused one is answered 429 and spends
nothing, so a client that waits gets through once old requests leave the window. Token and
Drive requests are not Sheets requests and are never counted.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable

from tests.sheets_double.errors import ApiError, quota_exceeded

BUCKETS = {
    "metadata": "Read",
    "batchGet": "Read",
    "get": "Read",
    "append": "Write",
    "update": "Write",
    "batchUpdate": "Write",
}


class Quota:
    """One limit for every user, counted per (user, bucket); not thread-safe (the double's lock
    guards it)."""

    def __init__(
        self,
        requests: int,
        seconds: float = 60.0,
        retry_after: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if requests < 0 or seconds <= 0:
            raise ValueError("a quota needs requests >= 0 and seconds > 0")
        if retry_after is not None and retry_after < 0:
            raise ValueError("retry_after must be >= 0")
        self.requests = requests
        self.seconds = seconds
        self.retry_after = retry_after
        self._clock = clock
        self._admitted: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def admit(self, user: str | None, kind: str) -> ApiError | None:
        """None when the request may be served (and it is counted), else the 429 to answer."""
        op = BUCKETS.get(kind)
        if op is None or user is None:
            return None
        now = self._clock()
        window = self._admitted[(user, op)]
        while window and window[0] <= now - self.seconds:
            window.popleft()
        if len(window) >= self.requests:
            return quota_exceeded(op, self.requests, self._retry_after_header())
        window.append(now)
        return None

    def _retry_after_header(self) -> str | None:
        """HTTP's Retry-After counts whole seconds, so a fraction is rounded up."""
        return None if self.retry_after is None else str(math.ceil(self.retry_after))
