"""Within a batch: the good calls stored, the bad ones answered by index and field and kept as
rejects; retries stored once."""

from __future__ import annotations

import orjson

from tests.server.conftest import RunningServer, basic, track

# -- partial batches ---------------------------------------------------------------------------


def test_a_partial_batch_stores_the_good_calls_and_answers_the_bad_ones_by_index_and_field(
    server: RunningServer,
) -> None:
    key = server.new_key()
    batch = [
        track("usr_1", messageId="ok-0"),
        {"type": "track", "event": "Signed In", "messageId": "bad-1"},  # nobody
        track("usr_2", messageId="ok-2"),
        {"type": "track", "userId": "usr_3", "messageId": "bad-3"},  # no event
        {"type": "launch", "userId": "usr_4"},
        track("usr_5", messageId="big-5", properties={"pad": "x" * 33_000}),
        "not an object",
    ]
    answer = server.client.post("/v1/batch", json={"batch": batch}, headers=basic(key))
    assert answer.status_code == 200
    assert answer.json() == {
        "success": True,
        "accepted": 2,
        "duplicates": 0,
        "rejected": [
            {"index": 1, "field": "userId", "error": "userId or anonymousId is required"},
            {"index": 3, "field": "event", "error": "Field required"},
            {
                "index": 4,
                "field": "type",
                "error": "unknown call type 'launch' (expected one of track, identify, group, page, screen, alias)",
            },
            {
                "index": 5,
                "field": None,
                "error": "event is 33097 bytes, over the 32768-byte (32 KB) limit",
            },
            {"index": 6, "field": None, "error": "must be a JSON object"},
        ],
    }
    assert list(server.events().message_id) == ["ok-0", "ok-2"]
    rejects = server.rejects()
    assert list(rejects.line) == [1, 3, 4, 5, 6]
    assert rejects.field.iloc[1] == "event"
    assert rejects.source.iloc[0].startswith("api:server:k_")
    assert orjson.loads(rejects.raw.iloc[0])["messageId"] == "bad-1"


def test_a_single_call_that_breaks_the_spec_is_400_with_its_field_and_kept_as_a_reject(
    server: RunningServer,
) -> None:
    key = server.new_key()
    answer = server.client.post("/v1/identify", json={"traits": {"plan": "pro"}, "writeKey": key})
    assert answer.status_code == 400
    body = answer.json()
    assert (body["code"], body["message"]) == (
        "invalid_event",
        "userId: userId or anonymousId is required",
    )
    assert body["rejected"] == [
        {"index": 0, "field": "userId", "error": "userId or anonymousId is required"}
    ]
    rejects = server.rejects()
    assert len(rejects) == 1 and key not in rejects.raw.iloc[0]  # writeKey is never kept


# -- idempotency -------------------------------------------------------------------------------


def test_a_retried_batch_is_answered_as_duplicates_and_stored_once(server: RunningServer) -> None:
    key = server.new_key()
    body = {"batch": [track(messageId="r1"), track(messageId="r2"), track(messageId="r1")]}
    first = server.client.post("/v1/batch", json=body, headers=basic(key))
    again = server.client.post("/v1/batch", json=body, headers=basic(key))
    assert first.json()["duplicates"] == 1  # r1 twice in one batch
    assert again.json() | {"rejected": []} == {
        "success": True,
        "accepted": 3,
        "duplicates": 3,
        "rejected": [],
    }
    assert list(server.events().message_id) == ["r1", "r2"]


def test_a_call_without_message_id_gets_a_content_hash_so_a_retry_is_still_one_event(
    server: RunningServer,
) -> None:
    key = server.new_key()
    call = track(timestamp="2026-01-01T00:00:00Z")
    server.client.post("/v1/track", json=call, headers=basic(key))
    server.client.post("/v1/track", json=call, headers=basic(key))
    stored = server.events()
    assert len(stored) == 1 and stored.message_id.iloc[0].startswith("hash-")


def test_duplicates_the_window_forgot_are_still_loaded_once(server: RunningServer) -> None:
    key = server.new_key()
    server.client.post("/v1/track", json=track(messageId="w1"), headers=basic(key))
    server.events()  # loaded
    server.runtime.window = type(server.runtime.window)()  # as after a restart
    again = server.client.post("/v1/track", json=track(messageId="w1"), headers=basic(key))
    assert again.json()["duplicates"] == 0  # the window could not know …
    assert len(server.events()) == 1  # … the loader does
