"""When each entity converted, by the model's own definition of conversion.

Outcomes are labels, so they may look at the whole history: identity is resolved as of the end
of the data, and an entity's conversion is the first matching event (for user models, the first
purchase by anyone at its account) or the first call that set the conversion trait to its value.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.compile.frame import build_frame
from pqlkit.compile.signals import match
from pqlkit.model.schema import EventMatch, Model

if TYPE_CHECKING:
    import ibis.expr.types as ir


def conversion_times(events: ir.Table, model: Model, end: datetime) -> dict[str, datetime]:
    """Entity → when it converted (before ``end``); entities that never did are absent."""
    frame = build_frame(events, model, end)
    rows = frame.rows
    conversion = model.conversion
    if conversion.event is not None:
        hits = rows.filter(match(rows, model, EventMatch(event=conversion.event)))
    else:
        assert conversion.trait is not None
        value = rows.traits[conversion.trait]
        equals = conversion.equals
        if isinstance(equals, bool):
            same = value.unwrap_as("boolean") == equals
        elif isinstance(equals, int | float):
            same = value.unwrap_as("float64") == float(equals)
        else:
            same = value.unwrap_as("string") == str(equals)
        hits = rows.filter(rows.traits.notnull() & same.fill_null(False))
    first = hits.group_by(key=hits.entity_id).agg(at=hits.timestamp.min()).to_pyarrow()
    converted = dict(
        zip(first.column("key").to_pylist(), first.column("at").to_pylist(), strict=True)
    )
    if model.entity == "user":  # a teammate's purchase converts the whole account
        by_account = hits.filter(hits.account_id.notnull())
        paid = by_account.group_by(acc=by_account.account_id).agg(at=by_account.timestamp.min())
        members = frame.accounts
        joined = members.join(paid, members.account_id == paid.acc)
        for row in joined.select(user=joined.m_user, at=joined.at).to_pyarrow().to_pylist():
            current = converted.get(row["user"])
            if current is None or row["at"] < current:
                converted[row["user"]] = row["at"]
    return converted
