"""The common calls turned into log rows without the Pydantic models: the ingest API's hot path.

Nearly every call an SDK sends is plain: a track, page, screen, identify or group call with a
messageId, text ids, ISO-8601 times and JSON objects where the spec wants them. Validating those
through :func:`pqlkit.events.spec.parse_call` costs three times the rest of a request's work in
the server, so :func:`plain_row` reads them directly and gives **the same row**. Anything it
is not sure of — a call that may be invalid, an alias, a call without messageId (its id is a
hash of the validated model), a field under its Python name, a number for an id — it declines
(``None``), and the models decide, with their error messages. A property test holds the two
to the same rows (``tests/server/test_plain_calls.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson

from pqlkit.events.spec import MAX_EVENT_BYTES, iso_moment
from pqlkit.server.records import micros

_ID_LIMIT = 200  # the models' max_length on ids, names and messageIds
_KINDS = frozenset({"track", "identify", "group", "page", "screen"})
# Fields the models also accept under their Python names (populate_by_name): declined.
_PYTHON_NAMES = frozenset(
    {
        "message_id",
        "user_id",
        "anonymous_id",
        "original_timestamp",
        "sent_at",
        "received_at",
        "group_id",
        "previous_id",
    }
)
_DECLINE = object()
_FIRST, _LAST = micros(datetime.min), micros(datetime.max)


def _object(call: dict[str, Any], name: str) -> Any:
    """A JSON-object field: ``{}`` when absent, the value when an object, else declined."""
    value = call.get(name, _DECLINE)
    if value is _DECLINE:
        return {}
    return value if type(value) is dict else _DECLINE


def _user_id(value: Any) -> Any:
    """``userId`` / ``anonymousId``: text kept, blank text and null as none, else declined."""
    if value is None:
        return None
    if type(value) is not str:
        return _DECLINE
    if value.strip() == "":
        return None
    return value if len(value) <= _ID_LIMIT else _DECLINE


def _time(value: Any) -> Any:
    """A time as microseconds since the epoch, UTC, read as :func:`parse_time` reads it."""
    if value is None or value == "":
        return None
    if type(value) is not str:
        return _DECLINE
    try:
        moment = iso_moment(value)
    except ValueError:
        return _DECLINE
    return _in_range(micros(moment))


def _in_range(value: int) -> Any:
    """``value``, if a datetime can hold it (else the models' path says why not)."""
    return value if _FIRST <= value <= _LAST else _DECLINE


def _name(value: Any, *, required: bool) -> Any:
    """An event name, group id or page name: text within the limit (non-empty if required)."""
    if value is None and not required:
        return None
    if type(value) is not str or len(value) > _ID_LIMIT or (required and not value):
        return _DECLINE
    return value


def _text(value: Any) -> str:
    return orjson.dumps(value).decode()


def plain_row(call: Any, *, default_type: str | None, received_at: int) -> tuple[Any, ...] | None:
    """The call's row in ``records.ROW_COLUMNS`` order (times in microseconds), exactly as
    ``row_values(parse_call(call, default_type=…).to_row(received_at=…))`` gives it
    (``received_at`` here in microseconds); ``None`` when the call is not one this path is
    sure of (the models then validate it)."""
    if type(call) is not dict or not _PYTHON_NAMES.isdisjoint(call):
        return None
    kind = default_type if default_type is not None else call.get("type")
    if type(kind) is not str or kind not in _KINDS or len(orjson.dumps(call)) > MAX_EVENT_BYTES:
        return None
    message_id = call.get("messageId")
    if type(message_id) is not str or not message_id or len(message_id) > _ID_LIMIT:
        return None
    user_id = _user_id(call.get("userId"))
    anonymous_id = _user_id(call.get("anonymousId"))
    if user_id is _DECLINE or anonymous_id is _DECLINE or not (user_id or anonymous_id):
        return None
    timestamp, original = _time(call.get("timestamp")), _time(call.get("originalTimestamp"))
    sent_at, client_received = _time(call.get("sentAt")), _time(call.get("receivedAt"))
    context, integrations = _object(call, "context"), _object(call, "integrations")
    if _DECLINE in (timestamp, original, sent_at, client_received, context, integrations):
        return None

    event = name = group_id = properties = traits = None
    if kind == "track":
        event = _name(call.get("event"), required=True)
        properties = _object(call, "properties")
    elif kind in ("page", "screen"):
        name = _name(call.get("name"), required=False)
        properties = _object(call, "properties")
        category = call.get("category")
        if category is not None and type(category) is not str:
            return None
        if properties is not _DECLINE and not name:
            name = properties.get("name")
    elif kind == "identify":
        traits = _object(call, "traits")
    else:  # group
        group_id = _name(call.get("groupId"), required=True)
        traits = _object(call, "traits")
    if _DECLINE in (event, name, group_id, properties, traits):
        return None
    if kind != "group":
        in_context = context.get("groupId")
        group_id = str(in_context) if in_context not in (None, "") else None

    if timestamp is None:
        happened = received_at
    elif sent_at is not None and original is None:  # the client clock's offset removed
        happened = _in_range(received_at - (sent_at - timestamp))
        if happened is _DECLINE:
            return None
    else:
        happened = timestamp
    return (
        message_id,
        kind,
        event,
        name,
        user_id,
        anonymous_id,
        group_id,
        None,  # previous_id: aliases only
        happened,
        timestamp,
        sent_at,
        received_at,
        None if properties is None else _text(properties),
        None if traits is None else _text(traits),
        _text(context) if context else None,
    )
