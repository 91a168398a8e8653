"""The durable outbox: what must reach a destination, kept in the store until it has.

A row is written in the same transaction as whatever caused it (an alert), so either both exist
or neither (``with transaction(store): …; Outbox(store).put(…)``). Its id is a digest of the
destination and the idempotency key, and ``put`` inserts with ``ON CONFLICT DO NOTHING``: the
same key enqueued twice for a destination is one row. The delivery worker
(:mod:`pqlkit.destinations.delivery`) reads the due rows oldest first and records every
attempt here; operators see and act on them with ``pql outbox list|retry|drop``.

One delivery worker per store: the server that owns the store runs it (rows are not leased).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, get_args

from pqlkit.errors import ConfigError
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.store.store import Store

Status = Literal["pending", "delivered", "dead"]
STATUSES: tuple[Status, ...] = get_args(Status)
TABLE = "outbox"
_COLUMNS = (
    "id, destination, kind, idempotency_key, payload, created_at, status, attempts, "
    "next_attempt_at, last_attempt_at, last_error, progress, delivered_at, dead_at"
)


def row_id(destination: str, idempotency_key: str) -> str:
    digest = hashlib.sha256(f"{destination}\x1f{idempotency_key}".encode()).hexdigest()
    return f"ob_{digest[:24]}"


@dataclass(frozen=True)
class OutboxItem:
    """One row of the outbox."""

    id: str
    destination: str
    kind: str
    idempotency_key: str
    payload: str  # JSON text
    created_at: datetime
    status: Status
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None = None
    last_error: str | None = None
    progress: str | None = None  # JSON text: steps of a multi-step delivery already done
    delivered_at: datetime | None = None
    dead_at: datetime | None = None

    def progress_data(self) -> dict[str, Any]:
        import orjson

        return dict(orjson.loads(self.progress)) if self.progress else {}

    def as_json(self) -> dict[str, Any]:
        def moment(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat(timespec="seconds") + "Z"

        return {
            "id": self.id,
            "destination": self.destination,
            "kind": self.kind,
            "idempotency_key": self.idempotency_key,
            "created_at": moment(self.created_at),
            "status": self.status,
            "attempts": self.attempts,
            "next_attempt_at": moment(self.next_attempt_at),
            "last_attempt_at": moment(self.last_attempt_at),
            "last_error": self.last_error,
            "delivered_at": moment(self.delivered_at),
            "dead_at": moment(self.dead_at),
        }


# -- SQL on the store's own connection (DuckDB or Postgres), inside its transaction if any ------


def _query(store: Store, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    if store.is_duckdb:
        cursor = store.duckdb().execute(sql, list(params))
        return cursor.fetchall() if cursor.description else []
    if getattr(store.backend, "name", "") != "postgres":
        raise ConfigError(
            f"the outbox lives in a transactional store (an embedded DuckDB file or Postgres), "
            f"not in {store.location}"
        )
    with store.backend.con.cursor() as cursor:
        cursor.execute(sql.replace("?", "%s"), list(params))
        return list(cursor.fetchall()) if cursor.description else []


def _item(row: tuple[Any, ...]) -> OutboxItem:
    (id_, destination, kind, key, payload, created_at, status, attempts, next_at) = row[:9]
    (last_at, last_error, progress, delivered_at, dead_at) = row[9:]
    return OutboxItem(
        id=id_,
        destination=destination,
        kind=kind,
        idempotency_key=key,
        payload=payload,
        created_at=created_at,
        status=status,
        attempts=int(attempts),
        next_attempt_at=next_at,
        last_attempt_at=last_at,
        last_error=last_error,
        progress=progress,
        delivered_at=delivered_at,
        dead_at=dead_at,
    )


class Outbox:
    """The outbox table of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- writing --------------------------------------------------------------------------------

    def put(
        self,
        destination: str,
        kind: str,
        idempotency_key: str,
        payload: str,
        *,
        now: datetime | None = None,
    ) -> bool:
        """Enqueue one delivery; ``False`` when this key is already queued for ``destination``
        (delivered, pending or dead alike). Joins the store transaction the caller is in."""
        moment = now or utc_now()
        rows = _query(
            self.store,
            f"INSERT INTO {TABLE} (id, destination, kind, idempotency_key, payload, created_at, "
            "status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) "
            "ON CONFLICT (id) DO NOTHING RETURNING id",
            (
                row_id(destination, idempotency_key),
                destination,
                kind,
                idempotency_key,
                payload,
                moment,
                moment,
            ),
        )
        return bool(rows)

    def record_delivered(self, item: OutboxItem, at: datetime, progress: str | None = None) -> None:
        _query(
            self.store,
            f"UPDATE {TABLE} SET status = 'delivered', attempts = attempts + 1, "
            "last_attempt_at = ?, delivered_at = ?, last_error = NULL, progress = ? WHERE id = ?",
            (at, at, progress if progress is not None else item.progress, item.id),
        )

    def record_retry(
        self,
        item: OutboxItem,
        at: datetime,
        next_attempt_at: datetime,
        error: str,
        progress: str | None = None,
    ) -> None:
        _query(
            self.store,
            f"UPDATE {TABLE} SET attempts = attempts + 1, last_attempt_at = ?, "
            "next_attempt_at = ?, last_error = ?, progress = ? WHERE id = ?",
            (
                at,
                next_attempt_at,
                error,
                progress if progress is not None else item.progress,
                item.id,
            ),
        )

    def record_dead(
        self, item: OutboxItem, at: datetime, error: str, progress: str | None = None
    ) -> None:
        _query(
            self.store,
            f"UPDATE {TABLE} SET status = 'dead', attempts = attempts + 1, last_attempt_at = ?, "
            "dead_at = ?, last_error = ?, progress = ? WHERE id = ?",
            (at, at, error, progress if progress is not None else item.progress, item.id),
        )

    # -- reading --------------------------------------------------------------------------------

    def due(self, destination: str, now: datetime, limit: int) -> list[OutboxItem]:
        """Pending rows of ``destination`` whose next attempt is due, oldest first."""
        rows = _query(
            self.store,
            f"SELECT {_COLUMNS} FROM {TABLE} WHERE destination = ? AND status = 'pending' "
            "AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?",
            (destination, now, limit),
        )
        return [_item(row) for row in rows]

    def get(self, item_id: str) -> OutboxItem | None:
        rows = _query(self.store, f"SELECT {_COLUMNS} FROM {TABLE} WHERE id = ?", (item_id,))
        return _item(rows[0]) if rows else None

    def items(
        self,
        *,
        status: Status | None = None,
        destination: str | None = None,
        limit: int = 100,
    ) -> list[OutboxItem]:
        """Rows, oldest first, optionally of one status and destination."""
        where, params = _filters(status, destination)
        rows = _query(
            self.store,
            f"SELECT {_COLUMNS} FROM {TABLE}{where} ORDER BY created_at, destination, id LIMIT ?",
            (*params, limit),
        )
        return [_item(row) for row in rows]

    def counts(self) -> dict[tuple[str, str], int]:
        """(destination, status) → rows."""
        rows = _query(
            self.store,
            f"SELECT destination, status, count(*) FROM {TABLE} GROUP BY destination, status",
        )
        return {(str(d), str(s)): int(n) for d, s, n in rows}

    # -- operators ------------------------------------------------------------------------------

    def retry(
        self,
        *,
        ids: Sequence[str] = (),
        destination: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """Dead rows (the ones named, or all of ``destination``'s, or all) back to pending, due
        now, with a fresh attempt count; how many."""
        return self._change_dead(
            "status = 'pending', attempts = 0, next_attempt_at = ?, dead_at = NULL",
            (now or utc_now(),),
            ids,
            destination,
        )

    def drop(self, *, ids: Sequence[str] = (), destination: str | None = None) -> int:
        """Delete dead rows (the ones named, or all of ``destination``'s, or all); how many."""
        where, params = self._dead_selection(ids, destination)
        rows = _query(self.store, f"DELETE FROM {TABLE}{where} RETURNING id", params)
        return len(rows)

    def _change_dead(
        self,
        assignments: str,
        values: tuple[Any, ...],
        ids: Sequence[str],
        destination: str | None,
    ) -> int:
        where, params = self._dead_selection(ids, destination)
        rows = _query(
            self.store, f"UPDATE {TABLE} SET {assignments}{where} RETURNING id", (*values, *params)
        )
        return len(rows)

    @staticmethod
    def _dead_selection(ids: Sequence[str], destination: str | None) -> tuple[str, list[Any]]:
        where, params = _filters("dead", destination)
        if ids:
            where += f" AND id IN ({', '.join('?' for _ in ids)})"
            params.extend(ids)
        return where, params


def _filters(status: str | None, destination: str | None) -> tuple[str, list[Any]]:
    if status is not None and status not in STATUSES:
        raise ConfigError(f"--status: {status!r} is not one of {', '.join(STATUSES)}")
    clauses: list[str] = []
    params: list[Any] = []
    if status is not None:
        clauses.append("status = ?")
        params.append(status)
    if destination is not None:
        clauses.append("destination = ?")
        params.append(destination)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
