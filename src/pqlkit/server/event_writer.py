"""The loader's second step: a batch's events into the store's event log, after its alerts.

The loader evaluates a batch's triggers and commits its alerts first, then hands the batch
here. :meth:`EventWriter.write` stores it in one transaction: the rows whose messageId is not
stored yet, the rejected calls and the log position after the batch's last record. The writer
thread gathers the batches handed to it for up to ``GATHER_SECONDS`` and stores them together
(:func:`merged`), so the event log takes one insert and commit per tenth of a second under
load rather than one per batch.

In the server the writer runs on a thread of its own with a connection of its own (``start``):
on the embedded store a commit that crosses DuckDB's WAL threshold checkpoints the event log
file (100-200 ms under load, every write to that file waiting), and on this thread it holds up
only the next batches' events — the loader goes on with their alerts. Without ``start`` (tests,
a single command) each batch is written when it is handed over, on the caller's connection.

The batches handed over and not yet committed stay visible to the loader (:meth:`held_ids`,
:meth:`held_rows`): the next batches' alerts count their events as stored, exactly as the store
will once they are.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.errors import StoreError
from pqlkit.server.batch_writes import write_batch
from pqlkit.server.log import DurableLog, LogPosition
from pqlkit.store.transaction import transaction

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.store.store import Store

# Rows handed over and not stored yet, before the loader waits: about three seconds of the
# serving benchmark's load (its rows take 180 bytes of Arrow each: ~18 MB). Room for a
# checkpoint of the event log — 0.7-0.8 s at 35,000 events/s — without holding up the next
# batches' alerts: a bound of 32 batches (~11,000 rows there) made the loader wait the
# checkpoint out, and every alert behind it (bench/RESULTS.md, serving, session 26).
MAX_HELD_ROWS = 100_000
# The writer thread gathers batches for up to this long (or until GATHER_BATCHES wait) and
# stores them in one transaction: an insert and commit cost ~5 ms of CPU here whatever their
# size, so at 12,000 events/s writing every 100 ms instead of every batch cut the writer's CPU
# from ~0.44 to ~0.1 of a core (bench/RESULTS.md). Alerts do not wait for it (committed first).
GATHER_SECONDS = 0.1
GATHER_BATCHES = 16
MAX_BACKOFF_SECONDS = 30.0


@dataclass(frozen=True)
class StagedBatch:
    """A batch whose alerts are committed, on its way to the event log."""

    records: int
    rows: pa.Table  # the rows, each messageId once, with their ``source``
    fresh: pa.Table  # those not stored yet nor on their way, as ``events`` rows in arrival order
    repeats: int  # rows left out for repeating a messageId earlier in the batch
    rejects: pa.Table | None
    reached: LogPosition  # the log position after the batch's last record
    loaded_at: datetime


@dataclass(frozen=True)
class Stored:
    """A batch in the store."""

    inserted: int
    duplicates: int  # rows whose messageId was stored already (or repeated in the batch)
    rejected: int
    checkpoint: LogPosition


class EventWriter:
    """Writes the batches handed to it, in order, each once."""

    def __init__(
        self, log: DurableLog, checkpoint: LogPosition, gather_seconds: float = GATHER_SECONDS
    ) -> None:
        self.log = log
        self.gather_seconds = gather_seconds
        self.checkpoint = checkpoint  # how far the log is stored
        self.loaded_rows = 0
        self.writes = 0  # transactions committed
        self.last_error: str | None = None  # the last failure, until a batch is stored again
        self._held: deque[StagedBatch] = deque()  # handed over, not committed (the head is
        self._changed = threading.Condition()  # being written)
        self._held_rows = 0  # their rows
        self._leftovers: list[str] = []  # stage tables failed batches left behind
        self._thread: threading.Thread | None = None
        self._store: Store | None = None
        self._stopping = False
        self._begun = 0  # writes begun so far
        self._failed = 0  # the number of the last write that failed (as counted by _begun)
        self._hurry = False  # a drain waits: no gathering, no backoff (until a write fails)

    def start(self, store: Store) -> None:
        """Write on a thread of its own, on ``store`` (a connection only it uses)."""
        self._store = store
        self._thread = threading.Thread(target=self._run, name="pqlkit-events", daemon=True)
        self._thread.start()

    def put(self, batch: StagedBatch, store: Store) -> Stored | None:
        """Hand a batch over: written now on ``store`` when the writer has no thread (what was
        stored), else queued (``None``) — after waiting while ``MAX_HELD_ROWS`` rows are."""
        if self._thread is None:
            return self.write(store, batch)
        with self._changed:
            while self._held_rows >= MAX_HELD_ROWS and not self._stopping:
                if self.last_error is not None:  # not a wait that may never end
                    raise self._failing()
                self._changed.wait()
            self._held.append(batch)
            self._held_rows += batch.rows.num_rows
            self._changed.notify_all()
        return None

    def write(self, store: Store, batch: StagedBatch) -> Stored:
        """Store one batch: its new rows, its rejects and its log position, in one transaction."""
        with transaction(store):
            inserted = write_batch(
                store,
                batch.rows,
                batch.fresh,
                batch.rejects,
                self.log.log_id,
                batch.reached,
                batch.loaded_at,
                self._leftovers,
            )
        self.checkpoint = batch.reached
        self.loaded_rows += inserted
        self.writes += 1
        self.log.drop_before(batch.reached.segment)
        rejected = 0 if batch.rejects is None else batch.rejects.num_rows
        duplicates = batch.rows.num_rows - inserted + batch.repeats
        return Stored(inserted, duplicates, rejected, batch.reached)

    def held_ids(self, low: datetime, high: datetime) -> set[str]:
        """The messageIds of the held batches' new rows timed within ``[low, high]``."""
        import pyarrow.compute as pc

        with self._changed:
            held = [batch.fresh for batch in self._held]
        found: set[str] = set()
        for rows in held:
            times = rows["timestamp"]
            within = pc.and_(pc.greater_equal(times, low), pc.less_equal(times, high))
            found.update(rows.filter(within.fill_null(False))["message_id"].to_pylist())
        return found

    def held_rows(self) -> list[pa.Table]:
        """The new rows of the batches handed over and not stored yet, as ``events`` rows, in
        order."""
        with self._changed:
            return [batch.fresh for batch in self._held]

    def held(self) -> int:
        with self._changed:
            return len(self._held)

    def drain(self, *, until_failure: bool = False) -> None:
        """Wait until every batch handed over is stored (or the writer stops; or, with
        ``until_failure``, a write begun now fails: its batch stays in the log — not one that
        was under way already, which may have begun before the store could take it)."""
        with self._changed:
            begun = self._begun
            self._hurry = True  # a write gathering or waiting out its backoff goes now
            self._changed.notify_all()
            while self._held and self._thread is not None and not self._stopping:
                if until_failure and self._failed > begun:
                    return
                if until_failure and not self._hurry:  # a write under way failed: go again
                    self._hurry = True
                    self._changed.notify_all()
                self._changed.wait()

    def drain_or_fail(self) -> None:
        """Wait until every batch handed over is stored; raise if a write tried now fails."""
        self.drain(until_failure=True)
        if self.held():
            raise self._failing()

    def _failing(self) -> StoreError:
        return StoreError(f"storing events fails (they wait in the log): {self.last_error}")

    def stop(self) -> None:
        """Store what is held unless a write fails, then stop. Idempotent."""
        if self._thread is None:
            return
        self.drain(until_failure=True)
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        store = self._store
        assert store is not None
        failures = 0
        while True:
            with self._changed:
                while not self._held and not self._stopping:
                    self._changed.wait()
                if not self._held:
                    return
                if not store.is_duckdb:  # other stores' appends take a batch at a time
                    waiting = [self._held[0]]
                else:
                    self._changed.wait_for(
                        lambda: self._hurry or self._stopping or len(self._held) >= GATHER_BATCHES,
                        self.gather_seconds,
                    )
                    waiting = list(self._held)
                self._begun += 1
                attempt = self._begun
            try:
                self.write(store, merged(waiting))
            except Exception as exc:
                failures += 1
                with self._changed:  # retried after a backoff; a drain cuts it short
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    self._failed = attempt
                    self._hurry = False
                    self._changed.notify_all()
                    if self._stopping:
                        return
                    self._changed.wait_for(
                        lambda: self._hurry or self._stopping,
                        min(MAX_BACKOFF_SECONDS, 0.5 * 2**failures),
                    )
                continue
            failures = 0
            self.last_error = None
            with self._changed:
                for _ in waiting:
                    self._held_rows -= self._held.popleft().rows.num_rows
                if not self._held:
                    self._hurry = False
                self._changed.notify_all()


def merged(batches: list[StagedBatch]) -> StagedBatch:
    """Consecutive batches as one write (one insert, one commit): those the writer gathered.
    Only where the rows are ``fresh`` already (the embedded store): other stores' appends
    check the messageIds again, a batch at a time."""
    import pyarrow as pa

    if len(batches) == 1:
        return batches[0]

    def joined(tables: list[pa.Table]) -> pa.Table:  # a column all null in one is typed in another
        return pa.concat_tables(tables, promote_options="permissive")

    rejects = [batch.rejects for batch in batches if batch.rejects is not None]
    return StagedBatch(
        records=sum(batch.records for batch in batches),
        rows=joined([batch.rows for batch in batches]),
        fresh=joined([batch.fresh for batch in batches]),
        repeats=sum(batch.repeats for batch in batches),
        rejects=joined(rejects) if rejects else None,
        reached=batches[-1].reached,
        loaded_at=batches[-1].loaded_at,
    )
