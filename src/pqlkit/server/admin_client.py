"""Talking to a running server's admin API, for CLI commands that cannot open the store
while the server owns it."""

from __future__ import annotations

from typing import Any

from pqlkit.errors import ServerApiError, StoreError
from pqlkit.store.server_lock import ServerInfo

TIMEOUT_SECONDS = 30.0


class AdminClient:
    """Requests to ``/admin/*`` of the server a lock file names, with its admin token."""

    def __init__(self, server: ServerInfo) -> None:
        self.server = server

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        timeout: float | None = TIMEOUT_SECONDS,
    ) -> Any:
        """The answer's JSON; ``timeout=None`` waits as long as the work takes (scoring)."""
        import httpx

        try:
            response = httpx.request(
                method,
                f"{self.server.url}/admin{path}",
                json=body,
                headers={"Authorization": f"Bearer {self.server.admin_token}"},
                timeout=timeout,
            )
        except httpx.HTTPError as exc:
            raise StoreError(
                f"the store is owned by pql serve (pid {self.server.pid}) but its admin API at "
                f"{self.server.url} does not answer: {exc}"
            ) from None
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.is_success:
            return data
        message = data.get("message") if isinstance(data, dict) else None
        raise ServerApiError(
            response.status_code,
            f"pql serve (pid {self.server.pid}) answered {response.status_code}: "
            f"{message or response.text}",
        )
