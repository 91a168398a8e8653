"""When each entity converted, by the model's own definition of conversion.

Outcomes are labels, so they may look at the whole history: identity is resolved as of the end
of the data, and an entity's conversion is the first matching event (for user models, the first
purchase by anyone at its account) or the first call that set the conversion trait to its value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.compile.frame import Frame, scoring_frame
from pqlkit.compile.signals import match
from pqlkit.model.schema import EventMatch, Model

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa


def conversion_times(events: ir.Table, model: Model, end: datetime) -> dict[str, datetime]:
    """Entity → when it converted (before ``end``); entities that never did are absent.

    The identity tables are computed once (:func:`scoring_frame`) and the matching events read
    once: they are few (purchases), so the first per entity and per account is taken here.
    """
    frame = scoring_frame(events, model, end)
    try:
        return converted(frame, model)
    finally:
        frame.release()


@dataclass
class Conversions:
    """:func:`conversion_times` as of ``at``, read by
    :func:`~pqlkit.scoring.run.score_dates` from the identity tables of its last query (one
    date more of them) instead of a scoring frame of their own: ``times`` is filled in once
    every date has been given."""

    model: Model
    at: datetime
    times: dict[str, datetime] = field(default_factory=dict)

    def read(self, frame: Frame) -> None:
        self.times = converted(frame, self.model)


def converted(frame: Frame, model: Model) -> dict[str, datetime]:
    """Entity → when it converted, on ``frame`` (as of the end)."""
    hits = _hits(frame, model).select("entity_id", "account_id", "timestamp").to_pyarrow()
    found = _earliest(hits, "entity_id")
    if model.entity == "user":  # a teammate's purchase converts the whole account
        paid = _earliest(hits, "account_id")
        if paid:
            import ibis

            accounts = ibis.memtable({"paid": sorted(paid)}, schema={"paid": "string"})
            members = frame.accounts
            joined = members.join(accounts, members.account_id == accounts.paid)
            for row in joined.select("m_user", "account_id").to_pyarrow().to_pylist():
                at, current = paid[row["account_id"]], found.get(row["m_user"])
                if current is None or at < current:
                    found[row["m_user"]] = at
    return found


def _hits(frame: Frame, model: Model) -> ir.Table:
    """The frame's rows that mark a conversion."""
    rows = frame.rows
    conversion = model.conversion
    if conversion.event is not None:
        return rows.filter(match(rows, model, EventMatch(event=conversion.event)))
    assert conversion.trait is not None
    value = rows.traits[conversion.trait]
    equals = conversion.equals
    if isinstance(equals, bool):
        same = value.unwrap_as("boolean") == equals
    elif isinstance(equals, int | float):
        same = value.unwrap_as("float64") == float(equals)
    else:
        same = value.unwrap_as("string") == str(equals)
    return rows.filter(rows.traits.notnull() & same.fill_null(False))


def _earliest(hits: pa.Table, key: str) -> dict[str, datetime]:
    """Each non-null ``key``'s earliest ``timestamp``."""
    import pyarrow.compute as pc

    known = hits.filter(pc.is_valid(hits[key]))
    first = known.group_by(key).aggregate([("timestamp", "min")])
    return dict(zip(first[key].to_pylist(), first["timestamp_min"].to_pylist(), strict=True))
