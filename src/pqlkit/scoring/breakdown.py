"""Every point explained: per-rule breakdowns (JSON) and short reasons, from a scored table.

The engine computes the values and points; this module only words them, row by row, for the
rows being written or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pqlkit.compile.points import condition_column, layer_column, rule_column
from pqlkit.compile.signals import column
from pqlkit.model.durations import format_duration
from pqlkit.model.schema import Model, Rule, Signal


def plain_number(value: Any) -> Any:
    """A whole float as an int (``55.0`` reads ``55``), anything else as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _window(signal: Signal) -> str:
    spec = signal.spec
    window, within = getattr(spec, "window", None), getattr(spec, "within", None)
    if window is not None:
        return f" in the last {format_duration(window)}"
    if within is not None:
        return f" within {format_duration(within)} of signing up"
    return ""


def label(model: Model, rule: Rule) -> str:
    return rule.label or rule.signal.replace("_", " ")


def describe(model: Model, rule: Rule, value: Any) -> str:
    """How a reason names a rule and the value behind it: 'paywall hit 2× in the last 30d'."""
    signal = model.signals[rule.signal]
    name = label(model, rule)
    if isinstance(value, bool) or value is None:
        return name
    if signal.kind in ("count", "sessions", "active_days"):
        times = "×" if signal.kind == "count" else ""
        window = "" if rule.label else _window(signal)  # a label says its own window
        return f"{name}: {plain_number(value)}{times}{window}"
    if isinstance(value, float):
        return f"{name}: {plain_number(round(value, 2))}"
    return f"{name}: {value}"


def explained_columns(model: Model) -> list[str]:
    """The scored table's columns :func:`explain_row` reads (rows equal on them read alike)."""
    out = ["score", "tier"]
    if model.type == "predictive":
        from pqlkit.scoring.predict import BASE, contribution_column

        out.append(BASE)
        for name in model.signals:
            out += [contribution_column(name), column(name)]
        return out
    rules: list[Rule] = [rule for layer in model.layers.values() for rule in layer.rules]
    if model.qualify is not None:
        for group in ("all", "any"):
            rules += getattr(model.qualify, group)
            out += [condition_column(group, i) for i in range(len(getattr(model.qualify, group)))]
    for name, layer in model.layers.items():
        out += [rule_column(name, i) for i in range(len(layer.rules))]
        out.append(layer_column(name))
    out += [column(rule.signal) for rule in rules]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Explained:
    breakdown: dict[str, Any]
    reasons: str


# a layer's breakdown entry, and its reasons with their points
LayerWords = tuple[dict[str, Any], list[tuple[float, str]]]


