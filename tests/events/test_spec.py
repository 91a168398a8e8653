"""The Segment spec, one call at a time: what is accepted, what is refused and why."""

from __future__ import annotations

from datetime import datetime

import pytest

from pqlkit.errors import EventValidationError
from pqlkit.events.spec import MAX_EVENT_BYTES, parse_call

RECEIVED = datetime(2026, 3, 1, 12, 0, 30)


def test_a_track_call_becomes_an_events_row() -> None:
    call = parse_call(
        {
            "type": "track",
            "event": "Signed Up",
            "userId": 42,
            "messageId": "m-1",
            "properties": {"plan": "trial"},
            "context": {"groupId": "acme"},
            "timestamp": "2026-03-01T12:00:00Z",
        }
    )
    row = call.to_row(received_at=RECEIVED, source="key:abc")
    assert row["user_id"] == "42"  # numeric ids are strings
    assert row["group_id"] == "acme"
    assert row["properties"] == '{"plan":"trial"}'
    assert row["timestamp"] == datetime(2026, 3, 1, 12, 0)
    assert row["source"] == "key:abc"


def test_clock_skew_is_removed_when_sent_at_is_known() -> None:
    call = parse_call(
        {
            "type": "track",
            "event": "A",
            "userId": "u",
            "timestamp": "2026-03-01T11:00:00Z",  # the device clock is an hour behind
            "sentAt": "2026-03-01T11:00:10Z",
        }
    )
    assert call.corrected_timestamp(RECEIVED) == datetime(2026, 3, 1, 12, 0, 20)


def test_without_a_timestamp_the_call_happened_when_received() -> None:
    call = parse_call({"type": "identify", "userId": "u", "traits": {"email": "a@b.co"}})
    assert call.corrected_timestamp(RECEIVED) == RECEIVED


def test_a_call_without_message_id_gets_a_stable_content_id() -> None:
    payload = {"type": "track", "event": "A", "userId": "u", "timestamp": "2026-03-01T11:00:00Z"}
    first = parse_call(payload).to_row(received_at=RECEIVED)["message_id"]
    again = parse_call(payload | {"sentAt": "2026-03-01T11:00:09Z"}).to_row(received_at=RECEIVED)
    assert first.startswith("hash-") and first == again["message_id"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"type": "track", "event": "A"}, "userId or anonymousId is required"),
        ({"type": "track", "userId": "u"}, "event: Field required"),
        ({"type": "group", "userId": "u"}, "groupId: Field required"),
        ({"type": "alias", "userId": "u"}, "previousId: Field required"),
        ({"type": "launch", "userId": "u"}, "type: unknown call type 'launch'"),
        ({"type": "track", "event": "A", "userId": "u", "timestamp": "soon"}, "timestamp:"),
        ({"type": "track", "event": "A", "userId": True}, "userId: must be a string"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_an_invalid_call_names_the_field(payload: object, message: str) -> None:
    with pytest.raises(EventValidationError) as raised:
        parse_call(payload)
    assert str(raised.value).startswith(message)


def test_an_event_over_32_kb_is_refused() -> None:
    payload = {
        "type": "track",
        "event": "A",
        "userId": "u",
        "properties": {"x": "y" * MAX_EVENT_BYTES},
    }
    with pytest.raises(EventValidationError, match="over the 32768-byte"):
        parse_call(payload)


def test_per_call_endpoints_may_omit_the_type() -> None:
    call = parse_call({"userId": "u", "name": "Pricing"}, default_type="page")
    assert call.to_row(received_at=RECEIVED)["name"] == "Pricing"


def test_a_type_that_is_not_text_is_named_as_the_field_at_fault() -> None:
    with pytest.raises(EventValidationError, match=r"unknown call type \['track'\]") as error:
        parse_call({"type": ["track"], "event": "A", "userId": "u"})
    assert error.value.field == "type"
