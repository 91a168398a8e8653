"""Which actions separate the users who convert from the rest, measured before they convert.

Every entity is observed once, at a time that sees nothing of its conversion:

* a converter ``lead`` before it converted (default 7 days: the seeds' 7–14-day window);
* everyone else at a *matched* time: the same age (time since its first event) as a converter
  drawn at random (seeded), so that old and new entities are compared alike; an entity not yet
  that old at the end of the data is observed at the end.

Candidates, each a yes/no per entity as of its observation time: every event name and page
done at least once in the last 7, 14 and 30 days and ever; every user and account trait value
(text traits by value, numbers by quartile); and "magic numbers" for the strongest events —
at least N times within D days of the entity's start — among entities at least D days old.
Each gets :mod:`pqlkit.learn.stats`; the list is ranked by the strength of the evidence
(significant first, then by p-value). Traits that name things (e-mail, domain, company, or a
text trait with more than 30 values) are not candidates: they identify accounts, not behaviour.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.compile.frame import build_frame
from pqlkit.learn.entity_table import read_entity_table
from pqlkit.learn.outcomes import conversion_times
from pqlkit.learn.stats import Separation, correct, separation
from pqlkit.model.schema import Model

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import numpy as np

WINDOWS = (7, 14, 30)
MAGIC_COUNTS = (2, 3, 5, 7, 10, 15, 20)
MAGIC_DAYS = (1, 3, 7, 10, 14, 30)
MIN_ENTITIES = 10  # a candidate seen on fewer entities is not tested
MAX_VALUES = 30  # a text trait with more distinct values names things (domains, companies)
IDENTIFYING = frozenset({"email", "name", "domain", "website", "company", "phone", "id", "avatar"})


@dataclass(frozen=True)
class Observations:
    """Each entity, when it is observed, and whether it converted (after that time)."""

    entity_ids: list[str]
    observed_at: list[datetime]
    started_at: list[datetime]
    converted: np.ndarray  # bool per entity


@dataclass(frozen=True)
class Discovery:
    observations: Observations
    results: list[Separation]  # ranked
    segment: str | None = None

    @property
    def significant(self) -> list[Separation]:
        return [r for r in self.results if r.significant]


def observe(
    events: ir.Table, model: Model, end: datetime, lead: timedelta, seed: int = 7
) -> Observations:
    """Observation times: ``lead`` before converting, or at a converter-matched age."""
    import numpy as np

    converted_at = conversion_times(events, model, end)
    frame = build_frame(events, model, end)
    rows = frame.rows
    spans = rows.group_by(entity_id=rows.entity_id).agg(
        first=rows.timestamp.min(), last=rows.timestamp.max()
    )
    table = spans.to_pyarrow().to_pylist()
    ages: list[timedelta] = []
    kept: list[tuple[str, datetime, datetime, bool]] = []
    for row in sorted(table, key=lambda r: r["entity_id"]):
        at = converted_at.get(row["entity_id"])
        if at is None:
            continue
        moment = at - lead
        if moment > row["first"]:  # the entity existed `lead` before converting
            ages.append(moment - row["first"])
            kept.append((row["entity_id"], moment, row["first"], True))
    chooser = random.Random(seed)
    for row in sorted(table, key=lambda r: r["entity_id"]):
        if row["entity_id"] in converted_at:
            continue
        age = chooser.choice(ages) if ages else end - row["first"]
        kept.append((row["entity_id"], min(row["first"] + age, end), row["first"], False))
    return Observations(
        [k[0] for k in kept],
        [k[1] for k in kept],
        [k[2] for k in kept],
        np.array([k[3] for k in kept], dtype=bool),
    )


def _observed_rows(events: ir.Table, model: Model, end: datetime, seen: Observations) -> ir.Table:
    import ibis

    frame = build_frame(events, model, end)
    times = ibis.memtable(
        {"o_entity": seen.entity_ids, "o_at": seen.observed_at, "o_start": seen.started_at}
    )
    rows = frame.rows
    joined = rows.join(times, rows.entity_id == times.o_entity)
    return joined.filter(joined.timestamp < joined.o_at).view()


def event_features(
    events: ir.Table, model: Model, end: datetime, seen: Observations
) -> dict[str, np.ndarray]:
    """``did <name> in the last N days`` / ``ever`` per entity, for every event and page name."""
    import ibis
    import numpy as np

    rows = _observed_rows(events, model, end, seen)
    name = ibis.ifelse(
        rows.type == "track", rows.event, "page: " + rows.name.fill_null("(unnamed)")
    )
    rows = rows.filter(rows.type.isin(["track", "page", "screen"])).mutate(what=name)
    counts = {
        f"d{days}": rows.count(where=rows.timestamp >= rows.o_at - ibis.interval(days=days))
        for days in WINDOWS
    }
    grouped = rows.group_by(["o_entity", "what"]).agg(ever=rows.count(), **counts).to_pyarrow()
    index = {entity: i for i, entity in enumerate(seen.entity_ids)}
    features: dict[str, np.ndarray] = {}
    n = len(seen.entity_ids)
    for row in grouped.to_pylist():
        if row["what"] is None:
            continue
        i = index[row["o_entity"]]
        for label, key in [
            ("ever", "ever"),
            *((f"in the last {d} days", f"d{d}") for d in WINDOWS),
        ]:
            if row[key]:
                features.setdefault(f"{row['what']} {label}", np.zeros(n, dtype=bool))[i] = True
    return features


def trait_features(
    events: ir.Table, model: Model, end: datetime, seen: Observations
) -> dict[str, np.ndarray]:
    """``<trait> = <value>`` (text) or ``<trait> in quartile q`` (numbers), as of observation."""

    rows = _observed_rows(events, model, end, seen)
    calls = rows.filter(rows.type.isin(["identify", "group"]) & rows.traits.notnull())
    fetched = calls.select(
        entity=calls.o_entity,
        kind=calls.type,
        at=calls.timestamp,
        traits=calls.traits.cast("string"),
    ).to_pyarrow()
    latest: dict[str, dict[str, tuple[datetime, Any]]] = defaultdict(dict)
    for row in fetched.to_pylist():
        prefix = "account " if row["kind"] == "group" else ""
        for key, value in orjson.loads(row["traits"]).items():
            if isinstance(value, dict | list) or value is None or key.lower() in IDENTIFYING:
                continue
            name = prefix + key
            current = latest[row["entity"]].get(name)
            if current is None or row["at"] >= current[0]:
                latest[row["entity"]][name] = (row["at"], value)
    index = {entity: i for i, entity in enumerate(seen.entity_ids)}
    n = len(seen.entity_ids)
    by_trait: dict[str, dict[int, Any]] = defaultdict(dict)
    for entity, traits in latest.items():
        for name, (_, value) in traits.items():
            by_trait[name][index[entity]] = value
    return _trait_indicators(by_trait, n)


def _trait_indicators(by_trait: dict[str, dict[int, Any]], n: int) -> dict[str, np.ndarray]:
    """Yes/no columns from trait values: text by value, numbers by quartile."""
    import numpy as np

    features: dict[str, np.ndarray] = {}
    for name, values in by_trait.items():
        numbers = [
            v for v in values.values() if isinstance(v, int | float) and not isinstance(v, bool)
        ]
        if len(numbers) == len(values) and len(set(numbers)) > 4:
            edges = np.quantile(np.array(numbers, dtype=float), [0.25, 0.5, 0.75])
            for q, (lo, hi) in enumerate(zip([-np.inf, *edges], [*edges, np.inf], strict=True)):
                present = np.zeros(n, dtype=bool)
                for i, v in values.items():
                    present[i] = lo < float(v) <= hi
                features[f"{name} in quartile {q + 1} ({_range(lo, hi)})"] = present
            continue
        common = Counter(str(v) for v in values.values())
        if len(common) > MAX_VALUES:
            continue
        for value, _ in common.most_common():
            present = np.zeros(n, dtype=bool)
            for i, v in values.items():
                present[i] = str(v) == value
            features[f"{name} = {value}"] = present
    return features


def _range(lo: float, hi: float) -> str:
    if lo == float("-inf"):
        return f"≤ {hi:g}"
    if hi == float("inf"):
        return f"> {lo:g}"
    return f"{lo:g}–{hi:g}"


def magic_numbers(
    events: ir.Table,
    model: Model,
    end: datetime,
    seen: Observations,
    names: list[str],
) -> list[Separation]:
    """ "At least N ``name`` within D days of the start", among entities at least D days old."""
    import numpy as np

    rows = _observed_rows(events, model, end, seen)
    rows = rows.filter(rows.type == "track").filter(rows.event.isin(names))
    offsets = rows.select(
        entity=rows.o_entity,
        event=rows.event,
        days=(rows.timestamp.epoch_seconds() - rows.o_start.epoch_seconds()) / 86400,
    ).to_pyarrow()
    index = {entity: i for i, entity in enumerate(seen.entity_ids)}
    n = len(seen.entity_ids)
    ages = np.array(
        [
            (o - s).total_seconds() / 86400
            for o, s in zip(seen.observed_at, seen.started_at, strict=True)
        ]
    )
    per_event: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for row in offsets.to_pylist():
        per_event[row["event"]][index[row["entity"]]].append(row["days"])
    results = []
    for event, by_entity in per_event.items():
        for days in MAGIC_DAYS:
            old_enough = ages >= days
            if old_enough.sum() < MIN_ENTITIES:
                continue
            counts = np.zeros(n, dtype=int)
            for i, offsets_ in by_entity.items():
                counts[i] = sum(1 for d in offsets_ if d < days)
            for at_least in MAGIC_COUNTS:
                present = (counts >= at_least)[old_enough]
                if present.sum() < MIN_ENTITIES:
                    break
                label = f"{event} {at_least}+ times within {days} days of the start"
                results.append(separation(label, present, seen.converted[old_enough]))
    return results


def discover(
    events: ir.Table,
    model: Model,
    end: datetime,
    lead: timedelta = timedelta(days=7),
    *,
    alpha: float = 0.05,
    segment: str | None = None,
    magic: int = 5,
) -> list[Discovery]:
    """The ranked candidates, for everyone or (``segment``: a trait) per segment value."""
    seen = observe(events, model, end, lead)
    features = event_features(events, model, end, seen)
    traits = trait_features(events, model, end, seen)
    features.update(traits)
    groups: list[tuple[str | None, np.ndarray | None]] = [(None, None)]
    if segment is not None:
        keys = [
            k
            for k in traits
            if k.startswith(f"{segment} = ") or k.startswith(f"{segment} in quartile")
        ]
        if not keys:
            from pqlkit.errors import ConfigError

            raise ConfigError(f"--by {segment!r}: no such trait on the observed entities")
        groups = [(k, traits[k]) for k in keys]
    out = []
    for label, mask in groups:
        sub = seen if mask is None else _subset(seen, mask)
        tested = [
            separation(name, present if mask is None else present[mask], sub.converted)
            for name, present in features.items()
            if (present if mask is None else present[mask]).sum() >= MIN_ENTITIES
        ]
        ranked = correct(tested, alpha)
        strongest = sorted(
            {
                r.signal.split(" ever")[0]
                for r in ranked
                if r.significant and r.signal.endswith(" ever")
            }
        )[:magic]
        events_only = [s for s in strongest if not s.startswith("page: ")]
        if events_only and mask is None:
            found = magic_numbers(events, model, end, seen, events_only)
            ranked = correct([*tested, *found], alpha)
        ranked.sort(key=lambda r: (not r.significant, r.p_value, -(r.lift or 0)))
        out.append(Discovery(sub, ranked, label))
    return out


def _subset(seen: Observations, mask: np.ndarray) -> Observations:
    keep = [i for i, m in enumerate(mask) if m]
    return Observations(
        [seen.entity_ids[i] for i in keep],
        [seen.observed_at[i] for i in keep],
        [seen.started_at[i] for i in keep],
        seen.converted[mask],
    )


def discover_table(
    events: ir.Table, tables: ir.Table, source: str | None = None, *, alpha: float = 0.05
) -> list[Discovery]:
    """Discovery on an imported entity table: its traits against its outcome column.

    ``tables`` is the store's ``entity_tables``; ``source`` picks one (``table:<file>``), by
    default the last imported table that has an outcome column.
    """
    table = read_entity_table(events, tables, source)
    entities, converted = table.entity_ids, table.converted
    by_trait: dict[str, dict[int, Any]] = defaultdict(dict)
    for i, traits in enumerate(table.traits):
        for name, value in traits.items():
            by_trait[name][i] = value
    moment = table.as_of
    seen = Observations(entities, [moment] * len(entities), [moment] * len(entities), converted)
    features = _trait_indicators(by_trait, len(entities))
    tested = [
        separation(name, present, converted)
        for name, present in features.items()
        if present.sum() >= MIN_ENTITIES
    ]
    ranked = correct(tested, alpha)
    ranked.sort(key=lambda r: (not r.significant, r.p_value, -(r.lift or 0)))
    return [Discovery(seen, ranked, None)]
