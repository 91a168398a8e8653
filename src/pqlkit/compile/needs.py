"""What of the event log a model reads: which events, and whether properties and traits.

A scoring run reads the log several times (signals, sessions, milestones, population); reading
only the events some signal can match, and the JSON columns only where a signal looks into
them, keeps each pass narrow. Every predicate here is a superset of what the signals test (the
signals still test everything themselves), so narrowing never changes a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.events import identity
from pqlkit.model.schema import (
    Aggregate,
    Conversion,
    Distinct,
    EventMatch,
    Milestone,
    Model,
    Rollup,
    Signal,
    Step,
    TimeBetween,
    Trait,
    Trend,
    Windowed,
)

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.store.kept import RareEvents

# the event that starts a ``within`` window (see SignalCompiler.rows_with_start)
SIGN_UP = identity.SIGN_UP
EVERYTHING = None  # a look that needs every event


def _looks(model: Model) -> list[EventMatch | Step | None]:
    """Each event match the model's signals make; ``None`` for one that reads every event."""
    return [look for look, _ in _reaches(model)]


Reach = tuple[EventMatch | Step | None, timedelta | None]


def _reaches(model: Model, *, starts: bool = True) -> list[Reach]:
    """Each event match with how far back before T it reads (``None``: all of history);
    without ``starts``, not the sign-ups that start ``within`` windows (a reader that has
    them from elsewhere: one date's members)."""
    from pqlkit.compile.signals import needs_start, steps

    looks: list[Reach] = []
    for signal in model.signals.values():
        spec = signal.spec
        back = _back(spec)
        if isinstance(spec, Distinct) and spec.of == "member":
            looks.append((EVERYTHING, back))  # any call counts a member
        elif isinstance(spec, EventMatch):
            looks.append((spec, back))
        elif isinstance(spec, TimeBetween):
            looks += [(EventMatch(event=spec.start), None), (EventMatch(event=spec.end), None)]
        elif isinstance(spec, Milestone):
            looks += [(step, None) for step in steps(model, spec)]
        if starts and needs_start(signal):
            looks.append((EventMatch(event=SIGN_UP), None))
    if model.conversion.event is not None:
        looks.append((EventMatch(event=model.conversion.event), None))
    return looks


def _back(spec: Any) -> timedelta | None:
    """How far before T a signal reads: its window (twice for a trend), else all history."""
    if not isinstance(spec, Windowed) or spec.within is not None or spec.window is None:
        return None
    return 2 * spec.window if isinstance(spec, Trend) else spec.window


@dataclass(frozen=True)
class Part:
    """The rows read as far back as ``window`` (``None``: at any age): those ``looks`` match,
    with ``traits`` those carrying people's traits; ``looks`` ``None``: every row."""

    looks: tuple[EventMatch | Step, ...] | None
    window: timedelta | None
    traits: bool = False

    def condition(self, rows: ir.Table, model: Model) -> Any:
        import ibis

        if self.looks is None:
            return ibis.literal(True)
        tests = [_bare(rows, model, look) for look in self.looks]
        if self.traits:
            tests.append((rows.type != "group") & rows.traits.notnull())
        return ibis.or_(*tests)

    def names(self, model: Model) -> set[str] | None:
        """The track event names it reads, when that is all it reads."""
        from pqlkit.compile.vocabulary import track_names

        return None if self.looks is None or self.traits else track_names(model, self.looks)


def parts(model: Model, *, starts: bool = True) -> list[Part]:
    """How far back before T each row is read, the first part whose looks match it deciding;
    a row no part matches is not read (``starts``: as in :func:`_reaches`).

    A row is read as far back as the longest reach among the looks it can match; the rows of
    people's traits, and those a look without a window matches, at any age. Like
    :func:`wanted_rows`, a superset: property filters are left to the signals.
    """
    reaches = _reaches(model, starts=starts)
    if any(look is EVERYTHING and back is None for look, back in reaches):
        return [Part(None, None)]
    ever = tuple(look for look, back in reaches if back is None and look is not None)
    out = [Part(ever, None, traits(model))] if ever or traits(model) else []
    for window in sorted({back for _, back in reaches if back is not None}, reverse=True):
        looks = [look for look, back in reaches if back == window]
        found = tuple(look for look in looks if look is not None)
        out.append(Part(None if EVERYTHING in looks else found, window))
    return out


def reach(rows: ir.Table, model: Model) -> list[tuple[Any, timedelta | None]]:
    """:func:`parts` as ``(condition, window)`` pairs over ``rows``."""
    return [(part.condition(rows, model), part.window) for part in parts(model)]


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

    from pqlkit.compile.signals import is_activity

    looks = _looks(model)
    if EVERYTHING in looks:
        return None
    if any(look.event is None and look.page is None for look in looks if look is not None):
        checks = [is_activity(rows)]  # every activity: names need no test
    else:
        checks = [_bare(rows, model, look) for look in looks if look is not None]
    if traits(model):
        checks.append((rows.type != "group") & rows.traits.notnull())
    return ibis.or_(*checks) if checks else ibis.literal(False)


