"""Every point explained: per-rule breakdowns (JSON) and short reasons, from a scored table.

The engine computes the values and points; this module only words them, row by row, for the
rows being written or shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pqlkit.compile.points import condition_column, layer_column, rule_column
from pqlkit.compile.signals import column
from pqlkit.model.durations import format_duration
from pqlkit.model.schema import Model, Rule, Signal


def _number(value: Any) -> Any:
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
        return f"{name}: {_number(value)}{times}{window}"
    if isinstance(value, float):
        return f"{name}: {_number(round(value, 2))}"
    return f"{name}: {value}"


def explained_columns(model: Model) -> list[str]:
    """The scored table's columns :func:`explain_row` reads (rows equal on them read alike)."""
    out = ["score", "tier"]
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


def explain_row(model: Model, row: dict[str, Any], triggers: list[str]) -> Explained:
    """The breakdown and reasons of one scored row (a dict of the compiled table's columns)."""
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
                        "value": _number(value),
                        "passed": passed,
                    }
                )
                if passed:
                    items.append((1.0, describe(model, rule, value)))
    for name, layer in model.layers.items():
        rules = []
        raw = 0.0
        for index, rule in enumerate(layer.rules):
            value = row.get(column(rule.signal))
            points = float(row.get(rule_column(name, index)) or 0.0)
            raw = max(raw, points) if layer.combine == "best" else raw + points
            rules.append(
                {
                    "signal": rule.signal,
                    "label": label(model, rule),
                    "value": _number(value),
                    "points": _number(points),
                }
            )
            if points > 0:
                items.append((points, f"{describe(model, rule, value)} (+{_number(points)})"))
        subtotal = float(row.get(layer_column(name)) or 0.0)
        entry: dict[str, Any] = {"layer": name, "points": _number(subtotal), "rules": rules}
        if layer.cap is not None:
            entry["cap"] = _number(layer.cap)
            entry["capped"] = raw > layer.cap
        layers.append(entry)
    breakdown: dict[str, Any] = {"score": _number(row.get("score")), "tier": row.get("tier")}
    if layers:
        breakdown["layers"] = layers
    if conditions:
        breakdown["conditions"] = conditions
    if triggers:
        breakdown["triggers"] = triggers
    reasons = [f"hot trigger: {name.replace('_', ' ')}" for name in triggers]
    reasons += [text for _, text in sorted(items, key=lambda item: -item[0])]
    return Explained(breakdown, "; ".join(reasons))
