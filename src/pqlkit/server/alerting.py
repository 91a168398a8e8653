"""Real-time triggers in the server: every newly loaded event goes through the live evaluator.

The loader calls :meth:`Alerting.observe` with a batch's rows the store does not hold yet, in
arrival order; the alerts they fire (:meth:`Alerting.record`) are written to the ``alerts``
table, routed and queued in the outbox in a transaction of their own — before the batch's
events are stored (see :mod:`pqlkit.server.loader`); a batch that fires nothing writes
nothing. A crash after the commit and before the events are stored loads the batch again at
restart: its alerts, found again with the same identities, add nothing.

It also keeps every alert fired so far (those the rebuild found in the stored history, and each
batch's once committed) for as long as they can be active: scheduled scoring reads them
(:meth:`Alerting.recent`) instead of evaluating the triggers over the whole history again at
every round — the same alerts, since the live and batch evaluators implement one definition (a
property test holds them equal).

At start-up the evaluator's state is rebuilt in the engine from the stored events (see
:func:`pqlkit.triggers.rebuild.rebuild`) as of just after the last event the server stored, so
records still waiting in the log after a crash are evaluated when they are loaded. If a
transaction fails after the evaluator has seen its rows, the state is rebuilt (once the
batches on their way are stored) before the next batch: the evaluator never holds what the
store will not.
"""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.handoff import HandOff
from pqlkit.routing.alerts import described
from pqlkit.server.served_log import ServedLog
from pqlkit.times import utc_now
from pqlkit.triggers import alert_store
from pqlkit.triggers.alerts import ACTIVE_FOR, Alert, in_order
from pqlkit.triggers.live import LiveTriggers

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pyarrow as pa

    from pqlkit.destinations.base import Destination
    from pqlkit.model.schema import Model
    from pqlkit.routing.alerts import AlertRouter
    from pqlkit.store.store import Store

SERVER_SOURCES = "api:"  # rows the server stored carry source api:server:<key> / api:browser:<key>
KEPT_FOR = ACTIVE_FOR + timedelta(days=1)  # alerts held for scoring: active ones, and a margin
LATENCIES_KEPT = 10_000  # the latest alerts' receive → commit times (GET /healthz)


