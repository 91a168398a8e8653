"""What operators do with the outbox (``pql outbox list|retry|drop``): on the store directly,
or through the running server that owns it (``/admin/outbox``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from pqlkit.destinations.outbox import Outbox, Status


class OutboxService(Protocol):
    via: str  # "store" or "server"

    def list(
        self, status: Status | None, destination: str | None, limit: int
    ) -> list[dict[str, Any]]: ...

    def counts(self) -> dict[tuple[str, str], int]: ...

    def retry(self, ids: Sequence[str], destination: str | None) -> int: ...

    def drop(self, ids: Sequence[str], destination: str | None) -> int: ...


class StoreOutbox:
    via = "store"

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    def list(
        self, status: Status | None, destination: str | None, limit: int
    ) -> list[dict[str, Any]]:
        found = self.outbox.items(status=status, destination=destination, limit=limit)
        return [item.as_json() for item in found]

    def counts(self) -> dict[tuple[str, str], int]:
        return self.outbox.counts()

    def retry(self, ids: Sequence[str], destination: str | None) -> int:
        return self.outbox.retry(ids=ids, destination=destination)

    def drop(self, ids: Sequence[str], destination: str | None) -> int:
        return self.outbox.drop(ids=ids, destination=destination)


class ServerOutbox:
    via = "server"

    def __init__(self, client: Any) -> None:
        self.client = client

    def list(
        self, status: Status | None, destination: str | None, limit: int
    ) -> list[dict[str, Any]]:
        query = {"status": status, "destination": destination, "limit": limit}
        data = self.client.request("POST", "/outbox/list", query)
        return list(data["items"])

    def counts(self) -> dict[tuple[str, str], int]:
        data = self.client.request("GET", "/outbox/counts")
        return {(c["destination"], c["status"]): int(c["rows"]) for c in data["counts"]}

    def retry(self, ids: Sequence[str], destination: str | None) -> int:
        body = {"ids": list(ids), "destination": destination}
        return int(self.client.request("POST", "/outbox/retry", body)["changed"])

    def drop(self, ids: Sequence[str], destination: str | None) -> int:
        body = {"ids": list(ids), "destination": destination}
        return int(self.client.request("POST", "/outbox/drop", body)["changed"])


@contextmanager
def outbox_service(db: str | None) -> Iterator[OutboxService]:
    """Through the server when one owns the embedded store, else on the store itself."""
    from pqlkit.server.admin_client import AdminClient
    from pqlkit.store import server_lock
    from pqlkit.store.connection import locate
    from pqlkit.store.store import Store

    location = locate(db)
    server = server_lock.read(location.path) if location.path is not None else None
    if server is not None:
        yield ServerOutbox(AdminClient(server))
        return
    with Store.open(db) as store:
        yield StoreOutbox(Outbox(store))
