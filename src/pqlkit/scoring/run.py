"""Score every entity of a model's population as of a time, inside the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.compile.plan import CompiledModel, compile_model
from pqlkit.model.loader import LoadedModel
from pqlkit.scoring.breakdown import explain_row

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
            triggers = list(row.get("triggers") or [])
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
                }
            )
        return out


def score_events(
    events: ir.Table,
    loaded: LoadedModel,
    as_of: datetime | None = None,
    *,
    triggered: ir.Table | None = None,
) -> ScoreRun:
    """Score on ``events`` (any Ibis table with the store's event columns)."""
    import ibis

    moment = as_of or now()
    compiled = compile_model(loaded.model, events, moment, triggered=triggered)
    table = compiled.table.order_by([ibis.desc("score"), "entity_id"])
    result = table.to_pyarrow()
    return ScoreRun(loaded, compiled, _sorted(result))


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
