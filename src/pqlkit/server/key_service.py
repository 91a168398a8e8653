"""`pql keys` on the store directly, or through the running server that owns it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Protocol

from pqlkit.errors import ServerApiError
from pqlkit.server.admin_client import AdminClient
from pqlkit.server.keys import ApiKey, IssuedKey, KeyKind, create_key, list_keys, revoke_key
from pqlkit.store import server_lock
from pqlkit.store.connection import locate
from pqlkit.store.store import Store


class KeyService(Protocol):
    via: str  # "store" or "server"

    def create(self, kind: KeyKind, label: str | None) -> IssuedKey: ...

    def list(self) -> list[ApiKey]: ...

    def revoke(self, key_id: str) -> ApiKey | None: ...


class StoreKeys:
    via = "store"

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, kind: KeyKind, label: str | None) -> IssuedKey:
        return create_key(self.store, kind, label)

    def list(self) -> list[ApiKey]:
        return list_keys(self.store)

    def revoke(self, key_id: str) -> ApiKey | None:
        return revoke_key(self.store, key_id)


def _key(data: dict[str, Any]) -> ApiKey:
    def moment(text: str | None) -> datetime | None:
        return datetime.fromisoformat(text.removesuffix("Z")) if text else None

    created = moment(data["created_at"])
    assert created is not None
    return ApiKey(data["key_id"], data["kind"], data["label"], created, moment(data["revoked_at"]))


class ServerKeys:
    via = "server"

    def __init__(self, client: AdminClient) -> None:
        self.client = client

    def create(self, kind: KeyKind, label: str | None) -> IssuedKey:
        data = self.client.request("POST", "/keys", {"kind": kind, "label": label})
        return IssuedKey(_key(data["key"]), data["secret"])

    def list(self) -> list[ApiKey]:
        return [_key(item) for item in self.client.request("GET", "/keys")["keys"]]

    def revoke(self, key_id: str) -> ApiKey | None:
        try:
            return _key(self.client.request("POST", f"/keys/{key_id}/revoke")["key"])
        except ServerApiError as exc:
            if exc.status == 404:
                return None
            raise


@contextmanager
def key_service(db: str | None) -> Iterator[KeyService]:
    """Through the server when one owns the embedded store, else on the store itself (on an
    engine URL the server notices new and revoked keys within its refresh interval)."""
    location = locate(db)
    server = server_lock.read(location.path) if location.path is not None else None
    if server is not None:
        yield ServerKeys(AdminClient(server))
        return
    with Store.open(db) as store:
        yield StoreKeys(store)
