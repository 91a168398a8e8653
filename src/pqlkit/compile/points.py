"""Rules → points, layers → capped subtotals, the score, and the tier, as Ibis columns.

For every rule the compiled table keeps the points it gave (``p__<layer>__<n>``); for every
layer the subtotal after ``combine`` and ``cap`` (``l__<layer>``); then ``score`` and ``tier``.
A missing signal value gives no points. Threshold models keep ``q__all__<n>`` / ``q__any__<n>``
(passed or not) and qualify when every ``all`` and at least one ``any`` condition passes.
A predictive model's table stops at the signals: its trained model scores them
(:mod:`pqlkit.scoring.predict`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pqlkit.compile import conditions
from pqlkit.compile.signals import column
from pqlkit.model.schema import Model, Rule
from pqlkit.model.validate import value_type

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
            branches.append((inside, number(band.points)))
        return ibis.cases(*branches, else_=number(0)).fill_null(number(0))
    passed = conditions.test(value, rule, value_type(signal))
    return ibis.ifelse(passed, number(rule.points or 0), number(0))


def number(value: float) -> Any:
    """``value`` as a float64 expression on every engine.

    A bare ``20.0`` is a numeric (decimal) on Postgres, and Ibis drops a cast to the type it
    already believes the literal has; an integer literal cast to float64 is a float everywhere.
    """
    import ibis

    if float(value).is_integer():
        return ibis.literal(int(value)).cast("float64")
    return ibis.literal(value, type="decimal(18, 6)").cast("float64")


def score(model: Model, table: ir.Table, triggered: str | None) -> ir.Table:
    """``table`` with the points, subtotal, score and tier columns added, stage by stage.

    Each stage reads the columns of the one before (rule points → layer subtotals → score →
    tier), so the SQL computes every expression once instead of repeating it inside the next.
    ``triggered`` names a boolean column: a live trigger makes the tier hot.
    """
    import ibis

    if model.type == "predictive":  # the trained model scores the signals: scoring/predict.py
        return table
    if model.type == "threshold":
        assert model.qualify is not None
        passed = {
            condition_column(group, index): conditions.test(
                table[column(rule.signal)], rule, value_type(model.signals[rule.signal])
            )
            for group in ("all", "any")
            for index, rule in enumerate(getattr(model.qualify, group))
        }
        table = table.mutate(**passed).view()
        all_ok = [table[c] for c in passed if c.startswith("q__all__")]
        any_ok = [table[c] for c in passed if c.startswith("q__any__")]
        qualifies = ibis.and_(*all_ok) if all_ok else ibis.literal(True)
        if any_ok:
            qualifies = qualifies & ibis.or_(*any_ok)
        met: Any = ibis.literal(0)
        for check in all_ok + any_ok:
            met = met + ibis.ifelse(check, 1, 0)
        table = table.mutate(score=met.cast("float64"), qualifies=qualifies).view()
        tier = ibis.ifelse(table.qualifies, PQL, NOT_QUALIFIED)
    else:
        rules = {
            rule_column(name, index): rule_points(model, table, rule)
            for name, layer in model.layers.items()
            for index, rule in enumerate(layer.rules)
        }
        table = table.mutate(**rules).view()
        subtotals = {}
        for name, layer in model.layers.items():
            points = [table[rule_column(name, i)] for i in range(len(layer.rules))]
            total = (
                ibis.greatest(*points) if layer.combine == "best" else sum(points[1:], points[0])
            )
            if layer.cap is not None:
                total = ibis.least(total, number(layer.cap))
            subtotals[layer_column(name)] = total
        table = table.mutate(**subtotals).view()
        layers = [table[c] for c in subtotals]
        total_score = sum(layers[1:], layers[0])
        if model.require_layers:
            gate = ibis.and_(*(table[layer_column(n)] > 0 for n in model.require_layers))
            total_score = ibis.ifelse(gate, total_score, number(0))
        table = table.mutate(score=total_score).view()
        assert model.tiers is not None
        branches = []
        if model.tiers.hot is not None:
            branches.append((table.score >= model.tiers.hot, HOT))
        branches.append((table.score >= model.tiers.pql, PQL))
        tier = ibis.cases(*branches, else_=NOT_QUALIFIED)
    if triggered is not None:
        tier = ibis.ifelse(table[triggered], HOT, tier)
    table = table.mutate(tier=tier)
    return table.drop("qualifies") if model.type == "threshold" else table
