"""The server's plain-track path gives exactly the row the pydantic models give, or steps aside.

Given any call — valid or not, with fields of any JSON type, blank or long ids, odd times,
python field names, oversized bodies — :func:`plain_track_row` either returns ``None`` (the
models then decide) or the row :func:`parse_call` + ``to_row`` would have made; and the plain
calls SDKs send take the plain path.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from pqlkit.errors import EventValidationError
from pqlkit.events.spec import MAX_EVENT_BYTES, parse_call, plain_track_row

RECEIVED = datetime(2026, 3, 1, 12, 0, 30)

texts = st.one_of(
    st.text(max_size=5),
    st.just("   "),
    st.text(min_size=199, max_size=202),
    st.sampled_from(["usr_1", "m-1", "Signed Up", "x" * 200]),
)
times = st.one_of(
    st.sampled_from(
        ["2026-03-01T12:00:00Z", "2026-03-01T11:59:58.250+01:00", "2026-03-01", "", "soon"]
    ),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda moment: moment.isoformat()
    ),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False))
objects = st.dictionaries(
    st.sampled_from(["groupId", "plan", "name", "ip"]),
    st.one_of(scalars, texts, st.just(""), st.just({})),
    max_size=3,
)
values = {
    "type": st.sampled_from(["track", "identify", "page", None, 3]),
    "messageId": st.one_of(texts, scalars),
    "event": st.one_of(texts, scalars),
    "userId": st.one_of(texts, scalars),
    "anonymousId": st.one_of(texts, scalars),
    "timestamp": st.one_of(times, scalars),
    "sentAt": st.one_of(times, scalars),
    "originalTimestamp": st.one_of(times, st.none()),
    "receivedAt": st.one_of(times, scalars),
    "properties": st.one_of(objects, scalars, texts),
    "context": st.one_of(objects, scalars),
    "integrations": st.one_of(objects, scalars),
    "user_id": texts,  # python names, which the models also take
    "sent_at": times,
    "extra": st.one_of(scalars, objects),
    "padding": st.just("x" * (MAX_EVENT_BYTES + 1)),
}
calls = st.fixed_dictionaries(
    {}, optional={name: strategy for name, strategy in values.items() if name != "padding"}
) | st.fixed_dictionaries({}, optional=values)


def by_the_models(call: dict[str, Any], default_type: str | None) -> dict[str, Any] | str:
    try:
        return parse_call(call, default_type=default_type).to_row(
            received_at=RECEIVED, source="api:server:k"
        )
    except EventValidationError as exc:
        return f"rejected: {exc}"
    except (OverflowError, ValueError) as exc:
        return f"cannot be stored: {exc}"


@settings(max_examples=3000, deadline=None)
@given(call=calls, default_type=st.sampled_from([None, "track", "page"]))
def test_the_plain_path_gives_the_models_row_or_steps_aside(
    call: dict[str, Any], default_type: str | None
) -> None:
    try:
        plain = plain_track_row(
            call, default_type=default_type, received_at=RECEIVED, source="api:server:k"
        )
    except (OverflowError, ValueError):  # a time the clock correction cannot hold …
        assert by_the_models(call, default_type).startswith("cannot be stored")  # … nor there
        return
    if plain is not None:
        assert plain == by_the_models(call, default_type)
    event(f"plain path: {plain is not None}")


def test_the_calls_sdks_send_take_the_plain_path() -> None:
    sent = {
        "type": "track",
        "event": "Paywall Hit",
        "userId": "usr_9",
        "anonymousId": "",
        "messageId": "ajs-next-1",
        "properties": {"plan": "trial", "seats": 3},
        "context": {"library": {"name": "analytics-python"}, "groupId": 7},
        "integrations": {},
        "timestamp": "2026-03-01T12:00:00.125Z",
        "sentAt": "2026-03-01T12:00:01Z",
    }
    plain = plain_track_row(sent, default_type=None, received_at=RECEIVED, source="s")
    assert plain is not None and plain == by_the_models_row(sent)
    assert plain["timestamp"] == datetime(2026, 3, 1, 12, 0, 29, 125000)  # skew removed
    assert plain["group_id"] == "7" and plain["anonymous_id"] is None
    page = {**sent, "type": "page"}
    assert plain_track_row(page, default_type=None, received_at=RECEIVED) is None


def by_the_models_row(call: dict[str, Any]) -> dict[str, Any]:
    return parse_call(call).to_row(received_at=RECEIVED, source="s")
