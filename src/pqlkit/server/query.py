"""The query API: alerts, leads and entities, for read keys.

Authentication as for ingest — HTTP Basic with the key as user name — or ``Authorization:
Bearer <key>``; only ``read`` keys may read. Answers come from the store (the server's own
thread), so they include everything loaded so far: alerts within a second of the event that
fired them, scores as of the last scoring run recorded in the ledger.

- ``GET /v1/alerts`` — newest first; ``entity_id``, ``status``, ``since`` (ISO time) and
  ``limit`` (1–1000) filter them.
- ``GET /v1/alerts/{alert_id}`` — one alert.
- ``GET /v1/leads`` — the queue: the current PQL and hot entities of the server's model, from
  the ledger, newest PQL first, with reasons; ``tier``, ``since`` (became a PQL at or after),
  ``limit`` and ``cursor`` (``next_cursor`` of the previous page) page through them.
- ``GET /v1/entities/{entity_id}`` — an entity's current score, tier, reasons, breakdown and
  "PQL since" from the ledger, and its alerts.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from pqlkit.server.api_errors import ApiError, json_response
from pqlkit.server.auth import authorize, basic_auth_user
from pqlkit.server.ingest import runtime_of
from pqlkit.server.params import text_param
from pqlkit.server.rate_limit import enforce
from pqlkit.store.store import Store
from pqlkit.times import iso_z, naive_utc
from pqlkit.triggers import alert_store

QUALIFIED = ("pql", "hot")


def require_read_key(request: Request) -> None:
    header = request.headers.get("authorization")
    scheme, _, token = (header or "").strip().partition(" ")
    bearer = scheme.lower() == "bearer"
    secret = (token.strip() or None) if bearer else basic_auth_user(header)
    runtime = runtime_of(request)
    key = authorize(runtime.keys, secret, "read")
    enforce(runtime.rate_limiter, key.key_id, f"key {key.key_id}: too many requests")


router = APIRouter(prefix="/v1", tags=["query"], dependencies=[Depends(require_read_key)])


@router.get("/alerts", summary="Alerts fired by the model's triggers, newest first")
async def get_alerts(
    request: Request,
    entity_id: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    limit: int = Query(100, ge=1, le=1000),
) -> Response:
    text_param("entity_id", entity_id)
    if status is not None and status not in alert_store.STATUSES:
        raise ApiError(
            400, "invalid_request", f"status: must be one of {', '.join(alert_store.STATUSES)}"
        )
    moment = naive_utc(since)

    def read(store: Store) -> list[alert_store.StoredAlert]:
        return alert_store.read(
            store, entity_id=entity_id, status=status, since=moment, limit=limit
        )

    alerts = await runtime_of(request).store_thread.run(read)
    return json_response({"alerts": [alert.as_json() for alert in alerts]})


@router.get("/alerts/{alert_id}", summary="One alert")
async def get_alert(request: Request, alert_id: str) -> Response:
    text_param("alert_id", alert_id)

    def read(store: Store) -> alert_store.StoredAlert | None:
        return alert_store.find(store, alert_id)

    found = await runtime_of(request).store_thread.run(read)
    if found is None:
        raise ApiError(404, "not_found", f"no alert {alert_id}")
    return json_response(found.as_json())


@router.get("/leads", summary="The PQL queue: current PQL and hot entities, newest first")
async def get_leads(
    request: Request,
    tier: str | None = None,
    since: datetime | None = None,
    cursor: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
) -> Response:
    model = _model_name(request)
    if tier is not None and tier not in QUALIFIED:
        raise ApiError(400, "invalid_request", f"tier: must be one of {', '.join(QUALIFIED)}")
    after = _decode_cursor(cursor) if cursor is not None else None
    moment = naive_utc(since)

    def read(store: Store) -> list[dict[str, Any]]:
        return _current(store, model, tiers=(tier,) if tier else QUALIFIED, reasons=True)

    leads = await runtime_of(request).store_thread.run(read)
    # newest first: by the time each became a PQL, then by id; a cursor continues after a lead
    leads.sort(key=lambda lead: (lead["pql_since"] or "", lead["entity_id"]), reverse=True)
    floor = iso_z(moment)
    if floor is not None:
        leads = [lead for lead in leads if (lead["pql_since"] or "") >= floor]
    if after is not None:
        leads = [lead for lead in leads if (lead["pql_since"] or "", lead["entity_id"]) < after]
    page = leads[:limit]
    more = len(leads) > limit
    next_cursor = _encode_cursor(page[-1]) if more else None
    return json_response({"model": model, "leads": page, "next_cursor": next_cursor})


@router.get("/entities/{entity_id}", summary="An entity's current score, breakdown and alerts")
async def get_entity(request: Request, entity_id: str) -> Response:
    text_param("entity_id", entity_id)
    model = _model_name(request)

    def read(store: Store) -> dict[str, Any] | None:
        found = _current(store, model, entity_id=entity_id, breakdown=True, reasons=True)
        alerts = alert_store.read(store, entity_id=entity_id, limit=100)
        if not found and not alerts:
            return None
        answer = found[0] if found else {"entity_id": entity_id, "score": None, "tier": None}
        return answer | {"alerts": [alert.as_json() for alert in alerts]}

    entity = await runtime_of(request).store_thread.run(read)
    if entity is None:
        raise ApiError(404, "not_found", f"{entity_id} has no score and no alert")
    return json_response({"model": model} | entity)


def _model_name(request: Request) -> str:
    model = runtime_of(request).model
    if model is None:
        raise ApiError(404, "not_found", "the server runs without a model (pql serve --model)")
    return model.model.name


def _current(
    store: Store,
    model: str,
    *,
    tiers: tuple[str, ...] | None = None,
    entity_id: str | None = None,
    breakdown: bool = False,
    reasons: bool = False,
) -> list[dict[str, Any]]:
    """The latest ledger row per entity of ``model`` (the ledger only has changes)."""
    import ibis

    from pqlkit.scoring.ledger import pql_since

    ledger = store.table("scores_ledger")
    rows = ledger.filter(ledger.model == model)
    if entity_id is not None:
        rows = rows.filter(rows.entity_id == entity_id)
    latest = rows.mutate(
        rank=ibis.row_number().over(group_by=rows.entity_id, order_by=ibis.desc(rows.as_of))
    )
    latest = latest.filter(latest.rank == 0)
    if tiers is not None:
        latest = latest.filter(latest.tier.isin(list(tiers)))
    columns = ["entity_type", "entity_id", "as_of", "score", "tier", "breakdown_hash"]
    found = latest.select(*columns).to_pyarrow().to_pylist()
    if not found:
        return []
    as_of = max(row["as_of"] for row in found)
    since = pql_since(store, model, found[0]["entity_type"], as_of)
    texts = (
        _breakdowns(store, [row["breakdown_hash"] for row in found]) if breakdown or reasons else {}
    )
    answers = []
    for row in found:
        answer = {
            "entity_type": row["entity_type"],
            "entity_id": row["entity_id"],
            "score": row["score"],
            "tier": row["tier"],
            "as_of": iso_z(row["as_of"]),
            "pql_since": iso_z(since.get(row["entity_id"])),
        }
        explained = json.loads(texts.get(row["breakdown_hash"], "null"))
        if reasons:
            answer["reasons"] = reasons_of(explained)
        if breakdown:
            answer["breakdown"] = explained
        answers.append(answer)
    return answers


def reasons_of(breakdown: dict[str, Any] | None) -> list[str]:
    """The breakdown's reasons, strongest first: hot triggers, then every rule that scored (or
    a predictive model's probability and strongest pushes)."""
    if not breakdown:
        return []
    reasons = [f"hot trigger: {name.replace('_', ' ')}" for name in breakdown.get("triggers", [])]
    scored = [
        (rule["points"], f"{rule['label']} (+{rule['points']:g})")
        for layer in breakdown.get("layers", [])
        for rule in layer["rules"]
        if rule.get("points")
    ]
    reasons += [text for _, text in sorted(scored, key=lambda item: -item[0])]
    reasons += [c["label"] for c in breakdown.get("conditions", []) if c.get("passed")]
    if "probability" in breakdown:  # a predictive model: the probability, the strongest pushes
        from pqlkit.scoring.breakdown import SHOWN, log_odds

        reasons.append(f"{100 * breakdown['probability']:.0f}% likely to convert")
        pushes = [c for c in breakdown.get("contributions", []) if abs(c["log_odds"]) >= SHOWN]
        reasons += [f"{c['reason']} ({log_odds(c['log_odds'])} log-odds)" for c in pushes[:5]]
    return reasons


def _encode_cursor(lead: dict[str, Any]) -> str:
    raw = json.dumps([lead["pql_since"] or "", lead["entity_id"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        since, entity = json.loads(raw)
        if not isinstance(since, str) or not isinstance(entity, str):
            raise ValueError(cursor)
    except (ValueError, TypeError, binascii.Error):
        raise ApiError(400, "invalid_request", "cursor: not a cursor this API gave") from None
    return since, entity


def _breakdowns(store: Store, hashes: list[str]) -> dict[str, str]:
    table = store.table("breakdowns")
    found = table.filter(table.breakdown_hash.isin(hashes)).to_pyarrow().to_pylist()
    return {row["breakdown_hash"]: row["breakdown"] for row in found}
