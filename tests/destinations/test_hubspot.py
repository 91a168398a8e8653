"""HubSpot CRM v3: PQL properties upserted in batches of at most 100, and a task for the owner
due at the SLA, against a local HubSpot that enforces auth, shapes, limits and its errors."""

from __future__ import annotations

from datetime import timedelta

from pqlkit.destinations.base import DeliveryPolicy
from pqlkit.destinations.delivery import DeliveryState, deliver_due
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.hubspot import HubSpotDestination
from pqlkit.destinations.outbox import Outbox
from pqlkit.store.store import Store
from tests.destinations.conftest import Clock, paywall_handoff
from tests.destinations.fake_apis import HUBSPOT_TOKEN, FakeHubSpot, hubspot_rate_limited
from tests.destinations.fake_http import Answer


def hubspot(api: FakeHubSpot, token: str = HUBSPOT_TOKEN, **policy: object) -> HubSpotDestination:
    return HubSpotDestination(
        name="crm",
        kinds=frozenset({"alert", "lead"}),
        policy=DeliveryPolicy(**policy),  # type: ignore[arg-type]
        secrets=(token,),
        token=token,
        api_url=api.url,
    )


def test_an_alert_sets_the_pql_properties_and_creates_the_owners_task(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api)
        enqueue_handoff(store, [crm], paywall_handoff(), now=clock())
        assert deliver_due(store, [crm], clock(), DeliveryState()).delivered == 1
    contact = api.contacts["dana@acme.io"]
    assert contact["properties"] == {
        "email": "dana@acme.io",
        "pql_score": "87",
        "pql_tier": "hot",
        "pql_reasons": "Invited 6 teammates this week (+20); Connected 3 data sources (+15)",
        "pql_since": "2026-02-20",
        "hubspot_owner_id": "7001",
    }
    [task] = api.tasks.values()
    properties = task["properties"]
    assert properties["hs_timestamp"] == "2026-03-02T10:00:00Z"  # the SLA: 1 hour after the paywall
    assert properties["hubspot_owner_id"] == "7001"
    assert properties["hs_task_subject"] == "PQL alert — paywall_hit: Dana Whitfield"
    assert "- created 12 dashboards this week" in properties["hs_task_body"]
    assert "respond by 2026-03-02 10:00 UTC" in properties["hs_task_body"]
    assert task["associations"] == [
        {
            "to": {"id": contact["id"]},
            "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 204}],
        }
    ]
    [row] = Outbox(store).items()
    assert row.progress_data() == {"contact_id": contact["id"], "task_id": next(iter(api.tasks))}


def test_upserts_go_in_batches_of_at_most_100(store: Store, clock: Clock) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api, batch_size=250, per_minute=10_000)  # 250 rows in one tick
        for i in range(250):
            enqueue_handoff(
                store,
                [crm],
                paywall_handoff(f"u{i}", email=f"u{i}@acme.io"),
                kind="lead",
                now=clock(),
            )
        assert deliver_due(store, [crm], clock(), DeliveryState()).delivered == 250
    upserts = [r for r in api.requests if r.path.endswith("/batch/upsert")]
    assert [len(r.json()["inputs"]) for r in upserts] == [100, 100, 50]
    assert (
        len(api.contacts) == 250 and api.tasks == {}
    )  # leads update properties; tasks are for alerts


def test_two_hand_offs_for_one_contact_in_a_batch_send_the_newest(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api)
        enqueue_handoff(
            store, [crm], paywall_handoff(score=40.0, tier="pql"), kind="lead", now=clock()
        )
        enqueue_handoff(
            store,
            [crm],
            paywall_handoff(score=90.0),
            kind="lead",
            now=clock() + timedelta(seconds=1),
        )
        assert (
            deliver_due(store, [crm], clock() + timedelta(seconds=2), DeliveryState()).delivered
            == 2
        )
    assert api.contacts["dana@acme.io"]["properties"]["pql_score"] == "90"


def test_account_hand_offs_upsert_the_company_by_domain(store: Store, clock: Clock) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api)
        account = paywall_handoff("acc_acme", email=None, entity_kind="account", name=None)
        enqueue_handoff(store, [crm], account, now=clock())
        assert deliver_due(store, [crm], clock(), DeliveryState()).delivered == 1
    company = api.companies["acme.io"]
    assert company["properties"]["name"] == "Acme" and company["properties"]["pql_tier"] == "hot"
    [task] = api.tasks.values()
    assert task["associations"][0]["types"][0]["associationTypeId"] == 192


