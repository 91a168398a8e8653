"""The background loader: committed log records → the store, in batches, exactly once.

Each batch (up to ``max_rows`` rows) is appended with the store's own append path (rows whose
messageId is already stored are skipped), its rejected calls go to ``rejects``, and the log
position after its last record goes to ``server_log_checkpoint`` — all in one transaction. A
crash before the commit leaves neither the rows nor the new position, so the next run loads
the same records again; a crash after it leaves both, so nothing is loaded twice. Segments
entirely before the checkpoint are deleted.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pqlkit.server.log import DurableLog, LogPosition
from pqlkit.server.records import RequestRecord, rejects_table, rows_table
from pqlkit.store.append import append_events, fresh_rows
from pqlkit.store.transaction import execute, transaction

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.server.alerting import Alerting
    from pqlkit.store.store import Store
    from pqlkit.triggers.alerts import Alert

CHECKPOINT_TABLE = "server_log_checkpoint"
BEGINNING = LogPosition(0, 0)
DEFAULT_MAX_ROWS = 50_000
_stage_names = itertools.count()


@dataclass(frozen=True)
class LoadResult:
    """One loaded batch."""

    records: int
    inserted: int
    duplicates: int  # rows whose messageId was stored already (or repeated in the batch)
    rejected: int
    checkpoint: LogPosition
    alerts: tuple[Alert, ...] = ()  # fired by the batch's new events


def read_checkpoint(store: Store, log_id: str) -> LogPosition:
    """How far the log ``log_id`` has been loaded (the beginning when it never was)."""
    table = store.table(CHECKPOINT_TABLE)
    found = table.filter(table.log_id == log_id).select("segment", "byte_offset").execute()
    if found.empty:
        return BEGINNING
    return LogPosition(int(found["segment"].iloc[0]), int(found["byte_offset"].iloc[0]))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Loader:
    """Moves records from ``log`` into a store, up to the position ``committed()`` returns."""

    def __init__(
        self,
        log: DurableLog,
        committed: Callable[[], LogPosition],
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        alerting: Alerting | None = None,
    ) -> None:
        self.log = log
        self.committed = committed
        self.max_rows = max_rows
        self.alerting = alerting  # real-time triggers, fed each batch's new rows
        self.checkpoint = BEGINNING
        self.loaded_rows = 0

    def resume(self, store: Store) -> LogPosition:
        """Continue from the store's checkpoint for this log."""
        self.checkpoint = read_checkpoint(store, self.log.log_id)
        return self.checkpoint

    def pending(self) -> bool:
        return self.committed() > self.checkpoint

    def load_batch(self, store: Store) -> LoadResult | None:
        """Load the next batch; ``None`` when everything committed is loaded already."""
        end = self.committed()
        if end <= self.checkpoint:
            return None
        records: list[RequestRecord] = []
        rows = 0
        reached = end
        for position, payload in self.log.read(self.checkpoint, end):
            record = RequestRecord.decode(payload)
            records.append(record)
            rows += len(record.rows)
            if rows >= self.max_rows:
                reached = position
                break
        result = self._store(store, records, reached)
        self.checkpoint = reached
        self.loaded_rows += result.inserted
        self.log.drop_before(reached.segment)
        return result

    def load_all(self, store: Store) -> list[LoadResult]:
        """Load until everything committed so far is in the store."""
        results = []
        while (result := self.load_batch(store)) is not None:
            results.append(result)
        return results

    def _store(
        self, store: Store, records: list[RequestRecord], reached: LogPosition
    ) -> LoadResult:
        import pyarrow as pa

        staged, repeats = rows_table(records)
        rejects = rejects_table(records, _now())
        stage = f"_pql_server_load_{next(_stage_names)}"
        if staged.num_rows:
            store.backend.create_table(stage, staged, temp=True, overwrite=True)
        alerts: list[Alert] = []
        try:
            with transaction(store):
                new = self._new_rows(store, stage) if staged.num_rows else None
                inserted = append_events(store, store.table(stage), None) if staged.num_rows else 0
                if new is not None and self.alerting is not None:
                    alerts = self.alerting.on_loaded(store, new, _now())
                if rejects is not None:
                    store.backend.insert("rejects", rejects)
                execute(store, f"DELETE FROM {CHECKPOINT_TABLE} WHERE log_id = '{self.log.log_id}'")
                store.backend.insert(
                    CHECKPOINT_TABLE,
                    pa.table(
                        {
                            "log_id": [self.log.log_id],
                            "segment": pa.array([reached.segment], pa.int64()),
                            "byte_offset": pa.array([reached.offset], pa.int64()),
                            "loaded_at": pa.array([_now()], pa.timestamp("us")),
                        }
                    ),
                )
        except BaseException:
            if self.alerting is not None:
                self.alerting.failed()
            raise
        finally:
            if staged.num_rows:
                store.backend.drop_table(stage, force=True)
        if self.alerting is not None:
            self.alerting.committed(alerts)
        return LoadResult(
            records=len(records),
            inserted=inserted,
            duplicates=staged.num_rows - inserted + repeats,
            rejected=0 if rejects is None else rejects.num_rows,
            checkpoint=reached,
            alerts=tuple(alerts),
        )

    def _new_rows(self, store: Store, stage: str) -> pa.Table | None:
        """The staged rows the store does not hold yet, in arrival order (only when real-time
        triggers need them)."""
        if self.alerting is None:
            return None
        rows = fresh_rows(store, store.table(stage))
        if rows is None:
            return None
        return rows.order_by(["received_at", "message_id"]).to_pyarrow()
