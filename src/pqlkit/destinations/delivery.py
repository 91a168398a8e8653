"""The delivery worker: due outbox rows → destinations, at least once, without flooding.

Each tick (:func:`deliver_due`), for every destination that is neither paused nor over its
rate: take at most ``batch_size`` due rows, oldest first; deliver them; record each outcome.

- Delivered → ``delivered``. A crash between the send and this record sends the row again
  (at least once); receivers get the idempotency key so a repeat is harmless.
- Failed, retryable → the next attempt after ``min(cap, base·2^(attempts-1))`` seconds,
  jittered to [½, 1] of that, and never sooner than the receiver's ``Retry-After``. A
  ``Retry-After`` also pauses the whole destination for that long.
- Failed, not retryable, or the row has had ``max_attempts`` attempts or is older than
  ``max_age`` → ``dead``: listed by ``pql outbox list --status dead``, sent again by
  ``pql outbox retry``.

The rate bound: after a batch of ``n`` rows the destination waits ``n / per_minute`` minutes,
so a destination that was down for an hour gets its backlog at ``per_minute``, oldest first.

Store access goes through a callable so a server can run it on its store thread while the
HTTP calls happen on the worker's own thread (:class:`DeliveryLoop`).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from pqlkit.console import Console, SilentConsole
from pqlkit.destinations.base import Delivered, DeliveryPolicy, Destination, Failed, Outcome
from pqlkit.destinations.outbox import Outbox, OutboxItem
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.store.store import Store

T = TypeVar("T")
StoreAccess = Callable[[Callable[["Store"], Any]], Any]


def backoff(policy: DeliveryPolicy, attempts: int, rng: random.Random) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones (1, 2, …)."""
    delay = min(policy.backoff_cap, policy.backoff_base * 2 ** max(0, attempts - 1))
    return float(delay * rng.uniform(0.5, 1.0))


@dataclass
class DeliveryState:
    """What the worker remembers between ticks (in memory: a restart forgets only pacing)."""

    rng: random.Random = field(default_factory=random.Random)
    next_slot: dict[str, datetime] = field(default_factory=dict)  # rate: not before
    paused_until: dict[str, datetime] = field(default_factory=dict)  # Retry-After


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int = 0
    retried: int = 0
    dead: int = 0

    def __add__(self, other: DeliveryReport) -> DeliveryReport:
        return DeliveryReport(
            self.delivered + other.delivered, self.retried + other.retried, self.dead + other.dead
        )

    @property
    def attempted(self) -> int:
        return self.delivered + self.retried + self.dead


def _access(store: Store | StoreAccess) -> StoreAccess:
    from pqlkit.store.store import Store

    if isinstance(store, Store):
        opened = store
        return lambda work: work(opened)
    return store


def deliver_due(
    store: Store | StoreAccess,
    destinations: Sequence[Destination],
    now: datetime | None = None,
    state: DeliveryState | None = None,
) -> DeliveryReport:
    """One tick of delivery to every destination; what happened."""
    access = _access(store)
    state = state if state is not None else DeliveryState()
    moment = now or utc_now()
    report = DeliveryReport()
    for destination in destinations:
        report += _deliver_to(access, destination, moment, state)
    return report


def _deliver_to(
    access: StoreAccess, destination: Destination, now: datetime, state: DeliveryState
) -> DeliveryReport:
    name, policy = destination.name, destination.policy
    if state.paused_until.get(name, now) > now or state.next_slot.get(name, now) > now:
        return DeliveryReport()
    items: list[OutboxItem] = access(lambda s: Outbox(s).due(name, now, policy.batch_size))
    if not items:
        return DeliveryReport()
    try:
        outcomes = destination.deliver(items)
    except Exception as exc:  # a bug in a destination must not stop the others
        outcomes = [Failed(f"{name}: internal error: {type(exc).__name__}: {exc}")] * len(items)
    attempted = items[: len(outcomes)]
    report, pause = _record(access, destination, attempted, outcomes, now, state.rng)
    state.next_slot[name] = now + timedelta(minutes=len(attempted) / policy.per_minute)
    if pause is not None:
        state.paused_until[name] = now + timedelta(seconds=pause)
    return report


