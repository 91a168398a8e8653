"""Fired alerts kept as columns, made into :class:`~pqlkit.triggers.alerts.Alert` objects only
when something reads them one by one.

A backtest's trigger history holds every alert fired up to its last date (89k for 12 weekly
dates of ``pillars`` on 20M events). Each date needs only which entities have a trigger active
(:func:`active`); as objects, the alerts took a second of Python to make, sort and filter for
every date, and the garbage collector walked them all once the run let it collect again.

A table of alerts has the columns of :data:`COLUMNS` (``evidence``: a list of message ids;
``arrival``: when the firing event arrived) and lists them in :func:`in_order`'s order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, overload

from pqlkit.triggers.alerts import ACTIVE_FOR, Alert, listed

if TYPE_CHECKING:
    import pyarrow as pa

FIELDS = ("entity_id", "trigger", "fired_at", "message_id", "deadline", "key", "user_id")
COLUMNS = (*FIELDS, "evidence", "arrival")
ORDER = ("fired_at", "trigger", "entity_id", "message_id")  # alerts.order's key


def schema() -> pa.Schema:
    import pyarrow as pa

    moment = pa.timestamp("us")
    types = {"fired_at": moment, "deadline": moment, "arrival": moment}
    types["evidence"] = pa.list_(pa.string())
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def in_order(table: pa.Table) -> pa.Table:
    """Oldest first; ties by trigger, entity and message id (as :func:`alerts.in_order`)."""
    return table.sort_by([(name, "ascending") for name in ORDER])


def arrived_before(table: pa.Table, moment: datetime) -> pa.Table:
    """The alerts whose firing event arrived before ``moment``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arrival = table.column("arrival")
    return table.filter(pc.less(arrival, pa.scalar(moment, arrival.type)))


def alerts(table: pa.Table) -> list[Alert]:
    """The table's rows as alerts, in its order."""
    columns = [table.column(name).to_pylist() for name in FIELDS]
    evidence = [tuple(ids) for ids in table.column("evidence").to_pylist()]
    return [Alert(*row) for row in zip(*columns, evidence, strict=True)]


def active(table: pa.Table, as_of: datetime, *, arrived: bool = False) -> dict[str, list[str]]:
    """:func:`pqlkit.triggers.alerts.active` of the table's alerts: entity → names of its
    triggers that fired in [as_of − 7 days, as_of), each once, in the order they first did;
    with ``arrived``, of those among them whose firing event arrived before ``as_of`` (one
    pass: no table of the alerts arrived made first)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    fired = table.column("fired_at")
    since, until = (pa.scalar(moment, fired.type) for moment in (as_of - ACTIVE_FOR, as_of))
    recent = pc.and_(pc.greater_equal(fired, since), pc.less(fired, until))
    if arrived:
        arrival = table.column("arrival")
        recent = pc.and_(recent, pc.less(arrival, pa.scalar(as_of, arrival.type)))
    recent = table.select(["entity_id", "trigger"]).filter(recent)
    entities, triggers = (recent.column(name).to_pylist() for name in ("entity_id", "trigger"))
    return listed(zip(entities, triggers, strict=True))


class Fired(Sequence[Alert]):
    """A table of alerts (:data:`COLUMNS`) read as a sequence of :class:`Alert`, each made when
    the sequence is first read."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    @cached_property
    def _alerts(self) -> list[Alert]:
        return alerts(self.table)

    def __len__(self) -> int:
        return int(self.table.num_rows)

    @overload
    def __getitem__(self, index: int) -> Alert: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Alert]: ...

    def __getitem__(self, index: int | slice) -> Alert | Sequence[Alert]:
        return self._alerts[index]

    def __iter__(self) -> Iterator[Alert]:
        return iter(self._alerts)

    def __repr__(self) -> str:
        return f"Fired({len(self)} alerts)"
