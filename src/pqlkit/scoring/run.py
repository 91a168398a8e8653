"""Score every entity of a model's population as of a time, inside the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.compile.frame import build_frame
from pqlkit.compile.plan import CompiledModel, compile_model
from pqlkit.model.loader import LoadedModel
from pqlkit.scoring.breakdown import explain_row
from pqlkit.triggers import batch
from pqlkit.triggers.batch import Alert

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

OUTPUT_COLUMNS = (
    "entity_id",
    "entity_type",
    "score",
    "tier",
    "triggers",
    "reasons",
    "breakdown",
    "as_of",
    "model",
    "pql_since",
)
TIER_ORDER = {"hot": 0, "pql": 1, "not qualified": 2}


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class ScoreRun:
    """A scoring run's result: the compiled table's rows, best first."""

    loaded: LoadedModel
    compiled: CompiledModel
    table: pa.Table
    live: dict[str, list[str]]  # entity → its triggers active at as_of
    alerts: list[Alert]  # every alert fired before as_of
    since: dict[str, datetime] = field(default_factory=dict)  # from the ledger, when recorded

    @property
    def as_of(self) -> datetime:
        return self.compiled.as_of

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def rows(self, top: int | None = None) -> list[dict[str, Any]]:
        """Output rows (``OUTPUT_COLUMNS``), with each breakdown as JSON text."""
        model = self.loaded.model
        raw = self.table.slice(0, top).to_pylist() if top is not None else self.table.to_pylist()
        out = []
        for row in raw:
            triggers = self.live.get(row["entity_id"], [])
            explained = explain_row(model, row, triggers)
            out.append(
                {
                    "entity_id": row["entity_id"],
                    "entity_type": model.entity,
                    "score": row["score"],
                    "tier": row["tier"],
                    "triggers": ", ".join(triggers),
                    "reasons": explained.reasons,
                    "breakdown": orjson.dumps(explained.breakdown).decode(),
                    "as_of": self.as_of,
                    "model": model.name,
                    "pql_since": self.since.get(row["entity_id"]),
                }
            )
        return out


def score_events(events: ir.Table, loaded: LoadedModel, as_of: datetime | None = None) -> ScoreRun:
    """Score on ``events`` (any Ibis table with the store's event columns).

    Triggers are evaluated first; an entity with a trigger active at ``as_of`` is hot.
    """
    import ibis

    moment = as_of or now()
    model = loaded.model
    frame = build_frame(events, model, moment).materialize()
    try:
        alerts = batch.evaluate(events, model, moment) if model.triggers else []
        live = batch.active(alerts, moment)
        triggered = (
            ibis.memtable({"entity_id": sorted(live)}, schema={"entity_id": "string"})
            if model.triggers
            else None
        )
        compiled = compile_model(model, events, moment, triggered=triggered, frame=frame)
        result = compiled.table.to_pyarrow()
    finally:
        frame.release()  # the run's result is in Arrow; its temporary tables can go
    return ScoreRun(loaded, compiled, _sorted(result), live, alerts)


def _sorted(table: pa.Table) -> pa.Table:
    """Hot first, then PQLs, then the rest; by score within a tier."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rank = pa.array([TIER_ORDER.get(t, 3) for t in table.column("tier").to_pylist()], pa.int8())
    indices = pc.sort_indices(
        table.append_column("_rank", rank),
        sort_keys=[("_rank", "ascending"), ("score", "descending"), ("entity_id", "ascending")],
    )
    return table.take(indices)
