"""Tests on values (``at_least``, ``between``, ``in``, ``matches_any``…) as Ibis expressions.

The same compiler serves rule conditions, threshold models, rollup filters and property
filters, so a test means the same thing everywhere. Keyword matching lower-cases both sides and
uses substring search, not regular expressions, whose syntax differs between engines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pqlkit.model.schema import Condition

if TYPE_CHECKING:
    import ibis.expr.types as ir


def truthy(value: ir.Value, kind: str) -> ir.BooleanValue:
    """The default test: true for a yes/no signal, above zero for a number, present for text."""
    if kind == "boolean":
        return value.fill_null(False)
    if kind == "number":
        return (value > 0).fill_null(False)
    return value.notnull() & (value != "")


def test(value: ir.Value, cond: Condition, kind: str) -> ir.BooleanValue:
    """Whether ``value`` passes ``cond``; a missing value never passes."""
    import ibis

    checks: list[Any] = []
    if cond.at_least is not None:
        checks.append(value >= cond.at_least)
    if cond.at_most is not None:
        checks.append(value <= cond.at_most)
    if cond.between is not None:
        low, high = cond.between
        checks.append((value >= low) & (value <= high))
    if cond.equals is not None:
        checks.append(value == cond.equals)
    if cond.in_ is not None:
        checks.append(value.isin(cond.in_))
    if cond.not_in is not None:
        checks.append(~value.isin(cond.not_in))
    if cond.matches_any is not None:
        text = value.cast("string").lower()
        hits = [text.contains(word.lower()) for word in cond.matches_any]
        checks.append(ibis.or_(*hits) if hits else ibis.literal(False))
    if cond.is_ is not None:
        checks.append(value == cond.is_)
    if not checks:
        return truthy(value, kind)
    return ibis.and_(*checks).fill_null(False)
