"""A running server's parts: the store and its thread, the log and its writer, the loader, the
keys and the messageId window — opened together, started together, closed in order.

Replay: the server accepts requests as soon as it starts; the loader works through whatever an
earlier run left in the log (after the store's checkpoint) while new records queue behind it.
Acknowledgement never waits for the store, so replay does not delay ingest.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, Any

from pqlkit.console import Console, SilentConsole
from pqlkit.errors import ConfigError
from pqlkit.server import recent_ids
from pqlkit.server.alerting import Alerting, ReceiveClock, resume_point
from pqlkit.server.config import ServerConfig
from pqlkit.server.dedupe import MessageWindow
from pqlkit.server.keys import KeyRing
from pqlkit.server.loader import Loader, read_checkpoint
from pqlkit.server.log import DurableLog
from pqlkit.server.log_writer import LogWriter
from pqlkit.server.rate_limit import RateLimiter
from pqlkit.server.recent_records import RecentRecords
from pqlkit.server.scheduled import ScheduledScoring, second_handle
from pqlkit.server.store_thread import StoreThread
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pqlkit.destinations.base import Destination
    from pqlkit.destinations.delivery import DeliveryLoop
    from pqlkit.model.loader import LoadedModel
    from pqlkit.routing.alerts import AlertRouter
    from pqlkit.store.store import Store

LOAD_SLICE_SECONDS = 1.0  # the longest the loader holds the store thread before jobs get a turn


class Runtime:
    """Everything a running server owns. Create with :meth:`open`."""

    def __init__(
        self,
        config: ServerConfig,
        store: Store,
        log: DurableLog,
        writer: LogWriter,
        loader: Loader,
        keys: KeyRing,
        model: LoadedModel | None,
        console: Console,
        clock: ReceiveClock | None = None,
        *,
        destinations: Sequence[Destination] = (),
    ) -> None:
        self.config = config
        self.store = store
        self.log = log
        self.writer = writer
        self.loader = loader
        self.keys = keys
        self.model = model
        self.console = console
        self.clock = clock or ReceiveClock()
        self.rate_limiter = RateLimiter(config.rate_limit, config.rate_burst)
        self.window = MessageWindow(config.dedupe_max_ids, config.dedupe_max_age_seconds)
        self.store_thread = StoreThread(store, self._tick, console=console)
        self._keys_due = time.monotonic() + config.key_refresh_interval
        self._closed = False
        self._events_handle: Store | None = None
        self.scoring: ScheduledScoring | None = None
        if model is not None and config.score_every:
            alerting = loader.alerting  # its alerts, when the model has triggers
            self.scoring = ScheduledScoring(
                store,
                model,
                config.score_every,
                console,
                alerting.recent if alerting is not None else None,
                lambda work: self.store_thread.submit(work).result(),
            )
        self.destinations = list(destinations)
        self.delivery: DeliveryLoop | None = None
        from pqlkit.server.crm_sync import CrmSync

        self.crm_sync = CrmSync(
            self.store_thread, self.destinations, config.crm_sync_every, console
        )

    @classmethod
    def open(cls, config: ServerConfig, console: Console | None = None) -> Runtime:
        """Validate the model, open the store (taking ownership of an embedded file) and the log."""
        from pqlkit.store.store import Store

        console = console or SilentConsole()
        if config.score_every and config.model is None:
            raise ConfigError("--score-every needs --model: scheduled scoring scores a model")
        destinations: list[Destination] = []
        if config.destinations is not None:  # checked before the store is taken
            from pqlkit.destinations.config import load_destinations

            destinations = load_destinations(config.destinations).build()
        model = None
        router = None
        if config.model is not None:
            from pqlkit.model.loader import load

            model = load(config.model)
            router = alert_router(config, model)  # routing.yaml beside it, checked now
        log_directory = config.log_directory()
        store = Store.open(config.db)
        threads = config.duckdb_threads()
        if store.is_duckdb and threads is not None:  # global to the database: every cursor
            store.duckdb().execute(f"SET threads = {int(threads)}")
        try:
            log = DurableLog.open(log_directory)
            try:
                if log.repair.dropped_bytes:
                    console.warn(
                        f"the log {log_directory} ended in a torn record "
                        f"({log.repair.dropped_bytes} bytes, a write cut short by a crash): cut "
                        "off. Its request was never acknowledged."
                    )
                checkpoint = read_checkpoint(store, log.log_id)
                writer = LogWriter(log, checkpoint.segment + 1, segment_bytes=config.segment_bytes)
                resume = resume_point(store)
                alerting = None
                if model is not None and model.model.triggers:
                    console.info(f"rebuilding the state of {len(model.model.triggers)} triggers")
                    alerting = Alerting.rebuild(store, model.model, resume, destinations, router)
                writer.recent = RecentRecords(size=lambda record: len(record.rows))
                loader = Loader(
                    log,
                    lambda: writer.committed,
                    max_rows=config.load_max_rows,
                    alerting=alerting,
                    recent=writer.recent,
                    # the embedded store has no other writer while the server runs
                    recent_ids=recent_ids.from_store(store, utc_now()) if store.is_duckdb else None,
                )
                loader.resume_at(checkpoint)
                keys = KeyRing.from_store(store)
            except BaseException:
                log.close()
                raise
        except BaseException:
            store.close()
            raise
        clock = ReceiveClock(after=resume)
        return cls(
            config,
            store,
            log,
            writer,
            loader,
            keys,
            model,
            console,
            clock,
            destinations=destinations,
        )

    def start(self) -> None:
        self.writer.on_commit = self.store_thread.wake
        self.writer.start()
        self._events_handle = second_handle(self.store)  # the event writer's own connection
        self.loader.events.start(self._events_handle)
        self.store_thread.start()
        if self.scoring is not None:
            self.scoring.start()
        if self.destinations:
            from pqlkit.destinations.delivery import DeliveryLoop

            self.delivery = DeliveryLoop.on_store_thread(
                self.store_thread,
                self.destinations,
                interval=self.config.delivery_interval,
                console=self.console,
            )
            self.delivery.start()
            self.crm_sync.start()
        # Whatever is alive now (the libraries, the model, its compiled scoring, the rebuilt
        # trigger state) lives as long as the server: out of the collector's way. A full
        # collection traversed it all while holding the GIL — 85-110 ms every few seconds
        # under load, a stall for every thread and the alerts' worst latency (15-27 ms after).
        gc.freeze()

    def _tick(self, store: Store) -> float:
        started = time.monotonic()
        while self.loader.pending() and time.monotonic() - started < LOAD_SLICE_SECONDS:
            loaded = self.loader.load_batch(store)
            if loaded is not None and loaded.alerts and self.delivery is not None:
                self.delivery.wake()  # committed: their hand-offs go out now
        if time.monotonic() >= self._keys_due:
            self.keys.reload(store)
            self._keys_due = time.monotonic() + self.config.key_refresh_interval
        return 0.0 if self.loader.pending() else self.config.load_interval

    def health(self) -> dict[str, Any]:
        """What /healthz says (without details: it needs no key; the console has them)."""
        problems = []
        if self.writer.failure is not None:
            problems.append("the log cannot be written: requests are refused (503)")
        if self.store_thread.last_error is not None or self.loader.events.last_error is not None:
            problems.append("loading the log into the store fails: events wait in the log")
        if self.scoring is not None and self.scoring.last_error is not None:
            problems.append("scheduled scoring fails: the ledger is not current")
        if self.delivery is not None and self.delivery.last_error is not None:
            problems.append("delivering the outbox fails: deliveries wait in the outbox")
        if self.crm_sync.last_error is not None:
            problems.append("reading back from the CRM fails: first touches and owners wait")
        health: dict[str, Any] = {
            "status": "degraded" if problems else "ok",
            "problems": problems,
            "log": {
                "committed": str(self.writer.committed),
                "alerted": str(self.loader.position),
                "loaded": str(self.loader.checkpoint),
            },
        }
        alerting = self.loader.alerting
        if alerting is not None:  # late: arrived after the watermark, stored, never fire
            health["triggers"] = {
                "alerts": alerting.fired,
                "late_events": alerting.live.late,
                "received_to_committed": alerting.commit_latency(),
            }
        return health

    def close(self) -> None:
        """Write what is queued to the log, load all of it, close the store. Idempotent."""
        if self._closed:
            return
        self._closed = True
        try:
            if self.scoring is not None:
                self.scoring.stop()
            self.crm_sync.stop()  # before the store thread it sends work to
            if self.delivery is not None:
                self.delivery.stop()
            self.writer.close()
            self.store_thread.stop(final=self.loader.load_all)
        finally:
            self.loader.events.stop()
            if self._events_handle is not None:
                self._events_handle.close()
            self.store.close()
            self.log.close()
            gc.unfreeze()  # what the server held may go (a process that serves again)


def alert_router(config: ServerConfig, model: LoadedModel) -> AlertRouter | None:
    """The routing file beside the model file, if any: the server routes its alerts by it."""
    from pqlkit.routing.config import beside, load_routing

    found = beside(config.model) if config.model is not None else None
    if found is None:
        return None
    from pqlkit.routing.alerts import AlertRouter

    routing = load_routing(found, signals=set(model.model.signals))
    return AlertRouter(routing, model.model.name, model.model.entity)
