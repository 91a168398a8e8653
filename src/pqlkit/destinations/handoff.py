"""The hand-off: everything a destination needs to tell sales about one lead, and nothing else.

The routing and hand-off builder produces it for a routed lead; the server produces one per
alert. It travels through the outbox as JSON (:meth:`HandOff.to_json` /
:meth:`HandOff.from_json`), so what is delivered after a restart is exactly what was enqueued.
Times are naive UTC datetimes, as everywhere in the store; JSON writes them ISO 8601 with ``Z``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pqlkit.triggers.alerts import Alert

EntityKind = Literal["user", "account"]


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


def _parse_time(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(str(value).removesuffix("Z"))
    return moment.replace(tzinfo=None)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in (value or ()))


@dataclass(frozen=True)
class AlertInfo:
    """The trigger that made this hand-off urgent."""

    trigger: str
    fired_at: datetime
    deadline: datetime  # the SLA: respond by then
    evidence: tuple[str, ...] = ()  # message ids of the events that fired it, oldest first
    alert_id: str | None = None  # the alert's identity in the store, when it has one

    def to_json(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger,
            "fired_at": _time(self.fired_at),
            "deadline": _time(self.deadline),
            "evidence": list(self.evidence),
            "alert_id": self.alert_id,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlertInfo:
        fired_at, deadline = _parse_time(data["fired_at"]), _parse_time(data["deadline"])
        assert fired_at is not None and deadline is not None
        return cls(
            trigger=str(data["trigger"]),
            fired_at=fired_at,
            deadline=deadline,
            evidence=_texts(data.get("evidence")),
            alert_id=data.get("alert_id"),
        )


@dataclass(frozen=True)
class Owner:
    """Who should act: ids in the CRM and in Slack, as far as they are known."""

    id: str | None = None  # the CRM owner id (HubSpot owner id, Salesforce user id)
    email: str | None = None
    slack_id: str | None = None  # Slack member id (U…), for a direct message
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "email": self.email, "slack_id": self.slack_id, "name": self.name}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Owner:
        return cls(
            id=data.get("id"),
            email=data.get("email"),
            slack_id=data.get("slack_id"),
            name=data.get("name"),
        )


@dataclass(frozen=True)
class HandOff:
    """One lead, ready for a person: who, how hot, why, what they did, what to say, by when."""

    entity_id: str
    entity_kind: EntityKind = "user"
    email: str | None = None
    name: str | None = None
    title: str | None = None
    company: str | None = None
    domain: str | None = None
    score: float | None = None
    tier: str | None = None
    reasons: tuple[str, ...] = ()  # "Invited 6 teammates (+20)"
    key_actions: tuple[str, ...] = ()  # "created 12 dashboards this week"
    triggers: tuple[str, ...] = ()  # names of the triggers active for the entity
    alert: AlertInfo | None = None
    pql_since: datetime | None = None
    path: str | None = None  # the routing path: self-serve, standard, high-intent, enterprise
    owner: Owner | None = None
    sla_due: datetime | None = None  # a routed lead's first-touch deadline (routing's SLA clock)
    talking_points: tuple[str, ...] = ()
    model: str | None = field(default=None)  # the model that scored it

    def __post_init__(self) -> None:
        if self.entity_kind not in ("user", "account"):
            raise ValueError(f"entity_kind must be user or account, not {self.entity_kind!r}")
        for name in ("reasons", "key_actions", "triggers", "talking_points"):
            value = getattr(self, name)
            if not isinstance(value, tuple):  # lists are accepted, tuples are kept
                object.__setattr__(self, name, _texts(value))

    @classmethod
    def for_alert(cls, alert: Alert, *, alert_id: str | None = None, **context: Any) -> HandOff:
        """The hand-off of a fired trigger, with what else is known (``email``, ``score``,
        ``key_actions``, ``owner`` …) as keywords. ``alert_id`` defaults to a digest of the
        alert's identity (entity, trigger, firing message id), the outbox's idempotency key."""
        if alert_id is None:
            identity = "\x1f".join(alert.identity)
            alert_id = hashlib.sha256(identity.encode()).hexdigest()[:24]
        info = AlertInfo(alert.trigger, alert.fired_at, alert.deadline, alert.evidence, alert_id)
        context.setdefault("triggers", (alert.trigger,))
        return cls(entity_id=alert.entity_id, alert=info, **context)

    @property
    def display_name(self) -> str:
        return self.name or self.email or self.company or self.entity_id

    @property
    def due(self) -> datetime | None:
        """When someone must have acted: the routed SLA, else the alert's deadline, if any."""
        if self.sla_due is not None:
            return self.sla_due
        return self.alert.deadline if self.alert is not None else None

    def default_key(self, kind: str) -> str:
        """An idempotency key for this hand-off as ``kind``: the same lead in the same state
        gives the same key, so enqueuing it again is a no-op."""
        parts: tuple[str, ...]
        if kind == "alert" and self.alert is not None:
            if self.alert.alert_id:
                return f"alert:{self.alert.alert_id}"
            parts = (self.entity_id, self.alert.trigger, _time(self.alert.fired_at) or "")
        else:
            parts = (self.entity_id, self.tier or "", str(self.score), _time(self.pql_since) or "")
        digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]
        return f"{kind}:{digest}"

    def to_json(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "entity_kind": self.entity_kind,
            "email": self.email,
            "name": self.name,
            "title": self.title,
            "company": self.company,
            "domain": self.domain,
            "score": self.score,
            "tier": self.tier,
            "reasons": list(self.reasons),
            "key_actions": list(self.key_actions),
            "triggers": list(self.triggers),
            "alert": self.alert.to_json() if self.alert is not None else None,
            "pql_since": _time(self.pql_since),
            "path": self.path,
            "owner": self.owner.to_json() if self.owner is not None else None,
            "sla_due": _time(self.sla_due),
            "talking_points": list(self.talking_points),
            "model": self.model,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HandOff:
        score = data.get("score")
        return cls(
            entity_id=str(data["entity_id"]),
            entity_kind=data.get("entity_kind", "user"),
            email=data.get("email"),
            name=data.get("name"),
            title=data.get("title"),
            company=data.get("company"),
            domain=data.get("domain"),
            score=float(score) if score is not None else None,
            tier=data.get("tier"),
            reasons=_texts(data.get("reasons")),
            key_actions=_texts(data.get("key_actions")),
            triggers=_texts(data.get("triggers")),
            alert=AlertInfo.from_json(data["alert"]) if data.get("alert") else None,
            pql_since=_parse_time(data.get("pql_since")),
            path=data.get("path"),
            owner=Owner.from_json(data["owner"]) if data.get("owner") else None,
            sla_due=_parse_time(data.get("sla_due")),
            talking_points=_texts(data.get("talking_points")),
            model=data.get("model"),
        )

    def dumps(self) -> str:
        import orjson

        return orjson.dumps(self.to_json()).decode()

    @classmethod
    def loads(cls, text: str | bytes) -> HandOff:
        import orjson

        return cls.from_json(orjson.loads(text))
