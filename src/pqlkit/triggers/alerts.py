"""Alerts: what a fired trigger says, when it must be answered, and which are live at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

ACTIVE_FOR = timedelta(days=7)


@dataclass(frozen=True)
class Alert:
    """A trigger that fired: one per (entity, trigger, firing event), never changed afterwards."""

    entity_id: str  # whom to contact: the user, the account, or a domain's most senior user
    trigger: str
    fired_at: datetime  # the firing event's timestamp
    message_id: str  # the firing event
    deadline: datetime  # fired_at + the trigger's respond_within
    key: str  # what was counted: the user, account or company domain
    user_id: str  # whose event fired it
    evidence: tuple[str, ...] = ()  # message ids of the events counted, oldest first

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.entity_id, self.trigger, self.message_id)


def fired_before(alerts: Iterable[Alert], moment: datetime) -> list[Alert]:
    """The alerts whose firing event's timestamp is before ``moment``."""
    return [alert for alert in alerts if alert.fired_at < moment]


def active(alerts: Iterable[Alert], as_of: datetime) -> dict[str, list[str]]:
    """Entity → names of its triggers that fired in [as_of − 7 days, as_of)."""
    recent = (a for a in alerts if as_of - ACTIVE_FOR <= a.fired_at < as_of)
    return listed((alert.entity_id, alert.trigger) for alert in recent)


def listed(fired: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Entity → the names of its triggers among ``(entity, trigger)`` pairs, each once, in the
    order they first come."""
    live: dict[str, list[str]] = {}
    for entity, trigger in fired:
        names = live.setdefault(entity, [])
        if trigger not in names:
            names.append(trigger)
    return live


def in_order(alerts: Iterable[Alert]) -> list[Alert]:
    """Oldest first; ties by trigger, entity and message id, so every evaluator lists alike."""
    return sorted(alerts, key=order)


def order(alert: Alert) -> tuple[datetime, str, str, str]:
    """:func:`in_order`'s sort key."""
    return (alert.fired_at, alert.trigger, alert.entity_id, alert.message_id)
