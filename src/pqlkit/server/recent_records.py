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
from collections.abc import Callable
from typing import Generic, TypeVar

from pqlkit.server.log import LogPosition

T = TypeVar("T")
DEFAULT_MAX_SIZE = 100_000  # rows: beyond this the loader is far behind and reads the log


class RecentRecords(Generic[T]):
    """A bounded, ordered run of (start, end, record) for records already in the log.

    ``size`` weighs a record (the server: its rows); at most ``max_size`` is held."""

    def __init__(
        self, max_size: int = DEFAULT_MAX_SIZE, size: Callable[[T], int] = lambda _: 1
    ) -> None:
        self.max_size = max_size
        self._size = size
        self._held: deque[tuple[LogPosition, LogPosition, T]] = deque()
        self._weight = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._held)

    def add(self, entries: list[tuple[LogPosition, LogPosition, T]]) -> None:
        """Records just made durable, in log order (the writer's thread). Past the bound they
        are not kept; the run they would have continued then ends, and the loader reads the log
        from there."""
        weight = sum(self._size(record) for _, _, record in entries)
        with self._lock:
            if self._weight + weight <= self.max_size:
                self._held.extend(entries)
                self._weight += weight

    def run_from(self, start: LogPosition, end: LogPosition) -> list[tuple[LogPosition, T]]:
        """The records from ``start`` up to ``end``, each with the position after it, when they
        are held without a gap; an empty list otherwise. Records before ``start`` are let go."""
        with self._lock:
            while self._held and self._held[0][1] <= start:
                self._weight -= self._size(self._held.popleft()[2])
            if not self._held or self._held[0][0] != start:
                self._held.clear()  # a gap: what follows is read from the log
                self._weight = 0
                return []
            run: list[tuple[LogPosition, T]] = []
            expected = start
            for before, after, record in self._held:
                if before != expected or after > end:
                    break
                run.append((after, record))
                expected = after
            return run
