"""Backtest a model: score the past as it stood, then look at what happened next.

For every date the model scores every entity of its population using only events before that
date (the same compiled model as ``pql score``; converted entities have left the population).
An entity-date is a **positive** when the entity converted within ``horizon`` after the date.
Pooled over the dates:

* per tier: volume per date, conversions, conversion rate, lift over the base rate;
* flagged (PQL or hot): precision, **recall** (of the entities that converted within the horizon
  of a date they were scored on, the share flagged on such a date before converting) and
  **lead time** (from the first such flag to the conversion);
* the score's ROC-AUC and PR-AUC (average precision), and conversion by score decile.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from pqlkit.learn import metrics
from pqlkit.learn.outcomes import Conversions
from pqlkit.model.loader import LoadedModel
from pqlkit.scoring.run import score_dates

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import numpy as np
    import pyarrow as pa

TIERS = ("hot", "pql", "not qualified")
FLAGGED = ("hot", "pql")


class Scored(NamedTuple):
    """One entity as of one date, and whether it converted within the horizon."""

    date: datetime
    entity_id: str
    score: float
    tier: str
    converted_at: datetime | None
    positive: bool


@dataclass(frozen=True)
class EntityDates:
    """Every entity-date of a backtest as columns (``Scored``'s fields): a backtest makes
    millions, too many for a Python object each. Iterating gives ``Scored`` rows."""

    table: pa.Table

    @classmethod
    def of(cls, rows: Iterable[Scored]) -> EntityDates:
        import pyarrow as pa

        listed = list(rows)
        columns = {name: [getattr(r, name) for r in listed] for name in Scored._fields}
        return cls(pa.table(columns, schema=_schema()))

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def __iter__(self) -> Iterator[Scored]:
        columns = (self.table.column(name).to_pylist() for name in Scored._fields)
        return (Scored(*row) for row in zip(*columns, strict=True))

    def numbers(self, name: str) -> np.ndarray:
        """A column as a NumPy array (``score``, ``positive``; dates as ``datetime64[us]``)."""
        values: np.ndarray = self.table.column(name).to_numpy()
        return values

    def is_in(self, name: str, values: Iterable[Any]) -> np.ndarray:
        """Whether each row's ``name`` is one of ``values`` (a NumPy mask)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        column = self.table.column(name)
        wanted = pa.array(list(values), column.type)
        found: np.ndarray = pc.is_in(column, value_set=wanted).to_numpy(zero_copy_only=False)
        return found


def _schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        {
            "date": pa.timestamp("us"),
            "entity_id": pa.string(),
            "score": pa.float64(),
            "tier": pa.string(),
            "converted_at": pa.timestamp("us"),
            "positive": pa.bool_(),
        }
    )


@dataclass(frozen=True)
class ModelBacktest:
    model: str
    entity: str
    scored: EntityDates
    summary: dict[str, Any] = field(default_factory=dict)


def dates_between(start: datetime, end: datetime, every: timedelta) -> list[datetime]:
    """``start``, ``start + every``, … up to and including ``end``."""
    out = []
    moment = start
    while moment <= end:
        out.append(moment)
        moment += every
    return out


def backtest(
    events: ir.Table,
    loaded: LoadedModel,
    dates: list[datetime],
    horizon: timedelta,
    progress: Any = None,
) -> ModelBacktest:
    """Score ``loaded`` as of each date and judge it by conversions within ``horizon``."""
    import numpy as np
    import pyarrow as pa

    model = loaded.model
    conversions = Conversions(model, max(dates) + horizon)  # read with the dates' identity
    schema = _schema()
    scored_schema = pa.schema([schema.field(n) for n in ("date", "entity_id", "score", "tier")])
    parts = []
    for date, run in zip(dates, score_dates(events, loaded, dates, later=conversions), strict=True):
        found = run.table
        when = pa.array(np.full(found.num_rows, np.datetime64(date, "us")))
        columns = {"date": when, **{n: found.column(n) for n in ("entity_id", "score", "tier")}}
        parts.append(pa.table(columns).cast(scored_schema))
        if progress is not None:
            progress()
    table = pa.concat_tables(parts) if parts else scored_schema.empty_table()
    # the conversions are known once every date is
    times = conversions.times
    converted = pa.table(
        {"entity_id": list(times), "at": list(times.values())},
        schema=pa.schema([schema.field("entity_id"), pa.field("at", schema.field("date").type)]),
    )
    at = _looked_up(table.column("entity_id"), converted)
    when, at_np = table.column("date").to_numpy(), at.to_numpy(zero_copy_only=False)
    positive = (when <= at_np) & (at_np < when + np.timedelta64(horizon))
    table = table.append_column(schema.field("converted_at"), at)
    table = table.append_column(schema.field("positive"), pa.array(positive))
    scored = EntityDates(table)
    return ModelBacktest(model.name, model.entity, scored, summarize(scored, dates, horizon))


