"""Rules → points, layers → capped subtotals, the score, and the tier, as Ibis columns.

For every rule the compiled table keeps the points it gave (``p__<layer>__<n>``); for every
layer the subtotal after ``combine`` and ``cap`` (``l__<layer>``); then ``score`` and ``tier``.
A missing signal value gives no points. Threshold models keep ``q__all__<n>`` / ``q__any__<n>``
(passed or not) and qualify when every ``all`` and at least one ``any`` condition passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pqlkit.compile import conditions
from pqlkit.compile.signals import column, kind_of
from pqlkit.model.schema import Model, Rule

if TYPE_CHECKING:
    import ibis.expr.types as ir

NOT_QUALIFIED, PQL, HOT = "not qualified", "pql", "hot"


def rule_column(layer: str, index: int) -> str:
    return f"p__{layer}__{index}"


def layer_column(layer: str) -> str:
    return f"l__{layer}"


def condition_column(group: str, index: int) -> str:
    return f"q__{group}__{index}"


def rule_points(model: Model, table: ir.Table, rule: Rule) -> Any:
    import ibis

    signal = model.signals[rule.signal]
    value = table[column(rule.signal)]
    if rule.bands is not None:
        branches = []
        for band in rule.bands:
            inside = value >= band.from_
            if band.to is not None:
                inside = inside & (value <= band.to)
            branches.append((inside, ibis.literal(float(band.points))))
        points = ibis.cases(*branches, else_=ibis.literal(0.0)).fill_null(0.0)
    else:
        passed = conditions.test(value, rule, kind_of(signal))
        points = ibis.ifelse(passed, float(rule.points or 0), 0.0)
    # Postgres reads 20.0 as numeric; every engine must hand back a float
    return points.cast("float64")


def score_columns(model: Model, table: ir.Table, triggered: Any | None) -> dict[str, Any]:
    """The points, subtotal, score and tier columns to add to a table of signal values."""
    import ibis

    out: dict[str, Any] = {}
    if model.type == "threshold":
        assert model.qualify is not None
        all_ok: list[Any] = []
        any_ok: list[Any] = []
        for group, rules, sink in (
            ("all", model.qualify.all, all_ok),
            ("any", model.qualify.any, any_ok),
        ):
            for index, rule in enumerate(rules):
                value = table[column(rule.signal)]
                passed = conditions.test(value, rule, kind_of(model.signals[rule.signal]))
                out[condition_column(group, index)] = passed
                sink.append(passed)
        qualifies = ibis.and_(*all_ok) if all_ok else ibis.literal(True)
        if any_ok:
            qualifies = qualifies & ibis.or_(*any_ok)
        met: Any = ibis.literal(0)
        for passed in all_ok + any_ok:
            met = met + ibis.ifelse(passed, 1, 0)
        out["score"] = met.cast("float64")
        tier = ibis.ifelse(qualifies, PQL, NOT_QUALIFIED)
    else:
        layers = {}
        for name, layer in model.layers.items():
            points = []
            for index, rule in enumerate(layer.rules):
                expr = rule_points(model, table, rule)
                out[rule_column(name, index)] = expr
                points.append(expr)
            total = (
                ibis.greatest(*points) if layer.combine == "best" else sum(points[1:], points[0])
            )
            if layer.cap is not None:
                total = ibis.least(total, ibis.literal(float(layer.cap), type="float64"))
            out[layer_column(name)] = total
            layers[name] = total
        subtotals = list(layers.values())
        score = sum(subtotals[1:], subtotals[0])
        if model.require_layers:
            gate = ibis.and_(*(layers[n] > 0 for n in model.require_layers))
            score = ibis.ifelse(gate, score, ibis.literal(0.0, type="float64"))
        out["score"] = score
        assert model.tiers is not None
        branches = []
        if model.tiers.hot is not None:
            branches.append((score >= model.tiers.hot, HOT))
        branches.append((score >= model.tiers.pql, PQL))
        tier = ibis.cases(*branches, else_=NOT_QUALIFIED)
    if triggered is not None:
        tier = ibis.ifelse(triggered, HOT, tier)
    out["tier"] = tier
    return out
