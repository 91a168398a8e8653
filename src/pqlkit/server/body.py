"""Reading a request body within its limit, gzip included, before anything parses it.

The limit applies to the decompressed body (Segment's rule): a gzip body is inflated piece by
piece and never beyond the limit plus one byte, so a small "gzip bomb" costs the server nothing.
A ``Content-Length`` over the limit is refused before a byte is read.
"""

from __future__ import annotations

import zlib
from typing import Any

import orjson
from starlette.requests import Request

from pqlkit.server.api_errors import ApiError

_GZIP = zlib.MAX_WBITS | 16


def too_large(limit: int, what: str = "body") -> ApiError:
    return ApiError(
        413,
        "payload_too_large",
        f"the {what} is over the {limit}-byte ({limit // 1024} KB) limit; nothing was stored",
        extra={"limit": limit},
    )


class _BoundedInflater:
    """gzip → bytes, refusing to produce more than ``limit`` bytes (members may be concatenated)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.out = bytearray()
        self._inflater = zlib.decompressobj(_GZIP)

    def feed(self, data: bytes) -> None:
        while data:
            room = self.limit + 1 - len(self.out)
            self.out += self._inflater.decompress(data, room)
            if len(self.out) > self.limit:
                raise too_large(self.limit, "decompressed body")
            if self._inflater.eof:
                data = self._inflater.unused_data
                if data:
                    self._inflater = zlib.decompressobj(_GZIP)
            else:
                data = self._inflater.unconsumed_tail

    def finish(self) -> bytes:
        if not self._inflater.eof:
            raise zlib.error("the gzip stream ends early")
        return bytes(self.out)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, decompressed, at most ``limit`` bytes; 413 beyond, 400/415 when unreadable."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip"):
        raise ApiError(
            415, "unsupported_encoding", f"Content-Encoding {encoding!r}: send gzip or nothing"
        )
    inflater = _BoundedInflater(limit) if encoding in ("gzip", "x-gzip") else None
    received = bytearray()
    try:
        async for chunk in request.stream():
            if inflater is not None:
                if len(received) + len(chunk) > limit:
                    raise too_large(limit)
                received += chunk
                inflater.feed(chunk)
            else:
                received += chunk
                if len(received) > limit:
                    raise too_large(limit)
        return inflater.finish() if inflater is not None else bytes(received)
    except zlib.error as exc:
        raise ApiError(400, "invalid_gzip", f"the body is not valid gzip: {exc}") from None


def parse_json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object; 400 when it is empty, not JSON, or not an object."""
    if not body.strip():
        raise ApiError(400, "invalid_json", "the body is empty; send a JSON object")
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "the body must be a JSON object")
    return data
