"""Records the writer has just made durable, kept in memory for the loader.

The loader would otherwise read each record back from the log file and decode it again, work
that grows with the load and that the real-time alerts wait behind. The writer hands each
durable record over here with the log positions before and after it; the loader takes a run
of them that starts exactly at its checkpoint, or, when there is none (after a restart, or
after the bound below was reached while the loader fell behind), reads the log as before. The
log stays the truth: what is held here is only ever a copy of what it holds.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Generic, TypeVar

from pqlkit.server.log import LogPosition

T = TypeVar("T")
DEFAULT_MAX_RECORDS = 20_000  # beyond this the loader is far behind: it reads the log instead


class RecentRecords(Generic[T]):
    """A bounded, ordered run of (start, end, record) for records already in the log."""

    def __init__(self, max_records: int = DEFAULT_MAX_RECORDS) -> None:
        self.max_records = max_records
        self._held: deque[tuple[LogPosition, LogPosition, T]] = deque()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._held)

    def add(self, entries: list[tuple[LogPosition, LogPosition, T]]) -> None:
        """Records just made durable, in log order (the writer's thread). Past the bound they
        are not kept; the run they would have continued then ends, and the loader reads the log
        from there."""
        with self._lock:
            if len(self._held) + len(entries) <= self.max_records:
                self._held.extend(entries)

    def run_from(self, start: LogPosition, end: LogPosition) -> list[tuple[LogPosition, T]]:
        """The records from ``start`` up to ``end``, each with the position after it, when they
        are held without a gap; an empty list otherwise. Records before ``start`` are let go."""
        with self._lock:
            while self._held and self._held[0][1] <= start:
                self._held.popleft()
            if not self._held or self._held[0][0] != start:
                self._held.clear()  # a gap: what follows is read from the log
                return []
            run: list[tuple[LogPosition, T]] = []
            expected = start
            for before, after, record in self._held:
                if before != expected or after > end:
                    break
                run.append((after, record))
                expected = after
            return run
