"""Acknowledged means durable: `pql serve` killed with SIGKILL in the middle of a stream of
batches, restarted, and stopped loses no acknowledged event and stores none twice — and each
acknowledged event that fires a trigger (every batch holds a new user's "Paywall Hit") is one
alert, however the kill fell between the log, the store and the trigger state."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from pqlkit.server.keys import create_key
from pqlkit.server.run import bind
from pqlkit.store.store import Store
from tests.server.conftest import track
from tests.server.process import ServeProcess

SENDERS = 4
BATCH = 50


class Sender(threading.Thread):
    """Sends numbered batches and, like an SDK, retries a batch until it is acknowledged."""

    def __init__(self, name: str, url: str, key: str) -> None:
        super().__init__(daemon=True)
        self.prefix, self.url, self.key = name, url, key
        self.acknowledged: list[str] = []
        self.sent: set[str] = set()
        self.failures = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        number = 0
        with httpx.Client(timeout=5) as client:
            while not self.stopping.is_set():
                ids = [f"{self.prefix}-{number}-{i}" for i in range(BATCH)]
                self.sent.update(ids)
                calls = [track(f"usr_{i % 7}", messageId=m) for i, m in enumerate(ids[1:])]
                paywall = track(f"payer-{ids[0]}", "Paywall Hit", messageId=ids[0])
                body = {"batch": [paywall, *calls]}
                while True:
                    try:
                        if (
                            client.post(
                                f"{self.url}/v1/batch", json=body, auth=(self.key, "")
                            ).status_code
                            == 200
                        ):
                            self.acknowledged.extend(ids)
                            break
                    except httpx.HTTPError:
                        pass
                    self.failures += 1
                    if self.stopping.wait(0.05):
                        return
                number += 1


@pytest.mark.slow
def test_every_acknowledged_event_survives_kill_9_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        key = create_key(store, "write-server").secret
    with bind("127.0.0.1", 0) as probe:
        port = str(probe.getsockname()[1])  # the same port after the restart, as clients expect
    url = f"http://127.0.0.1:{port}"
    senders = [Sender(f"s{n}", url, key) for n in range(SENDERS)]

    first = ServeProcess(db, "--port", port, "--model", "pillars").wait_ready()
    for sender in senders:
        sender.start()
    time.sleep(3)
    before_kill = sum(len(s.acknowledged) for s in senders)
    first.kill()  # mid-stream: requests in flight, the loader possibly mid-transaction
    time.sleep(0.5)
    with ServeProcess(db, "--port", port, "--model", "pillars") as second:
        second.wait_ready()
        time.sleep(3)
        for sender in senders:
            sender.stopping.set()
        for sender in senders:
            sender.join(30)
        assert second.stop() == 0, second.stderr

    acknowledged = [m for s in senders for m in s.acknowledged]
    assert before_kill > 0 and len(acknowledged) > before_kill  # it ran on both sides of the kill
    assert sum(s.failures for s in senders) > 0  # and the kill was felt
    with Store.open(db) as store:
        counts = dict(
            store.duckdb().execute("SELECT message_id, count(*) FROM events GROUP BY 1").fetchall()
        )
    missing = [m for m in acknowledged if m not in counts]
    assert missing == []
    assert max(counts.values()) == 1  # nothing twice, retried batches included
    assert set(counts) <= set().union(*(s.sent for s in senders))
    with Store.open(db) as store:
        alerts = store.duckdb().execute("SELECT message_id, entity_id FROM alerts").fetchall()
        paid = store.duckdb().execute("SELECT count(*) FROM events WHERE event = 'Paywall Hit'")
        paywall_hits = paid.fetchone()
    assert paywall_hits is not None and len(alerts) == paywall_hits[0]  # each one, once
    assert all(entity == f"payer-{message}" for message, entity in alerts)
