"""A real server on a free loopback port (uvicorn in a thread), and ways to look into its store."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pandas as pd
import pytest
import uvicorn

from pqlkit.destinations.handoff import HandOff
from pqlkit.server.app import create_app
from pqlkit.server.config import ServerConfig
from pqlkit.server.keys import KeyKind, create_key
from pqlkit.server.run import bind, url_of
from pqlkit.server.runtime import Runtime
from pqlkit.store.store import Store


@dataclass
class RunningServer:
    url: str
    runtime: Runtime
    client: httpx.Client

    def new_key(self, kind: KeyKind = "write-server", label: str | None = None) -> str:
        """A key created on the running server's store; its secret."""

        def create(store: Store) -> str:
            issued = create_key(store, kind, label)
            self.runtime.keys.reload(store)
            return issued.secret

        return self.runtime.store_thread.submit(create).result(10)

    def on_store(self, query: str) -> pd.DataFrame:
        """Load what the log holds, then run ``query`` on the store (on its own thread)."""

        def run(store: Store) -> pd.DataFrame:
            self.runtime.loader.load_all(store)
            return store.duckdb().execute(query).df()

        return self.runtime.store_thread.submit(run).result(30)

    def events(self) -> pd.DataFrame:
        return self.on_store("SELECT * FROM events ORDER BY message_id")

    def rejects(self) -> pd.DataFrame:
        return self.on_store("SELECT * FROM rejects ORDER BY line")


@contextmanager
def running_server(config: ServerConfig) -> Iterator[RunningServer]:
    runtime = Runtime.open(config)
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config, runtime=runtime), lifespan="on", log_level="warning", ws="none"
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started, "the server did not start"
    url = url_of(sock)
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield RunningServer(url, runtime, client)
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()
        runtime.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    with running_server(ServerConfig(db=str(tmp_path / "store.duckdb"), port=0)) as running:
        yield running


def basic(key: str) -> dict[str, str]:
    """Segment's way: the write key as the user name of HTTP Basic auth, no password."""
    return {"Authorization": "Basic " + base64.b64encode(f"{key}:".encode()).decode()}


def track(user: str = "usr_1", event: str = "Signed In", **fields: Any) -> dict[str, Any]:
    """A track call as an SDK sends it."""
    return {"type": "track", "userId": user, "event": event, **fields}


def ana_hits_the_paywall(model: str, tmp_path: Path, **traits: Any) -> HandOff:
    """Served with ``model`` and a log destination: Ana (identified with ``traits`` and her
    e-mail) joins Maple (300 employees, Canada), creates three reports, then hits the paywall.
    The hand-off the destination received, within a second of the hit."""
    destinations = tmp_path / "destinations.yaml"
    destinations.write_text("destinations:\n  audit:\n    type: log\n    path: alerts.jsonl\n")
    config = ServerConfig(
        db=str(tmp_path / "s.duckdb"),
        port=0,
        model=model,
        destinations=destinations,
        delivery_interval=0.05,
    )
    delivered = tmp_path / "alerts.jsonl"
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat() + "Z"
    person = {"email": "ana@maple.ca", **traits}
    maple = {"name": "Maple", "employees": 300, "country": "CA"}
    calls = [
        (
            "/v1/identify",
            {"type": "identify", "userId": "u1", "timestamp": stamp, "traits": person},
        ),
        (
            "/v1/group",
            {
                "type": "group",
                "userId": "u1",
                "groupId": "maple",
                "timestamp": stamp,
                "traits": maple,
            },
        ),
        *(
            ("/v1/track", track("u1", "Report Created", messageId=f"r{n}", timestamp=stamp))
            for n in range(3)
        ),
    ]
    with running_server(config) as server:
        key = server.new_key()
        for path, body in calls:
            assert server.client.post(path, json=body, headers=basic(key)).is_success
        sent = time.monotonic()
        hit = track("u1", "Paywall Hit", messageId="pay-1", timestamp=stamp)
        assert server.client.post("/v1/track", json=hit, headers=basic(key)).is_success
        while not delivered.exists() and time.monotonic() - sent < 10:
            time.sleep(0.02)
        waited = time.monotonic() - sent
    assert waited < 1.0
    [line] = delivered.read_text().splitlines()
    return HandOff.from_json(json.loads(line)["payload"])
