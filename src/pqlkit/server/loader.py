"""The background loader: committed log records → the store, in batches, exactly once.

Each batch (up to ``max_rows`` rows) is appended with the store's own append path (rows whose
messageId is already stored are skipped), its rejected calls go to ``rejects``, and the log
position after its last record goes to ``server_log_checkpoint`` — all in one transaction. A
crash before the commit leaves neither the rows nor the new position, so the next run loads
the same records again; a crash after it leaves both, so nothing is loaded twice. Segments
entirely before the checkpoint are deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pqlkit.server.batch_writes import CHECKPOINT_TABLE, write_batch
from pqlkit.server.log import DurableLog, LogPosition
from pqlkit.server.recent_records import RecentRecords
from pqlkit.server.records import RequestRecord, rejects_table, rows_table
from pqlkit.store.transaction import transaction
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.server.alerting import Alerting
    from pqlkit.store.store import Store
    from pqlkit.triggers.alerts import Alert

BEGINNING = LogPosition(0, 0)
DEFAULT_MAX_ROWS = 50_000


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


class Loader:
    """Moves records from ``log`` into a store, up to the position ``committed()`` returns."""

    def __init__(
        self,
        log: DurableLog,
        committed: Callable[[], LogPosition],
        *,
        max_rows: int = DEFAULT_MAX_ROWS,
        alerting: Alerting | None = None,
        recent: RecentRecords[RequestRecord] | None = None,
    ) -> None:
        self.log = log
        self.recent = recent  # the writer's latest records, decoded: no need to read them back
        self.committed = committed
        self.max_rows = max_rows
        self.alerting = alerting  # real-time triggers, fed each batch's new rows
        self._leftovers: list[str] = []  # stage tables failed batches left behind
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
        held = self.recent.run_from(self.checkpoint, end) if self.recent is not None else []
        if held:  # the run may end before ``end``: the rest is read next time
            reached = held[-1][0]
            found: Iterable[tuple[LogPosition, RequestRecord]] = held
        else:
            reached = end
            found = self._read(end)
        records: list[RequestRecord] = []
        rows = 0
        for position, record in found:
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

    def _read(self, end: LogPosition) -> Iterator[tuple[LogPosition, RequestRecord]]:
        """The records after the checkpoint up to ``end`` read back from the log, each with the
        position after it (when the writer does not hold them in memory)."""
        for position, payload in self.log.read(self.checkpoint, end):
            yield position, RequestRecord.decode(payload)

    def load_all(self, store: Store) -> list[LoadResult]:
        """Load until everything committed so far is in the store."""
        results = []
        while (result := self.load_batch(store)) is not None:
            results.append(result)
        return results

    def _store(
        self, store: Store, records: list[RequestRecord], reached: LogPosition
    ) -> LoadResult:
        staged, repeats = rows_table(records)
        rejects = rejects_table(records, utc_now())
        alerts: list[Alert] = []
        try:
            with transaction(store):
                loaded_at = utc_now()
                new = write_batch(
                    store, staged, rejects, self.log.log_id, reached, loaded_at, self._leftovers
                )
                if new.num_rows and self.alerting is not None:
                    alerts = self.alerting.on_loaded(store, new, loaded_at)
        except BaseException:
            if self.alerting is not None:
                self.alerting.failed()
            raise
        if self.alerting is not None:
            self.alerting.committed(alerts)
        return LoadResult(
            records=len(records),
            inserted=new.num_rows,
            duplicates=staged.num_rows - new.num_rows + repeats,
            rejected=0 if rejects is None else rejects.num_rows,
            checkpoint=reached,
            alerts=tuple(alerts),
        )
