"""Salesforce REST: PQL fields on the Contact or Lead found by email (a Lead created when there
is none) and a Task for the owner, against a local Salesforce with its auth and error shapes."""

from __future__ import annotations

from datetime import timedelta

from pqlkit.destinations.delivery import DeliveryState, deliver_due
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.outbox import Outbox
from pqlkit.destinations.salesforce import SalesforceDestination
from pqlkit.store.store import Store
from tests.destinations.conftest import Clock, paywall_handoff
from tests.destinations.fake_apis import SALESFORCE_TOKEN, FakeSalesforce, salesforce_error
from tests.destinations.fake_http import Answer


def salesforce(
    api: FakeSalesforce, token: str = SALESFORCE_TOKEN, **options: object
) -> SalesforceDestination:
    return SalesforceDestination(
        name="sfdc",
        kinds=frozenset({"alert", "lead"}),
        secrets=(token,),
        instance_url=api.url,
        token=token,
        **options,  # type: ignore[arg-type]
    )


def test_an_alert_updates_the_contact_and_creates_the_owners_task(
    store: Store, clock: Clock
) -> None:
    with FakeSalesforce() as api:
        contact = api.add("Contact", LastName="Whitfield", Email="dana@acme.io")
        sfdc = salesforce(api)
        enqueue_handoff(store, [sfdc], paywall_handoff(), now=clock())
        assert deliver_due(store, [sfdc], clock(), DeliveryState()).delivered == 1
    fields = api.records[contact]["fields"]
    assert (fields["PQL_Score__c"], fields["PQL_Tier__c"], fields["PQL_Since__c"]) == (
        87.0,
        "hot",
        "2026-02-20",
    )
    assert fields["PQL_Reasons__c"].startswith("Invited 6 teammates this week (+20); ")
    [task] = api.of_type("Task")
    assert (task["WhoId"], task["OwnerId"], task["ActivityDate"], task["Priority"]) == (
        contact,
        "7001",
        "2026-03-02",
        "High",
    )
    assert task["Subject"] == "PQL alert — paywall_hit: Dana Whitfield"
    assert "- hit the paywall on Exports twice" in task["Description"]


def test_an_unknown_email_becomes_a_lead_whose_owner_gets_the_task(
    store: Store, clock: Clock
) -> None:
    with FakeSalesforce() as api:
        sfdc = salesforce(api)
        enqueue_handoff(store, [sfdc], paywall_handoff(owner=None), now=clock())
        assert deliver_due(store, [sfdc], clock(), DeliveryState()).delivered == 1
    [lead] = api.of_type("Lead")
    assert (lead["LastName"], lead["Company"], lead["Email"], lead["PQL_Tier__c"]) == (
        "Dana Whitfield",
        "Acme",
        "dana@acme.io",
        "hot",
    )
    [task] = api.of_type("Task")
    assert (task["WhoId"], task["OwnerId"]) == (lead["Id"], lead["OwnerId"])  # the lead's owner


def test_an_email_with_a_quote_is_escaped_in_soql(store: Store, clock: Clock) -> None:
    with FakeSalesforce() as api:
        contact = api.add("Contact", LastName="O'Neil", Email="o'neil@acme.io")
        sfdc = salesforce(api)
        enqueue_handoff(
            store, [sfdc], paywall_handoff(email="o'neil@acme.io"), kind="lead", now=clock()
        )
        assert deliver_due(store, [sfdc], clock(), DeliveryState()).delivered == 1
    assert api.records[contact]["fields"]["PQL_Tier__c"] == "hot" and api.of_type("Task") == []


