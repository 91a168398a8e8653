"""CRM read-back: a rep's first call, e-mail or completed task in HubSpot or Salesforce on a
lead pqlkit delivered becomes the first touch of its open alerts (source crm), owners changed in
the CRM become the owners routing keeps, and a sync starts where the last one stopped."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pqlkit.destinations.delivery import DeliveryState, deliver_due
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.handoff import AlertInfo
from pqlkit.destinations.read_back import epoch_ms
from pqlkit.errors import CrmReadError
from pqlkit.routing.owners import owners_of
from pqlkit.sales.crm_sync import OVERLAP, sync_all
from pqlkit.store.store import Store
from pqlkit.triggers import alert_store
from pqlkit.triggers.alerts import Alert
from tests.destinations.conftest import START, Clock, paywall_handoff
from tests.destinations.fake_apis import (
    FakeHubSpot,
    FakeSalesforce,
    hubspot_error,
    hubspot_rate_limited,
)
from tests.destinations.test_hubspot import hubspot
from tests.destinations.test_salesforce import salesforce

MINUTE = timedelta(minutes=1)


def alerted(store: Store, entity: str = "usr_42", at: datetime = START) -> str:
    """An alert in the store (as the server records it); its id."""
    alert = Alert(
        entity, "paywall_hit", at, f"pay-{entity}", at + timedelta(hours=1), entity, entity
    )
    alert_store.record(store, [alert], "pillars", at)
    return alert_store.alert_id(alert)


def delivered(
    store: Store, crm: object, clock: Clock, entity: str = "usr_42", **handoff: object
) -> None:
    """The alert's hand-off delivered to the CRM (its contact and task created there)."""
    alert_id = alerted(store, entity)
    info = AlertInfo("paywall_hit", START, START + timedelta(hours=1), ("pay",), alert_id)
    enqueue_handoff(store, [crm], paywall_handoff(entity, alert=info, **handoff), now=clock())  # type: ignore[list-item]
    assert deliver_due(store, [crm], clock(), DeliveryState()).delivered == 1  # type: ignore[list-item]


def the_alert(store: Store, entity: str = "usr_42") -> alert_store.StoredAlert:
    [found] = alert_store.read(store, entity_id=entity)
    return found


def test_a_reps_first_call_in_hubspot_is_the_alerts_first_touch_and_its_owner_is_kept(
    store: Store, clock: Clock
) -> None:
    waits: list[float] = []
    with FakeHubSpot() as api:
        api.clock = clock
        crm = hubspot(api)
        delivered(store, crm, clock)
        clock.advance(minutes=40)
        api.log("emails", "dana@acme.io", "7001", START + 35 * MINUTE)
        api.log("calls", "dana@acme.io", "7001", START + 20 * MINUTE)  # the first touch
        api.reassign(api.contacts, "dana@acme.io", "7002")  # the CRM's owner now
        api.contacts["other@else.io"] = {"id": "999", "properties": {"email": "other@else.io"}}
        for minute in range(120):  # someone else's calls: two pages of search results
            api.log("calls", "other@else.io", "7009", START + minute * MINUTE)
        api.then(hubspot_rate_limited(retry_after=2))  # the first search is throttled
        [done] = sync_all(store, [crm], now=clock(), sleep=waits.append)
    assert (done.activities, done.touches, done.first_touches, done.owners) == (122, 2, 1, 1)
    assert waits == [2.0]
    alert = the_alert(store)
    assert (alert.status, alert.first_touch_at, alert.first_touch_source) == (
        "touched",
        START + 20 * MINUTE,
        "crm:crm",
    )
    assert owners_of(store, ["usr_42"])["usr_42"]["owner"].owner_id == "7002"
    searches = [r.json() for r in api.requests if r.path == "/crm/v3/objects/calls/search"]
    assert [s.get("after") for s in searches] == [None, None, "100"]  # the 429, then 2 pages
    assert searches[0]["filterGroups"][0]["filters"] == [
        {
            "propertyName": "hs_lastmodifieddate",
            "operator": "GTE",
            "value": epoch_ms(START + 40 * MINUTE - timedelta(days=30) - OVERLAP),  # 30 days back
        }
    ]


