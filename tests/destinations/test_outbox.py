"""The outbox: one row per (destination, idempotency key), written with the caller's
transaction, listed for operators, dead letters retried or dropped — on DuckDB and Postgres."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.outbox import Outbox
from pqlkit.destinations.webhook import WebhookDestination
from pqlkit.store import migrations
from pqlkit.store.store import Store
from pqlkit.store.transaction import transaction
from tests.destinations.conftest import START, paywall_handoff

HOOK = WebhookDestination(
    name="hook", kinds=frozenset({"alert"}), url="http://127.0.0.1:9", secret="s"
)
CRM = WebhookDestination(
    name="crm", kinds=frozenset({"alert", "lead"}), url="http://127.0.0.1:9", secret="s"
)


def test_enqueuing_the_same_key_twice_is_one_row(store: Store) -> None:
    outbox = Outbox(store)
    assert outbox.put("hook", "alert", "alert:a1", '{"n": 1}', now=START) is True
    assert outbox.put("hook", "alert", "alert:a1", '{"n": 2}', now=START) is False
    assert outbox.put("crm", "alert", "alert:a1", '{"n": 1}', now=START) is True  # per destination
    rows = outbox.items()
    assert [(r.destination, r.idempotency_key, r.payload) for r in rows] == [
        ("crm", "alert:a1", '{"n": 1}'),
        ("hook", "alert:a1", '{"n": 1}'),
    ]
    assert {r.status for r in rows} == {"pending"} and {r.attempts for r in rows} == {0}


def test_a_hand_off_goes_to_every_destination_that_takes_its_kind_once(store: Store) -> None:
    handoff = paywall_handoff()
    assert enqueue_handoff(store, [HOOK, CRM], handoff, kind="alert", now=START) == ["hook", "crm"]
    assert enqueue_handoff(store, [HOOK, CRM], handoff, kind="alert", now=START) == []  # a replay
    assert enqueue_handoff(store, [HOOK, CRM], handoff, kind="lead", now=START) == ["crm"]
    rows = Outbox(store).items()
    assert len(rows) == 3
    assert {r.idempotency_key for r in rows if r.kind == "alert"} == {"alert:al_usr_42_090000"}
    assert HandOff.loads(rows[0].payload) == handoff


def test_rows_are_written_with_the_callers_transaction_or_not_at_all(store: Store) -> None:
    with pytest.raises(RuntimeError), transaction(store):
        enqueue_handoff(store, [HOOK], paywall_handoff(), now=START)
        raise RuntimeError("the alert could not be written")
    assert Outbox(store).items() == []
    with transaction(store):
        enqueue_handoff(store, [HOOK], paywall_handoff(), now=START)
    assert len(Outbox(store).items()) == 1


def test_due_rows_come_oldest_first_and_only_when_due(store: Store) -> None:
    outbox = Outbox(store)
    for minute in (2, 0, 1):
        outbox.put("hook", "alert", f"k{minute}", "{}", now=START + timedelta(minutes=minute))
    assert [r.idempotency_key for r in outbox.due("hook", START + timedelta(minutes=5), 2)] == [
        "k0",
        "k1",
    ]
    assert outbox.due("hook", START - timedelta(seconds=1), 10) == []
    assert outbox.due("other", START + timedelta(minutes=5), 10) == []


def test_dead_letters_are_listed_retried_and_dropped(store: Store) -> None:
    outbox = Outbox(store)
    for second, key in enumerate(("a", "b", "c")):
        outbox.put("hook", "alert", key, "{}", now=START + timedelta(seconds=second))
    a, b, c = outbox.due("hook", START + timedelta(minutes=1), 10)
    later = START + timedelta(hours=2)
    outbox.record_dead(a, later, "webhook: HTTP 410: gone")
    outbox.record_dead(b, later, "webhook: HTTP 410: gone")
    outbox.record_delivered(c, later)
    dead = outbox.items(status="dead")
    assert [(r.idempotency_key, r.attempts, r.last_error, r.dead_at) for r in dead] == [
        ("a", 1, "webhook: HTTP 410: gone", later),
        ("b", 1, "webhook: HTTP 410: gone", later),
    ]
    assert outbox.counts() == {("hook", "dead"): 2, ("hook", "delivered"): 1}
    assert outbox.retry(ids=[a.id], now=later) == 1
    again = outbox.get(a.id)
    assert again is not None and (again.status, again.attempts, again.next_attempt_at) == (
        "pending",
        0,
        later,
    )
    assert outbox.retry(ids=[c.id]) == 0  # delivered rows are not dead letters
    assert outbox.drop(destination="hook") == 1  # b: only dead rows go
    assert outbox.counts() == {("hook", "pending"): 1, ("hook", "delivered"): 1}


def test_a_store_from_before_the_outbox_gains_it_when_opened(tmp_path: Path) -> None:
    import ibis

    path = tmp_path / "old.duckdb"
    backend = ibis.duckdb.connect(str(path))  # a version-4 store: the migrations up to 4 only
    backend.create_table(
        migrations.MIGRATIONS_TABLE,
        schema=ibis.schema(
            {"version": "int64", "description": "string", "applied_at": "timestamp"}
        ),
    )
    for migration in migrations.MIGRATIONS[:4]:
        migration.apply(backend)
        backend.raw_sql(
            f"INSERT INTO {migrations.MIGRATIONS_TABLE} VALUES ({migration.version}, '', now())"
        )
    backend.disconnect()
    with Store.open(path) as store:
        assert migrations.applied_version(store.backend) == migrations.CURRENT_VERSION
        assert Outbox(store).put("hook", "alert", "k", "{}") is True
