"""``/admin/outbox``: what ``pql outbox`` does while the server owns the store."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from pqlkit.destinations.outbox import Outbox, Status
from pqlkit.server.admin import require_admin
from pqlkit.server.api_errors import json_response
from pqlkit.server.ingest import runtime_of
from pqlkit.store.store import Store

router = APIRouter(prefix="/admin/outbox", tags=["admin"], dependencies=[Depends(require_admin)])


class Listing(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Status | None = None
    destination: str | None = None
    limit: int = Field(default=100, ge=1, le=10_000)


class Selection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ids: list[str] = []
    destination: str | None = None


@router.post("/list", summary="Outbox rows, oldest first")
async def post_list(request: Request, listing: Listing) -> Response:
    def run(store: Store) -> list[dict[str, object]]:
        found = Outbox(store).items(
            status=listing.status, destination=listing.destination, limit=listing.limit
        )
        return [item.as_json() for item in found]

    items = await runtime_of(request).store_thread.run(run)
    return json_response({"items": items})


@router.get("/counts", summary="Outbox rows per destination and status")
async def get_counts(request: Request) -> Response:
    counts = await runtime_of(request).store_thread.run(lambda s: Outbox(s).counts())
    rows = [{"destination": d, "status": s, "rows": n} for (d, s), n in sorted(counts.items())]
    return json_response({"counts": rows})


@router.post("/retry", summary="Dead rows back to pending, due now")
async def post_retry(request: Request, selection: Selection) -> Response:
    changed = await runtime_of(request).store_thread.run(
        lambda s: Outbox(s).retry(ids=selection.ids, destination=selection.destination)
    )
    return json_response({"changed": changed})


@router.post("/drop", summary="Delete dead rows")
async def post_drop(request: Request, selection: Selection) -> Response:
    changed = await runtime_of(request).store_thread.run(
        lambda s: Outbox(s).drop(ids=selection.ids, destination=selection.destination)
    )
    return json_response({"changed": changed})
