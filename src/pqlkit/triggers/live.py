"""Real-time triggers: alerts from each accepted event, from state kept per key (no rescans).

Feed :meth:`LiveTriggers.observe` every stored event row in arrival order — (received_at, then
message id), the order the store's ``received_at`` column gives them — and it answers with the
alerts that event fires. The alerts are exactly those :func:`pqlkit.triggers.batch.evaluate`
finds on the same stored events (a property test holds the two together); the semantics are
described in :mod:`pqlkit.triggers.batch`.

Per event the work is a few dictionary look-ups: the message-id memory (duplicates count once),
the identity state (:mod:`.identity_state`), the trigger matchers, and for each hit its key's
window (:mod:`.window`). No Ibis, no pandas. At start-up, :meth:`LiveTriggers.rebuild` computes
the same state from the store in the engine, so a restart changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.events.freemail import FREEMAIL_DOMAINS
from pqlkit.model.schema import Model, Trigger
from pqlkit.triggers.alerts import Alert
from pqlkit.triggers.arrival import Order, arrival, is_late
from pqlkit.triggers.identity_state import IdentityState
from pqlkit.triggers.matching import Matcher, json_object
from pqlkit.triggers.seniority import seniority
from pqlkit.triggers.window import Hit, Windows

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

SWEEP_EVERY = timedelta(minutes=10)  # of arrival time, at least, between drops of old state


class OutOfOrderError(ValueError):
    """An event was observed before one that arrived earlier: the server's order is broken."""


@dataclass(frozen=True)
class Rule:
    name: str
    trigger: Trigger
    matcher: Matcher
    windows: Windows


