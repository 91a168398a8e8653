"""What one accepted request writes to the log, and how the loader reads it back.

A record holds the request's validated rows (the ``events`` columns but ``source`` and
``loaded_at``, in that order; times as microseconds since the epoch, UTC) and the calls it
rejected, so that both reach the store in the same transaction as the log position after them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.store.schema import EVENT_COLUMNS, EVENTS

if TYPE_CHECKING:
    import pyarrow as pa

ROW_COLUMNS: tuple[str, ...] = tuple(c for c in EVENT_COLUMNS if c not in ("source", "loaded_at"))
_TIME_COLUMNS = frozenset(c for c in ROW_COLUMNS if EVENTS[c].is_timestamp())
_EPOCH = datetime(1970, 1, 1)
_EPOCH_UTC = _EPOCH.replace(tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
RAW_LIMIT = 2048  # bytes of a rejected call kept in the rejects table


@dataclass(frozen=True)
class RejectedCall:
    """A call of a request that broke the spec: where it was in the batch, and why."""

    index: int
    field: str | None
    reason: str
    raw: str | None

    def as_json(self) -> dict[str, Any]:
        return {"index": self.index, "field": self.field, "error": self.reason}


@dataclass(frozen=True)
class RequestRecord:
    """One accepted request: who sent it, its rows and its rejected calls."""

    request_id: str
    source: str
    received_at: datetime
    rows: tuple[tuple[Any, ...], ...]  # in ROW_COLUMNS order
    rejects: tuple[RejectedCall, ...]

    def encode(self) -> bytes:
        return orjson.dumps(
            {
                "request_id": self.request_id,
                "source": self.source,
                "received_at": micros(self.received_at),
                "rows": self.rows,
                "rejects": [[r.index, r.field, r.reason, r.raw] for r in self.rejects],
            }
        )

    @classmethod
    def decode(cls, payload: bytes) -> RequestRecord:
        data = orjson.loads(payload)
        return cls(
            request_id=data["request_id"],
            source=data["source"],
            received_at=_EPOCH + data["received_at"] * _MICROSECOND,
            rows=tuple(tuple(row) for row in data["rows"]),
            rejects=tuple(RejectedCall(*reject) for reject in data["rejects"]),
        )


def micros(moment: datetime) -> int:
    """Microseconds since the epoch; a naive time is UTC, an aware one is converted."""
    return (moment - (_EPOCH if moment.tzinfo is None else _EPOCH_UTC)) // _MICROSECOND


def row_values(row: dict[str, Any]) -> tuple[Any, ...]:
    """A row of :meth:`SegmentCall.to_row` in ROW_COLUMNS order, times as microseconds."""
    return tuple(
        (micros(row[c]) if row[c] is not None else None) if c in _TIME_COLUMNS else row[c]
        for c in ROW_COLUMNS
    )


_MESSAGE_ID = ROW_COLUMNS.index("message_id")


def message_id(values: tuple[Any, ...]) -> str:
    return str(values[_MESSAGE_ID])


def rows_table(records: list[RequestRecord]) -> tuple[pa.Table, int]:
    """The records' rows as an Arrow table with a ``source`` column, each messageId once (the
    first), and how many repeats were left out."""
    import pyarrow as pa

    seen: set[str] = set()
    kept: list[tuple[Any, ...]] = []
    sources: list[str] = []
    repeats = 0
    for record in records:
        for values in record.rows:
            key = values[_MESSAGE_ID]
            if key in seen:
                repeats += 1
                continue
            seen.add(key)
            kept.append(values)
            sources.append(record.source)
    columns = list(zip(*kept, strict=True)) if kept else [() for _ in ROW_COLUMNS]
    arrays = {
        name: pa.array(values, pa.timestamp("us") if name in _TIME_COLUMNS else pa.string())
        for name, values in zip(ROW_COLUMNS, columns, strict=True)
    }
    arrays["source"] = pa.array(sources, pa.string())
    return pa.table(arrays), repeats


def rejects_table(records: list[RequestRecord], rejected_at: datetime) -> pa.Table | None:
    """The records' rejected calls as rows of the ``rejects`` table (``None``: there are none)."""
    import pyarrow as pa

    rows = [(record, reject) for record in records for reject in record.rejects]
    if not rows:
        return None
    return pa.table(
        {
            "run_id": [record.request_id for record, _ in rows],
            "source": [record.source for record, _ in rows],
            "line": pa.array([reject.index for _, reject in rows], pa.int64()),
            "field": [reject.field for _, reject in rows],
            "reason": [reject.reason for _, reject in rows],
            "raw": [reject.raw for _, reject in rows],
            "rejected_at": pa.array([rejected_at] * len(rows), pa.timestamp("us")),
        }
    )
