"""Enqueue a hand-off for every destination that takes its kind — the call the server makes.

Inside the transaction that writes the alert, so both land together::

    with transaction(store):
        store.backend.insert("alerts", rows)
        for handoff in handoffs:
            enqueue_handoff(store, destinations, handoff, kind="alert")

Enqueuing the same hand-off again (a replay, a restart) adds nothing: the idempotency key is
the alert's identity (or the lead's state), and the outbox keeps one row per key and destination.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.destinations.base import Destination
from pqlkit.destinations.config import DestinationsConfig
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.outbox import Outbox

if TYPE_CHECKING:
    from pqlkit.store.store import Store


def destinations_for(routes: DestinationsConfig | Sequence[Destination], kind: str) -> list[str]:
    if isinstance(routes, DestinationsConfig):
        return routes.routes(kind)
    return [destination.name for destination in routes if destination.accepts(kind)]


def enqueue_handoff(
    store: Store,
    routes: DestinationsConfig | Sequence[Destination],
    handoff: HandOff,
    *,
    kind: str = "alert",
    key: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """One outbox row per destination taking ``kind``; the destinations newly queued."""
    outbox = Outbox(store)
    idempotency_key = key or handoff.default_key(kind)
    payload = handoff.dumps()
    return [
        name
        for name in destinations_for(routes, kind)
        if outbox.put(name, kind, idempotency_key, payload, now=now)
    ]
