"""Fired alerts kept as columns read as the alerts themselves: in order, active, made lazily."""

from __future__ import annotations

from datetime import datetime, timedelta

import pyarrow as pa

from pqlkit.triggers import fired
from pqlkit.triggers.alerts import Alert, active, in_order

T = datetime(2026, 3, 1)
HOUR = timedelta(hours=1)


def alert(entity: str, trigger: str, hours_before: float, message: str) -> Alert:
    at = T - hours_before * HOUR
    return Alert(entity, trigger, at, message, at + 4 * HOUR, entity, entity, (message,))


ALERTS = [  # the order they fired in: by time, then trigger, entity and message id
    alert("bob", "paywall_hit", 200, "m1"),  # more than 7 days before T
    alert("ann", "paywall_hit", 100, "m2"),
    alert("ann", "invitation_burst", 50, "m3"),
    alert("ann", "paywall_hit", 50, "m4"),  # ann's paywall hit fired again: listed once
    alert("bob", "paywall_hit", 50, "m5"),
    alert("cid", "paywall_hit", 1, "m6"),
]


def table_of(alerts: list[Alert], arrivals: list[datetime]) -> pa.Table:
    columns = {name: [getattr(a, name) for a in alerts] for name in fired.FIELDS}
    columns["evidence"] = [list(a.evidence) for a in alerts]
    columns["arrival"] = arrivals
    return pa.table(columns, schema=fired.schema())


def test_a_table_in_order_lists_the_alerts_as_in_order_does() -> None:
    shuffled = [ALERTS[n] for n in (3, 0, 5, 1, 4, 2)]
    table = table_of(shuffled, [a.fired_at for a in shuffled])
    assert fired.alerts(fired.in_order(table)) == in_order(shuffled) == ALERTS


def test_the_triggers_active_at_a_time_are_those_of_the_alerts() -> None:
    table = table_of(ALERTS, [a.fired_at for a in ALERTS])
    assert fired.active(table, T) == active(ALERTS, T)
    assert fired.active(table, T) == {
        "ann": ["paywall_hit", "invitation_burst"],
        "bob": ["paywall_hit"],
        "cid": ["paywall_hit"],
    }


def test_an_alert_counts_from_the_arrival_of_its_firing_event() -> None:
    late = [a.fired_at + (3 * HOUR if a.message_id == "m6" else HOUR) for a in ALERTS]
    table = table_of(ALERTS, late)
    arrived = fired.arrived_before(table, T + HOUR)
    assert fired.alerts(arrived) == ALERTS[:-1]  # m6 fired an hour before T, arrived 2 h after


def test_fired_alerts_are_made_when_first_read() -> None:
    alerts = fired.Fired(table_of(ALERTS, [a.fired_at for a in ALERTS]))
    assert len(alerts) == 6
    assert "_alerts" not in vars(alerts)  # counted from the table: none made yet
    assert alerts[1] == ALERTS[1]
    assert list(alerts) == ALERTS
    assert alerts[-2:] == ALERTS[-2:]
