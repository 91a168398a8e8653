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
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future

Work = Callable[[], None]


class IdleEngine:
    """Runs engine work on a ``SCHED_IDLE`` thread (Linux); :meth:`run` waits for it."""

    def __init__(self, name: str = "pqlkit-engine") -> None:
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
        thread, and return when it is done; its exception is raised here."""
        if self._thread is None:
            work()
            return
        done: Future[None] = Future()
        self._jobs.put((work, done))
        done.result()

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
