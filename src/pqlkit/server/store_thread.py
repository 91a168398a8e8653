"""The one thread that uses the store while the server runs.

DuckDB connections must not be used by two threads at once, and the embedded store has one
connection. Everything the server does with the store — loading the log, reloading keys, admin
jobs — runs here, one thing at a time: periodic work between jobs, jobs as they come.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pqlkit.console import Console, SilentConsole

if TYPE_CHECKING:
    from pqlkit.store.store import Store

T = TypeVar("T")
MAX_BACKOFF_SECONDS = 30.0
# A wake (new records in the log) ticks this soon rather than at once: records arriving within
# it are loaded in one transaction instead of one each (at 500 requests/s, ~5 rather than 500
# transactions a second), for at most this much more latency to the alerts.
WAKE_LINGER_SECONDS = 0.01


@dataclass(frozen=True)
class _Job:
    work: Callable[[Store], Any]
    future: Future[Any]


@dataclass(frozen=True)
class _Stop:
    final: Callable[[Store], Any] | None


class StoreThread:
    """Runs jobs on the store, and ``tick`` whenever the delay it returned has passed."""

    def __init__(
        self,
        store: Store,
        tick: Callable[[Store], float],
        *,
        console: Console | None = None,
    ) -> None:
        self.store = store
        self._tick = tick
        self._console = console or SilentConsole()
        self._queue: queue.SimpleQueue[_Job | _Stop | None] = queue.SimpleQueue()
        self._wake_queued = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.last_error: str | None = None  # the last periodic failure, until a tick succeeds

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pqlkit-store", daemon=True)
        self._thread.start()

    def submit(self, work: Callable[[Store], T]) -> Future[T]:
        future: Future[T] = Future()
        if self._stopped:
            future.set_exception(RuntimeError("the server is stopping"))
        else:
            self._queue.put(_Job(work, future))
        return future

    def wake(self) -> None:
        """Tick now rather than when the last tick's delay ends (new records are in the log).
        Wakes that come while one is queued are one wake."""
        if not self._wake_queued.is_set():
            self._wake_queued.set()
            self._queue.put(None)

    async def run(self, work: Callable[[Store], T]) -> T:
        """Run ``work`` on the store thread and wait for it without blocking the event loop."""
        return await asyncio.wrap_future(self.submit(work))

    def stop(self, final: Callable[[Store], Any] | None = None) -> None:
        """Finish the queued jobs, run ``final`` on the store, stop. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        if self._thread is None:
            if final is not None:
                final(self.store)
            return
        self._queue.put(_Stop(final))
        self._thread.join()

    def _run(self) -> None:
        due = time.monotonic()
        failures = 0
        while True:
            try:
                item = self._queue.get(timeout=max(0.0, due - time.monotonic()))
            except queue.Empty:
                item = None
            if item is None and self._wake_queued.is_set():  # woken
                self._wake_queued.clear()
                if failures == 0:  # after a failure, its backoff holds
                    due = min(due, time.monotonic() + WAKE_LINGER_SECONDS)
            if isinstance(item, _Stop):
                if item.final is not None:
                    self._guarded(item.final)
                return
            if item is not None:
                self._run_job(item)
            if time.monotonic() >= due:
                try:
                    delay = self._tick(self.store)
                    failures = 0
                    self.last_error = None
                except Exception as exc:
                    failures += 1
                    delay = min(MAX_BACKOFF_SECONDS, 0.5 * 2**failures)
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    self._console.warn(f"loading the log failed (retrying in {delay:.0f} s): {exc}")
                due = time.monotonic() + delay

    def _run_job(self, job: _Job) -> None:
        if not job.future.set_running_or_notify_cancel():
            return
        try:
            job.future.set_result(job.work(self.store))
        except BaseException as exc:
            job.future.set_exception(exc)

    def _guarded(self, work: Callable[[Store], Any]) -> None:
        try:
            work(self.store)
        except Exception as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            self._console.warn(f"the final load failed; the log keeps the events: {exc}")
