"""A thread that runs engine work only on CPU nobody else wants.

A scheduled round is mostly the engine computing with the GIL released: on the embedded store
DuckDB runs the query on the calling thread, at whatever CPU priority that thread has. At nice
10 the round still took its share of a busy machine's two cores from the request handlers and
the loader: during a round the loader's batches took about twice their CPU time in wall time.
Under Linux's ``SCHED_IDLE`` policy a thread runs only when no other wants the CPU, so the
round's engine work fills idle time and gives way at once.

Such a thread must not hold the GIL for long: starved while holding it, it would stall every
Python thread of the server. So it is a thread of its own that only calls into the engine —
statements that create tables and return nothing to Python — while the round's Python stays
on the scoring thread at nice 10 (a thread cannot leave ``SCHED_IDLE`` again without the
privilege to raise its priority). Elsewhere than Linux the work runs on the caller's thread.

On a machine busy for good, idle CPU may never come. So the caller waits ``patience`` seconds
at most: then the work is cancelled (``cancel``: DuckDB's ``interrupt``), :class:`Starved` is
raised for the caller to do the work itself, and for the next ``hold`` seconds :meth:`run`
does so at once.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as WaitedTooLong

Work = Callable[[], None]
HOLD_SECONDS = 3600.0  # after a starved run, how long work runs on the caller's thread


class Starved(RuntimeError):
    """The work waited too long for idle CPU and was cancelled: do it on another thread."""


class IdleEngine:
    """Runs engine work on a ``SCHED_IDLE`` thread (Linux); :meth:`run` waits for it."""

    def __init__(
        self,
        name: str = "pqlkit-engine",
        *,
        patience: float = 60.0,
        cancel: Callable[[], None] | None = None,
        hold: float = HOLD_SECONDS,
    ) -> None:
        self.patience = patience
        self.hold = hold
        self._cancel = cancel  # stops the work in progress (it then raises), or None: wait
        self._direct_until = 0.0  # until then (monotonic), work runs on the caller's thread
        self._jobs: queue.SimpleQueue[tuple[Work, Future[None]] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.idle = False  # the thread runs under SCHED_IDLE (set once it has started)
        if sys.platform == "linux":
            started = threading.Event()
            self._thread = threading.Thread(
                target=self._serve, args=(started,), name=name, daemon=True
            )
            self._thread.start()
            started.wait()

    def run(self, work: Work) -> None:
        """Do ``work`` (engine calls only: it holds the GIL as little as possible) on the idle
        thread, and return when it is done; its exception is raised here, and
        :class:`Starved` when it was cancelled after ``patience`` seconds."""
        if self._thread is None or time.monotonic() < self._direct_until:
            work()
            return
        done: Future[None] = Future()
        self._jobs.put((work, done))
        try:
            done.result(timeout=self.patience)
        except WaitedTooLong:
            if self._cancel is None:
                done.result()
                return
            self._cancel()
            with contextlib.suppress(Exception):
                done.result()  # the work ends, interrupted (or done after all)
            self._direct_until = time.monotonic() + self.hold
            raise Starved(
                f"engine work waited {self.patience:g} s for idle CPU and was cancelled"
            ) from None

    def close(self) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None

    def _serve(self, started: threading.Event) -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            self.idle = True
        started.set()
        while (job := self._jobs.get()) is not None:
            work, done = job
            try:
                work()
            except BaseException as exc:
                done.set_exception(exc)
            else:
                done.set_result(None)