class Alerting:
    """The model's triggers, kept current with every batch the loader stores."""

    def __init__(
        self,
        model: Model,
        live: LiveTriggers,
        destinations: Sequence[Destination] = (),
        router: AlertRouter | None = None,
    ) -> None:
        self.model = model
        self.live = live
        self.destinations = list(destinations)  # where each alert's hand-off is queued
        self.router = router  # the model's routing: each alert's path, owner and deadline
        self.stale = False  # a batch was observed but not stored: rebuild before the next
        self.fired = 0  # alerts this server added
        self._added: set[str] = set()  # ids the batch in the loader's transaction added
        self._lock = threading.Lock()  # the loader adds; scoring and /healthz read
        self._so_far: dict[tuple[str, str, str], Alert] = {}
        self._received: dict[str, datetime] = {}  # the batch's firing events: when received
        self.commit_seconds: deque[float] = deque(maxlen=LATENCIES_KEPT)
        self._take(live.before_start)

    def _take(self, alerts: Sequence[Alert]) -> None:
        with self._lock:
            for alert in alerts:
                self._so_far.setdefault(alert.identity, alert)

    def recent(self) -> list[Alert]:
        """Every alert fired by an event stored so far that can still be active (fired in the
        last ``KEPT_FOR``), oldest first: those the history held at start-up and those
        committed since — what the batch evaluator finds on the store. Older ones are let go,
        so a server that runs for months holds a week of alerts."""
        cutoff = utc_now() - KEPT_FOR
        with self._lock:
            old = [key for key, alert in self._so_far.items() if alert.fired_at < cutoff]
            for key in old:
                del self._so_far[key]
            alerts = list(self._so_far.values())
        return in_order(alerts)

    @classmethod
    def rebuild(
        cls,
        store: Store,
        model: Model,
        start: datetime | None = None,
        destinations: Sequence[Destination] = (),
        router: AlertRouter | None = None,
    ) -> Alerting:
        start = start or resume_point(store)
        live = LiveTriggers.rebuild(store.events, model, start)
        return cls(model, live, destinations, router)

    def observe(self, store: Store, rows: pa.Table) -> list[Alert]:
        """Observe the rows of a batch the store does not hold yet: the alerts they fire. Then
        :meth:`record` them (if any) in a transaction, and call :meth:`committed` once it has
        committed, or :meth:`failed`."""
        if self.stale:
            self.live = LiveTriggers.rebuild(store.events, self.model, resume_point(store))
            self._take(self.live.before_start)
            self.stale = False
        self.stale = True  # until the alerts are known to be committed
        alerts = self.live.observe_table(rows)
        if alerts:  # when each firing event was received, to time its alert's commit
            import pyarrow as pa
            import pyarrow.compute as pc

            fired = pa.array(sorted({alert.message_id for alert in alerts}), pa.string())
            firing = rows.filter(pc.is_in(rows.column("message_id"), value_set=fired))
            ids, received = firing.column("message_id"), firing.column("received_at")
            self._received = {
                mid: at
                for mid, at in zip(ids.to_pylist(), received.to_pylist(), strict=True)
                if at is not None
            }
        return alerts

    def record(
        self,
        store: Store,
        alerts: list[Alert],
        rows: pa.Table,
        loaded_at: datetime,
        held: Sequence[pa.Table] = (),
    ) -> None:
        """Write the ``alerts`` a batch's ``rows`` fired (inside the caller's transaction): the
        alerts, their routing and their outbox rows. ``held``: the rows of earlier batches on
        their way to the store (routing reads what each person did from the store and these)."""
        self._added = alert_store.record(store, alerts, self.model.name, loaded_at)
        if self.destinations or self.router is not None:
            handoffs = [self.handoff(alert) for alert in alerts]
            log = ServedLog(store, held, rows, self.live.identity)
            if self.router is not None:  # records each alert's assignment once
                handoffs = self.router.route(store, alerts, handoffs, log)
            else:  # no routing file: the hand-offs still say who it is and what they did
                handoffs = described(log, alerts, handoffs, self.model.entity)
            for handoff in handoffs if self.destinations else ():
                enqueue_handoff(store, self.destinations, handoff, kind="alert")

    def handoff(self, alert: Alert) -> HandOff:
        """What an alert's destinations receive: the alert, and who the person is as known
        when it fired (e-mail domain, title, account). With routing, :meth:`record` then
        fills in its path, owner, deadline, key actions and talking points."""
        identity = self.live.identity
        person = alert.entity_id if self.model.entity == "user" else alert.user_id
        email = identity.fact("email", person)
        return HandOff.for_alert(
            alert,
            alert_id=alert_store.alert_id(alert),
            entity_kind=self.model.entity,
            email=email.value if email is not None else None,
            title=identity.title(person),
            domain=identity.email_domain(person),
            company=identity.account(person),
            tier="hot",
        )

    def committed(self, alerts: list[Alert]) -> None:
        self.stale = False
        added, self._added = self._added, set()
        self.fired += len(added)  # not those a reload found again
        self._take(alerts)
        if added:
            now = utc_now()
            with self._lock:  # /healthz reads them on a request thread
                for alert in alerts:
                    if alert_store.alert_id(alert) not in added:
                        continue
                    received = self._received.get(alert.message_id)
                    if received is not None:
                        self.commit_seconds.append((now - received).total_seconds())
            self._received = {}

    def commit_latency(self) -> dict[str, float | int]:
        """Event received → its alert committed (with its outbox rows), over the latest
        alerts fired through the server: count, p50 and p99 in milliseconds."""
        with self._lock:
            seconds = sorted(self.commit_seconds)
        if not seconds:
            return {"alerts": 0}

        def at(q: float) -> float:
            return round(seconds[min(len(seconds) - 1, int(q * len(seconds)))] * 1000, 1)

        return {"alerts": len(seconds), "p50_ms": at(0.5), "p99_ms": at(0.99)}

    def failed(self) -> None:
        self.stale = True


def resume_point(store: Store) -> datetime:
    """Just after the last event the server stored (now, when it never stored one).

    Every record still in the log was received after it, because the server stamps
    ``received_at`` from a clock that never goes back (see :class:`ReceiveClock`).
    """
    events = store.events
    served = events.filter(events.source.startswith(SERVER_SOURCES))
    last: datetime | None = served.received_at.max().to_pyarrow().as_py()
    if last is None:
        return utc_now()
    return last + timedelta(microseconds=1)


class ReceiveClock:
    """``received_at`` stamps that never go back and never repeat: one request, one instant.

    Real-time triggers take events in arrival order; a wall clock stepped back by NTP would
    otherwise put a later request before an earlier one.
    """

    def __init__(self, after: datetime | None = None) -> None:
        self.last = after  # every stamp is later than this

    def stamp(self) -> datetime:
        now = utc_now()
        if self.last is not None and now <= self.last:
            now = self.last + timedelta(microseconds=1)
        self.last = now
        return now
