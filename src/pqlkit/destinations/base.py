"""What every destination is: a name, the kinds it takes, a delivery policy, and ``deliver``.

``deliver`` gets a batch of due outbox rows of its destination (oldest first) and answers one
:data:`Outcome` per row, in order: :class:`Delivered`, or :class:`Failed` (retryable or not, with
the server's ``Retry-After`` when it gave one). It never raises for a failure of the receiving
side; the worker turns outcomes into retries with backoff or dead letters. ``progress`` lets a
multi-step delivery (a CRM upsert, then a task) remember finished steps, so a retry resumes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, ClassVar

from pqlkit.destinations.outbox import OutboxItem
from pqlkit.destinations.secrets import Redactor


@dataclass(frozen=True)
class Delivered:
    progress: dict[str, Any] | None = None


@dataclass(frozen=True)
class Failed:
    error: str  # for operators; the worker redacts secrets before storing it
    retryable: bool = True
    retry_after: float | None = None  # seconds the receiver asked us to wait (429, 503)
    progress: dict[str, Any] | None = None


Outcome = Delivered | Failed


class DeliveryStop(Exception):
    """Raised inside a destination to end an item's delivery with ``outcome``."""

    def __init__(self, outcome: Failed) -> None:
        super().__init__(outcome.error)
        self.outcome = outcome


@dataclass(frozen=True)
class DeliveryPolicy:
    """How hard, how fast and how long to try one destination."""

    batch_size: int = 10  # rows per tick (and per request where the API takes batches)
    per_minute: float = 60.0  # rows per minute at most: a destination back from an outage drains
    max_attempts: int = 50  # then the row is dead
    max_age: timedelta = timedelta(hours=24)  # a row older than this is dead at its next failure
    backoff_base: float = 2.0  # seconds before the second attempt; doubles each time …
    backoff_cap: float = 600.0  # … up to this; each delay is jittered to [½, 1] of itself
    timeout: float = 10.0  # seconds per HTTP request


@dataclass
class Destination:
    """Base of every destination: subclasses implement :meth:`deliver_one` or :meth:`deliver`."""

    name: str
    kinds: frozenset[str]
    policy: DeliveryPolicy = field(default_factory=DeliveryPolicy)
    secrets: tuple[str, ...] = field(default=(), repr=False)  # values to keep out of errors

    SECRET_FIELDS: ClassVar[tuple[str, ...]] = ()  # the subclass's fields holding secrets

    @property
    def redactor(self) -> Redactor:
        """Masks the configured secrets and this destination's own (its token, its URL …)."""
        own = (getattr(self, name) for name in self.SECRET_FIELDS)
        return Redactor([*self.secrets, *(value for value in own if value)])

    def accepts(self, kind: str) -> bool:
        return "*" in self.kinds or kind in self.kinds

    def deliver(self, items: Sequence[OutboxItem]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for item in items:
            try:
                outcomes.append(self.deliver_one(item))
            except DeliveryStop as stop:
                outcomes.append(stop.outcome)
            if isinstance(outcomes[-1], Failed) and outcomes[-1].retryable:
                # the receiver is down or throttling: the rest of the batch waits, untried
                break
        return outcomes

    def deliver_one(self, item: OutboxItem) -> Outcome:
        raise NotImplementedError(f"{type(self).__name__} delivers in batches")

    def close(self) -> None:
        return None