@dataclass
class Memo:
    """What wording many rows of one model shares: each layer's columns, and each layer's
    values worded once (the entries are shared between the rows' breakdowns: do not change
    them); ``layer_texts``: the same as texts, for :func:`pqlkit.scoring.worded.words`."""

    model: Model
    layers: list[tuple[str, Any, list[tuple[int, Rule, str, str]], str]]
    layer_words: dict[tuple[Any, ...], LayerWords]
    layer_texts: dict[tuple[Any, ...], tuple[str, dict[float, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, model: Model) -> Memo:
        layers = [
            (
                name,
                layer,
                [
                    (index, rule, column(rule.signal), rule_column(name, index))
                    for index, rule in enumerate(layer.rules)
                ],
                layer_column(name),
            )
            for name, layer in model.layers.items()
        ]
        return cls(model, layers, {})


def explain_row(
    model: Model, row: dict[str, Any], triggers: list[str], memo: Memo | None = None
) -> Explained:
    """The breakdown and reasons of one scored row (a dict of the compiled table's columns).

    ``memo`` (:meth:`Memo.of` the model): kept by a caller wording many rows of it.
    """
    if model.type == "predictive":
        return _explain_prediction(model, row, triggers)
    items: list[tuple[float, str]] = []
    layers = []
    conditions = []
    if model.type == "threshold":
        assert model.qualify is not None
        for group in ("all", "any"):
            for index, rule in enumerate(getattr(model.qualify, group)):
                value = row.get(column(rule.signal))
                passed = bool(row.get(condition_column(group, index)))
                conditions.append(
                    {
                        "group": group,
                        "signal": rule.signal,
                        "label": label(model, rule),
                        "value": plain_number(value),
                        "passed": passed,
                    }
                )
                if passed:
                    items.append((1.0, describe(model, rule, value)))
    memo = memo or Memo.of(model)
    for name, layer, columns, subtotal_column in memo.layers:
        seen = tuple(
            (row.get(value_column), float(row.get(points_column) or 0.0))
            for _, _, value_column, points_column in columns
        )
        key = (name, seen, float(row.get(subtotal_column) or 0.0))
        worded = memo.layer_words.get(key)
        if worded is None:
            worded = memo.layer_words[key] = layer_words(model, name, layer, columns, seen, key[2])
        layers.append(worded[0])
        items += worded[1]
    breakdown: dict[str, Any] = {"score": plain_number(row.get("score")), "tier": row.get("tier")}
    if layers:
        breakdown["layers"] = layers
    if conditions:
        breakdown["conditions"] = conditions
    if triggers:
        breakdown["triggers"] = triggers
    reasons = [f"hot trigger: {name.replace('_', ' ')}" for name in triggers]
    reasons += [text for _, text in sorted(items, key=lambda item: -item[0])]
    return Explained(breakdown, "; ".join(reasons))


def layer_words(
    model: Model,
    name: str,
    layer: Any,
    columns: list[tuple[int, Rule, str, str]],
    seen: tuple[tuple[Any, float], ...],
    subtotal: float,
) -> LayerWords:
    """A layer's breakdown entry and its reasons (with their points), from its rules' values
    and points and its subtotal."""
    rules = []
    items = []
    raw = 0.0
    for (_, rule, _, _), (value, points) in zip(columns, seen, strict=True):
        raw = max(raw, points) if layer.combine == "best" else raw + points
        rules.append(
            {
                "signal": rule.signal,
                "label": label(model, rule),
                "value": plain_number(value),
                "points": plain_number(points),
            }
        )
        if points > 0:
            items.append((points, f"{describe(model, rule, value)} (+{plain_number(points)})"))
    entry: dict[str, Any] = {"layer": name, "points": plain_number(subtotal), "rules": rules}
    if layer.cap is not None:
        entry["cap"] = plain_number(layer.cap)
        entry["capped"] = raw > layer.cap
    return entry, items


SHOWN = 0.005  # a push below this rounds to ±0.00: not a reason


def log_odds(value: float) -> str:
    """A contribution as people read it: ``+0.41`` or ``−0.52`` (log-odds)."""
    return f"{value:+.2f}".replace("-", "−")


def _said(model: Model, rule: Rule, value: Any) -> str:
    """A signal and its value, also when it is a no or unknown (which can push too)."""
    if value is None:
        return f"{label(model, rule)}: unknown"
    if isinstance(value, bool):
        return f"{label(model, rule)}: {'yes' if value else 'no'}"
    return describe(model, rule, value)


def _explain_prediction(model: Model, row: dict[str, Any], triggers: list[str]) -> Explained:
    """A predictive model's breakdown: the probability, and every signal's push on the
    log-odds with its value (``contributions``, strongest first; with ``base_log_odds`` they
    add up to the probability's log-odds). Reasons: the probability, then the five strongest
    pushes, up or down."""
    from pqlkit.scoring.predict import BASE, contribution_column

    contributions = []
    for name in model.signals:
        push = float(row.get(contribution_column(name)) or 0.0)
        rule = Rule(signal=name)
        value = row.get(column(name))
        contributions.append(
            {
                "signal": name,
                "label": label(model, rule),
                "value": plain_number(value),
                "log_odds": round(push, 4),
                "reason": _said(model, rule, value),
            }
        )
    contributions.sort(key=lambda c: (-abs(c["log_odds"]), c["signal"]))
    probability = row.get("score")
    breakdown: dict[str, Any] = {
        "score": probability,
        "tier": row.get("tier"),
        "probability": probability,
        "base_log_odds": round(float(row.get(BASE) or 0.0), 4),
        "contributions": contributions,
    }
    if triggers:
        breakdown["triggers"] = triggers
    reasons = [f"hot trigger: {name.replace('_', ' ')}" for name in triggers]
    if probability is not None:
        reasons.append(f"{100 * probability:.0f}% likely to convert")
    reasons += [
        f"{c['reason']} ({log_odds(c['log_odds'])} log-odds)"
        for c in contributions[:5]
        if abs(c["log_odds"]) >= SHOWN
    ]
    return Explained(breakdown, "; ".join(reasons))
