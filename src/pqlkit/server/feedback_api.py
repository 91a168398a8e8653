"""Sales feedback through the API: ``POST /v1/feedback`` (server write keys) and ``GET
/v1/feedback`` (read keys).

A CRM integration or a sales tool reports a rep's verdict on a lead, or just that the rep
reached out (``touched``): stored with who and when, and the entity's open alerts get their
first touch. Browser keys are public, so they cannot send feedback.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from pqlkit.errors import ConfigError
from pqlkit.sales.feedback import Feedback
from pqlkit.server.api_errors import ApiError, json_response
from pqlkit.server.auth import authorize, basic_auth_user
from pqlkit.server.ingest import runtime_of
from pqlkit.server.params import text_param
from pqlkit.server.query import require_read_key
from pqlkit.store.store import Store

router = APIRouter(prefix="/v1", tags=["feedback"])


class FeedbackBody(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entity_id: str
    label: str  # good | not-ready | converted | lost | touched
    note: str | None = None
    by: str | None = None
    at: datetime | None = None
    alert_id: str | None = None


def feedback_of(body: FeedbackBody) -> Feedback:
    at = body.at
    if at is not None and at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    try:
        return Feedback(body.entity_id, body.label, body.note, body.by, at, body.alert_id)
    except ConfigError as exc:
        raise ApiError(400, "invalid_request", str(exc)) from None


@router.post("/feedback", summary="Report a rep's verdict on a lead, or its first touch")
async def post_feedback(request: Request, body: FeedbackBody) -> Response:
    from pqlkit.sales import feedback

    runtime = runtime_of(request)
    key = authorize(runtime.keys, basic_auth_user(request.headers.get("authorization")), "write")
    if key.kind != "write-server":
        raise ApiError(
            403, "forbidden", f"key {key.key_id} is a browser key: feedback needs a server key"
        )
    given = feedback_of(body)

    def store_it(store: Store) -> feedback.Recorded:
        return feedback.record(store, given, f"api:{key.key_id}")

    recorded = await runtime.store_thread.run(store_it)
    return json_response(recorded.as_json(), 201)


@router.get("/feedback", summary="Feedback on leads, newest first")
async def get_feedback(
    request: Request,
    entity_id: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
) -> Response:
    from pqlkit.sales import feedback

    require_read_key(request)
    text_param("entity_id", entity_id)

    def read(store: Store) -> list[dict[str, object]]:
        return feedback.read(store, entity_id, limit)

    return json_response({"feedback": await runtime_of(request).store_thread.run(read)})
