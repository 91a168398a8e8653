"""Point-in-time training rows: the model's own signals as of each date, and what came next.

Rows come from the same compiled model as ``pql score`` (no train/serve skew): as of each date,
every entity of the population with its signal values computed from events strictly before the
date, labelled by whether it converted within the horizon after it. A signal therefore cannot
see the outcome it predicts — the leakage guard is the compiler's own ``timestamp < as_of``.

Numbers and yes/no signals are features as they are (yes = 1); text signals become one column
per frequent value (``industry=Software``); a missing value is NaN.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.compile.signals import column
from pqlkit.learn.outcomes import Conversions
from pqlkit.model.loader import LoadedModel
from pqlkit.model.validate import value_type
from pqlkit.scoring.run import score_dates

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import numpy as np
    import pyarrow as pa

MAX_LEVELS = 20


@dataclass(frozen=True)
class Dataset:
    features: np.ndarray  # rows × columns, float, NaN = missing
    names: list[str]
    labels: np.ndarray  # bool
    dates: list[datetime]
    entity_ids: list[str]
    rule_scores: np.ndarray  # the rules' own score, for comparison

    def fingerprint(self) -> str:
        return fingerprint(self.features, self.labels, self.names)

    def rows(self, mask: np.ndarray) -> Dataset:
        keep = [i for i, m in enumerate(mask) if m]
        return Dataset(
            self.features[mask],
            self.names,
            self.labels[mask],
            [self.dates[i] for i in keep],
            [self.entity_ids[i] for i in keep],
            self.rule_scores[mask],
        )


def fingerprint(features: np.ndarray, labels: np.ndarray, names: list[str]) -> str:
    """A short hash of training data: what an artifact records it learnt from."""
    digest = hashlib.sha256(features.tobytes())
    digest.update(labels.tobytes())
    digest.update("|".join(names).encode())
    return digest.hexdigest()[:16]


def encode(
    table: pa.Table, loaded: LoadedModel, levels: dict[str, list[str]] | None = None
) -> tuple[np.ndarray, list[str], dict[str, list[str]]]:
    """Feature matrix of the model's signals for ``table`` (compiled rows; a signal's column
    that is missing reads as missing values)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    model = loaded.model

    def values(name: str) -> pa.ChunkedArray:
        if column(name) in table.column_names:
            return table.column(column(name))
        return pa.chunked_array([pa.nulls(table.num_rows)], pa.float64())

    def numbers(array: pa.ChunkedArray | pa.Array) -> np.ndarray:
        return np.asarray(array.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=float)

    if levels is None:
        levels = {}
        for name, signal in model.signals.items():
            if value_type(signal) == "string":
                counts = pc.value_counts(values(name).cast(pa.string())).to_pylist()
                found = {c["values"]: c["counts"] for c in counts if c["values"] is not None}
                levels[name] = sorted(found, key=lambda v: (-found[v], v))[:MAX_LEVELS]
    names: list[str] = []
    columns: list[np.ndarray] = []
    for name, signal in model.signals.items():
        if value_type(signal) == "string":
            text = values(name).cast(pa.string())
            for level in levels.get(name, []):
                names.append(f"{name}={level}")
                columns.append(numbers(pc.equal(text, level)))
        else:
            names.append(name)
            columns.append(numbers(values(name)))
    matrix = np.column_stack(columns) if columns else np.zeros((table.num_rows, 0))
    return matrix, names, levels


def build(
    events: ir.Table,
    loaded: LoadedModel,
    dates: list[datetime],
    horizon: timedelta,
    progress: Any = None,
    *,
    ages: tuple[timedelta, timedelta] | None = None,
    reported: dict[str, datetime] | None = None,
) -> tuple[Dataset, dict[str, list[str]]]:
    """Rows for every entity of the population as of every date (see the module docstring).

    With ``ages = (youngest, oldest)``, cohort rows: an entity is kept only at the dates when
    its age (time since its first call) is at least ``youngest`` and under ``oldest`` — with
    dates one step apart and ``oldest - youngest`` that step, every entity once, at the same
    age, so that splitting by date splits by cohort. ``reported`` adds conversions the events
    do not show (entity → when sales reported it converted); the earlier of the two counts.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    conversions = Conversions(loaded.model, max(dates) + horizon)  # read with the dates' identity
    parts: list[pa.Table] = []
    dated: list[datetime] = []
    runs = score_dates(events, loaded, dates, ages, later=conversions)
    for date, run in zip(dates, runs, strict=True):
        table = run.table
        if ages is not None:
            youngest, oldest = (date - a for a in ages)  # first seen between these two times
            first = table.column("first_seen")
            table = table.filter(pc.and_(pc.less_equal(first, youngest), pc.greater(first, oldest)))
        parts.append(table)
        dated.extend([date] * table.num_rows)
        if progress is not None:
            progress()
    converted = conversions.times
    for entity, when in (reported or {}).items():
        if entity not in converted or when < converted[entity]:
            converted[entity] = when
    table = pa.concat_tables(parts, promote_options="permissive")
    entities = table.column("entity_id").to_pylist()
    labels = []
    for entity, date in zip(entities, dated, strict=True):
        at = converted.get(entity)
        labels.append(at is not None and date <= at < date + horizon)
    features, names, levels = encode(table, loaded)
    dataset = Dataset(
        features,
        names,
        np.array(labels, dtype=bool),
        dated,
        entities,
        np.asarray(table.column("score").cast(pa.float64()).to_numpy(zero_copy_only=False)),
    )
    return dataset, levels
