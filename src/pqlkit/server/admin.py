"""The admin API: what CLI commands do through a running server that owns the store.

Authentication: ``Authorization: Bearer <token>`` with the token the server wrote into its lock
file (mode 0600, beside the store), and only from a loopback address. Whoever can read that file
can administer the server, as whoever can read the store file can read every event in it.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from pqlkit.server.api_errors import ApiError, json_response
from pqlkit.server.ingest import runtime_of
from pqlkit.server.keys import ApiKey, KeyKind, create_key, list_keys, revoke_key
from pqlkit.store.store import Store


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
    runtime = runtime_of(request)

    def revoke(store: Store) -> ApiKey | None:
        key = revoke_key(store, key_id)
        runtime.keys.reload(store)
        return key

    key = await runtime.store_thread.run(revoke)
    if key is None:
        raise ApiError(404, "not_found", f"no key {key_id} (pql keys list shows them)")
    return json_response({"key": key.as_json()})