def _record(
    access: StoreAccess,
    destination: Destination,
    items: Sequence[OutboxItem],
    outcomes: Sequence[Outcome],
    now: datetime,
    rng: random.Random,
) -> tuple[DeliveryReport, float | None]:
    import orjson

    policy, redact = destination.policy, destination.redactor
    delivered = retried = dead = 0
    pause: float | None = None
    plan: list[Callable[..., None]] = []
    for item, outcome in zip(items, outcomes, strict=True):
        progress = orjson.dumps(outcome.progress).decode() if outcome.progress else None
        if isinstance(outcome, Delivered):
            delivered += 1
            plan.append(partial(Outbox.record_delivered, item=item, at=now, progress=progress))
            continue
        assert isinstance(outcome, Failed)
        error = redact(outcome.error)[:2000]
        attempts = item.attempts + 1
        too_old = now - item.created_at >= policy.max_age
        if not outcome.retryable or attempts >= policy.max_attempts or too_old:
            dead += 1
            why = ""
            if outcome.retryable and too_old:
                why = f" (gave up: older than {policy.max_age})"
            elif outcome.retryable:
                why = f" (gave up after {attempts} attempts)"
            plan.append(
                partial(Outbox.record_dead, item=item, at=now, error=error + why, progress=progress)
            )
            continue
        retried += 1
        delay = backoff(policy, attempts, rng)
        if outcome.retry_after is not None:
            delay = max(delay, outcome.retry_after)
            pause = max(pause or 0.0, outcome.retry_after)
        due = now + timedelta(seconds=delay)
        plan.append(
            partial(
                Outbox.record_retry,
                item=item,
                at=now,
                next_attempt_at=due,
                error=error,
                progress=progress,
            )
        )

    def write(store: Store) -> None:
        from pqlkit.store.transaction import transaction

        outbox = Outbox(store)
        with transaction(store):
            for step in plan:
                step(outbox)

    access(write)
    return DeliveryReport(delivered, retried, dead), pause


class DeliveryLoop:
    """Runs :func:`deliver_due` every ``interval`` seconds on a thread of its own.

    ``access`` runs a function on the store (the server passes its store thread's
    ``submit(work).result()``); ``clock`` gives the time (tests inject one).
    """

    def __init__(
        self,
        access: StoreAccess,
        destinations: Sequence[Destination],
        *,
        interval: float = 1.0,
        clock: Callable[[], datetime] = utc_now,
        console: Console | None = None,
        state: DeliveryState | None = None,
    ) -> None:
        self.access = access
        self.destinations = list(destinations)
        self.interval = interval
        self.clock = clock
        self.console = console or SilentConsole()
        self.state = state or DeliveryState()
        self.totals = DeliveryReport()
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def on_store_thread(
        cls,
        store_thread: Any,
        destinations: Sequence[Destination],
        *,
        interval: float = 1.0,
        timeout: float = 60.0,
        console: Console | None = None,
    ) -> DeliveryLoop:
        """A loop whose store work runs as jobs on the server's store thread
        (:class:`pqlkit.server.store_thread.StoreThread`), its HTTP calls on its own thread."""

        def access(work: Callable[[Store], Any]) -> Any:
            return store_thread.submit(work).result(timeout)

        return cls(access, destinations, interval=interval, console=console)

    def tick(self) -> DeliveryReport:
        report = deliver_due(self.access, self.destinations, self.clock(), self.state)
        self.totals += report
        return report

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pqlkit-delivery", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
                self.last_error = None
            except Exception as exc:  # the store is busy or gone: say so, try again next tick
                self.last_error = f"{type(exc).__name__}: {exc}"
                self.console.warn(f"delivery tick failed (retrying): {self.last_error}")
            self._wake.wait(self.interval)
            self._wake.clear()

    def wake(self) -> None:
        """Deliver now rather than at the next interval (the loader has just committed alerts:
        they go out within the second they fired, not up to an interval later)."""
        self._wake.set()

    def stop(self) -> None:
        """Finish the tick in progress and stop; close the destinations' HTTP clients."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
        for destination in self.destinations:
            destination.close()
