"""Per-key rate limits: a token bucket per API key, answered with 429 and ``Retry-After``.

Each key may send ``rate`` requests per second on average and ``burst`` at once. Segment's SDKs
(and RudderStack's) back off and retry on 429, so a client over its limit slows down instead of
losing events; nothing of a refused request is stored. One noisy key (a browser key scraped from
a web page, a runaway script) cannot starve the others of the log's throughput.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets by key id. ``rate`` ≤ 0 turns limiting off."""

    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = max(burst, 1.0)
        self.clock = clock
        self.refused = 0  # requests answered 429 so far
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def acquire(self, key_id: str) -> float:
        """Take one request's token: 0 when allowed, else the seconds until one is free."""
        if not self.enabled:
            return 0.0
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key_id)
            if bucket is None:
                bucket = self._buckets[key_id] = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            self.refused += 1
            return (1.0 - bucket.tokens) / self.rate


def retry_after_header(wait: float) -> dict[str, str]:
    """``Retry-After`` in whole seconds (at least 1), as HTTP wants it."""
    return {"Retry-After": str(max(1, math.ceil(wait)))}


def enforce(limiter: RateLimiter, key_id: str, message: str) -> None:
    """Take a request's token for ``key_id``, or refuse it: 429 with ``Retry-After``."""
    from pqlkit.server.api_errors import ApiError

    wait = limiter.acquire(key_id)
    if wait:
        raise ApiError(429, "rate_limited", message, headers=retry_after_header(wait))
