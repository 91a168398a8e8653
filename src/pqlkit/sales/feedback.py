"""Sales feedback on leads, stored with who and when — and the first touch it implies.

A rep's verdict (``good``, ``not-ready``, ``lost``) or a plain ``touched`` means someone acted
on the lead: the entity's open alerts fired by then get their first touch (the time the
feedback gives, else now), which is what response times against the SLA are measured by.
``converted`` records an outcome, not a touch (a self-serve purchase is nobody's response).
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.errors import ConfigError
from pqlkit.store.schema import FEEDBACK
from pqlkit.times import iso_z, utc_now

if TYPE_CHECKING:
    from pqlkit.store.store import Store

LABELS = ("good", "not-ready", "converted", "lost", "touched")
TOUCHES = ("good", "not-ready", "lost", "touched")
TABLE = "feedback"


@dataclass(frozen=True)
class Feedback:
    entity_id: str
    label: str
    note: str | None = None
    by: str | None = None  # who gave it (a rep's name or e-mail)
    at: datetime | None = None  # when it happened (default: when it is recorded)
    alert_id: str | None = None  # the alert it answers, if one

    def __post_init__(self) -> None:
        if not self.entity_id.strip():
            raise ConfigError("entity_id: must not be empty")
        if self.label not in LABELS:
            close = difflib.get_close_matches(self.label, LABELS, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"label: {self.label!r} is not one of {', '.join(LABELS)}.{hint}")
        for name in ("entity_id", "note", "by", "alert_id"):
            value = getattr(self, name)
            if value is not None and "\x00" in value:
                raise ConfigError(f"{name}: must not contain a NUL character")


@dataclass(frozen=True)
class Recorded:
    feedback_id: str
    feedback: Feedback
    at: datetime
    recorded_at: datetime
    source: str
    touched_alerts: int  # alerts whose first touch this feedback is

    def as_json(self) -> dict[str, Any]:
        f = self.feedback
        return {
            "feedback_id": self.feedback_id,
            "entity_id": f.entity_id,
            "label": f.label,
            "note": f.note,
            "by": f.by,
            "at": iso_z(self.at),
            "alert_id": f.alert_id,
            "recorded_at": iso_z(self.recorded_at),
            "source": self.source,
            "touched_alerts": self.touched_alerts,
        }


def record(store: Store, feedback: Feedback, source: str, now: datetime | None = None) -> Recorded:
    """Store the feedback and mark the first touch of the alerts it answers, in one transaction."""
    import pyarrow as pa

    from pqlkit.store.transaction import transaction

    recorded_at = now or utc_now()
    at = feedback.at or recorded_at
    feedback_id = "fb_" + uuid.uuid4().hex[:20]
    row = pa.table(
        {
            "feedback_id": [feedback_id],
            "entity_id": [feedback.entity_id],
            "label": [feedback.label],
            "note": [feedback.note],
            "by": [feedback.by],
            "at": pa.array([at], pa.timestamp("us")),
            "alert_id": [feedback.alert_id],
            "source": [source],
            "recorded_at": pa.array([recorded_at], pa.timestamp("us")),
        },
        schema=FEEDBACK.to_pyarrow(),
    )
    with transaction(store):
        store.backend.insert(TABLE, row)
        touched = _first_touch(store, feedback, at, source) if feedback.label in TOUCHES else 0
    return Recorded(feedback_id, feedback, at, recorded_at, source, touched)


def _first_touch(store: Store, feedback: Feedback, at: datetime, source: str) -> int:
    """Open alerts of the entity (or the one named) fired by ``at``: touched at ``at``."""
    from pqlkit.triggers.alert_store import first_touch

    return first_touch(
        store, feedback.entity_id, at, f"feedback:{source}", alert_id=feedback.alert_id
    )


def read(store: Store, entity_id: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Stored feedback, newest first."""
    table = store.table(TABLE)
    if entity_id is not None:
        table = table.filter(table.entity_id == entity_id)
    rows = table.order_by([table.recorded_at.desc(), table.feedback_id]).limit(limit)
    return [
        {**row, "at": iso_z(row["at"]), "recorded_at": iso_z(row["recorded_at"])}
        for row in rows.to_pyarrow().to_pylist()
    ]


def conversions(store: Store) -> dict[str, datetime]:
    """Entity → when a rep first reported it ``converted`` (a deal closed in the CRM that the
    events may not show): labels for training beside the model's own conversion."""
    table = store.table(TABLE)
    won = table.filter(table.label == "converted")
    first = won.group_by(entity_id=won.entity_id).agg(at=won.at.min()).to_pyarrow().to_pylist()
    return {row["entity_id"]: row["at"] for row in first}
