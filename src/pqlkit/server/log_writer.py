"""Appending to the durable log with group commit.

Requests hand their record to :meth:`LogWriter.submit` (or await :meth:`LogWriter.append`); one
writer thread takes every record queued so far, writes them in one go and makes them durable
with one ``fdatasync``. Records that arrive while that sync runs wait in the queue and share the
next one, so the number of syncs per second stays bounded however many requests come in. A
record's future resolves only after the sync that covers it: acknowledged means durable.

Each run of the server writes a new segment (numbered after every segment and checkpoint before
it) and rotates to the next one once a segment passes ``segment_bytes``.
"""

from __future__ import annotations

import asyncio
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from pqlkit.errors import LogError
from pqlkit.server.log import DurableLog, LogPosition, frame, fsync_directory
from pqlkit.server.recent_records import RecentRecords

DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class _Pending:
    payload: bytes
    future: Future[LogPosition]
    item: Any  # what the record says, decoded (handed to ``recent``), or None


_STOP = object()


class LogWriter:
    """The one writer of a :class:`DurableLog` while the server runs."""

    def __init__(
        self,
        log: DurableLog,
        first_segment: int,
        *,
        segment_bytes: int = DEFAULT_SEGMENT_BYTES,
        sync: Callable[[int], None] = os.fdatasync,
    ) -> None:
        self.log = log
        self.segment_bytes = segment_bytes
        self._sync = sync
        self._queue: queue.SimpleQueue[_Pending | object] = queue.SimpleQueue()
        self._state = threading.Lock()
        self._closed = False
        self._failure: OSError | None = None
        self._thread: threading.Thread | None = None
        self.on_commit: Callable[[], None] | None = None  # called after each durable write
        # each durable record's item, for the loader (see :mod:`pqlkit.server.recent_records`)
        self.recent: RecentRecords[Any] | None = None
        self.syncs = 0  # how many fdatasyncs covered all the records so far
        self.records = 0
        number = max([first_segment, *(n + 1 for n in log.segments())])
        self._descriptor = self._create(number)
        self._segment = number
        self._offset = 0
        self._committed = LogPosition(number, 0)

    @property
    def committed(self) -> LogPosition:
        """Everything before this position is on disk (fsync'd)."""
        return self._committed

    @property
    def failure(self) -> str | None:
        """Why the log can no longer be written, if it cannot."""
        return str(self._failure) if self._failure is not None else None

    # -- appending ------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pqlkit-log-writer", daemon=True)
        self._thread.start()

    def submit(self, payload: bytes, item: Any = None) -> Future[LogPosition]:
        """Queue a record; the future gives the position after it once it is durable.
        ``item``: the record decoded, handed to :attr:`recent` once durable."""
        future: Future[LogPosition] = Future()
        framed = frame(payload)
        with self._state:
            if self._closed:
                raise LogError("the ingest log is closed")
            if self._failure is not None:
                raise LogError(f"the ingest log cannot be written: {self._failure}")
            self._queue.put(_Pending(framed, future, item))
        return future

    async def append(self, payload: bytes, item: Any = None) -> LogPosition:
        """Append a record and wait, without blocking the event loop, until it is durable."""
        return await asyncio.wrap_future(self.submit(payload, item))

    def append_blocking(
        self, payload: bytes, item: Any = None, timeout: float | None = None
    ) -> LogPosition:
        return self.submit(payload, item).result(timeout)

    # -- the writer thread ----------------------------------------------------------------------

    def _run(self) -> None:
        stopping = False
        while not stopping:
            item = self._queue.get()
            batch: list[_Pending] = []
            while True:
                if item is _STOP:
                    stopping = True
                    break
                assert isinstance(item, _Pending)
                batch.append(item)
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if batch:
                self._commit(batch)

    def _commit(self, batch: list[_Pending]) -> None:
        # A request cancelled while it waited still has its record written (harmless: a retry
        # is deduplicated); only the futures still wanted are answered.
        wanted = [pending.future.set_running_or_notify_cancel() for pending in batch]
        try:
            if self._failure is not None:
                raise self._failure
            before = self._committed
            positions = self._write([pending.payload for pending in batch])
        except (OSError, LogError) as exc:
            error = (
                exc
                if isinstance(exc, LogError)
                else LogError(f"the ingest log cannot be written: {exc}")
            )
            for pending, want in zip(batch, wanted, strict=True):
                if want:
                    pending.future.set_exception(error)
            return
        if self.recent is not None:
            starts = [before, *positions[:-1]]
            self.recent.add(
                [
                    (start, end, pending.item)
                    for start, end, pending in zip(starts, positions, batch, strict=True)
                    if pending.item is not None
                ]
            )
        if self.on_commit is not None:
            self.on_commit()  # the loader need not wait for its next turn
        for pending, want, position in zip(batch, wanted, positions, strict=True):
            if want:
                pending.future.set_result(position)

    def _write(self, framed: list[bytes]) -> list[LogPosition]:
        if self._offset >= self.segment_bytes:
            self._rotate()
        data = b"".join(framed)
        positions = []
        offset = self._offset
        for record in framed:
            offset += len(record)
            positions.append(LogPosition(self._segment, offset))
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._descriptor, view)
                view = view[written:]
            self._sync(self._descriptor)
        except OSError:
            self._roll_back()
            raise
        self._offset = offset
        self.syncs += 1
        self.records += len(framed)
        self._committed = positions[-1]
        return positions

    def _roll_back(self) -> None:
        """Cut a failed write off, so the next record follows the last durable one (the next
        successful sync makes the cut durable with it)."""
        try:
            os.ftruncate(self._descriptor, self._offset)
            os.lseek(self._descriptor, self._offset, os.SEEK_SET)
        except OSError as exc:
            self._failure = exc  # the segment's end is unknown: no more writes

    def _create(self, number: int) -> int:
        path = self.log.segment_path(number)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            fsync_directory(self.log.directory)
        except OSError as exc:
            raise LogError(f"cannot create the log segment {path}: {exc}") from None
        return descriptor

    def _rotate(self) -> None:
        descriptor = self._create(self._segment + 1)
        os.close(self._descriptor)
        self._descriptor = descriptor
        self._segment += 1
        self._offset = 0
        self._committed = LogPosition(self._segment, 0)

    # -- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        """Write what is queued, stop the thread and close the segment. Idempotent."""
        with self._state:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        if self._thread is not None:
            self._thread.join()
        os.close(self._descriptor)
