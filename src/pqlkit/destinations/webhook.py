"""The signed webhook: each row POSTed as JSON, signed so the receiver knows it is from us.

Headers:

- ``Pqlkit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>``
- ``Idempotency-Key: <the row's idempotency key>`` (also in the body): a receiver that has seen
  the key already answers 2xx and does nothing — at-least-once delivery repeats after a crash.
- ``Pqlkit-Delivery: <the outbox row id>``

Any 2xx is delivered. :func:`verify_signature` is what a receiver runs (docs/destinations.md
has a standalone copy); it refuses a signature older than ``tolerance`` seconds (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from pqlkit.destinations import http
from pqlkit.destinations.base import Delivered, Destination, Outcome
from pqlkit.destinations.outbox import OutboxItem

SIGNATURE_HEADER = "Pqlkit-Signature"
DEFAULT_TOLERANCE = 300


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The ``Pqlkit-Signature`` value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify_signature(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """Whether ``header`` signs ``body`` with ``secret``, made within ``tolerance`` seconds."""
    parts: dict[str, list[str]] = {}
    for piece in header.split(","):
        name, _, value = piece.strip().partition("=")
        parts.setdefault(name, []).append(value)
    try:
        timestamp = int(parts["t"][0])
    except (KeyError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, given) for given in parts.get("v1", []))


def envelope(item: OutboxItem) -> bytes:
    """The JSON body: the row's identity and its payload (a hand-off) as ``data``."""
    import orjson

    return orjson.dumps(
        {
            "id": item.id,
            "kind": item.kind,
            "idempotency_key": item.idempotency_key,
            "created_at": item.created_at.isoformat(timespec="seconds") + "Z",
            "data": orjson.loads(item.payload),
        }
    )


@dataclass
class WebhookDestination(Destination):
    SECRET_FIELDS = ("secret",)

    url: str = ""
    secret: str = field(default="", repr=False)
    clock: Callable[[], float] = time.time
    transport: httpx.BaseTransport | None = field(default=None, repr=False)
    _http: httpx.Client | None = field(default=None, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._http is None:
            self._http = http.client(self.policy.timeout, self.transport)
        return self._http

    def deliver_one(self, item: OutboxItem) -> Outcome:
        body = envelope(item)
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(self.secret, body, int(self.clock())),
            "Idempotency-Key": item.idempotency_key,
            "Pqlkit-Delivery": item.id,
        }
        response = http.send(
            self.client, "webhook", "POST", self.url, content=body, headers=headers
        )
        if response.is_success:
            return Delivered()
        return http.failure(response, "webhook")

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
