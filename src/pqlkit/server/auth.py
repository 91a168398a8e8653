"""Who sent a request: the key from HTTP Basic auth (Segment's way) or ``writeKey`` in the body
(analytics.js from browsers), checked against the active keys."""

from __future__ import annotations

import base64
import binascii
from typing import Any, Literal

from pqlkit.server.api_errors import ApiError
from pqlkit.server.keys import ApiKey, KeyRing

_CHALLENGE = {"WWW-Authenticate": 'Basic realm="pqlkit"'}


def unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers=_CHALLENGE)


def basic_auth_user(header: str | None) -> str | None:
    """The user name of an ``Authorization: Basic …`` header (the key; the password is unused)."""
    if header is None:
        return None
    scheme, _, credentials = header.strip().partition(" ")
    if scheme.lower() != "basic":
        raise unauthorized(f"Authorization scheme {scheme!r}: send the key with HTTP Basic auth")
    try:
        decoded = base64.b64decode(credentials.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise unauthorized("the Authorization header is not valid Basic credentials") from None
    return decoded.partition(":")[0] or None


def body_write_key(payload: dict[str, Any]) -> str | None:
    """``writeKey`` of a body (analytics.js), or of a batch's first call when the body has none."""
    key = payload.get("writeKey")
    if key is None and isinstance(payload.get("batch"), list) and payload["batch"]:
        first = payload["batch"][0]
        key = first.get("writeKey") if isinstance(first, dict) else None
    return key if isinstance(key, str) and key else None


def authorize(keys: KeyRing, secret: str | None, need: Literal["write", "read"]) -> ApiKey:
    """The active key ``secret`` is, if it may ``need``; 401 (no or unknown key) or 403."""
    if secret is None:
        where = (
            "as the user name of HTTP Basic auth, or as writeKey in the body"
            if need == "write"
            else "as the user name of HTTP Basic auth"
        )
        raise unauthorized(f"no key: send a {need} key {where}")
    key = keys.verify(secret)
    if key is None:
        raise unauthorized("unknown or revoked key")
    if need == "write" and not key.can_write:
        raise ApiError(
            403, "forbidden", f"key {key.key_id} is a {key.kind} key: it cannot send events"
        )
    if need == "read" and not key.can_read:
        raise ApiError(403, "forbidden", f"key {key.key_id} is a {key.kind} key: it cannot read")
    return key
