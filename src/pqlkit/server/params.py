"""Checks on text the API puts into queries: a NUL character cannot be stored or compared by
the engines (DuckDB cannot even parse it in a literal), so it is the client's error."""

from __future__ import annotations

from pqlkit.server.api_errors import ApiError


def text_param(name: str, value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise ApiError(400, "invalid_request", f"{name}: must not contain a NUL character")
    return value