def test_429_waits_for_retry_after_and_nothing_is_created_twice(store: Store, clock: Clock) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api)
        enqueue_handoff(store, [crm], paywall_handoff(), now=clock())
        state = DeliveryState()
        original = api.handle

        def limited(request):  # type: ignore[no-untyped-def]
            # the upsert passes; the first task request hits the secondly limit
            if request.path == "/crm/v3/objects/tasks" and len(api.requests) == 2:
                return hubspot_rate_limited(retry_after=10)
            return original(request)

        api.handle = limited  # type: ignore[method-assign]
        assert deliver_due(store, [crm], clock(), state).retried == 1
        [row] = Outbox(store).items()
        assert (
            row.last_error
            == "hubspot task: HTTP 429: You have reached your secondly limit. (RATE_LIMIT)"
        )
        assert row.next_attempt_at >= clock() + timedelta(seconds=10)
        clock.advance(seconds=5)
        assert deliver_due(store, [crm], clock(), state).attempted == 0  # still paused
        clock.advance(seconds=6)
        assert deliver_due(store, [crm], clock(), state).delivered == 1
    paths = [r.path for r in api.requests]
    # the retry skips the finished upsert, looks for the task first (a lost answer may have created it)
    assert paths == [
        "/crm/v3/objects/contacts/batch/upsert",
        "/crm/v3/objects/tasks",
        "/crm/v3/objects/tasks/search",
        "/crm/v3/objects/tasks",
    ]
    assert len(api.tasks) == 1


def test_a_task_created_before_a_lost_answer_is_found_not_duplicated(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api)
        enqueue_handoff(store, [crm], paywall_handoff(), now=clock())
        original = api.handle

        def lose_the_answer(request):  # type: ignore[no-untyped-def]
            answer = original(request)
            if (
                request.path == "/crm/v3/objects/tasks"
                and len(api.tasks) == 1
                and not getattr(api, "lost", False)
            ):
                api.lost = True  # type: ignore[attr-defined]
                return Answer.text(504, "gateway timeout")  # created, but we never hear of it
            return answer

        api.handle = lose_the_answer  # type: ignore[method-assign]
        state = DeliveryState()
        assert deliver_due(store, [crm], clock(), state).retried == 1
        clock.advance(minutes=5)
        assert deliver_due(store, [crm], clock(), state).delivered == 1
    assert len(api.tasks) == 1
    assert Outbox(store).items()[0].progress_data()["task_id"] == next(iter(api.tasks))


def test_a_wrong_token_is_a_dead_letter_with_hubspots_message_and_no_token(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api, token="pat-na1-wrong-token-0000")
        enqueue_handoff(store, [crm], paywall_handoff(), now=clock())
        assert deliver_due(store, [crm], clock(), DeliveryState()).dead == 1
    error = Outbox(store).items()[0].last_error or ""
    assert error == (
        "hubspot contacts upsert: HTTP 401: Authentication credentials not found. "
        "This API supports OAuth 2.0 authentication. (INVALID_AUTHENTICATION)"
    )


def test_a_server_error_or_malformed_answer_is_retried(store: Store, clock: Clock) -> None:
    with FakeHubSpot() as api:
        crm = hubspot(api)
        enqueue_handoff(store, [crm], paywall_handoff(), now=clock())
        api.then(
            Answer.text(200, "<html>maintenance</html>"), Answer.json(200, {"status": "COMPLETE"})
        )
        state = DeliveryState()
        assert deliver_due(store, [crm], clock(), state).retried == 1
        assert "malformed answer (HTTP 200, not JSON" in (Outbox(store).items()[0].last_error or "")
        clock.advance(minutes=1)
        assert deliver_due(store, [crm], clock(), state).retried == 1
        assert (
            Outbox(store).items()[0].last_error
            == "hubspot contacts upsert: malformed answer (no results)"
        )
        clock.advance(minutes=5)
        assert deliver_due(store, [crm], clock(), state).delivered == 1


def test_hubspot_down_for_an_hour_then_back_gets_every_alert_exactly_once(
    store: Store, clock: Clock
) -> None:
    api = FakeHubSpot()  # down: connections refused
    crm = hubspot(api, batch_size=10, per_minute=20, backoff_cap=600, max_attempts=1000)
    state = DeliveryState()
    for minute in range(60):  # an alert a minute from 30 users while HubSpot is down
        user = minute % 30
        handoff = paywall_handoff(f"u{user}", email=f"u{user}@acme.io", fired_at=clock())
        enqueue_handoff(store, [crm], handoff, now=clock())
        deliver_due(store, [crm], clock(), state)
        clock.advance(minutes=1)
    assert Outbox(store).counts() == {("crm", "pending"): 60}
    with api:
        for _ in range(60):
            deliver_due(store, [crm], clock(), state)
            clock.advance(seconds=30)
    assert Outbox(store).counts() == {("crm", "delivered"): 60}
    assert len(api.contacts) == 30 and len(api.tasks) == 60  # one task per alert, none twice
    refs = sorted(
        task["properties"]["hs_task_body"].rsplit("pqlkit ref: ", 1)[1]
        for task in api.tasks.values()
    )
    assert refs == sorted(f"pqlkit-ref-{row.id}" for row in Outbox(store).items(limit=100))
