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

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from pqlkit.learn import metrics
from pqlkit.learn.outcomes import Conversions
from pqlkit.model.loader import LoadedModel
from pqlkit.scoring.run import score_dates

if TYPE_CHECKING:
    import ibis.expr.types as ir

TIERS = ("hot", "pql", "not qualified")
FLAGGED = ("hot", "pql")


class Scored(NamedTuple):
    """One entity as of one date, and whether it converted within the horizon (a tuple: a
    backtest makes millions)."""

    date: datetime
    entity_id: str
    score: float
    tier: str
    converted_at: datetime | None
    positive: bool


@dataclass(frozen=True)
class ModelBacktest:
    model: str
    entity: str
    scored: list[Scored]
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
    model = loaded.model
    conversions = Conversions(model, max(dates) + horizon)  # read with the dates' identity
    found: list[tuple[datetime, str, float, str]] = []
    for date, run in zip(dates, score_dates(events, loaded, dates, later=conversions), strict=True):
        columns = (run.table.column(c).to_pylist() for c in ("entity_id", "score", "tier"))
        found.extend((date, e, float(score), tier) for e, score, tier in zip(*columns, strict=True))
        if progress is not None:
            progress()
    scored: list[Scored] = []
    for date, entity, score, tier in found:  # the conversions are known once every date is
        at = conversions.times.get(entity)
        positive = at is not None and date <= at < date + horizon
        scored.append(Scored(date, entity, score, tier, at, positive))
    return ModelBacktest(model.name, model.entity, scored, summarize(scored, dates, horizon))


def summarize(scored: list[Scored], dates: list[datetime], horizon: timedelta) -> dict[str, Any]:
    """The report's numbers (see the module docstring)."""
    total = len(scored)
    positives = sum(s.positive for s in scored)
    base = positives / total if total else None
    by_tier: dict[str, list[Scored]] = {tier: [] for tier in TIERS}
    on_date: dict[datetime, list[Scored]] = {date: [] for date in dates}
    for s in scored:  # one pass (a backtest holds millions of entity-dates)
        by_tier.setdefault(s.tier, []).append(s)
        on_date.setdefault(s.date, []).append(s)
    tiers = {tier: _rates(by_tier[tier], base, dates) for tier in TIERS}
    flagged_rows = [s for tier in FLAGGED for s in by_tier[tier]]
    flagged = _rates(flagged_rows, base, dates)
    flagged["precision"] = flagged["conversion_rate"]
    flagged.update(_recall_and_lead_time(scored))
    scores = [s.score for s in scored]
    labels = [s.positive for s in scored]
    by_date = []
    for date in dates:
        rows = on_date[date]
        flags = [s for s in rows if s.tier in FLAGGED]
        by_date.append(
            {
                "date": date.isoformat(),
                "scored": len(rows),
                "flagged": len(flags),
                "hot": sum(s.tier == "hot" for s in rows),
                "flagged_conversion_rate": _share(flags),
                "base_rate": _share(rows),
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
        "roc_auc": metrics.roc_auc(scores, labels) if total else None,
        "pr_auc": metrics.average_precision(scores, labels) if total else None,
        "deciles": metrics.deciles(scores, labels) if total else [],
        "by_date": by_date,
    }


def _share(rows: list[Scored]) -> float | None:
    return sum(s.positive for s in rows) / len(rows) if rows else None


def _rates(rows: list[Scored], base: float | None, dates: list[datetime]) -> dict[str, Any]:
    rate = _share(rows)
    return {
        "entity_dates": len(rows),
        "per_date": len(rows) / len(dates) if dates else 0,
        "conversions": sum(s.positive for s in rows),
        "conversion_rate": rate,
        "lift": rate / base if rate is not None and base else None,
    }


def _recall_and_lead_time(scored: list[Scored]) -> dict[str, Any]:
    """Of entities positive on some date, the share flagged on a positive date; lead times."""
    first_flag: dict[str, datetime] = {}
    converters: dict[str, datetime] = {}
    for s in scored:
        if not s.positive or s.converted_at is None:
            continue
        converters[s.entity_id] = s.converted_at
        if s.tier in FLAGGED and (
            s.entity_id not in first_flag or s.date < first_flag[s.entity_id]
        ):
            first_flag[s.entity_id] = s.date
    leads = [(converters[e] - d).total_seconds() / 86400 for e, d in first_flag.items()]
    return {
        "converters": len(converters),
        "converters_flagged": len(first_flag),
        "recall": len(first_flag) / len(converters) if converters else None,
        "lead_time_days_median": statistics.median(leads) if leads else None,
        "lead_time_days_p25": _quantile(leads, 0.25),
        "lead_time_days_p75": _quantile(leads, 0.75),
    }


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