def _looked_up(entities: pa.ChunkedArray, converted: pa.Table) -> pa.Array:
    """Each entity's conversion time in ``converted`` (``entity_id``, ``at``), else null."""
    import pyarrow.compute as pc

    index = pc.index_in(entities, value_set=converted.column("entity_id"))
    return converted.column("at").combine_chunks().take(index.combine_chunks())


def summarize(scored: EntityDates, dates: list[datetime], horizon: timedelta) -> dict[str, Any]:
    """The report's numbers (see the module docstring)."""
    import numpy as np

    total = len(scored)
    positive = scored.numbers("positive").astype(bool)
    positives = int(positive.sum())
    base = positives / total if total else None
    masks = {tier: scored.is_in("tier", [tier]) for tier in TIERS}
    tiers = {tier: _rates(mask, positive, base, dates) for tier, mask in masks.items()}
    flags = np.logical_or.reduce([masks[tier] for tier in FLAGGED])
    flagged = _rates(flags, positive, base, dates)
    flagged["precision"] = flagged["conversion_rate"]
    flagged.update(_recall_and_lead_time(scored, flags & positive, positive))
    scores = scored.numbers("score").astype(float)
    hot = masks["hot"]
    when = scored.numbers("date")
    by_date = []
    for date in dates:
        rows = when == np.datetime64(date, "us")
        flagged_rows = rows & flags
        by_date.append(
            {
                "date": date.isoformat(),
                "scored": int(rows.sum()),
                "flagged": int(flagged_rows.sum()),
                "hot": int((rows & hot).sum()),
                "flagged_conversion_rate": _share(flagged_rows, positive),
                "base_rate": _share(rows, positive),
            }
        )
    return {
        "dates": len(dates),
        "horizon_days": horizon.total_seconds() / 86400,
        "entity_dates": total,
        "positives": positives,
        "base_rate": base,
        "tiers": tiers,
        "flagged": flagged,
        "roc_auc": metrics.roc_auc(scores, positive) if total else None,
        "pr_auc": metrics.average_precision(scores, positive) if total else None,
        "deciles": metrics.deciles(scores, positive) if total else [],
        "by_date": by_date,
    }


def _share(rows: np.ndarray, positive: np.ndarray) -> float | None:
    """The share of ``rows`` (a mask) that are positive; None without rows."""
    count = int(rows.sum())
    return int((rows & positive).sum()) / count if count else None


def _rates(
    rows: np.ndarray, positive: np.ndarray, base: float | None, dates: list[datetime]
) -> dict[str, Any]:
    count = int(rows.sum())
    rate = _share(rows, positive)
    return {
        "entity_dates": count,
        "per_date": count / len(dates) if dates else 0,
        "conversions": int((rows & positive).sum()),
        "conversion_rate": rate,
        "lift": rate / base if rate is not None and base else None,
    }


def _recall_and_lead_time(
    scored: EntityDates, hits: np.ndarray, positive: np.ndarray
) -> dict[str, Any]:
    """Of entities positive on some date, the share flagged on a positive date (``hits``);
    lead times from the first such date to the conversion."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    table = scored.table
    converters = len(pc.unique(table.column("entity_id").filter(pa.array(positive))))
    first = (
        table.filter(pa.array(hits))
        .group_by("entity_id")
        .aggregate([("date", "min"), ("converted_at", "min")])
    )
    waited = first.column("converted_at_min").to_numpy() - first.column("date_min").to_numpy()
    microseconds = waited.astype("timedelta64[us]").astype(np.int64)
    leads = np.sort(microseconds / 10**6 / 86400)
    flagged = len(leads)
    return {
        "converters": converters,
        "converters_flagged": flagged,
        "recall": flagged / converters if converters else None,
        "lead_time_days_median": _median(leads),
        "lead_time_days_p25": _quantile(leads, 0.25),
        "lead_time_days_p75": _quantile(leads, 0.75),
    }


def _median(ordered: np.ndarray) -> float | None:
    """As :func:`statistics.median` of the sorted values."""
    n = len(ordered)
    if not n:
        return None
    middle = n // 2
    return float(ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2)


def _quantile(ordered: np.ndarray, q: float) -> float | None:
    if not len(ordered):
        return None
    return float(ordered[min(len(ordered) - 1, int(q * len(ordered)))])
