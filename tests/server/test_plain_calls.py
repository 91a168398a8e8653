"""The ingest API's plain-call path gives the models' row, or declines and lets them decide."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pqlkit.errors import EventValidationError
from pqlkit.events.spec import MAX_EVENT_BYTES, parse_call
from pqlkit.server.calls import check_calls
from pqlkit.server.plain_calls import plain_row
from pqlkit.server.records import micros, row_values

RECEIVED = datetime(2026, 3, 1, 12, 0, 30)
REFUSED = "refused by the models"


def models_row(call: Any, default_type: str | None = None) -> Any:
    try:
        row = parse_call(call, default_type=default_type).to_row(received_at=RECEIVED)
    except (EventValidationError, OverflowError, ValueError):
        return REFUSED
    return row_values(row)


def plain(call: Any, default_type: str | None = None) -> tuple[Any, ...] | None:
    return plain_row(call, default_type=default_type, received_at=micros(RECEIVED))


@pytest.mark.parametrize(
    "call",
    [
        {
            "type": "track",
            "event": "Paywall Hit",
            "userId": "ann",
            "messageId": "m-1",
            "properties": {"feature": "sso", "n": 2.0},
            "context": {"groupId": "acme", "ip": "1.2.3.4"},
            "timestamp": "2026-03-01T11:00:00Z",
            "sentAt": "2026-03-01T11:00:10Z",  # the device clock is 20 s behind
        },
        {"type": "page", "anonymousId": "a-1", "messageId": "m-2", "properties": {"name": "Pricing"}},
        {"type": "screen", "userId": "ann", "messageId": "m-3", "name": "Home", "category": None},
        {"type": "identify", "userId": "ann", "anonymousId": " ", "messageId": "m-4",
         "traits": {"email": "ann@acme.io"}, "timestamp": "2026-03-01T13:00:00+01:00"},
        {"type": "group", "userId": "ann", "groupId": "acme", "messageId": "m-5",
         "traits": {"employees": 40}, "originalTimestamp": "2026-03-01T11:00:00",
         "timestamp": "2026-03-01T10:00:00.5", "sentAt": "2026-03-01T11:00:00Z"},
    ],
)  # fmt: skip
def test_plain_calls_take_the_plain_path_and_give_the_models_row(call: dict[str, Any]) -> None:
    row = plain(call)
    assert row is not None
    assert row == models_row(call)


def test_a_batch_of_plain_calls_is_checked_as_the_models_would() -> None:
    calls = [
        {"type": "track", "event": "A", "userId": f"u{i}", "messageId": f"m-{i}"} for i in range(3)
    ]
    checked = check_calls(calls, default_type=None, received_at=RECEIVED, source="server")
    assert checked.rows == tuple(models_row(call) for call in calls)
    assert checked.message_ids == ("m-0", "m-1", "m-2")


@pytest.mark.parametrize(
    ("call", "why"),
    [
        ({"type": "alias", "userId": "ann", "previousId": "a-1", "messageId": "m"}, "an alias"),
        ({"type": "track", "event": "A", "userId": "ann"}, "no messageId: its id is a hash"),
        ({"type": "track", "event": "A", "userId": 42, "messageId": "m"}, "a number for an id"),
        ({"type": "track", "event": "A", "user_id": "ann", "messageId": "m"}, "a Python name"),
        ({"type": "track", "event": "", "userId": "ann", "messageId": "m"}, "an empty event"),
        ({"type": "track", "event": "A", "messageId": "m"}, "nobody"),
        ({"type": "track", "event": "A", "userId": "u", "messageId": "m",
          "timestamp": "yesterday"}, "a time that is not ISO-8601"),
        ({"type": "track", "event": "A", "userId": "u", "messageId": "m",
          "timestamp": "0001-01-01T00:00:00+01:00"}, "a time before year 1 in UTC"),
        ({"type": "track", "event": "A", "userId": "u", "messageId": "m",
          "properties": {"x": "y" * MAX_EVENT_BYTES}}, "over 32 KB"),
        ({"type": "track", "event": "A", "userId": "u", "messageId": "m", "context": None},
         "a null context"),
    ],
)  # fmt: skip
def test_calls_it_is_not_sure_of_are_left_to_the_models(call: dict[str, Any], why: str) -> None:
    assert plain(call) is None, why


# -- any call: the plain path's row is the models' row -------------------------------------

_TEXT = st.one_of(st.text(max_size=8), st.text(min_size=199, max_size=201))
_INT = st.integers(-(2**63), 2**63 - 1)
_ID = st.one_of(st.none(), _TEXT, st.just(""), st.just("  "), _INT, st.booleans())
_ZONES = st.sampled_from(["", "Z", "z", "+00:00", "+05:30", "-08:00", " ", "+14:00", "-23:59"])
_TIME = st.one_of(
    st.none(),
    st.just(""),
    st.builds(lambda moment, zone: moment.isoformat() + zone, st.datetimes(), _ZONES),
    st.builds(lambda moment: moment.date().isoformat(), st.datetimes()),
    st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "soon"]),
    _INT,
)
_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), _INT, _TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
_OBJECT = st.one_of(
    st.dictionaries(st.sampled_from(["groupId", "name", "plan", "n"]), _JSON, max_size=3),
    _JSON,
)
_FIELDS = {
    "type": st.sampled_from(["track", "identify", "group", "page", "screen", "alias", "x", 3]),
    "messageId": _ID,
    "userId": _ID,
    "anonymousId": _ID,
    "timestamp": _TIME,
    "originalTimestamp": _TIME,
    "sentAt": _TIME,
    "receivedAt": _TIME,
    "context": _OBJECT,
    "integrations": _OBJECT,
    "properties": _OBJECT,
    "traits": _OBJECT,
    "event": _ID,
    "name": _ID,
    "category": _ID,
    "groupId": _ID,
    "previousId": _ID,
    "user_id": _ID,
    "sent_at": _TIME,
}
_GOOD_TIME = st.builds(
    lambda moment, zone: moment.isoformat() + zone,
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
    st.sampled_from(["", "Z", "+00:00", "+05:30", "-08:00"]),
)
_GOOD_TEXT = st.text(min_size=1, max_size=10)
_GOOD = {  # values as SDKs send them
    "type": st.sampled_from(["track", "identify", "group", "page", "screen"]),
    "messageId": _GOOD_TEXT,
    "userId": _GOOD_TEXT,
    "anonymousId": st.one_of(_GOOD_TEXT, st.none()),
    "timestamp": _GOOD_TIME,
    "originalTimestamp": _GOOD_TIME,
    "sentAt": _GOOD_TIME,
    "receivedAt": _GOOD_TIME,
    "context": st.dictionaries(st.sampled_from(["groupId", "ip", "library"]), _JSON, max_size=2),
    "integrations": st.dictionaries(st.text(max_size=4), st.booleans(), max_size=2),
    "properties": st.dictionaries(st.sampled_from(["name", "plan", "n"]), _JSON, max_size=2),
    "traits": st.dictionaries(st.sampled_from(["email", "plan"]), _JSON, max_size=2),
    "event": _GOOD_TEXT,
    "name": st.one_of(_GOOD_TEXT, st.none(), st.just("")),
    "category": st.one_of(_GOOD_TEXT, st.none()),
    "groupId": _GOOD_TEXT,
}


@st.composite
def _calls(draw: st.DrawFn) -> dict[str, Any]:
    """A call as an SDK sends it, with up to two fields given any value (or added)."""
    call = draw(
        st.fixed_dictionaries(
            {name: _GOOD[name] for name in ("type", "messageId", "userId")},
            optional={n: v for n, v in _GOOD.items() if n not in ("type", "messageId", "userId")},
        )
    )
    for name in draw(st.lists(st.sampled_from(sorted(_FIELDS)), max_size=2)):
        call[name] = draw(_FIELDS[name])
    return call


@settings(max_examples=1500, deadline=None)
@given(_calls(), st.sampled_from([None, "track", "page", "identify", "group"]))
def test_the_plain_path_gives_the_models_row_or_declines(
    call: dict[str, Any], default_type: str | None
) -> None:
    call = orjson.loads(orjson.dumps(call))  # what the server parses from a request
    row = plain(call, default_type)
    if row is not None:
        assert row == models_row(call, default_type)
