"""Suggest points per rule from the data, keeping the model a readable points table.

Every rule of every layer becomes a yes/no feature — a banded rule one per band — measured as
of each date exactly as scoring measures it (the model compiled with each rule worth 1 point and
each band worth its number, no caps; only events before the date), and labelled by conversion
within the horizon. A regularised logistic regression learns a coefficient per feature on the
earlier dates (those whose outcomes were known before the held-out last third began); a
bootstrap over entities (an entity's dates resampled together) gives each a 95% interval.

Suggested points: a coefficient that is positive and whose interval excludes 0 is scaled so the
strongest gets the model's current largest points (rounded to 5, at least 5, never above its
layer's cap); any other is suggested 0 and flagged (never fired, always fired, not positive,
not significant: its interval includes 0). Caps, ``combine`` and ``require_layers``
stay. Both point tables are then judged on the held-out dates (ROC-AUC of the score), so the
suggestion is tested on data it did not learn from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.errors import ConfigError
from pqlkit.learn import metrics
from pqlkit.model.loader import LoadedModel
from pqlkit.model.schema import Band, Model, Tiers

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import numpy as np

SEED = 7
STEP = 5.0  # suggested points are multiples of this


@dataclass(frozen=True)
class Feature:
    """One rule, or one band of a banded rule."""

    layer: str
    rule: int  # index in the layer's rules
    band: int | None  # index in the rule's bands
    label: str
    points: float  # now

    @property
    def path(self) -> tuple[str | int, ...]:
        """Where its ``points:`` is in the model file."""
        base: tuple[str | int, ...] = ("layers", self.layer, "rules", self.rule)
        return (*base, "bands", self.band, "points") if self.band is not None else (*base, "points")


@dataclass(frozen=True)
class Observations:
    features: list[Feature]
    fired: np.ndarray  # rows × features, 0/1
    labels: np.ndarray  # bool
    dates: list[datetime]
    entity_ids: list[str]


@dataclass(frozen=True)
class Suggestion:
    feature: Feature
    suggested: float
    coefficient: float
    interval: tuple[float, float] | None
    fired_share: float  # of training rows
    lift: float | None  # conversion rate when it fired / the base rate (training rows)
    flag: str | None  # why it is suggested 0


@dataclass(frozen=True)
class Result:
    suggestions: list[Suggestion]
    train_rows: int
    train_positives: int
    test_rows: int
    test_positives: int
    first_test: datetime
    auc_now: float | None  # on the held-out dates
    auc_suggested: float | None


def features_of(model: Model) -> list[Feature]:
    from pqlkit.scoring.breakdown import label

    out = []
    for name, layer in model.layers.items():
        for index, rule in enumerate(layer.rules):
            text = label(model, rule)
            if rule.bands is None:
                out.append(Feature(name, index, None, text, float(rule.points or 0.0)))
                continue
            for number, band in enumerate(rule.bands):
                out.append(Feature(name, index, number, f"{text} {_band(band)}", band.points))
    return out


def _band(band: Band) -> str:
    return f"{band.from_:g}+" if band.to is None else f"{band.from_:g}-{band.to:g}"


def indicator_model(loaded: LoadedModel) -> LoadedModel:
    """The model with each rule worth 1 and each band its number (1, 2, …), uncapped: its rule
    columns say which rule fired and in which band."""
    model = loaded.model
    layers = {}
    for name, layer in model.layers.items():
        rules = []
        for rule in layer.rules:
            if rule.bands is None:
                rules.append(rule.model_copy(update={"points": 1.0}))
            else:
                bands = [
                    b.model_copy(update={"points": float(i + 1)}) for i, b in enumerate(rule.bands)
                ]
                rules.append(rule.model_copy(update={"bands": bands}))
        layers[name] = layer.model_copy(update={"rules": rules, "cap": None, "combine": "sum"})
    indicators = model.model_copy(
        update={
            "layers": layers,
            "require_layers": [],
            "tiers": Tiers(pql=1.0),
            "triggers": {},
        }
    )
    return LoadedModel(indicators, loaded.source, loaded.text, loaded.lines, ())


def observe(
    events: ir.Table,
    loaded: LoadedModel,
    dates: list[datetime],
    horizon: timedelta,
    progress: Any = None,
) -> Observations:
    """Which rules fired for each entity as of each date, and who converted within the horizon."""
    import numpy as np

    from pqlkit.compile.points import rule_column
    from pqlkit.learn.outcomes import Conversions
    from pqlkit.scoring.run import score_dates

    model = loaded.model
    if model.type != "points":
        raise ConfigError(
            f"{model.name} is a {model.type} model: suggest-weights sets the points of a "
            "points model's rules"
        )
    features = features_of(model)
    conversions = Conversions(model, max(dates) + horizon)  # read with the dates' identity
    blocks: list[np.ndarray] = []
    seen_dates: list[datetime] = []
    entities: list[str] = []
    runs = score_dates(events, indicator_model(loaded), dates, later=conversions)
    for date, run in zip(dates, runs, strict=True):
        table = run.table
        ids = [str(e) for e in table.column("entity_id").to_pylist()]
        block = np.zeros((len(ids), len(features)))
        for index, feature in enumerate(features):
            values = np.array(
                table.column(rule_column(feature.layer, feature.rule)).to_pylist(), dtype=float
            )
            wanted = 1.0 if feature.band is None else float(feature.band + 1)
            block[:, index] = values == wanted
        blocks.append(block)
        seen_dates += [date] * len(ids)
        entities += ids
        if progress is not None:
            progress()
    converted = conversions.times  # known once every date is
    labels = [
        (at := converted.get(entity)) is not None and date <= at < date + horizon
        for entity, date in zip(entities, seen_dates, strict=True)
    ]
    fired = np.vstack(blocks) if blocks else np.zeros((0, len(features)))
    return Observations(features, fired, np.array(labels, dtype=bool), seen_dates, entities)


def score_with(model: Model, features: list[Feature], points: list[float], fired: Any) -> Any:
    """Each row's score with these points: the layers' combine, caps and require_layers."""
    import numpy as np

    rows = fired.shape[0]
    subtotals: dict[str, np.ndarray] = {}
    for name, layer in model.layers.items():
        per_rule = np.zeros((rows, len(layer.rules)))
        for index, feature in enumerate(features):
            if feature.layer == name:
                per_rule[:, feature.rule] += fired[:, index] * points[index]
        if not layer.rules:
            total = np.zeros(rows)
        elif layer.combine == "best":
            total = np.maximum(per_rule.max(axis=1), 0.0)
        else:
            total = per_rule.sum(axis=1)
        if layer.cap is not None:
            total = np.minimum(total, layer.cap)
        subtotals[name] = total
    score = sum(subtotals.values(), np.zeros(rows))
    for name in model.require_layers:
        score = np.where(subtotals[name] > 0, score, 0.0)
    return score


def split(observations: Observations, horizon: timedelta) -> tuple[Any, Any, datetime]:
    """Train on dates whose outcomes were known before the last third began; test on it."""
    from pqlkit.learn.train import time_split

    return time_split(observations.dates, horizon, "suggest-weights")


def _fit(fired: Any, labels: Any, penalty: str, strength: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    solver = "liblinear" if penalty == "l1" else "lbfgs"
    fitted = LogisticRegression(
        C=1.0 / strength, l1_ratio=1.0 if penalty == "l1" else 0.0, solver=solver, max_iter=2000
    )
    return fitted.fit(fired, labels.astype(int)).coef_[0]


def suggest(
    loaded: LoadedModel,
    observations: Observations,
    horizon: timedelta,
    *,
    penalty: str = "l2",
    strength: float = 1.0,
    resamples: int = 200,
) -> Result:
    """Coefficients, intervals, suggested points and the held-out comparison (module docstring)."""
    import numpy as np

    if penalty not in ("l1", "l2"):
        raise ConfigError(f"--penalty: {penalty!r} is not l1 or l2")
    if strength <= 0:
        raise ConfigError("--strength must be above 0")
    if resamples < 20:
        raise ConfigError("--resamples: at least 20, to give each weight a 95% interval")
    model = loaded.model
    features = observations.features
    train, test, first_test = split(observations, horizon)
    x, y = observations.fired[train], observations.labels[train]
    if y.all() or not y.any():
        raise ConfigError(
            "the training dates have no conversions (or only conversions) within --horizon: "
            "widen --from/--to or lengthen --horizon"
        )
    varies = x.min(axis=0) != x.max(axis=0)
    coefficients = np.zeros(len(features))
    coefficients[varies] = _fit(x[:, varies], y, penalty, strength)
    intervals = _bootstrap(
        x, y, np.array(observations.entity_ids)[train], varies, penalty, strength, resamples
    )
    base = float(y.mean())
    keep = [
        bool(varies[i]) and coefficients[i] > 0 and intervals is not None and intervals[i][0] > 0
        for i in range(len(features))
    ]
    strongest = max((coefficients[i] for i in range(len(features)) if keep[i]), default=0.0)
    top_points = max((f.points for f in features), default=0.0)
    top_points = top_points if top_points > 0 else 10.0
    suggestions = []
    for i, feature in enumerate(features):
        fired = x[:, i].astype(bool)
        rate = float(y[fired].mean()) if fired.any() else None
        flag = None
        if not varies[i]:
            flag = "never fired" if not fired.any() else "always fired"
        elif coefficients[i] <= 0:
            flag = "not positive"
        elif not keep[i]:
            flag = "not significant"
        points = 0.0
        if keep[i]:
            points = max(STEP, STEP * round(coefficients[i] / strongest * top_points / STEP))
            cap = model.layers[feature.layer].cap
            if cap is not None:
                points = min(points, cap)
        suggestions.append(
            Suggestion(
                feature,
                points,
                float(coefficients[i]),
                intervals[i] if intervals is not None and varies[i] else None,
                float(fired.mean()) if len(fired) else 0.0,
                rate / base if rate is not None and base else None,
                flag,
            )
        )
    held_out = observations.fired[test]
    labels = observations.labels[test]
    now = score_with(model, features, [f.points for f in features], held_out)
    new = score_with(model, features, [s.suggested for s in suggestions], held_out)
    return Result(
        suggestions,
        int(train.sum()),
        int(y.sum()),
        int(test.sum()),
        int(labels.sum()),
        first_test,
        metrics.roc_auc(now, labels) if len(labels) else None,
        metrics.roc_auc(new, labels) if len(labels) else None,
    )


def _bootstrap(
    x: Any, y: Any, entities: Any, varies: Any, penalty: str, strength: float, resamples: int
) -> list[tuple[float, float]] | None:
    """95% intervals of the coefficients, resampling entities (their dates together)."""
    import numpy as np

    if resamples < 20:
        return None
    rng = np.random.default_rng(SEED)
    unique, rows_of = np.unique(entities, return_inverse=True)
    groups = [np.flatnonzero(rows_of == g) for g in range(len(unique))]
    draws = []
    for _ in range(resamples):
        picked = np.concatenate([groups[g] for g in rng.integers(0, len(groups), len(groups))])
        sample_y = y[picked]
        if sample_y.all() or not sample_y.any():
            continue
        coefficients = np.zeros(x.shape[1])
        columns = varies & (x[picked].min(axis=0) != x[picked].max(axis=0))
        coefficients[columns] = _fit(x[picked][:, columns], sample_y, penalty, strength)
        draws.append(coefficients)
    if len(draws) < 20:
        return None
    low, high = np.quantile(np.array(draws), [0.025, 0.975], axis=0)
    return [(float(a), float(b)) for a, b in zip(low, high, strict=True)]


def with_points(loaded: LoadedModel, suggestions: list[Suggestion]) -> str:
    """The model file's text with each rule's (and band's) ``points:`` value replaced in place:
    comments, order and layout stay as written."""
    import re

    from ruamel.yaml import YAML

    data = YAML(typ="rt").load(loaded.text)
    edits: dict[int, list[tuple[int, str]]] = {}
    for suggestion in suggestions:
        path = suggestion.feature.path
        node = data
        for key in path[:-1]:
            node = node[key]
        line, col = node.lc.value("points")
        edits.setdefault(line, []).append((col, _plain(suggestion.suggested)))
    out = loaded.text.splitlines(keepends=True)
    for line, changes in edits.items():
        text = out[line]
        for col, value in sorted(changes, reverse=True):  # right to left: columns stay true
            found = re.compile(r"[-+0-9.eE]+").match(text, col)
            if found is None:
                raise ConfigError(f"{loaded.source}:{line + 1}: cannot find the points to change")
            text = text[:col] + value + text[found.end() :]
        out[line] = text
    return "".join(out)


def _plain(value: float) -> str:
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"
