"""The seeds' quarterly review: is the PQL definition still right?

Over a period (default: the last 90 days), for one model:

* **volume vs capacity** — new PQLs per week (an entity's run as a PQL or hot lead beginning
  in the scores ledger) against what sales can work (``--capacity``, or ``capacity:`` in the
  routing file);
* **conversion within 30 days** of becoming a PQL, among PQLs whose 30 days have passed,
  against the seeds' healthy band of 15–40%: below, the definition is too loose (sales works
  leads that do not buy); above, too tight (buyers are missed);
* **feedback mix** — good / not-ready / lost / converted counts, and precision (good or
  converted, of all verdicts — each entity's latest);
* **response times** against the SLA (:mod:`pqlkit.sales.sla`);
* **rules that no longer predict** — for each rule of the model: the conversion rate of the
  period's PQLs it fired for against those it did not (as each PQL's breakdown recorded when it
  qualified), the ratio (lift), and a two-proportion test corrected for the number of rules
  (:mod:`pqlkit.learn.stats`). A rule whose lift is at most ~1, or whose difference is not
  significant, is flagged.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.scoring.breakdown import label
from pqlkit.scoring.ledger import QUALIFIED

if TYPE_CHECKING:
    from pqlkit.learn.stats import Separation
    from pqlkit.model.loader import LoadedModel
    from pqlkit.sales.sla import SlaReport
    from pqlkit.store.store import Store

BAND = (0.15, 0.40)  # the seeds' healthy PQL-to-paid conversion rate
NO_LIFT = 1.1  # a rule whose lift is at most this predicts nothing worth points
FEW = 30  # fewer matured PQLs than this: the rates are indicative only
VERDICTS = ("good", "not-ready", "lost", "converted")


@dataclass(frozen=True)
class PqlStart:
    entity_id: str
    at: datetime  # the scoring time its run as a PQL began
    tier: str
    fired: frozenset[str]  # the rules that gave it points (or passed), as the review names them
    converted_at: datetime | None = None  # within the window of ``at``
    converted_before: bool = False  # it had converted before it qualified (excluded from rates)


@dataclass(frozen=True)
class RuleCheck:
    rule: str
    separation: Separation | None  # None: it never fired, or fired for every PQL

    @property
    def ratio(self) -> float | None:
        """Conversion rate with the rule / without it (the seeds' "2x conversion rate")."""
        s = self.separation
        if s is None or s.rate_with is None or s.rate_without is None:
            return None
        if s.rate_without == 0:
            return None if s.rate_with == 0 else float("inf")
        return s.rate_with / s.rate_without

    def verdict(self, fired: int, total: int) -> tuple[bool, str]:
        """(flagged, why)."""
        if fired == 0:
            return True, "never fired for a PQL in the period"
        if fired == total:
            return False, "fired for every PQL: nothing to compare it with"
        s = self.separation
        assert s is not None
        ratio = self.ratio
        if ratio is not None and ratio <= NO_LIFT:
            return True, f"no longer predicts: lift {ratio:.2f}"
        if not s.significant:
            return True, f"not significant (q = {s.q_value:.2f}, {total} PQLs)"
        return False, "predicts"


@dataclass(frozen=True)
class Review:
    model: str
    since: datetime
    until: datetime
    now: datetime
    window: timedelta
    capacity_per_week: float | None
    capacity_source: str | None
    pqls: tuple[PqlStart, ...]
    rules: tuple[tuple[str, RuleCheck], ...]
    feedback: dict[str, int]
    precision: float | None
    sla: SlaReport

    @property
    def matured(self) -> list[PqlStart]:
        """PQLs whose window has passed, that had not converted before they qualified."""
        return [p for p in self.pqls if p.at + self.window <= self.now and not p.converted_before]

    @property
    def conversion_rate(self) -> float | None:
        matured = self.matured
        if not matured:
            return None
        return sum(p.converted_at is not None for p in matured) / len(matured)

    @property
    def band(self) -> str:
        rate = self.conversion_rate
        if rate is None:
            return "unknown: no PQL of the period is 30 days old yet"
        low, high = BAND
        if rate < low:
            return "too loose: below 15% — sales works leads that do not buy; raise the bar"
        if rate > high:
            return "too tight: above 40% — buyers are missed; lower the bar"
        return "in band (15-40%)"

    def weeks(self) -> list[tuple[datetime, int, bool]]:
        """(Monday, new PQLs, whole week in the period) for each week the period touches."""
        first = _monday(self.since)
        counts = Counter(_monday(p.at) for p in self.pqls)
        out = []
        week = first
        while week < self.until:
            whole = week >= self.since and week + timedelta(days=7) <= self.until
            out.append((week, counts.get(week, 0), whole))
            week += timedelta(days=7)
        return out

    @property
    def per_week(self) -> float:
        span = (self.until - self.since) / timedelta(days=7)
        return len(self.pqls) / span if span > 0 else 0.0

    def as_json(self) -> dict[str, Any]:
        from pqlkit.times import iso_z

        matured = self.matured
        capacity = self.capacity_per_week
        weeks = self.weeks()
        rules = []
        for name, check in self.rules:
            fired = sum(name in p.fired for p in matured)
            flagged, why = check.verdict(fired, len(matured))
            s = check.separation
            ratio = check.ratio
            rules.append(
                {
                    "rule": name,
                    "fired": fired,
                    "pqls": len(matured),
                    "rate_with": s.rate_with if s else None,
                    "rate_without": s.rate_without if s else None,
                    "lift": None if ratio is None or ratio == float("inf") else round(ratio, 3),
                    "p_value": s.p_value if s else None,
                    "q_value": s.q_value if s else None,
                    "flagged": flagged,
                    "verdict": why,
                }
            )
        converted = sum(p.converted_at is not None for p in matured)
        return {
            "model": self.model,
            "since": iso_z(self.since, "seconds"),
            "until": iso_z(self.until, "seconds"),
            "now": iso_z(self.now, "seconds"),
            "volume": {
                "pqls": len(self.pqls),
                "per_week": round(self.per_week, 2),
                "capacity_per_week": None if capacity is None else round(capacity, 2),
                "capacity_from": self.capacity_source,
                "verdict": _capacity_verdict(self.per_week, capacity, weeks),
                "weeks": [
                    {
                        "week": week.date().isoformat(),
                        "pqls": count,
                        "whole": whole,
                        "over_capacity": capacity is not None and whole and count > capacity,
                    }
                    for week, count, whole in weeks
                ],
            },
            "conversion": {
                "window_days": self.window / timedelta(days=1),
                "matured": len(matured),
                "converted": converted,
                "rate": self.conversion_rate,
                "converted_before": sum(p.converted_before for p in self.pqls),
                "band": list(BAND),
                "verdict": self.band,
                "few": len(matured) < FEW,
            },
            "feedback": {
                "counts": self.feedback,
                "precision": self.precision,
            },
            "sla": {
                "total": self.sla.total.as_json(),
                "by_path": [g.as_json() for g in self.sla.by("path")],
                "conversion_by_response": [b.as_json() for b in self.sla.buckets],
            },
            "rules": rules,
        }


def _monday(moment: datetime) -> datetime:
    day = datetime(moment.year, moment.month, moment.day)
    return day - timedelta(days=day.weekday())


def _capacity_verdict(
    per_week: float, capacity: float | None, weeks: list[tuple[datetime, int, bool]]
) -> str:
    if capacity is None:
        return "no capacity given (--capacity, or capacity: in the routing file)"
    over = sum(1 for _, count, whole in weeks if whole and count > capacity)
    share = per_week / capacity
    head = f"{per_week:.1f} a week is {share:.0%} of the capacity of {capacity:.3g}"
    if share > 1:
        return f"{head}: more than sales can work — tighten the threshold ({over} weeks over)"
    if share < 0.5:
        return f"{head}: sales could take more — the threshold may be too strict"
    return f"{head}" + (f"; {over} weeks over" if over else "")


# -- building the review --------------------------------------------------------------------------


def review(
    store: Store,
    model: LoadedModel,
    *,
    since: datetime,
    until: datetime,
    now: datetime,
    capacity_per_week: float | None = None,
    capacity_source: str | None = None,
    window: timedelta = timedelta(days=30),
) -> Review:
    from pqlkit.sales.sla import conversions, sla_report

    starts = pql_starts(store, model, since, until)
    converted = conversions(store, model, now)
    pqls = []
    for start in starts:
        times = converted.get(start.entity_id, [])
        within = [t for t in times if start.at <= t <= start.at + window]
        before = not within and any(t < start.at for t in times)
        pqls.append(
            PqlStart(
                start.entity_id,
                start.at,
                start.tier,
                start.fired,
                min(within) if within else None,
                before,
            )
        )
    draft = Review(
        model.model.name,
        since,
        until,
        now,
        window,
        capacity_per_week,
        capacity_source,
        tuple(pqls),
        (),
        *feedback_mix(store, since, until),
        sla_report(store, since=since, until=until, now=now, model=model, window=window),
    )
    return Review(**{**draft.__dict__, "rules": tuple(rule_checks(model, draft.matured))})


def rule_names(model: LoadedModel) -> list[str]:
    """Every rule of the model, as the review names it: ``layer: label`` or ``all: label``."""
    m = model.model
    names = [
        f"{layer}: {label(m, rule)}" for layer, spec in m.layers.items() for rule in spec.rules
    ]
    if m.qualify is not None:
        for group in ("all", "any"):
            names += [f"{group}: {label(m, rule)}" for rule in getattr(m.qualify, group)]
    return list(dict.fromkeys(names))


def fired_rules(breakdown: dict[str, Any]) -> frozenset[str]:
    """The rules a stored breakdown says gave points (or passed)."""
    fired = set()
    for layer in breakdown.get("layers") or []:
        for rule in layer.get("rules") or []:
            if (rule.get("points") or 0) > 0:
                fired.add(f"{layer['layer']}: {rule['label']}")
    for condition in breakdown.get("conditions") or []:
        if condition.get("passed"):
            fired.add(f"{condition['group']}: {condition['label']}")
    return frozenset(fired)


def pql_starts(
    store: Store, model: LoadedModel, since: datetime, until: datetime
) -> list[PqlStart]:
    """Each run as a PQL (or hot lead) that began in [since, until), from the scores ledger."""
    import ibis

    ledger = store.table("scores_ledger")
    rows = ledger.filter(
        (ledger.model == model.model.name)
        & (ledger.entity_type == model.model.entity)
        & (ledger.as_of < until)
    )
    qualified = rows.tier.isin(QUALIFIED)
    ordered = ibis.window(group_by=rows.entity_id, order_by=rows.as_of)
    marked = rows.mutate(qualified=qualified, before=qualified.lag().over(ordered))
    starts = marked.filter(
        marked.qualified & ~marked.before.fill_null(False) & (marked.as_of >= since)
    )
    breakdowns = store.table("breakdowns")
    joined = starts.left_join(breakdowns, starts.breakdown_hash == breakdowns.breakdown_hash)
    chosen = joined.select("entity_id", "as_of", "tier", "breakdown").order_by(
        ["as_of", "entity_id"]
    )
    out = []
    for row in chosen.to_pyarrow().to_pylist():
        breakdown = json.loads(row["breakdown"]) if row["breakdown"] else {}
        out.append(PqlStart(row["entity_id"], row["as_of"], row["tier"], fired_rules(breakdown)))
    return out


def feedback_mix(
    store: Store, since: datetime, until: datetime
) -> tuple[dict[str, int], float | None]:
    """Counts of each label given in [since, until), and precision: of the entities with a
    verdict (their latest), the share judged good or converted."""
    from pqlkit.routing.sql import query

    rows = query(
        store,
        'SELECT entity_id, label, "at" FROM feedback WHERE "at" >= ? AND "at" < ? ORDER BY "at"',
        [since, until],
    )
    counts = Counter(str(label_) for _, label_, _ in rows)
    latest: dict[str, str] = {}
    for entity, label_, _ in rows:
        if label_ in VERDICTS:
            latest[str(entity)] = str(label_)
    good = sum(1 for v in latest.values() if v in ("good", "converted"))
    precision = good / len(latest) if latest else None
    mix = {name: counts.get(name, 0) for name in (*VERDICTS, "touched")}
    return mix, precision


def rule_checks(model: LoadedModel, matured: list[PqlStart]) -> list[tuple[str, RuleCheck]]:
    import numpy as np

    from pqlkit.learn.stats import correct, separation

    names = rule_names(model)
    converted = np.array([p.converted_at is not None for p in matured], dtype=bool)
    tested: list[Separation] = []
    comparable: list[str] = []
    for name in names:
        present = np.array([name in p.fired for p in matured], dtype=bool)
        if 0 < int(present.sum()) < len(matured):
            tested.append(separation(name, present, converted))
            comparable.append(name)
    corrected = dict(zip(comparable, correct(tested), strict=True))
    return [(name, RuleCheck(name, corrected.get(name))) for name in names]
