"""What of the event log a model reads: which events, and whether properties and traits.

A scoring run reads the log several times (signals, sessions, milestones, population); reading
only the events some signal can match, and the JSON columns only where a signal looks into
them, keeps each pass narrow. Every predicate here is a superset of what the signals test (the
signals still test everything themselves), so narrowing never changes a value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pqlkit.model.schema import (
    Aggregate,
    Distinct,
    EventMatch,
    Milestone,
    Model,
    Rollup,
    Step,
    TimeBetween,
    Trait,
)

if TYPE_CHECKING:
    import ibis.expr.types as ir

SIGN_UP = (
    "Signed Up"  # the event that starts a ``within`` window (see SignalCompiler.rows_with_start)
)
EVERYTHING = None  # a look that needs every event


def _looks(model: Model) -> list[EventMatch | Step | None]:
    """Each event match the model's signals make; ``None`` for one that reads every event."""
    from pqlkit.compile.signals import needs_start, steps

    looks: list[EventMatch | Step | None] = []
    for signal in model.signals.values():
        spec = signal.spec
        if isinstance(spec, Distinct) and spec.of == "member":
            looks.append(EVERYTHING)  # any call counts a member
        elif isinstance(spec, EventMatch):
            looks.append(spec)
        elif isinstance(spec, TimeBetween):
            looks += [EventMatch(event=spec.start), EventMatch(event=spec.end)]
        elif isinstance(spec, Milestone):
            looks += steps(model, spec)
        if needs_start(signal):
            looks.append(EventMatch(event=SIGN_UP))
    if model.conversion.event is not None:
        looks.append(EventMatch(event=model.conversion.event))
    return looks


def _reads_properties(spec: Any) -> bool:
    if isinstance(spec, Aggregate):
        return True
    if isinstance(spec, Distinct) and spec.of.startswith("property:"):
        return True
    return bool(getattr(spec, "where", None)) and not isinstance(spec, Rollup)


def traits(model: Model) -> bool:
    """The model reads people's traits from the rows (a user trait, or a trait conversion)."""
    own = any(isinstance(s.spec, Trait) and s.spec.of == "user" for s in model.signals.values())
    return own or model.conversion.trait is not None


def wanted_rows(rows: ir.Table, model: Model) -> ir.BooleanValue | None:
    """The rows some signal can read; ``None`` when that is every row."""
    import ibis

    from pqlkit.compile.signals import ACTIVITY_TYPES

    looks = _looks(model)
    if EVERYTHING in looks:
        return None
    if any(look.event is None and look.page is None for look in looks if look is not None):
        checks = [rows.type.isin(ACTIVITY_TYPES)]  # every activity: names need no test
    else:
        checks = [_bare(rows, model, look) for look in looks if look is not None]
    if traits(model):
        checks.append((rows.type != "group") & rows.traits.notnull())
    return ibis.or_(*checks) if checks else ibis.literal(False)


def property_rows(rows: ir.Table, model: Model) -> ir.BooleanValue | None:
    """The rows whose ``properties`` some signal reads; ``None`` when none does."""
    import ibis

    from pqlkit.compile.signals import steps

    specs: list[Any] = []
    for signal in model.signals.values():
        spec = signal.spec
        if isinstance(spec, Milestone):
            specs += [step for step in steps(model, spec) if step.where]
        elif _reads_properties(spec):
            specs.append(spec)
    if not specs:
        return None
    return ibis.or_(*[_bare(rows, model, spec) for spec in specs])


def _bare(rows: ir.Table, model: Model, spec: Any) -> ir.BooleanValue:
    """The event or page test of ``spec``, without its property filters."""
    from pqlkit.compile.signals import match

    bare = spec.model_copy(update={"where": {}})
    return match(rows, model, bare)