def test_a_second_hubspot_sync_starts_where_the_first_stopped_and_redoes_nothing(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        api.clock = clock
        crm = hubspot(api)
        delivered(store, crm, clock)
        clock.advance(hours=1)
        first = sync_all(store, [crm], now=clock())[0]
        assert (first.touches, first.owners) == (0, 1)  # no touch yet; the contact's owner, 7001
        clock.advance(hours=1)
        [task_id] = api.tasks
        api.complete(task_id, clock())  # the rep did the task: a touch, 2 hours late
        api.requests.clear()
        second = sync_all(store, [crm], now=clock())[0]
        third = sync_all(store, [crm], now=clock())[0]  # sees the task again: stored once
    assert second.since == START + timedelta(hours=1) - OVERLAP
    [search] = [r.json() for r in api.requests if r.path.endswith("/tasks/search")][:1]
    assert search["filterGroups"][0]["filters"][1] == {
        "propertyName": "hs_task_status",
        "operator": "EQ",
        "value": "COMPLETED",
    }
    assert (second.owners, third.owners) == (0, 0)  # unchanged: nothing written again
    assert (second.touches, second.first_touches, third.touches, third.first_touches) == (
        1,
        1,
        0,
        0,
    )
    assert the_alert(store).first_touch_at == START + timedelta(hours=2)
    rows = store.table("crm_touches").to_pyarrow().to_pylist()
    assert [(r["kind"], r["entity_id"], r["owner_id"]) for r in rows] == [
        ("task", "usr_42", "7001")
    ]


def test_a_failed_read_stores_nothing_and_the_next_sync_reads_from_the_same_cursor(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        api.clock = clock
        crm = hubspot(api)
        delivered(store, crm, clock)
        api.log("calls", "dana@acme.io", "7001", START + 10 * MINUTE)
        api.then(  # a 429 waited out, then a failure
            hubspot_rate_limited(0), hubspot_error(500, "internal error", "INTERNAL_ERROR")
        )
        with pytest.raises(
            CrmReadError, match=r"hubspot read-back \(crm\): HTTP 500: internal error"
        ):
            sync_all(store, [crm], now=clock() + timedelta(hours=1), sleep=lambda s: None)
        assert the_alert(store).first_touch_at is None
        assert store.table("crm_syncs").count().execute() == 0
        api.down()
        with pytest.raises(CrmReadError, match="cannot reach the server"):
            sync_all(store, [crm], now=clock() + timedelta(hours=1))
        api.up()
        [done] = sync_all(store, [crm], now=clock() + timedelta(hours=2))
    assert done.since == START - timedelta(days=30) + timedelta(hours=2) - OVERLAP
    assert the_alert(store).first_touch_at == START + 10 * MINUTE


def test_salesforce_calls_and_completed_tasks_are_touches_and_owners_come_back(
    store: Store, clock: Clock
) -> None:
    with FakeSalesforce() as api:
        api.clock = clock
        api.page_size = 2  # Salesforce pages at 2,000: here at 2, to follow nextRecordsUrl
        account = api.add("Account", Name="Acme", OwnerId="005AE0000000001")
        contact = api.add("Contact", LastName="Whitfield", Email="dana@acme.io", AccountId=account)
        sfdc = salesforce(api)
        delivered(store, sfdc, clock)
        delivered(store, sfdc, clock, "acme", entity_kind="account")  # the account's lead
        clock.advance(minutes=50)
        api.add(
            "Task",
            WhoId=contact,
            TaskSubtype="Call",
            Status="Completed",
            OwnerId="005R1",
            CreatedDate="2026-03-02T09:45:00.000+0000",
        )
        api.add(
            "Task",
            WhoId=contact,
            TaskSubtype="Email",
            Status="Completed",
            OwnerId="005R1",
            CreatedDate="2026-03-02T09:30:00.000+0000",
        )
        api.add("Task", WhoId=contact, TaskSubtype="Task", Status="Not Started", OwnerId="005R1")
        api.add(
            "Task",
            WhoId=contact,
            TaskSubtype="Task",
            Status="Completed",
            OwnerId="005R1",
            CompletedDateTime="2026-03-02T09:48:00.000+0000",
        )
        api.touch(contact, OwnerId="005R2")
        [done] = sync_all(store, [sfdc], now=clock())
    assert (done.touches, done.first_touches, done.owners) == (6, 2, 2)  # 3 touches x 2 leads
    assert the_alert(store).first_touch_at == datetime(2026, 3, 2, 9, 30)
    assert the_alert(store, "acme").first_touch_source == "crm:sfdc"
    owners = owners_of(store, ["usr_42", "acme"])
    assert owners["usr_42"]["owner"].owner_id == "005R2"  # the contact's owner
    assert owners["acme"]["owner"].owner_id == "005AE0000000001"  # the account's owner
    queries = [r.query.get("q", [""])[0] for r in api.requests if r.path.endswith("/query")]
    [tasks] = [q for q in queries if " FROM Task " in q]
    assert tasks.startswith(
        "SELECT Id, WhoId, OwnerId, Status, TaskSubtype, CreatedDate, CompletedDateTime FROM Task "
        "WHERE LastModifiedDate >= 2026-01-31T09:45:00Z AND WhoId != null"
    )
    assert any("/query/01g" in r.path for r in api.requests)  # followed nextRecordsUrl


def test_pql_crm_sync_reads_back_every_crm_destination(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from tests.destinations.fake_apis import HUBSPOT_TOKEN

    monkeypatch.setenv("PQL_TEST_HUBSPOT_TOKEN", HUBSPOT_TOKEN)
    with FakeHubSpot() as api:
        destinations = tmp_path / "destinations.yaml"
        destinations.write_text(
            "destinations:\n  crm:\n    type: hubspot\n    token: ${PQL_TEST_HUBSPOT_TOKEN}\n"
            f"    api_url: {api.url}\n  audit:\n    type: log\n    path: a.jsonl\n"
        )
        args = [sys.executable, "-m", "pqlkit", "crm", "sync", "--destinations", str(destinations)]
        args += ["--db", str(tmp_path / "s.duckdb"), "--json"]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)["synced"]
    assert (result["destination"], result["touches"]) == ("crm", 0)
    assert HUBSPOT_TOKEN not in done.stdout + done.stderr
