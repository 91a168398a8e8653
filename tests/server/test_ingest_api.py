"""Segment's HTTP tracking API: every path and call type, a batch's own fields, health and
JSON errors — and what each leaves in the store."""

from __future__ import annotations

import json

import pytest

from tests.server.conftest import RunningServer, basic, track

CALLS = {
    "track": {"userId": "usr_1", "event": "Signed In"},
    "identify": {"userId": "usr_1", "traits": {"email": "ada@acme.io"}},
    "group": {"userId": "usr_1", "groupId": "acc_1", "traits": {"name": "Acme"}},
    "page": {"userId": "usr_1", "name": "Pricing"},
    "screen": {"userId": "usr_1", "name": "Home"},
    "alias": {"userId": "usr_1", "previousId": "anon_1"},
}
SHORT = {"track": "t", "identify": "i", "group": "g", "page": "p", "screen": "s", "alias": "a"}


# -- the paths ---------------------------------------------------------------------------------


@pytest.mark.parametrize("call_type", list(CALLS))
def test_each_call_type_has_its_segment_path_and_analytics_js_short_path(
    server: RunningServer, call_type: str
) -> None:
    key = server.new_key()
    long = server.client.post(
        f"/v1/{call_type}", json=CALLS[call_type] | {"messageId": "m-long"}, headers=basic(key)
    )
    short = server.client.post(
        f"/v1/{SHORT[call_type]}",
        json=CALLS[call_type] | {"messageId": "m-short"},
        headers=basic(key),
    )
    assert (long.status_code, short.status_code) == (200, 200)
    assert long.json() == {"success": True, "accepted": 1, "duplicates": 0, "rejected": []}
    stored = server.events()
    assert list(stored.message_id) == ["m-long", "m-short"]
    assert set(stored.type) == {call_type}


@pytest.mark.parametrize("path", ["/v1/batch", "/v1/import", "/v1/b"])
def test_a_batch_stores_each_call_with_the_source_of_its_key(
    server: RunningServer, path: str
) -> None:
    key = server.new_key()
    batch = [{"type": t, "messageId": f"m-{t}", **c} for t, c in CALLS.items()]
    answer = server.client.post(path, json={"batch": batch}, headers=basic(key))
    assert answer.status_code == 200 and answer.json()["accepted"] == 6
    stored = server.events()
    assert sorted(stored.type) == sorted(CALLS)
    key_id = server.runtime.keys.verify(key).key_id  # type: ignore[union-attr]
    assert set(stored.source) == {f"api:server:{key_id}"}


def test_a_page_call_keeps_its_name_and_a_group_call_its_traits(server: RunningServer) -> None:
    key = server.new_key()
    server.client.post(
        "/v1/page", json=CALLS["page"] | {"properties": {"path": "/pricing"}}, headers=basic(key)
    )
    server.client.post("/v1/group", json=CALLS["group"], headers=basic(key))
    stored = server.events().set_index("type")
    assert stored.loc["page", "name"] == "Pricing"
    assert json.loads(stored.loc["group", "traits"]) == {"name": "Acme"}
    assert stored.loc["group", "group_id"] == "acc_1"


# -- batch-level fields and time ---------------------------------------------------------------


def test_a_batch_s_sent_at_corrects_the_client_clock_and_its_context_reaches_each_call(
    server: RunningServer,
) -> None:
    key = server.new_key()
    body = {
        "batch": [
            track(messageId="m1", timestamp="2020-01-01T00:00:00Z", context={"ip": "1.2.3.4"})
        ],
        "sentAt": "2020-01-01T00:00:10Z",  # the client clock is years behind; the call is 10 s old
        "context": {"library": {"name": "analytics-python"}, "ip": "9.9.9.9"},
    }
    server.client.post("/v1/batch", json=body, headers=basic(key))
    stored = server.events().iloc[0]
    assert (stored.received_at - stored.timestamp).total_seconds() == pytest.approx(10, abs=1)
    assert json.loads(stored.context) == {"library": {"name": "analytics-python"}, "ip": "1.2.3.4"}


# -- the rest ----------------------------------------------------------------------------------


def test_healthz_needs_no_key(server: RunningServer) -> None:
    answer = server.client.get("/healthz")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"


def test_an_unknown_path_or_method_is_a_json_error(server: RunningServer) -> None:
    missing = server.client.post("/v2/track", json={})
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = server.client.get("/v1/track")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"


def test_the_openapi_schema_lists_the_segment_paths(server: RunningServer) -> None:
    paths = server.client.get("/openapi.json").json()["paths"]
    assert {"/v1/track", "/v1/batch", "/v1/import", "/healthz"} <= set(paths)


def test_while_the_store_refuses_rows_events_wait_in_the_log_and_healthz_says_so(
    server: RunningServer,
) -> None:
    import time

    key = server.new_key()
    server.runtime.store_thread.submit(
        lambda s: s.duckdb().execute("ALTER TABLE events RENAME TO events_away")
    ).result()
    assert (
        server.client.post(
            "/v1/track", json=track(messageId="kept"), headers=basic(key)
        ).status_code
        == 200
    )
    deadline = time.monotonic() + 10
    while server.client.get("/healthz").status_code == 200 and time.monotonic() < deadline:
        time.sleep(0.05)
    health = server.client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["problems"] == [
        "loading the log into the store fails: events wait in the log"
    ]
    server.runtime.store_thread.submit(
        lambda s: s.duckdb().execute("ALTER TABLE events_away RENAME TO events")
    ).result()
    assert list(server.events().message_id) == ["kept"]
