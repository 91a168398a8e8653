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


def test_a_paywall_hit_reaches_the_webhook_as_a_signed_alert_within_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole path: an SDK's event → the log → the store and the live triggers → the alert
    and its outbox row in one transaction → the signed webhook."""
    from datetime import UTC, datetime

    from tests.server.conftest import basic, track

    monkeypatch.setenv("PQL_TEST_WEBHOOK_SECRET", SECRET)
    with WebhookReceiver(SECRET) as receiver:
        destinations = tmp_path / "destinations.yaml"
        destinations.write_text(
            "destinations:\n"
            f"  hooks:\n    type: webhook\n    url: {receiver.url}/pql\n    secret: ${{PQL_TEST_WEBHOOK_SECRET}}\n"
        )
        config = ServerConfig(
            db=str(tmp_path / "s.duckdb"),
            port=0,
            model="pillars",
            destinations=destinations,
            delivery_interval=0.05,
        )
        with running_server(config) as server:
            key = server.new_key()
            now = datetime.now(UTC).replace(tzinfo=None)
            identify = {
                "type": "identify",
                "userId": "usr_7",
                "traits": {"email": "kim@acme.io", "title": "VP Engineering"},
                "timestamp": now.isoformat() + "Z",
            }
            server.client.post("/v1/identify", json=identify, headers=basic(key))
            sent = time.monotonic()
            hit = track("usr_7", "Paywall Hit", messageId="pay-1", timestamp=now.isoformat() + "Z")
            assert server.client.post("/v1/track", json=hit, headers=basic(key)).is_success
            while not receiver.received and time.monotonic() - sent < 10:
                time.sleep(0.01)
            waited = time.monotonic() - sent
            alerts = server.client.get("/v1/alerts", headers=basic(server.new_key("read")))
    [(idempotency_key, body)] = receiver.received.items()
    [alert] = alerts.json()["alerts"]
    assert waited < 1.0
    assert idempotency_key == f"alert:{alert['alert_id']}"
    data = body["data"]
    assert (data["entity_id"], data["email"], data["title"], data["domain"]) == (
        "usr_7",
        "kim@acme.io",
        "VP Engineering",
        "acme.io",
    )
    assert data["alert"]["trigger"] == "paywall_hit" and data["alert"]["evidence"] == ["pay-1"]
