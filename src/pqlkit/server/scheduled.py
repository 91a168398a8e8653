"""Scheduled scoring: the server scores every entity on an interval and writes the ledger.

It runs on a thread of its own with a connection of its own — a second cursor on the embedded
DuckDB database, a second connection to Postgres — so a scoring run that takes minutes never
holds up the loader, and with it the real-time alerts. The model's scoring is compiled once as
the server starts (:mod:`pqlkit.scoring.prepared`), so a round is the engine's work, not Python
holding the GIL that the loader and the request handlers need. Each run scores as of its start,
on the events stored by then — with the alerts committed by then, which the real-time evaluator
keeps (``alerts``), so a round does not evaluate the triggers over the whole history again — and
appends to the scores ledger only the entities whose score or tier changed (what ``/v1/leads``
and ``/v1/entities`` read). A failed run is reported and retried at the next interval; the
server keeps serving.

On Linux the thread runs at a lower CPU priority (nice ``SCORING_NICE``) than the request
handlers and the loader: a round is background work, and on a busy machine its CPU is taken
from the alerts' path otherwise (at 20,000 events/s on two cores, the alerts' p99 was about a
third lower with it; bench/RESULTS.md). Unlike an idle-only policy, a niced thread still gets
its share, so a round holding the GIL is never starved. The engine's part of a prepared round
— most of its time, with the GIL released — runs lower still, on a thread that gets only the
CPU nobody else wants (:mod:`pqlkit.server.idle_engine`); on a machine that stays busy, a
round that waits longer than its interval (a minute at least) for that CPU is cancelled and
scored at nice 10, as are the rounds of the next hour. The entities whose score or tier
changed are worded and written on the store's own thread (``on_store``), a slice at a time
between the loader's batches, so a round's Python never contends with the loader for the GIL
nor its commits for the store (a first round words every entity).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pqlkit.console import Console

if TYPE_CHECKING:
    from pqlkit.model.loader import LoadedModel
    from pqlkit.scoring.prepared import PreparedScoring
    from pqlkit.server.idle_engine import IdleEngine
    from pqlkit.store.store import Store
    from pqlkit.triggers.alerts import Alert


SCORING_NICE = 10  # the scoring thread's nice value (0 is the server's other threads')
ENGINE_PATIENCE_SECONDS = 60.0  # at least: a round's wait for idle CPU before it scores at nice 10
LEDGER_SLICE_SECONDS = 0.01  # the longest a round's ledger writes hold the store's thread (about)
OnStore = Callable[[Callable[["Store"], bool]], bool]  # work → run on the store's thread


@dataclass(frozen=True)
class ScoringRound:
    as_of: datetime
    scored: int
    changed: int
    seconds: float


class ScheduledScoring:
    """Scores ``model`` on ``store`` every ``every`` seconds, first after one interval."""

    def __init__(
        self,
        store: Store,
        model: LoadedModel,
        every: float,
        console: Console,
        alerts: Callable[[], list[Alert]] | None = None,
        on_store: OnStore | None = None,
    ) -> None:
        self.store = store
        self.alerts = alerts  # the alerts that can be active (None: evaluate the triggers)
        self.on_store = on_store  # runs work on the store's own thread (the ledger's writes)
        self.model = model
        self.every = every
        self.console = console
        self.rounds: list[ScoringRound] = []
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._handle = store
        self._prepared: PreparedScoring | None = None
        self._engine: IdleEngine | None = None

    def start(self) -> None:
        """Open the thread's connection and compile the model's scoring (here, on the caller's
        thread: the server starts with it done), then start the rounds."""
        self._handle = second_handle(self.store)
        self._prepared = self._prepare(self._handle)
        if self._prepared is not None:
            from pqlkit.server.idle_engine import IdleEngine

            handle = self._handle
            self._engine = IdleEngine(
                patience=max(ENGINE_PATIENCE_SECONDS, self.every),
                cancel=handle.duckdb().interrupt if handle.is_duckdb else None,
            )
        self._thread = threading.Thread(target=self._run, name="pqlkit-scoring", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop after the round in progress, if any."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        handle, prepared, engine = self._handle, self._prepared, self._engine
        yield_the_cpu()
        try:
            while not self._stop.wait(self.every):
                try:
                    done = self._round(handle, prepared, engine)
                    self.rounds.append(done)
                    self.last_error = None
                    self.console.info(
                        f"scheduled scoring: {done.scored:,} entities as of "
                        f"{done.as_of:%Y-%m-%d %H:%M:%S}, {done.changed:,} changed, "
                        f"{done.seconds:.1f} s"
                    )
                except Exception as exc:
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    self.console.warn(
                        f"scheduled scoring failed (next try in {self.every:g} s): {exc}"
                    )
        finally:
            if engine is not None:
                engine.close()
            if handle is not self.store:
                handle.close()

    def _round(
        self, handle: Store, prepared: PreparedScoring | None, engine: IdleEngine | None
    ) -> ScoringRound:
        """One round, its engine work on the idle thread; on this one if that starved."""
        from pqlkit.server.idle_engine import Starved

        try:
            return score_once(
                handle,
                self.model,
                self.alerts,
                prepared,
                engine.run if engine else None,
                self.on_store,
            )
        except Starved as starved:  # a busy machine: score at nice 10 for a while
            held = engine.hold / 60 if engine is not None else 0
            self.console.warn(
                f"scheduled scoring: {starved}; rounds run at nice 10 for {held:g} minutes"
            )
            return score_once(handle, self.model, self.alerts, prepared, on_store=self.on_store)

    def _prepare(self, handle: Store) -> PreparedScoring | None:
        """The model's scoring compiled once, when the model's alerts are known without
        evaluating the triggers (else each round scores with ``score_events``)."""
        from pqlkit.scoring.prepared import prepare

        if self.alerts is None and self.model.model.triggers:
            return None
        try:
            return prepare(handle.events, self.model)
        except Exception as exc:  # every round still scores, compiling each time
            self.console.warn(f"scheduled scoring compiles at every round: {exc}")
            return None


def score_once(
    store: Store,
    model: LoadedModel,
    alerts: Callable[[], list[Alert]] | None = None,
    prepared: PreparedScoring | None = None,
    engine: Callable[[Callable[[], None]], None] | None = None,
    on_store: OnStore | None = None,
) -> ScoringRound:
    """Score every entity as of now and record the changes in the ledger; ``alerts`` gives the
    alerts that can be active now (else the triggers are evaluated on the store); ``prepared``:
    the model's scoring compiled once (:mod:`pqlkit.scoring.prepared`) on this store, its
    engine work run by ``engine`` (by default on this thread). ``on_store``: runs work on the
    thread that owns the store — the ledger's changes are worded and written there, a slice
    of ``LEDGER_SLICE_SECONDS`` at a time between the loader's batches (by default all here)."""
    from pqlkit.scoring import ledger
    from pqlkit.scoring.run import score_events

    started = time.monotonic()
    as_of = datetime.now(UTC).replace(tzinfo=None)
    known = alerts() if alerts is not None else None  # committed before the round began
    if prepared is not None:
        run = prepared.run(as_of, known or [], engine)
    else:
        run = score_events(store.events, model, as_of, alerts=known)
    writes = ledger.changes(store, run)
    if on_store is None:
        writes.write(store)
    else:
        while on_store(lambda owned: writes.write(owned, LEDGER_SLICE_SECONDS)):
            pass
    written = writes.done
    return ScoringRound(as_of, written.scored, written.changed, time.monotonic() - started)


def yield_the_cpu() -> None:
    """Lower this thread's CPU priority to ``SCORING_NICE`` (Linux, where a thread's nice value
    is its own; elsewhere nothing: the call would renice the whole process)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), SCORING_NICE)


def second_handle(store: Store) -> Store:
    """Another connection to the same store, for use on another thread."""
    from pqlkit.store.store import Store as StoreClass

    if store.is_duckdb:
        from pqlkit.store.connection import another_connection

        return StoreClass(store.location, another_connection(store.backend), store.read_only)
    return StoreClass.open(store.location.url)
