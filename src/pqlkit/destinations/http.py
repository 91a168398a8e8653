"""HTTP for destinations: one httpx client each, and failures turned into outcomes.

Retryable: no connection, a timeout, 408, 425, 429 and 5xx (a receiver's trouble passes).
Not retryable: other 4xx (a bad request or bad credentials stay bad until someone fixes them;
the row goes to the dead letters, where ``pql outbox retry`` sends it again after the fix).
``Retry-After`` (seconds or an HTTP date) is honoured on 429 and 503.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from pqlkit.destinations.base import DeliveryStop, Failed

RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = "pqlkit-destinations"


def client(
    timeout: float, transport: httpx.BaseTransport | None = None, **kwargs: Any
) -> httpx.Client:
    headers = {"User-Agent": USER_AGENT, **kwargs.pop("headers", {})}
    return httpx.Client(timeout=timeout, transport=transport, headers=headers, **kwargs)


def retry_after(
    response: httpx.Response, now: Callable[[], datetime] | None = None
) -> float | None:
    """Seconds the receiver asked to wait, from ``Retry-After`` (on 429 and 503 only)."""
    if response.status_code not in (429, 503):
        return None
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = now() if now is not None else datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if current.tzinfo is None:
        current = current.replace(tzinfo=UTC)
    return max(0.0, (when - current).total_seconds())


def send(http: httpx.Client, service: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request; a transport failure ends the delivery as a retryable :class:`Failed`."""
    try:
        return http.request(method, url, **kwargs)
    except httpx.TimeoutException:
        raise DeliveryStop(Failed(f"{service}: no answer within the timeout")) from None
    except httpx.TransportError as exc:
        reason = str(exc) or type(exc).__name__
        raise DeliveryStop(Failed(f"{service}: cannot reach the server ({reason})")) from None


def failure(response: httpx.Response, service: str, detail: str | None = None) -> Failed:
    """The outcome of an error answer; ``detail`` is the API's own message when it gave one."""
    status = response.status_code
    said = detail if detail is not None else _short_text(response)
    error = f"{service}: HTTP {status}" + (f": {said}" if said else "")
    return Failed(error, retryable=status in RETRYABLE_STATUSES, retry_after=retry_after(response))


def json_of(response: httpx.Response, service: str) -> Any:
    """The answer's JSON; anything else is a malformed answer, retried (a proxy's error page)."""
    try:
        return response.json()
    except ValueError:
        raise DeliveryStop(
            Failed(
                f"{service}: malformed answer (HTTP {response.status_code}, not JSON: "
                f"{_short_text(response)!r})"
            )
        ) from None


def _short_text(response: httpx.Response, limit: int = 300) -> str:
    try:
        text = response.text
    except Exception:
        return ""
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")
