"""An imported entity table read back for learning: each entity's traits and its outcome.

``pql import-table`` stores every row as an identify (users) or group (accounts) call whose
traits are the row's cells, and records the table in ``entity_tables`` with its outcome column.
This module reads the latest value of every trait per entity back, and the outcome as yes/no.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.errors import ConfigError

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import numpy as np

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "converted", "won"})


@dataclass(frozen=True)
class EntityTable:
    source: str  # table:<file>
    entity: str  # user | account
    outcome: str  # the outcome column
    as_of: datetime
    entity_ids: list[str]
    traits: list[dict[str, Any]]  # per entity, without the outcome; scalars only
    converted: np.ndarray  # bool per entity


def is_converted(value: Any) -> bool:
    """An outcome cell: a non-zero number, true, or yes/converted/won."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return str(value).strip().lower() in TRUE_WORDS


def read_entity_table(events: ir.Table, tables: ir.Table, source: str | None = None) -> EntityTable:
    """The imported table ``source`` (its file name or ``table:<file>``; by default the last
    imported table with an outcome column), one entry per entity with an outcome value."""
    import numpy as np

    known = [r for r in tables.to_pyarrow().to_pylist() if r["outcome_column"]]
    if source is not None:
        known = [r for r in known if r["source"] in (source, f"table:{source}")]
    if not known:
        which = f" named {source!r}" if source else ""
        raise ConfigError(
            f"no imported entity table{which} with an outcome column "
            "(pql import-table … --outcome COLUMN)"
        )
    table = max(known, key=lambda r: r["as_of"])
    outcome = table["outcome_column"]
    key = "user_id" if table["entity"] == "user" else "group_id"
    calls = events.filter(events.source == table["source"])
    fetched = calls.select(
        entity=calls[key], at=calls.timestamp, traits=calls.traits.cast("string")
    ).to_pyarrow()
    latest: dict[str, dict[str, Any]] = {}
    for row in sorted(fetched.to_pylist(), key=lambda r: r["at"]):
        values = {k: v for k, v in orjson.loads(row["traits"]).items() if v is not None}
        latest.setdefault(row["entity"], {}).update(values)
    entities = sorted(e for e, t in latest.items() if outcome in t)
    if not entities:
        raise ConfigError(f"{table['source']}: no row has a value in {outcome!r}")
    return EntityTable(
        source=table["source"],
        entity=table["entity"],
        outcome=outcome,
        as_of=table["as_of"],
        entity_ids=entities,
        traits=[
            {
                name: value
                for name, value in latest[e].items()
                if name != outcome and not isinstance(value, dict | list)
            }
            for e in entities
        ],
        converted=np.array([is_converted(latest[e][outcome]) for e in entities], dtype=bool),
    )
