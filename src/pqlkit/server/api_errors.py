"""Errors the API answers with: JSON bodies that SDKs understand, never a traceback.

Segment's SDKs read ``code`` and ``message`` from an error body; pqlkit adds ``success: false``
and, where it helps, more fields (the rejected calls, the limit).
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON answer, encoded with orjson."""
    return Response(
        orjson.dumps(body), status_code=status, headers=headers, media_type="application/json"
    )


class ApiError(Exception):
    """An answer other than success: status, a machine-readable code and a sentence."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra or {}
        self.headers = headers

    def response(self) -> Response:
        return error_response(self.status, self.code, self.message, self.extra, self.headers)


def error_response(
    status: int,
    code: str,
    message: str,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {"success": False, "code": code, "message": message, **(extra or {})}
    return json_response(body, status, headers)
