"""The calls of one request → rows for the log, and the calls rejected with index and field.

A batch's own ``sentAt`` and ``context`` apply to each of its calls (a call's own values win), as
in Segment's batch API, so the clock-skew correction works for SDKs that set ``sentAt`` once per
batch. ``writeKey`` is dropped from every call before anything keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from pqlkit.errors import EventValidationError
from pqlkit.events.spec import parse_call
from pqlkit.server.plain_calls import plain_row
from pqlkit.server.records import RAW_LIMIT, RejectedCall, message_id, micros, row_values

# Rules about the call as a whole, named by the field to fix (as the bulk importers name them).
_WHOLE_CALL_RULES = {"userId or anonymousId is required": "userId"}


@dataclass(frozen=True)
class CheckedCalls:
    """A request's calls after validation, in the order they came."""

    rows: tuple[tuple[Any, ...], ...]  # in records.ROW_COLUMNS order
    message_ids: tuple[str, ...]
    rejects: tuple[RejectedCall, ...]


def _raw(call: Any) -> str | None:
    try:
        text = orjson.dumps(call).decode()
    except TypeError:
        return None
    return text[:RAW_LIMIT]


def _with_batch_defaults(call: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    sent_at = defaults.get("sentAt")
    context = defaults.get("context")
    if "writeKey" not in call and (sent_at is None or "sentAt" in call) and not context:
        return call  # nothing to add or drop (the common case: no copy)
    call = {name: value for name, value in call.items() if name != "writeKey"}
    if sent_at is not None and "sentAt" not in call:
        call["sentAt"] = sent_at
    if isinstance(context, dict) and context:
        own = call.get("context")
        if own is None:
            call["context"] = context
        elif isinstance(own, dict):
            call["context"] = {**context, **own}
    return call


def check_calls(
    calls: list[Any],
    *,
    default_type: str | None,
    received_at: datetime,
    source: str,
    defaults: dict[str, Any] | None = None,
) -> CheckedCalls:
    """Validate each call; a call that breaks the spec becomes a reject, never an error.

    The plain calls take :func:`plain_row`'s path, the others the models' (the same rows)."""
    rows: list[tuple[Any, ...]] = []
    message_ids: list[str] = []
    rejects: list[RejectedCall] = []
    received = micros(received_at)
    for index, call in enumerate(calls):
        if isinstance(call, dict):
            call = _with_batch_defaults(call, defaults or {})
        row = plain_row(call, default_type=default_type, received_at=received)
        if row is None:  # not a plain call: the models validate it
            try:
                checked = parse_call(call, default_type=default_type)
                row = row_values(checked.to_row(received_at=received_at, source=source))
            except EventValidationError as exc:
                reason = str(exc).removeprefix(f"{exc.field}: ") if exc.field else str(exc)
                field = exc.field or _WHOLE_CALL_RULES.get(reason)
                rejects.append(RejectedCall(index, field, reason, _raw(call)))
                continue
            except (OverflowError, ValueError) as exc:  # e.g. a clock-skew correction too far
                rejects.append(RejectedCall(index, None, f"cannot be stored: {exc}", _raw(call)))
                continue
        rows.append(row)
        message_ids.append(message_id(row))
    return CheckedCalls(tuple(rows), tuple(message_ids), tuple(rejects))