def test_a_task_upserted_by_external_id_is_never_duplicated(store: Store, clock: Clock) -> None:
    with FakeSalesforce() as api:
        api.add("Contact", LastName="Whitfield", Email="dana@acme.io")
        sfdc = salesforce(api, task_external_id_field="Pqlkit_Key__c")
        enqueue_handoff(store, [sfdc], paywall_handoff(), now=clock())
        original = api.handle

        def lose_the_first_answer(request):  # type: ignore[no-untyped-def]
            answer = original(request)
            if (
                "/sobjects/Task/Pqlkit_Key__c/" in request.path
                and len(api.external) == 1
                and answer.status == 201
            ):
                return Answer.text(504, "gateway timeout")  # created, but we never hear of it
            return answer

        api.handle = lose_the_first_answer  # type: ignore[method-assign]
        state = DeliveryState()
        assert deliver_due(store, [sfdc], clock(), state).retried == 1
        clock.advance(minutes=5)
        assert deliver_due(store, [sfdc], clock(), state).delivered == 1
    upserts = [r for r in api.requests if "/Pqlkit_Key__c/" in r.path]
    assert len(upserts) == 2 and upserts[0].path == upserts[1].path  # the same reference twice …
    assert len(api.of_type("Task")) == 1  # … one task


def test_salesforce_errors_are_worded_from_its_error_list(store: Store, clock: Clock) -> None:
    with FakeSalesforce() as api:
        api.add("Contact", LastName="Whitfield", Email="dana@acme.io")
        sfdc = salesforce(api, fields={"score": "Lead_Score__c"})  # a field the org does not have
        enqueue_handoff(store, [sfdc], paywall_handoff(), now=clock())
        assert deliver_due(store, [sfdc], clock(), DeliveryState()).dead == 1
    assert Outbox(store).items()[0].last_error == (
        "salesforce Contact: HTTP 400: INVALID_FIELD: No such column 'Lead_Score__c' on sobject of type Contact"
    )


def test_an_expired_session_is_a_dead_letter_without_the_token(store: Store, clock: Clock) -> None:
    with FakeSalesforce() as api:
        sfdc = salesforce(api, token="00D000000000001!expired.session")
        enqueue_handoff(store, [sfdc], paywall_handoff(), now=clock())
        assert deliver_due(store, [sfdc], clock(), DeliveryState()).dead == 1
    error = Outbox(store).items()[0].last_error or ""
    assert error == "salesforce query: HTTP 401: INVALID_SESSION_ID: Session expired or invalid"


def test_the_api_limit_is_retried_after_a_pause_and_resumes_where_it_stopped(
    store: Store, clock: Clock
) -> None:
    with FakeSalesforce() as api:
        api.add("Contact", LastName="Whitfield", Email="dana@acme.io")
        sfdc = salesforce(api)
        enqueue_handoff(store, [sfdc], paywall_handoff(), now=clock())
        original = api.handle

        def limit_tasks(request):  # type: ignore[no-untyped-def]
            if (
                request.path.endswith("/sobjects/Task")
                and len(api.of_type("Task")) == 0
                and len(api.requests) == 3
            ):
                return salesforce_error(
                    403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."
                )
            return original(request)

        api.handle = limit_tasks  # type: ignore[method-assign]
        state = DeliveryState()
        assert deliver_due(store, [sfdc], clock(), state).retried == 1
        row = Outbox(store).items()[0]
        assert (
            row.last_error
            == "salesforce Task: HTTP 403: REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded."
        )
        assert row.next_attempt_at >= clock() + timedelta(seconds=60)
        clock.advance(seconds=61)
        assert deliver_due(store, [sfdc], clock(), state).delivered == 1
    methods = [(r.method, r.path.rsplit("/", 1)[-1]) for r in api.requests]
    assert methods == [
        ("GET", "query"),
        ("PATCH", methods[1][1]),
        ("POST", "Task"),
        ("POST", "Task"),
    ]
    assert len(api.of_type("Task")) == 1


def test_connection_refused_is_retried(store: Store, clock: Clock) -> None:
    api = FakeSalesforce()  # never up
    sfdc = salesforce(api)
    enqueue_handoff(store, [sfdc], paywall_handoff(), now=clock())
    assert deliver_due(store, [sfdc], clock(), DeliveryState()).retried == 1
    assert (Outbox(store).items()[0].last_error or "").startswith(
        "salesforce query: cannot reach the server"
    )
