"""The signed webhook (signature, idempotency key, envelope), the JSON-lines log and CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pqlkit.destinations.delivery import DeliveryState, deliver_due
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.files import CSV_COLUMNS, CsvDestination, LogDestination
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.webhook import WebhookDestination, sign, verify_signature
from pqlkit.store.store import Store
from tests.destinations.conftest import Clock, paywall_handoff
from tests.destinations.fake_apis import WebhookReceiver

SECRET = "whsec_test_secret"


def test_a_signature_verifies_only_with_the_secret_the_body_and_in_time() -> None:
    body = b'{"id": "ob_1"}'
    header = sign(SECRET, body, 1_700_000_000)
    assert header.startswith("t=1700000000,v1=") and len(header.split("v1=")[1]) == 64
    assert verify_signature(SECRET, header, body, now=1_700_000_100)
    assert not verify_signature("other", header, body, now=1_700_000_100)
    assert not verify_signature(SECRET, header, body + b" ", now=1_700_000_100)
    assert not verify_signature(SECRET, header, body, now=1_700_000_000 + 301)  # a replay
    assert not verify_signature(SECRET, "v1=abc", body, now=1_700_000_000)


def test_the_webhook_posts_the_hand_off_signed_with_its_idempotency_key(
    store: Store, clock: Clock
) -> None:
    with WebhookReceiver(SECRET, now=clock.unix) as receiver:
        hook = WebhookDestination(
            name="hook",
            kinds=frozenset({"alert"}),
            url=receiver.url + "/in",
            secret=SECRET,
            clock=clock.unix,
        )
        enqueue_handoff(store, [hook], paywall_handoff(), now=clock())
        assert deliver_due(store, [hook], clock(), DeliveryState()).delivered == 1
    [request] = receiver.requests
    assert request.headers["idempotency-key"] == "alert:al_usr_42_090000"
    assert request.headers["content-type"] == "application/json"
    body = request.json()
    assert (body["kind"], body["idempotency_key"], body["id"]) == (
        "alert",
        "alert:al_usr_42_090000",
        request.headers["pqlkit-delivery"],
    )
    assert HandOff.from_json(body["data"]) == paywall_handoff()


def test_the_log_destination_appends_one_json_line_per_row(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    log = LogDestination(
        name="audit", kinds=frozenset({"*"}), path=tmp_path / "out" / "alerts.jsonl", clock=clock
    )
    enqueue_handoff(store, [log], paywall_handoff("a"), now=clock())
    enqueue_handoff(store, [log], paywall_handoff("b"), kind="lead", now=clock())
    assert deliver_due(store, [log], clock(), DeliveryState()).delivered == 2
    lines = [
        json.loads(line) for line in (tmp_path / "out" / "alerts.jsonl").read_text().splitlines()
    ]
    assert [(line["kind"], line["payload"]["entity_id"]) for line in lines] == [
        ("alert", "a"),
        ("lead", "b"),
    ]
    assert lines[0]["delivered_at"] == "2026-03-02T09:00:00Z" and lines[0]["destination"] == "audit"


def test_csv_export_writes_a_header_once_and_a_row_per_hand_off(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    export = CsvDestination(name="export", kinds=frozenset({"alert"}), path=tmp_path / "leads.csv")
    state = DeliveryState()
    for user in ("a", "b"):
        enqueue_handoff(store, [export], paywall_handoff(user), now=clock())
        deliver_due(store, [export], clock(), state)
        clock.advance(minutes=1)
    with (tmp_path / "leads.csv").open(newline="") as rows:
        read = list(csv.DictReader(rows))
    assert list(read[0]) == list(CSV_COLUMNS)
    assert [
        (r["entity_id"], r["score"], r["tier"], r["deadline"], r["owner_email"]) for r in read
    ] == [
        ("a", "87", "hot", "2026-03-02T10:00:00Z", "sam@seller.example"),
        ("b", "87", "hot", "2026-03-02T10:00:00Z", "sam@seller.example"),
    ]
    assert (
        read[0]["key_actions"]
        == "created 12 dashboards this week; hit the paywall on Exports twice"
    )


def test_a_hand_off_survives_its_json_round_trip() -> None:
    handoff = paywall_handoff()
    assert HandOff.loads(handoff.dumps()) == handoff
    bare = HandOff(entity_id="acc_1", entity_kind="account")
    assert HandOff.loads(bare.dumps()) == bare
    assert HandOff(entity_id="u", reasons=["a", "b"]).reasons == ("a", "b")  # type: ignore[arg-type]


def test_an_alerts_hand_off_is_keyed_by_the_alerts_identity() -> None:
    from datetime import datetime, timedelta

    from pqlkit.triggers.alerts import Alert

    fired = datetime(2026, 3, 2, 9, 0)
    alert = Alert(
        "usr_1", "paywall_hit", fired, "m9", fired + timedelta(hours=4), "usr_1", "usr_1", ("m9",)
    )
    handoff = HandOff.for_alert(alert, email="a@acme.io", score=80.0)
    assert handoff.alert is not None and handoff.alert.deadline == fired + timedelta(hours=4)
    assert (handoff.triggers, handoff.email, handoff.alert.evidence) == (
        ("paywall_hit",),
        "a@acme.io",
        ("m9",),
    )
    assert handoff.default_key("alert") == f"alert:{handoff.alert.alert_id}"
    assert HandOff.for_alert(alert).default_key("alert") == handoff.default_key(
        "alert"
    )  # same alert, same key


def test_the_verification_snippet_in_the_docs_accepts_our_signature() -> None:
    import re
    import time

    docs = (Path(__file__).parents[2] / "docs" / "destinations.md").read_text()
    snippet = next(
        block for block in re.findall(r"```python\n(.*?)```", docs, re.S) if "def verify" in block
    )
    namespace: dict[str, object] = {}
    exec(snippet, namespace)
    verify = namespace["verify"]
    body = b'{"id": "ob_1", "data": {}}'
    header = sign(SECRET, body, int(time.time()))
    assert verify(SECRET, header, body) is True  # type: ignore[operator]
    assert verify("wrong", header, body) is False  # type: ignore[operator]
    assert verify(SECRET, sign(SECRET, body, int(time.time()) - 600), body) is False  # type: ignore[operator]
