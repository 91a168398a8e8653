"""Alerts kept in the store: written once per (entity, trigger, firing message id), read back.

``alert_id`` is a digest of an alert's identity, so finding the same alert twice — a replayed
log, a rebuilt evaluator, a batch run after the server — never adds a second row. Writes happen
inside the caller's transaction (the server's loader writes a batch's events, its alerts and
its log checkpoint together).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.store.schema import ALERTS
from pqlkit.times import iso_z
from pqlkit.triggers.alerts import Alert

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.store.store import Store

TABLE = "alerts"
STATUSES = ("open", "touched", "closed")


def alert_id(alert: Alert) -> str:
    """A stable id from the alert's identity (entity, trigger, firing message id)."""
    text = "\x1f".join(alert.identity)
    return "al_" + hashlib.sha256(text.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class StoredAlert:
    """An alert as the store holds it, with what happened to it since."""

    alert_id: str
    model: str
    alert: Alert
    detected_at: datetime
    status: str
    first_touch_at: datetime | None
    first_touch_source: str | None = None  # "feedback:<source>" or "crm:<destination>"

    def as_json(self) -> dict[str, Any]:
        alert = self.alert
        return {
            "alert_id": self.alert_id,
            "model": self.model,
            "entity_id": alert.entity_id,
            "trigger": alert.trigger,
            "fired_at": iso_z(alert.fired_at),
            "deadline": iso_z(alert.deadline),
            "message_id": alert.message_id,
            "key": alert.key,
            "user_id": alert.user_id,
            "evidence": list(alert.evidence),
            "detected_at": iso_z(self.detected_at),
            "status": self.status,
            "first_touch_at": iso_z(self.first_touch_at),
            "first_touch_source": self.first_touch_source,
        }


def record(store: Store, alerts: list[Alert], model: str, detected_at: datetime) -> set[str]:
    """Add the alerts not stored yet; return the ids of those added."""
    if not alerts:
        return set()
    by_id = {alert_id(alert): alert for alert in alerts}
    if store.is_duckdb:  # the server's path for each alert: one plain statement, no planning
        rows = _arrow(by_id, model, detected_at)
        names = rows.column_names
        listed = ", ".join(f'"{name}"' for name in names)
        one = "(" + ", ".join("?" for _ in names) + ")"
        added = (
            store.duckdb()
            .execute(
                f"INSERT INTO {TABLE} ({listed}) SELECT * FROM (VALUES "
                + ", ".join(one for _ in by_id)
                + f") n ({listed}) WHERE NOT EXISTS "
                f"(SELECT 1 FROM {TABLE} a WHERE a.alert_id = n.alert_id) RETURNING alert_id",
                [value for row in rows.to_pylist() for value in row.values()],
            )
            .fetchall()
        )
        return {row[0] for row in added}
    table = store.table(TABLE)
    known = table.filter(table.alert_id.isin(list(by_id))).select("alert_id").to_pyarrow()
    for stored in known.column("alert_id").to_pylist():
        by_id.pop(stored, None)
    if by_id:
        store.backend.insert(TABLE, _arrow(by_id, model, detected_at))
    return set(by_id)


def read(
    store: Store,
    *,
    entity_id: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    limit: int = 100,
) -> list[StoredAlert]:
    """Stored alerts, newest first, filtered by entity, status and detection time."""
    table = store.table(TABLE)
    if entity_id is not None:
        table = table.filter(table.entity_id == entity_id)
    if status is not None:
        table = table.filter(table.status == status)
    if since is not None:
        table = table.filter(table.detected_at >= since)
    rows = table.order_by([table.detected_at.desc(), table.alert_id]).limit(limit)
    return [_stored(row) for row in rows.to_pyarrow().to_pylist()]


def find(store: Store, alert_id: str) -> StoredAlert | None:
    table = store.table(TABLE)
    rows = table.filter(table.alert_id == alert_id).to_pyarrow().to_pylist()
    return _stored(rows[0]) if rows else None


def first_touch(
    store: Store,
    entity_id: str,
    at: datetime,
    source: str,
    *,
    alert_id: str | None = None,
    owners_only: bool = False,
    by: str | None = None,
) -> int:
    """The entity's alerts not touched nor closed, fired by ``at`` (or the one named) get their first touch at
    ``at`` from ``source``; alerts touched before keep theirs. How many were touched.

    ``owners_only``: the touch is a CRM activity by ``by`` (its owner id; ``None`` if it has
    none) — it touches only the alerts routed to that owner, or to no one."""
    from pqlkit.routing.sql import query

    sql = (
        f"SELECT alert_id FROM {TABLE} a WHERE entity_id = ? AND first_touch_at IS NULL "
        "AND fired_at <= ? AND status <> 'closed'"
    )
    params: list[Any] = [entity_id, at]
    if owners_only:
        sql += (
            " AND NOT EXISTS (SELECT 1 FROM assignments s WHERE s.source = 'alert'"
            " AND s.handoff_key = 'alert:' || a.alert_id AND s.owner_id IS NOT NULL"
            " AND s.owner_id <> ?)"
        )
        params.append(by or "")
    if alert_id is not None:
        sql += " AND alert_id = ?"
        params.append(alert_id)
    ids = [str(row[0]) for row in query(store, sql, params)]
    for chosen in ids:
        query(
            store,
            f"UPDATE {TABLE} SET first_touch_at = ?, first_touch_source = ?, status = 'touched' "
            "WHERE alert_id = ? AND first_touch_at IS NULL",
            [at, source, chosen],
        )
    return len(ids)


def _stored(row: dict[str, Any]) -> StoredAlert:
    alert = Alert(
        entity_id=row["entity_id"],
        trigger=row["trigger"],
        fired_at=row["fired_at"],
        message_id=row["message_id"],
        deadline=row["deadline"],
        key=row["key"],
        user_id=row["user_id"],
        evidence=tuple(json.loads(row["evidence"])),
    )
    return StoredAlert(
        row["alert_id"],
        row["model"],
        alert,
        row["detected_at"],
        row["status"],
        row["first_touch_at"],
        row.get("first_touch_source"),
    )


def _arrow(alerts: dict[str, Alert], model: str, detected_at: datetime) -> pa.Table:
    import pyarrow as pa

    values = list(alerts.values())
    columns: dict[str, list[Any]] = {
        "alert_id": list(alerts),
        "model": [model] * len(values),
        "entity_id": [a.entity_id for a in values],
        "trigger": [a.trigger for a in values],
        "fired_at": [a.fired_at for a in values],
        "message_id": [a.message_id for a in values],
        "deadline": [a.deadline for a in values],
        "key": [a.key for a in values],
        "user_id": [a.user_id for a in values],
        "evidence": [json.dumps(list(a.evidence)) for a in values],
        "detected_at": [detected_at] * len(values),
        "status": ["open"] * len(values),
        "first_touch_at": [None] * len(values),
        "first_touch_source": [None] * len(values),
    }
    return pa.table(columns, schema=ALERTS.to_pyarrow())
