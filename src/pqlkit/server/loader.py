"""The background loader: committed log records → their alerts, then the store, exactly once.

A batch (up to ``max_rows`` rows) is loaded in two steps, in this order:

1. **Alerts.** The rows not stored yet — by messageId, as the store will judge them (see
   :func:`~pqlkit.server.batch_writes.unstored_rows`), counting the batches still on their way to
   the store — go through the real-time triggers; the alerts they fire, with their routing and
   outbox rows, are committed in one transaction.
2. **Events.** The batch's rows, its rejected calls and the log position after its last record
   are committed in one transaction by the :class:`~pqlkit.server.event_writer.EventWriter` —
   in the server on a thread of its own, so the event log's checkpoints never hold up the next
   batch's alerts.

A crash before step 1 loses nothing: the log still has the records. A crash between the two
leaves the log position before the batch, so the next run loads it again: its events are
stored then, and its alerts — found again with the same identities — add nothing (alerts,
assignments and outbox rows are keyed by the alert). A crash after step 2 leaves both. So every
acknowledged event is stored once, and an alert is in the outbox no later than its event is in
the store. Segments entirely before the stored position are deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pqlkit.server.batch_writes import CHECKPOINT_TABLE, unstored_rows
from pqlkit.server.event_writer import EventWriter, StagedBatch, Stored
from pqlkit.server.log import DurableLog, LogPosition
from pqlkit.server.recent_records import RecentRecords
from pqlkit.server.records import RequestRecord, rejects_table, rows_table
from pqlkit.store.transaction import transaction
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.server.alerting import Alerting
    from pqlkit.server.recent_ids import RecentIds
    from pqlkit.store.store import Store
    from pqlkit.triggers.alerts import Alert

BEGINNING = LogPosition(0, 0)
DEFAULT_MAX_ROWS = 50_000


@dataclass(frozen=True)
class LoadResult:
    """One batch: its alerts, and what the store took (``stored``; ``None`` while the event
    writer's thread has the batch)."""

    records: int
    checkpoint: LogPosition  # the log position after the batch
    alerts: tuple[Alert, ...] = ()  # fired by the batch's new events
    stored: Stored | None = None

    @property
    def inserted(self) -> int:
        return self._stored.inserted

    @property
    def duplicates(self) -> int:
        """Rows whose messageId was stored already (or repeated in the batch)."""
        return self._stored.duplicates

    @property
    def rejected(self) -> int:
        return self._stored.rejected

    @property
    def _stored(self) -> Stored:
        if self.stored is None:
            raise ValueError("the batch is still on its way to the store")
        return self.stored


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
        recent_ids: RecentIds | None = None,
    ) -> None:
        self.log = log
        self.recent = recent  # the writer's latest records, decoded: no need to read them back
        self.recent_ids = recent_ids  # the recent messageIds stored: new rows without a scan
        self.committed = committed
        self.max_rows = max_rows
        self.alerting = alerting  # real-time triggers, fed each batch's new rows
        self.events = EventWriter(log, BEGINNING)  # step 2 (``events.start``: on its thread)
        self.position = BEGINNING  # how far the log's alerts are committed

    @property
    def checkpoint(self) -> LogPosition:
        """How far the log is in the store."""
        return self.events.checkpoint

    @property
    def loaded_rows(self) -> int:
        return self.events.loaded_rows

    def resume(self, store: Store) -> LogPosition:
        """Continue from the store's checkpoint for this log."""
        return self.resume_at(read_checkpoint(store, self.log.log_id))

    def resume_at(self, checkpoint: LogPosition) -> LogPosition:
        self.position = self.events.checkpoint = checkpoint
        return checkpoint

    def pending(self) -> bool:
        return self.committed() > self.position

    def load_batch(self, store: Store) -> LoadResult | None:
        """Load the next batch; ``None`` when everything committed is loaded already."""
        end = self.committed()
        if end <= self.position:
            return None
        held = self.recent.run_from(self.position, end) if self.recent is not None else []
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
        staged, repeats = rows_table(records)
        loaded_at = utc_now()
        fresh = unstored_rows(store, staged, loaded_at, self.events.held_ids, self.recent_ids)
        rejects = rejects_table(records, loaded_at)
        batch = StagedBatch(len(records), staged, fresh, repeats, rejects, reached, loaded_at)
        alerts = self._alerts(store, batch)
        try:
            stored = self.events.put(batch, store)
        except BaseException:  # written here and failed: the triggers saw rows not stored
            if self.alerting is not None:
                self.alerting.failed()
            raise
        self.position = reached
        return LoadResult(len(records), reached, tuple(alerts), stored)

    def _read(self, end: LogPosition) -> Iterator[tuple[LogPosition, RequestRecord]]:
        """The records after the position up to ``end`` read back from the log, each with the
        position after it (when the writer does not hold them in memory)."""
        for position, payload in self.log.read(self.position, end):
            yield position, RequestRecord.decode(payload)

    def load_all(self, store: Store) -> list[LoadResult]:
        """Load until everything committed so far is in the store."""
        results = []
        while (result := self.load_batch(store)) is not None:
            results.append(result)
        self.events.drain_or_fail()
        return results

    def _alerts(self, store: Store, batch: StagedBatch) -> list[Alert]:
        """Step 1: the batch's new rows through the triggers; their alerts committed."""
        alerting = self.alerting
        if alerting is None or not batch.fresh.num_rows:
            return []
        if alerting.stale:  # rebuilt from the store: everything handed over must be in it
            self.events.drain_or_fail()
        try:
            alerts = alerting.observe(store, batch.fresh)
            if alerts:  # most batches fire nothing: no transaction for them
                held = self.events.held_rows()
                with transaction(store):
                    alerting.record(store, alerts, batch.fresh, batch.loaded_at, held)
        except BaseException:
            alerting.failed()
            raise
        alerting.committed(alerts)
        return alerts
