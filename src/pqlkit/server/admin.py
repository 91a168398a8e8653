"""The admin API: what CLI commands do through a running server that owns the store.

Authentication: ``Authorization: Bearer <token>`` with the token the server wrote into its lock
file (mode 0600, beside the store), and only from a loopback address. Whoever can read that file
can administer the server, as whoever can read the store file can read every event in it.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from pqlkit.errors import ConfigError, InputError
from pqlkit.model.issues import ModelError
from pqlkit.server.api_errors import ApiError, json_response
from pqlkit.server.feedback_api import FeedbackBody, feedback_of
from pqlkit.server.ingest import runtime_of
from pqlkit.server.keys import ApiKey, KeyKind, create_key, list_keys, revoke_key
from pqlkit.server.params import text_param
from pqlkit.server.scheduled import second_handle
from pqlkit.store.store import Store
from pqlkit.times import naive_utc

T = TypeVar("T")


def _loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_admin(request: Request) -> None:
    client = request.client.host if request.client is not None else None
    if not _loopback(client):
        raise ApiError(403, "forbidden", "the admin API answers local clients only")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    expected = runtime_of(request).config.admin_token
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip(), expected):
        raise ApiError(
            401, "unauthorized", "the admin API needs the token in the server's lock file"
        )


router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_admin)])


class NewKey(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: KeyKind
    label: str | None = None


@router.get("/keys", summary="List the API keys (never their secrets)")
async def get_keys(request: Request) -> Response:
    keys = await runtime_of(request).store_thread.run(list_keys)
    return json_response({"keys": [key.as_json() for key in keys]})


@router.post("/keys", summary="Create an API key; its secret is in this answer only")
async def post_key(request: Request, new: NewKey) -> Response:
    runtime = runtime_of(request)

    def create(store: Store) -> tuple[ApiKey, str]:
        issued = create_key(store, new.kind, new.label)
        runtime.keys.reload(store)
        return issued.key, issued.secret

    key, secret = await runtime.store_thread.run(create)
    return json_response({"key": key.as_json(), "secret": secret}, 201)


@router.post("/keys/{key_id}/revoke", summary="Revoke an API key")
async def post_revoke(request: Request, key_id: str) -> Response:
    text_param("key_id", key_id)
    runtime = runtime_of(request)

    def revoke(store: Store) -> ApiKey | None:
        key = revoke_key(store, key_id)
        runtime.keys.reload(store)
        return key

    key = await runtime.store_thread.run(revoke)
    if key is None:
        raise ApiError(404, "not_found", f"no key {key_id} (pql keys list shows them)")
    return json_response({"key": key.as_json()})


class ScoreBody(BaseModel):
    """What `pql score` asks the server to run (see :class:`pqlkit.scoring.job.ScoreRequest`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str
    as_of: datetime | None = None
    entity: Literal["user", "account"] | None = None
    ledger: bool = True
    backfill: bool = False
    every: str = "1d"
    since: datetime | None = None


class ExplainBody(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entity_id: str
    model: str
    as_of: datetime | None = None


@router.post("/score", summary="Score the store's entities (what `pql score` runs)")
async def post_score(request: Request, body: ScoreBody) -> Response:
    from pqlkit.scoring.job import ScoreRequest, run_score

    text_param("model", body.model)
    text_param("every", body.every)
    score_request = ScoreRequest(
        **{**body.model_dump(), "as_of": naive_utc(body.as_of), "since": naive_utc(body.since)}
    )
    result = await _on_second_handle(
        request, lambda store: run_score(store, store.events, score_request)
    )
    return json_response(result.as_json())


@router.post("/explain", summary="Explain one entity's score (what `pql explain` runs)")
async def post_explain(request: Request, body: ExplainBody) -> Response:
    from pqlkit.model.loader import load
    from pqlkit.scoring.explain import explain_entity

    text_param("model", body.model)
    text_param("entity_id", body.entity_id)

    def explain(store: Store) -> str:
        return explain_entity(store.events, load(body.model), body.entity_id, naive_utc(body.as_of))

    return json_response({"text": await _on_second_handle(request, explain)})


async def _on_second_handle(request: Request, work: Callable[[Store], T]) -> T:
    """``work`` on a connection of its own, in a worker thread: scoring takes minutes on a large
    store and must not hold up the loader (and the alerts). A model or option that cannot
    work is the client's error (400)."""
    runtime = runtime_of(request)

    def run() -> T:
        handle = second_handle(runtime.store)
        try:
            return work(handle)
        finally:
            handle.close()

    try:
        return await run_in_threadpool(run)
    except (ConfigError, ModelError, InputError) as exc:
        raise ApiError(400, "invalid_request", str(exc)) from None


@router.post("/feedback", summary="Record feedback (what `pql feedback` sends)")
async def post_admin_feedback(request: Request, body: FeedbackBody) -> Response:
    from pqlkit.sales import feedback

    given = feedback_of(body)

    def store_it(store: Store) -> feedback.Recorded:
        return feedback.record(store, given, "cli")

    recorded = await runtime_of(request).store_thread.run(store_it)
    return json_response(recorded.as_json(), 201)


class ReportBody(BaseModel):
    """What `pql sla` and `pql review` ask (see :class:`pqlkit.sales.reports.ReportRequest`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    window: str = "30d"
    capacity: str | None = None
    routing: str | None = None


def _report_request(body: ReportBody) -> Any:
    from pqlkit.sales.reports import ReportRequest

    for name in ("model", "window", "capacity", "routing"):
        text_param(name, getattr(body, name))
    values = {**body.model_dump(), "since": naive_utc(body.since), "until": naive_utc(body.until)}
    return ReportRequest(**values)


@router.post("/sla", summary="Response times against the SLA (what `pql sla` runs)")
async def post_sla(request: Request, body: ReportBody) -> Response:
    from pqlkit.sales.reports import run_sla

    asked = _report_request(body)
    return json_response(await _on_second_handle(request, lambda store: run_sla(store, asked)))


@router.post("/review", summary="The review of a PQL definition (what `pql review` runs)")
async def post_review(request: Request, body: ReportBody) -> Response:
    from pqlkit.sales.reports import run_review

    asked = _report_request(body)
    return json_response(await _on_second_handle(request, lambda store: run_review(store, asked)))


@router.post("/crm-sync", summary="Read back from the CRM destinations (what `pql crm sync` runs)")
async def post_crm_sync(request: Request) -> Response:
    from pqlkit.errors import CrmReadError

    runtime = runtime_of(request)
    if not runtime.crm_sync.destinations:
        raise ApiError(
            400, "invalid_request", "the server has no HubSpot or Salesforce destination to read"
        )
    try:
        done = await run_in_threadpool(runtime.crm_sync.sync_once)
    except CrmReadError as exc:
        raise ApiError(502, "crm_unavailable", str(exc)) from None
    return json_response({"synced": [d.as_json() for d in done]})
