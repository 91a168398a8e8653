"""Segment's HTTP tracking API: ``/v1/track`` … ``/v1/batch``, ``/v1/import``, and analytics.js's
short paths (``/v1/t`` …, ``/v1/b``).

The order of work: a key in the ``Authorization`` header is checked before the body is read;
the body is read within its limit (32 KB for one call, 500 KB for a batch, after decompression)
and parsed; a key in the body (``writeKey``) is checked then. Each call is validated: the valid
ones become rows, the others rejects answered by index and field. Calls whose messageId the
window has seen are answered as duplicates and not written again. The rest, with the rejects,
is one log record; the answer waits until it is fsync'd.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from pqlkit.errors import LogError
from pqlkit.events.spec import MAX_BATCH_BYTES, MAX_EVENT_BYTES
from pqlkit.server.api_errors import ApiError, json_response
from pqlkit.server.auth import authorize, basic_auth_user, body_write_key
from pqlkit.server.body import parse_json_object, read_body
from pqlkit.server.calls import CheckedCalls, check_calls
from pqlkit.server.dedupe import MessageWindow
from pqlkit.server.keys import ApiKey
from pqlkit.server.openapi_bodies import BATCH, CALL, json_body
from pqlkit.server.rate_limit import enforce
from pqlkit.server.records import RequestRecord
from pqlkit.server.runtime import Runtime

CALL_PATHS: dict[str, tuple[str, str]] = {
    "track": ("/v1/track", "/v1/t"),
    "identify": ("/v1/identify", "/v1/i"),
    "group": ("/v1/group", "/v1/g"),
    "page": ("/v1/page", "/v1/p"),
    "screen": ("/v1/screen", "/v1/s"),
    "alias": ("/v1/alias", "/v1/a"),
}
BATCH_PATHS = ("/v1/batch", "/v1/import", "/v1/b")

router = APIRouter(tags=["ingest"])


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def accept(request: Request, call_type: str | None) -> Response:
    """One request to a call endpoint (``call_type``) or a batch endpoint (``None``)."""
    runtime = runtime_of(request)
    is_batch = call_type is None
    key, payload = await _authorized_body(request, runtime, is_batch)
    enforce(
        runtime.rate_limiter,
        key.key_id,
        f"key {key.key_id} sends more than {runtime.config.rate_limit:g} requests per second: "
        "nothing was stored, retry later",
    )
    received_at = runtime.clock.stamp()
    checked = check_calls(
        _calls_of(payload, is_batch),
        default_type=call_type,
        received_at=received_at,
        source=key.source,
        defaults=payload if is_batch else None,
    )
    fresh, fresh_ids = _not_seen(checked, runtime.window)
    if fresh or checked.rejects:
        record = RequestRecord(
            _request_id(), key.source, received_at, tuple(fresh), checked.rejects
        )
        try:
            await runtime.writer.append(record.encode(), record)  # returns once fsync'd
        except LogError as exc:
            raise ApiError(503, "unavailable", f"nothing was stored, retry later: {exc}") from None
        runtime.window.remember(fresh_ids)
    answer: dict[str, Any] = {
        "success": True,
        "accepted": len(checked.rows),
        "duplicates": len(checked.rows) - len(fresh),
        "rejected": [reject.as_json() for reject in checked.rejects],
    }
    if not is_batch and checked.rejects:
        reject = checked.rejects[0]
        where = f"{reject.field}: " if reject.field else ""
        raise ApiError(
            400, "invalid_event", f"{where}{reject.reason}", extra=answer | {"success": False}
        )
    return json_response(answer)


async def _authorized_body(
    request: Request, runtime: Runtime, is_batch: bool
) -> tuple[ApiKey, dict[str, Any]]:
    """The sender's key and the body: a header key is checked before the body is read."""
    header_key = basic_auth_user(request.headers.get("authorization"))
    key = authorize(runtime.keys, header_key, "write") if header_key is not None else None
    body = await read_body(request, MAX_BATCH_BYTES if is_batch else MAX_EVENT_BYTES)
    payload = parse_json_object(body)
    if key is None:
        key = authorize(runtime.keys, body_write_key(payload), "write")
    return key, payload


_RUN = uuid.uuid4().hex[:20]  # this server run's prefix: ids unique across runs
_REQUESTS = itertools.count()


def _request_id() -> str:
    """A unique id for a request's record (a counter, not a uuid4 per request: cheaper)."""
    return f"{_RUN}{next(_REQUESTS):012x}"


def _calls_of(payload: dict[str, Any], is_batch: bool) -> list[Any]:
    if not is_batch:
        return [payload]
    calls = payload.get("batch")
    if not isinstance(calls, list):
        raise ApiError(400, "invalid_batch", "batch: must be a list of calls")
    return calls


def _not_seen(
    checked: CheckedCalls, window: MessageWindow
) -> tuple[list[tuple[Any, ...]], list[str]]:
    """The rows whose messageId neither the window nor an earlier call of the request has."""
    rows, ids, seen = [], [], set()
    for row, message_id in zip(checked.rows, checked.message_ids, strict=True):
        if message_id in seen or message_id in window:
            continue
        seen.add(message_id)
        rows.append(row)
        ids.append(message_id)
    return rows, ids


def _endpoint(call_type: str | None) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await accept(request, call_type)

    return endpoint


for _call_type, (_path, _short) in CALL_PATHS.items():
    router.add_api_route(
        _path,
        _endpoint(_call_type),
        methods=["POST"],
        name=_call_type,
        summary=f"Send one {_call_type} call (Segment's HTTP API)",
        openapi_extra=json_body(CALL),
    )
    router.add_api_route(_short, _endpoint(_call_type), methods=["POST"], include_in_schema=False)
for _path in BATCH_PATHS:
    router.add_api_route(
        _path,
        _endpoint(None),
        methods=["POST"],
        name=_path.rsplit("/", 1)[-1],
        summary="Send a batch of calls (up to 500 KB)",
        openapi_extra=json_body(BATCH),
        include_in_schema=_path != "/v1/b",
    )
