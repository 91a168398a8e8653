"""`pql serve --destinations`: the server delivers its outbox while it runs — the webhook
receives what was enqueued in the store's transaction, and the log destination records it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pqlkit.destinations.config import DestinationsConfigError, load_destinations
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.server.config import ServerConfig
from pqlkit.server.runtime import Runtime
from pqlkit.store.store import Store
from pqlkit.store.transaction import transaction
from tests.destinations.conftest import paywall_handoff
from tests.destinations.fake_apis import WebhookReceiver
from tests.server.conftest import running_server

SECRET = "whsec_server_test_secret"


def test_the_server_delivers_alerts_from_its_outbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PQL_TEST_WEBHOOK_SECRET", SECRET)
    with WebhookReceiver(SECRET) as receiver:
        destinations = tmp_path / "destinations.yaml"
        destinations.write_text(
            "destinations:\n"
            f"  hooks:\n    type: webhook\n    url: {receiver.url}/pql\n    secret: ${{PQL_TEST_WEBHOOK_SECRET}}\n"
            "  audit:\n    type: log\n    path: alerts.jsonl\n"
        )
        routes = load_destinations(destinations)
        config = ServerConfig(
            db=str(tmp_path / "s.duckdb"), port=0, destinations=destinations, delivery_interval=0.05
        )
        with running_server(config) as server:

            def enqueue(store: Store) -> list[str]:
                with transaction(store):  # as the loader will, with the alert rows
                    return enqueue_handoff(store, routes, paywall_handoff(), kind="alert")

            assert server.runtime.store_thread.submit(enqueue).result(10) == ["hooks", "audit"]
            deadline = time.monotonic() + 10
            while not receiver.received and time.monotonic() < deadline:
                time.sleep(0.02)
            assert server.client.get("/healthz").json()["status"] == "ok"
    [(key, body)] = receiver.received.items()
    assert key == "alert:al_usr_42_090000" and body["data"]["email"] == "dana@acme.io"
    [line] = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert json.loads(line)["idempotency_key"] == key


def test_a_bad_destinations_file_stops_the_server_before_it_takes_the_store(tmp_path: Path) -> None:
    destinations = tmp_path / "destinations.yaml"
    destinations.write_text("destinations:\n  crm:\n    type: hubspot\n    token: pat-literal\n")
    config = ServerConfig(db=str(tmp_path / "s.duckdb"), port=0, destinations=destinations)
    with pytest.raises(
        DestinationsConfigError, match=r"destinations\.yaml:4: destinations\.crm\.token"
    ):
        Runtime.open(config)
    assert not (tmp_path / "s.duckdb").exists()