def of_signals(model: Model, signals: dict[str, Signal], *, conversion: bool = True) -> Model:
    """``model`` with only ``signals`` (and without its conversion unless ``conversion``): to
    ask what those read."""
    update: dict[str, Any] = {"signals": signals}
    if not conversion:
        update["conversion"] = Conversion()
    return model.model_copy(update=update)


def read_rows(rows: ir.Table, model: Model) -> ir.Table:
    """``rows`` narrowed to those some signal of ``model`` can read (:func:`wanted_rows`)."""
    wanted = wanted_rows(rows, model)
    return rows if wanted is None else rows.filter(wanted)


def read_reaching(
    rows: ir.Table,
    model: Model,
    as_of: Any,
    rare: RareEvents | None = None,
    *,
    mixed: bool = False,
) -> ir.Table:
    """:func:`read_rows` for one date, each row only as far back before ``as_of`` as
    :func:`parts` says (the sign-ups that start windows not among them: one date's members
    hold them).

    One part per reach, each the rows its looks decide (the earlier parts' excluded) within
    its window, put together with ``UNION ALL``: each part is then a scan of its own whose
    tests the engine applies as it reads and whose time bound skips the older blocks of a
    log kept in time order. On ``pillars`` at 20M events: the all-time events (milestone
    steps, invitations, conversions) and the last 30 days of the windowed ones, 1.6M rows
    instead of 3.3M. (The same test as one filter cost as much as it saved.) ``rare``: the
    same rows of the store's events of rare names (:class:`pqlkit.store.kept.RareEvents`): a
    part that reads only names they hold reads them there; with ``mixed``, a part that reads
    some of them reads those there and the others from ``rows`` (on many dates' rows, not yet
    resolved to people; one date's are, and a part more joins the identity tables once more:
    0.4 GB more at 20M events for no time saved). A part whose names no signal reads the
    properties of leaves ``properties`` unread (null): the engine does not scan them.
    """
    import ibis

    from pqlkit.compile.signals import since

    out: list[ir.Table] = []
    decided: list[Part] = []
    with_properties = _property_names(model)
    for part in parts(model, starts=False):
        names = part.names(model)
        held = set() if rare is None or names is None else {n for n in names if rare.hold({n})}
        reads: list[tuple[ir.Table, set[str] | None]] = []  # where, and which names there
        if names is None or not held or (held != names and not mixed):
            reads.append((rows, names))
        else:  # the rare names from the kept copy, the others from the log
            assert rare is not None
            reads += [(rows, names - held)] if names - held else []
            reads.append((rare.table, held))
        for source, only in reads:
            keep = ibis.and_(
                part.condition(source, model),
                *[~earlier.condition(source, model) for earlier in decided],
            )
            if only is not None and only != names:
                keep = keep & source.event.isin(sorted(only))
            if part.window is not None:
                keep = keep & (source.timestamp >= since(as_of, part.window))
            columns = {c: source[c] for c in rows.columns}
            unread = with_properties is not None and only is not None and not only & with_properties
            if unread and "properties" in columns:  # no signal reads them: not scanned
                columns["properties"] = ibis.null(rows.properties.type())
            out.append(source.filter(keep).select(**columns))
        decided.append(part)
    if not out:
        return rows.filter(ibis.literal(False))
    return out[0] if len(out) == 1 else ibis.union(*out, distinct=False)


def _property_names(model: Model) -> set[str] | None:
    """The track names whose ``properties`` some signal reads; ``None`` when one reads those
    of pages or of any event."""
    from pqlkit.compile.vocabulary import track_names

    return track_names(model, _property_looks(model))


def _property_looks(model: Model) -> list[Any]:
    """The looks (signals, milestone steps) that test the ``properties`` of what they match."""
    from pqlkit.compile.signals import steps

    specs: list[Any] = []
    for signal in model.signals.values():
        spec = signal.spec
        if isinstance(spec, Milestone):
            specs += [step for step in steps(model, spec) if step.where]
        elif _reads_properties(spec):
            specs.append(spec)
    return specs


def property_rows(rows: ir.Table, model: Model) -> ir.BooleanValue | None:
    """The rows whose ``properties`` some signal reads; ``None`` when none does."""
    import ibis

    specs = _property_looks(model)
    if not specs:
        return None
    return ibis.or_(*[_bare(rows, model, spec) for spec in specs])


def _bare(rows: ir.Table, model: Model, spec: Any) -> ir.BooleanValue:
    """The event or page test of ``spec``, without its property filters."""
    from pqlkit.compile.signals import match

    bare = spec.model_copy(update={"where": {}})
    return match(rows, model, bare)
