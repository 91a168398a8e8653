"""The server's CRM read-back: every ``--crm-sync-every``, and on ``POST /admin/crm-sync``.

The CRM is read on a thread of its own (HTTP, retries when throttled); the store is read and
written on the store thread, between the loader's batches, so a slow CRM never holds up the
alerts and the sync's writes never race the loader's. A failed sync is reported and retried
at the next interval from the same cursor; the server keeps serving.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pqlkit.console import Console

if TYPE_CHECKING:
    from pqlkit.destinations.base import Destination
    from pqlkit.sales.crm_sync import SyncResult
    from pqlkit.server.store_thread import StoreThread
    from pqlkit.store.store import Store

STORE_TIMEOUT = 120.0


class CrmSync:
    def __init__(
        self,
        store_thread: StoreThread,
        destinations: Sequence[Destination],
        every: float,
        console: Console,
    ) -> None:
        from pqlkit.sales.crm_sync import crm_destinations

        self.store_thread = store_thread
        self.destinations = crm_destinations(destinations)
        self.every = every
        self.console = console
        self.last_error: str | None = None
        self.rounds = 0
        self._lock = threading.Lock()  # one sync at a time (the schedule, an admin request)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if not self.destinations or self.every <= 0:
            return
        self._thread = threading.Thread(target=self._run, name="pqlkit-crm-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                for done in self.sync_once():
                    self.console.info(
                        f"crm sync {done.destination}: {done.touches} touches "
                        f"({done.first_touches} first touches), {done.owners} owners changed"
                    )
                self.last_error = None
            except Exception as exc:
                self.last_error = f"{type(exc).__name__}: {exc}"
                self.console.warn(f"crm sync failed (next try in {self.every:g} s): {exc}")

    def sync_once(self) -> list[SyncResult]:
        from pqlkit.sales import crm_sync
        from pqlkit.store.transaction import transaction

        results = []
        with self._lock:
            for destination in self.destinations:
                name = destination.name
                plan = self.store_thread.submit(lambda s, n=name: crm_sync.plan(s, n)).result(  # type: ignore[misc]
                    STORE_TIMEOUT
                )
                read = crm_sync.fetch(destination, plan, time.sleep)

                def write(store: Store, p=plan, r=read) -> SyncResult:  # type: ignore[no-untyped-def]
                    with transaction(store):
                        return crm_sync.apply(store, p, r)

                results.append(self.store_thread.submit(write).result(STORE_TIMEOUT))
            self.rounds += 1
        return results