class LiveTriggers:
    """The model's triggers, evaluated on one event at a time in arrival order."""

    def __init__(self, model: Model, *, start: datetime | None = None) -> None:
        """``start``: events that arrived before it are already reflected (see rebuild)."""
        self.model = model
        self.identity = IdentityState()
        self.rules = [
            Rule(name, trigger, Matcher(model, trigger), Windows(trigger))
            for name, trigger in model.triggers.items()
        ]
        self.recent: dict[str, datetime] = {}  # message id → timestamp, within the watermark
        self.start = start
        self.before_start: list[Alert] = []  # alerts fired before ``start`` (set by rebuild)
        self.position: Order | None = None  # the last event observed
        self.late = 0  # late events seen (stored, but they fire nothing)
        self._sweep_at: datetime | None = None
        self._since_sweep = 0  # events observed since the last sweep
        self._sweep_wait = 0  # events to observe before the next one

    @classmethod
    def rebuild(cls, events: ir.Table, model: Model, now: datetime) -> LiveTriggers:
        """The state after every event that arrived before ``now``, computed in the engine."""
        from pqlkit.triggers.rebuild import rebuild

        return rebuild(events, model, now)

    # -- the per-event path ------------------------------------------------------------------

    def observe_table(self, table: pa.Table) -> list[Alert]:
        """Rows just stored, as Arrow ``events`` columns (the server's batches): their alerts.

        The same as :meth:`observe_many` on every row, with less work: a row no trigger looks
        at, that links no ids and carries no traits or group tells the state only when its id
        was first seen (and whether it was late), so those rows are taken in bulk — the earliest
        time per id — and only the others become Python rows, one by one in arrival order.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        names = sorted({name for rule in self.rules for name in rule.matcher.names})
        named = pc.if_else(pc.equal(table["type"], "track"), table["event"], table["name"])
        one_by_one = pc.or_kleene(
            pc.or_kleene(
                pc.is_in(table["type"], pa.array(["identify", "alias", "group"], pa.string())),
                pc.is_in(named, pa.array(names, pa.string())),
            ),
            pc.or_kleene(
                pc.or_kleene(pc.is_valid(table["traits"]), pc.is_valid(table["group_id"])),
                pc.and_kleene(pc.is_valid(table["user_id"]), pc.is_valid(table["anonymous_id"])),
            ),
        ).fill_null(False)
        alerts = self.observe_many(table.filter(one_by_one).to_pylist())
        self._observe_plain(table.filter(pc.invert(one_by_one)))
        return alerts

    def _observe_plain(self, table: pa.Table) -> None:
        """Rows that only say an id was active at a time (see :meth:`observe_table`)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        arrived = pc.coalesce(table["received_at"], table["timestamp"])
        if self.start is not None:
            table = table.filter(pc.greater_equal(arrived, self.start))
            arrived = pc.coalesce(table["received_at"], table["timestamp"])
        if not table.num_rows:
            return
        slots = pa.table(
            {
                "raw": pc.coalesce(table["user_id"], table["anonymous_id"]),
                "user": pc.is_valid(table["user_id"]),
                "timestamp": table["timestamp"],
            }
        )
        slots = slots.filter(pc.is_valid(slots["raw"]))
        earliest = slots.group_by(["raw", "user"], use_threads=False).aggregate(
            [("timestamp", "min")]
        )
        for raw, user, first in zip(
            earliest["raw"].to_pylist(),
            earliest["user"].to_pylist(),
            earliest["timestamp_min"].to_pylist(),
            strict=True,
        ):
            self.identity.see((raw, user), first)
        lateness = pc.subtract(arrived, table["timestamp"])
        self.late += (
            pc.sum(pc.greater(lateness, pa.scalar(self.model.watermark, pa.duration("us")))).as_py()
            or 0
        )

    def observe_many(self, rows: Iterable[Mapping[str, Any]]) -> list[Alert]:
        """Several rows that arrived together (one request): put in order, then observed."""
        ordered = sorted(rows, key=lambda r: _order(r))
        return [alert for row in ordered for alert in self.observe(row)]

    def observe(self, row: Mapping[str, Any]) -> list[Alert]:
        """One stored event row (the ``events`` columns; JSON as text or dicts): its alerts."""
        order = _order(row)
        if self.start is not None and order[0] < self.start:
            return []  # arrived before the rebuild: already counted
        if self.position is not None and order <= self.position:
            if order == self.position:
                return []  # the same event again
            raise OutOfOrderError(
                f"event {order[1]} arrived at {order[0]}, before the last one observed "
                f"({self.position[1]} at {self.position[0]}): observe events in arrival order"
            )
        self.position = order
        self._sweep(order[0])
        message_id, timestamp = order[1], _moment(row["timestamp"])
        if message_id in self.recent:
            return []  # a duplicate counts once: its first arrival
        self.recent[message_id] = timestamp
        self.identity.observe(_with_time(row, timestamp), json_object(row.get("traits")))
        if is_late(order[0], timestamp, self.model.watermark):
            self.late += 1
            return []
        return self._fire(row, Hit(timestamp, message_id))

    def _fire(self, row: Mapping[str, Any], hit: Hit) -> list[Alert]:
        alerts: list[Alert] = []
        properties: dict[str, Any] | None = None
        person: str | None = None
        for rule in self.rules:
            if not rule.matcher.looks_at(row):
                continue
            if properties is None:
                properties = json_object(row.get("properties")) or {}
            if not rule.matcher.accepts(properties):
                continue
            person = person or self.identity.person(row.get("user_id"), row.get("anonymous_id"))
            if person is None:
                return []  # an anonymous visitor no one has identified: no one to contact
            key = self.key(rule.trigger, person)
            if key is None:
                continue
            evidence = rule.windows.offer(key, person, hit)
            if evidence is not None:
                alerts.append(self._alert(rule, key, person, hit, evidence))
        return alerts

    def key(self, trigger: Trigger, person: str) -> str | None:
        """What a hit by ``person`` counts under, as known now."""
        if trigger.per == "domain":
            domain = self.identity.email_domain(person)
            return domain if domain is not None and domain not in FREEMAIL_DOMAINS else None
        if trigger.per == "account" or self.model.entity == "account":
            return self.identity.account(person)
        return person

    def _alert(
        self, rule: Rule, key: str, person: str, hit: Hit, evidence: tuple[Hit, ...]
    ) -> Alert:
        trigger = rule.trigger
        if self.model.entity == "account":
            entity = key if trigger.per != "domain" else self.identity.account(person) or key
        elif trigger.assign_to == "most_senior" and trigger.per != "entity":
            entity = self.most_senior(trigger, key) or person
        else:
            entity = person
        return Alert(
            entity_id=entity,
            trigger=rule.name,
            fired_at=hit.timestamp,
            message_id=hit.message_id,
            deadline=hit.timestamp + trigger.respond_within,
            key=key,
            user_id=person,
            evidence=tuple(h.message_id for h in evidence),
        )

    def most_senior(self, trigger: Trigger, key: str) -> str | None:
        """The most senior known person of a domain or account, by title; ties: seen first,
        then the smallest id."""
        identity = self.identity
        people = (
            identity.people_of_domain(key)
            if trigger.per == "domain"
            else identity.people_of_account(key)
        )
        ranks = [(-seniority(identity.title(p)), identity.first_seen(p), p) for p in people]
        return min(ranks)[2] if ranks else None

    def _sweep(self, arrived: datetime) -> None:
        """Drop state no event to come can use: after at least ``SWEEP_EVERY`` of arrival time
        and as many events as items were held after the last sweep, so that its cost per event
        stays constant however many keys are held."""
        self._since_sweep += 1
        if self._since_sweep < self._sweep_wait:
            return
        if self._sweep_at is not None and arrived < self._sweep_at:
            return
        horizon = arrived - self.model.watermark  # every event still to come is newer, or late
        self.recent = {m: t for m, t in self.recent.items() if t >= horizon}
        for rule in self.rules:
            rule.windows.forget_before(horizon)
        self._sweep_at, self._since_sweep = arrived + SWEEP_EVERY, 0
        self._sweep_wait = len(self.recent) + sum(rule.windows.size for rule in self.rules)


def _moment(value: Any) -> datetime:
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime, got {value!r}")
    return value


def _order(row: Mapping[str, Any]) -> Order:
    received = row.get("received_at")
    moment = arrival(None if received is None else _moment(received), _moment(row["timestamp"]))
    return (moment, str(row["message_id"]))


def _with_time(row: Mapping[str, Any], timestamp: datetime) -> Mapping[str, Any]:
    return row if row["timestamp"] is timestamp else {**row, "timestamp": timestamp}
