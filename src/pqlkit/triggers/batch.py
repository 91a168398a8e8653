"""Triggers evaluated over stored history: which fired, when, and which are live at T.

The semantics, shared with the real-time evaluator of the server:

* A trigger **fires at the event that makes its condition true**: any matching event for the
  simple form; with ``at_least: N`` and ``within: D``, the matching event at time t when at least
  N matching events (or, with ``distinct: user``, N users whose first matching event) fall in
  [t − D, t], counted per entity, account or company domain (``per``).
* After firing, a trigger stays quiet for its **cooldown** (from the firing event's time).
* An alert is identified by (entity, trigger, the firing event's message id) and is **active**
  at T when it fired in [T − 7 days, T).
* Events are ordered by time, then message id, so ties resolve the same way everywhere.

The engine finds the candidate events (window counts included); the cooldown, which depends on
the previous firing, is applied to those few candidates in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.compile.frame import Frame, build_frame
from pqlkit.compile.signals import match
from pqlkit.events import identity
from pqlkit.events.freemail import FREEMAIL_DOMAINS
from pqlkit.model.schema import Model, Trigger
from pqlkit.triggers.seniority import seniority

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

ACTIVE_FOR = timedelta(days=7)


@dataclass(frozen=True)
class Alert:
    entity_id: str
    trigger: str
    fired_at: datetime
    message_id: str
    deadline: datetime
    key: str  # what was counted: the entity, account or domain
    user_id: str  # whose event fired it

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.entity_id, self.trigger, self.message_id)


def _key(rows: ir.Table, model: Model, trigger: Trigger) -> Any:
    if trigger.per == "domain":
        return rows.email_domain
    if trigger.per == "account":
        return rows.account_id
    return rows.entity_id


def candidates(frame: Frame, model: Model, name: str, trigger: Trigger) -> ir.Table:
    """Matching events whose window condition holds: ``key, user_id, timestamp, message_id``."""
    import ibis

    rows = frame.rows
    if trigger.per == "domain":
        free = sorted(FREEMAIL_DOMAINS)
        rows = rows.filter(rows.email_domain.notnull() & ~rows.email_domain.isin(free))
    hits = rows.filter(match(rows, model, trigger, activity=False))
    hits = hits.select(
        key=_key(hits, model, trigger),
        user_id=hits.person_id,
        entity_id=hits.entity_id,
        timestamp=hits.timestamp,
        message_id=hits.message_id,
    )
    hits = hits.filter(hits.key.notnull())
    if trigger.distinct == "user":
        first = ibis.row_number().over(
            group_by=[hits.key, hits.user_id], order_by=[hits.timestamp, hits.message_id]
        )
        hits = hits.mutate(n=first).filter(lambda t: t.n == 0).drop("n")
    if trigger.at_least <= 1:
        return hits
    assert trigger.within is not None
    window = ibis.range_window(
        group_by=hits.key,
        order_by=hits.timestamp,
        preceding=ibis.interval(seconds=int(trigger.within.total_seconds())),
        following=0,
    )
    counted = hits.mutate(n=hits.count().over(window))
    return counted.filter(counted.n >= trigger.at_least).drop("n")


def _senior_users(frame: Frame, as_of: datetime) -> dict[str, str]:
    """Company domain → its most senior known user (by title; ties: earliest seen)."""
    rows = frame.rows
    calls = rows.filter(rows.type != "group")
    titles = identity.latest_traits(calls, "person_id", {"title": "string"}, as_of).to_pyarrow()
    members = frame.accounts.to_pyarrow().to_pylist()
    title_of = dict(
        zip(titles.column("person_id").to_pylist(), titles.column("title").to_pylist(), strict=True)
    )
    best: dict[str, tuple[int, str]] = {}
    for member in members:
        domain, user = member["email_domain"], member["m_user"]
        if domain is None:
            continue
        rank = (seniority(title_of.get(user)), user)
        current = best.get(domain)
        if current is None or rank[0] > current[0]:
            best[domain] = rank
    return {domain: user for domain, (_, user) in best.items()}


def evaluate(
    events: ir.Table, model: Model, as_of: datetime, frame: Frame | None = None
) -> list[Alert]:
    """Every alert the model's triggers fired before ``as_of``, oldest first."""
    frame = frame or build_frame(events, model, as_of)
    alerts: list[Alert] = []
    senior: dict[str, str] | None = None
    for name, trigger in model.triggers.items():
        found: pa.Table = candidates(frame, model, name, trigger).to_pyarrow()
        rows = sorted(found.to_pylist(), key=lambda r: (r["key"], r["timestamp"], r["message_id"]))
        last_fire: dict[str, datetime] = {}
        for row in rows:
            previous = last_fire.get(row["key"])
            if previous is not None and row["timestamp"] < previous + trigger.cooldown:
                continue
            last_fire[row["key"]] = row["timestamp"]
            entity = row["entity_id"]
            if trigger.assign_to == "most_senior" and trigger.per == "domain":
                senior = senior if senior is not None else _senior_users(frame, as_of)
                entity = senior.get(row["key"], entity) if model.entity == "user" else entity
            elif trigger.per != "entity" and model.entity == "user":
                entity = row["user_id"]
            alerts.append(
                Alert(
                    entity_id=entity,
                    trigger=name,
                    fired_at=row["timestamp"],
                    message_id=row["message_id"],
                    deadline=row["timestamp"] + trigger.respond_within,
                    key=row["key"],
                    user_id=row["user_id"],
                )
            )
    return sorted(alerts, key=lambda a: (a.fired_at, a.trigger, a.entity_id))


def active(alerts: list[Alert], as_of: datetime) -> dict[str, list[str]]:
    """Entity → names of its triggers that fired in [as_of − 7 days, as_of)."""
    live: dict[str, list[str]] = {}
    for alert in alerts:
        if as_of - ACTIVE_FOR <= alert.fired_at < as_of and alert.trigger not in live.get(
            alert.entity_id, []
        ):
            live.setdefault(alert.entity_id, []).append(alert.trigger)
    return live
