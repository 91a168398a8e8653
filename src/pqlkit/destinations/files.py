"""Destinations that write local files: a JSON-lines log, and a CSV export of hand-offs.

Both append and flush (and fsync) each row before it counts as delivered. At least once: a crash
between the write and the outbox's record writes the row again on restart, with the same
``idempotency_key`` column, so readers can drop repeats.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pqlkit.destinations.base import Delivered, Destination, Failed, Outcome
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.outbox import OutboxItem
from pqlkit.times import utc_now

CSV_COLUMNS = (
    "idempotency_key",
    "entity_id",
    "entity_kind",
    "email",
    "name",
    "title",
    "company",
    "domain",
    "score",
    "tier",
    "reasons",
    "key_actions",
    "triggers",
    "alert_trigger",
    "fired_at",
    "deadline",
    "pql_since",
    "path",
    "owner_email",
    "talking_points",
)


def _append(path: Path, text: str, header: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as out:
        if header is not None and out.tell() == 0:
            out.write(header)
        out.write(text)
        out.flush()
        os.fsync(out.fileno())


@dataclass
class LogDestination(Destination):
    """Appends one JSON line per row: ``{"delivered_at", "destination", "kind",
    "idempotency_key", "payload"}``."""

    path: Path = Path("pqlkit-deliveries.jsonl")
    clock: Any = utc_now

    def deliver_one(self, item: OutboxItem) -> Outcome:
        import orjson

        moment: datetime = self.clock()
        line = orjson.dumps(
            {
                "delivered_at": moment.isoformat(timespec="seconds") + "Z",
                "destination": self.name,
                "kind": item.kind,
                "idempotency_key": item.idempotency_key,
                "payload": orjson.loads(item.payload),
            }
        ).decode()
        try:
            _append(self.path, line + "\n")
        except OSError as exc:
            return Failed(f"{self.name}: cannot write {self.path}: {exc.strerror or exc}")
        return Delivered()


def csv_row(item: OutboxItem, handoff: HandOff) -> list[str]:
    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.isoformat(timespec="seconds") + "Z"
        if isinstance(value, tuple):
            return "; ".join(str(v) for v in value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    alert = handoff.alert
    values = {
        "idempotency_key": item.idempotency_key,
        "alert_trigger": alert.trigger if alert else None,
        "fired_at": alert.fired_at if alert else None,
        "deadline": handoff.due,
        "owner_email": handoff.owner.email if handoff.owner else None,
    }
    return [
        text(values[column] if column in values else getattr(handoff, column))
        for column in CSV_COLUMNS
    ]


@dataclass
class CsvDestination(Destination):
    """Appends one CSV row per hand-off (a header first, in a new file)."""

    path: Path = Path("pqlkit-leads.csv")

    def deliver_one(self, item: OutboxItem) -> Outcome:
        try:
            handoff = HandOff.loads(item.payload)
        except (ValueError, KeyError, TypeError) as exc:
            return Failed(f"{self.name}: the payload is not a hand-off ({exc})", retryable=False)
        header, row = io.StringIO(), io.StringIO()
        csv.writer(header).writerow(CSV_COLUMNS)
        csv.writer(row).writerow(csv_row(item, handoff))
        try:
            _append(self.path, row.getvalue(), header=header.getvalue())
        except OSError as exc:
            return Failed(f"{self.name}: cannot write {self.path}: {exc.strerror or exc}")
        return Delivered()
