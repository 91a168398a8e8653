"""The request bodies of the ingest endpoints, for the OpenAPI document.

The endpoints read their bodies themselves (size limits before parsing, gzip, partial batches),
so FastAPI cannot infer them; these schemas say what Segment's HTTP API accepts, for readers of
``/docs`` and for fuzzing from the schema. Unknown fields are allowed, as Segment allows them.
"""

from __future__ import annotations

from typing import Any

_TEXT = {"type": "string"}
_OBJECT = {"type": "object", "additionalProperties": True}

CALL: dict[str, Any] = {
    "type": "object",
    "additionalProperties": True,
    "properties": {
        "type": {
            "type": "string",
            "enum": ["track", "identify", "group", "page", "screen", "alias"],
        },
        "userId": _TEXT,
        "anonymousId": _TEXT,
        "event": _TEXT,
        "name": _TEXT,
        "groupId": _TEXT,
        "previousId": _TEXT,
        "messageId": _TEXT,
        "timestamp": {"type": "string", "format": "date-time"},
        "sentAt": {"type": "string", "format": "date-time"},
        "properties": _OBJECT,
        "traits": _OBJECT,
        "context": _OBJECT,
        "writeKey": _TEXT,
    },
}

BATCH: dict[str, Any] = {
    "type": "object",
    "additionalProperties": True,
    "required": ["batch"],
    "properties": {
        "batch": {"type": "array", "items": CALL},
        "context": _OBJECT,
        "sentAt": {"type": "string", "format": "date-time"},
        "writeKey": _TEXT,
    },
}


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` for a route whose JSON body has ``schema``."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}
