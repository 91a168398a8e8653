"""Pydantic models of the Segment spec calls, their limits and the clock-skew correction.

These models validate one call at a time (the HTTP API, tests, small files); bulk importers apply
the same rules inside the engine (see :mod:`pqlkit.events.importers.rules`). A validated call turns
into one row of the store's ``events`` table with :meth:`SegmentCall.to_row`.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pqlkit.errors import EventValidationError

MAX_EVENT_BYTES = 32 * 1024  # Segment: 32 KB per call
MAX_BATCH_BYTES = 500 * 1024  # Segment: 500 KB per batch request

JsonObject = dict[str, Any]


def iso_moment(text: str) -> datetime:
    """An ISO-8601 string as written: aware if it names an offset (``Z`` is UTC), else naive."""
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))


def parse_time(value: Any) -> datetime | None:
    """An ISO-8601 string or datetime as a naive UTC datetime (naive input is taken as UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        moment = iso_moment(value)
    else:
        raise ValueError("must be an ISO-8601 date-time string")
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


Timestamp = Annotated[datetime | None, Field(default=None)]


class _Call(BaseModel):
    """Fields every Segment call shares."""

    model_config = ConfigDict(populate_by_name=True, extra="allow", frozen=True)

    type: str
    message_id: str | None = Field(default=None, alias="messageId", max_length=200)
    user_id: str | None = Field(default=None, alias="userId", max_length=200)
    anonymous_id: str | None = Field(default=None, alias="anonymousId", max_length=200)
    timestamp: Timestamp = None
    original_timestamp: Timestamp = Field(default=None, alias="originalTimestamp")
    sent_at: Timestamp = Field(default=None, alias="sentAt")
    received_at: Timestamp = Field(default=None, alias="receivedAt")
    context: JsonObject = Field(default_factory=dict)
    integrations: JsonObject = Field(default_factory=dict)

    @field_validator("user_id", "anonymous_id", mode="before")
    @classmethod
    def _ids_are_text(cls, value: Any) -> Any:
        # Segment accepts numeric ids and treats them as strings.
        if isinstance(value, bool):
            raise ValueError("must be a string")
        if isinstance(value, int | float):
            return str(value)
        if isinstance(value, str) and value.strip() == "":
            return None
        return value

    @field_validator("timestamp", "original_timestamp", "sent_at", "received_at", mode="before")
    @classmethod
    def _times(cls, value: Any) -> datetime | None:
        return parse_time(value)

    @model_validator(mode="after")
    def _someone(self) -> _Call:
        if self.type != "alias" and not (self.user_id or self.anonymous_id):
            raise ValueError("userId or anonymousId is required")
        return self

    # -- conversion ---------------------------------------------------------------------------

    def corrected_timestamp(self, received_at: datetime) -> datetime:
        """When the call happened, on the server's clock.

        Segment's rule: with ``sentAt`` present the client clock's offset is removed,
        ``timestamp = receivedAt − (sentAt − timestamp)``; without it the client's timestamp is
        trusted; without a timestamp the call happened when it was received.
        """
        if self.timestamp is None:
            return received_at
        if self.sent_at is not None and self.original_timestamp is None:
            return received_at - (self.sent_at - self.timestamp)
        return self.timestamp

    def _group_id(self) -> str | None:
        value = self.context.get("groupId")
        return str(value) if value not in (None, "") else None

    def to_row(self, *, received_at: datetime, source: str | None = None) -> dict[str, Any]:
        """The call as a row of the ``events`` table (JSON columns as text)."""
        row: dict[str, Any] = {
            "message_id": self.message_id or self.content_hash(),
            "type": self.type,
            "event": None,
            "name": None,
            "user_id": self.user_id,
            "anonymous_id": self.anonymous_id,
            "group_id": self._group_id(),
            "previous_id": None,
            "timestamp": self.corrected_timestamp(received_at),
            "original_timestamp": self.timestamp,
            "sent_at": self.sent_at,
            "received_at": received_at,
            "properties": None,
            "traits": None,
            "context": orjson.dumps(self.context).decode() if self.context else None,
            "source": source,
            "loaded_at": None,
        }
        return row

    def content_hash(self) -> str:
        """A stable id for a call that came without messageId (the same call → the same id)."""
        payload = self.model_dump(mode="json", by_alias=True, exclude={"sent_at", "received_at"})
        digest = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
        return f"hash-{digest[:32]}"


class Track(_Call):
    type: Literal["track"]
    event: str = Field(min_length=1, max_length=200)
    properties: JsonObject = Field(default_factory=dict)

    def to_row(self, *, received_at: datetime, source: str | None = None) -> dict[str, Any]:
        row = super().to_row(received_at=received_at, source=source)
        row["event"] = self.event
        row["properties"] = orjson.dumps(self.properties).decode()
        return row


class Identify(_Call):
    type: Literal["identify"]
    traits: JsonObject = Field(default_factory=dict)

    def to_row(self, *, received_at: datetime, source: str | None = None) -> dict[str, Any]:
        row = super().to_row(received_at=received_at, source=source)
        row["traits"] = orjson.dumps(self.traits).decode()
        return row


class Group(_Call):
    type: Literal["group"]
    group_id: str = Field(alias="groupId", min_length=1, max_length=200)
    traits: JsonObject = Field(default_factory=dict)

    @field_validator("group_id", mode="before")
    @classmethod
    def _group_is_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    def to_row(self, *, received_at: datetime, source: str | None = None) -> dict[str, Any]:
        row = super().to_row(received_at=received_at, source=source)
        row["group_id"] = self.group_id
        row["traits"] = orjson.dumps(self.traits).decode()
        return row


class Page(_Call):
    type: Literal["page", "screen"]
    name: str | None = Field(default=None, max_length=200)
    category: str | None = None
    properties: JsonObject = Field(default_factory=dict)

    def to_row(self, *, received_at: datetime, source: str | None = None) -> dict[str, Any]:
        row = super().to_row(received_at=received_at, source=source)
        row["name"] = self.name or self.properties.get("name")
        row["properties"] = orjson.dumps(self.properties).decode()
        return row


class Alias(_Call):
    type: Literal["alias"]
    previous_id: str = Field(alias="previousId", min_length=1, max_length=200)
    user_id: str = Field(alias="userId", min_length=1, max_length=200)

    def to_row(self, *, received_at: datetime, source: str | None = None) -> dict[str, Any]:
        row = super().to_row(received_at=received_at, source=source)
        row["previous_id"] = self.previous_id
        return row


SegmentCall = Track | Identify | Group | Page | Alias

_MODELS: dict[str, type[_Call]] = {
    "track": Track,
    "identify": Identify,
    "group": Group,
    "page": Page,
    "screen": Page,
    "alias": Alias,
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    aliases = {
        "message_id": "messageId",
        "user_id": "userId",
        "anonymous_id": "anonymousId",
        "group_id": "groupId",
        "previous_id": "previousId",
        "sent_at": "sentAt",
        "received_at": "receivedAt",
        "original_timestamp": "originalTimestamp",
    }
    return ".".join(aliases.get(str(part), str(part)) for part in loc)


def parse_call(payload: Any, *, default_type: str | None = None, size: int | None = None) -> _Call:
    """Validate one call; raise :class:`EventValidationError` naming the field at fault.

    ``default_type`` is used by the per-call endpoints (``/v1/track`` …) whose body may omit
    ``type``; ``size`` is the call's encoded size in bytes when the caller knows it.
    """
    if not isinstance(payload, dict):
        raise EventValidationError("must be a JSON object")
    if size is None:
        size = len(orjson.dumps(payload))
    if size > MAX_EVENT_BYTES:
        raise EventValidationError(
            f"event is {size} bytes, over the {MAX_EVENT_BYTES}-byte (32 KB) limit"
        )
    kind = payload.get("type", default_type)
    if default_type is not None and kind != default_type:
        kind = default_type
    if not isinstance(kind, str) or kind not in _MODELS:
        known = ", ".join(_MODELS)
        raise EventValidationError(f"unknown call type {kind!r} (expected one of {known})", "type")
    try:
        return _MODELS[kind].model_validate({**payload, "type": kind})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = _field_name(first["loc"]) or None
        raise EventValidationError(first["msg"].removeprefix("Value error, "), field) from None
