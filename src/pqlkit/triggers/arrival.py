"""Arrival order: the order in which triggers see events, in Python and as Ibis expressions.

An event *arrives* at ``coalesce(received_at, timestamp)`` (``received_at`` is stamped by the
server on receipt; an import without it arrived when it happened). Events are ordered by arrival,
then by message id, so ties resolve the same way everywhere (message ids compare as strings in
byte order: DuckDB, Spark, Postgres with the C collation, and Python alike). An event arriving
more than the model's ``watermark`` after its timestamp is *late*: it is stored, but it never
fires a trigger and never counts in a trigger's window.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ibis.expr.types as ir

Order = tuple[datetime, str]  # (arrival, message id)


def arrival(received_at: datetime | None, timestamp: datetime) -> datetime:
    return received_at if received_at is not None else timestamp


def is_late(arrived: datetime, timestamp: datetime, watermark: timedelta) -> bool:
    return arrived - timestamp > watermark


def arrival_of(events: ir.Table) -> ir.TimestampValue:
    return events.received_at.coalesce(events.timestamp)


def late(arrived: Any, timestamp: Any, watermark: timedelta) -> ir.BooleanValue:
    """Ibis: the event arrived more than ``watermark`` after its timestamp."""
    import ibis

    return arrived > timestamp + ibis.interval(seconds=int(watermark.total_seconds()))


def at_or_before(at: Any, mid: Any, other_at: Any, other_mid: Any) -> ir.BooleanValue:
    """Ibis: (at, mid) ≤ (other_at, other_mid) in arrival order."""
    return (at < other_at) | ((at == other_at) & (mid <= other_mid))
