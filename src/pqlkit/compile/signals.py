"""Signals as Ibis expressions over the event frame, all as of the scoring time.

Most signals are conditional aggregates, computed together in one pass over the frame grouped
by entity (``count(*) FILTER (WHERE …)`` and friends). Sessions need the gap to the previous
event, ordered milestones the time each step was reached, traits their latest value before T,
rollups a per-user pass first; each of those is one more relation joined on the entity.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.compile import conditions, vocabulary
from pqlkit.compile.frame import Frame
from pqlkit.events import identity
from pqlkit.model.schema import (
    ActiveDays,
    Aggregate,
    Count,
    DaysSince,
    Distinct,
    EventMatch,
    Milestone,
    Model,
    Sessions,
    Signal,
    Step,
    TimeBetween,
    Trait,
    Trend,
    Trigger,
    Windowed,
)

if TYPE_CHECKING:
    import ibis.expr.types as ir

ACTIVITY_TYPES = ("track", "page", "screen")
# the other calls of store.schema.EVENT_TYPES, what an activity test excludes: the same test as
# one that includes the activities (``type`` is one of those, never null), but DuckDB filters
# it in the scan, not after it (an IN list is only a zone-map hint there)
NOT_ACTIVITY = ("identify", "group", "alias")
DAY = 86400.0
COUNT_LIKE = (Count, ActiveDays, Sessions, Distinct, Trend)


def is_activity(rows: ir.Table) -> ir.BooleanValue:
    """Whether a row is a track, page or screen call."""
    import ibis

    return ibis.and_(*(rows.type != other for other in NOT_ACTIVITY))


def column(name: str) -> str:
    """The column holding a signal's value."""
    return f"s__{name}"


def interval(delta: timedelta) -> ir.IntervalScalar:
    import ibis

    return ibis.interval(seconds=int(delta.total_seconds()))


def _property_test(model: Model, prop: ir.JSONValue, raw: Any) -> ir.BooleanValue:
    import ibis

    want = vocabulary.property_filter(model, raw)
    if want.condition is not None:
        target = prop.unwrap_as("float64") if want.numeric else prop.unwrap_as("string")
        return conditions.test(target, want.condition, "number" if want.numeric else "string")
    checks = []
    if want.texts:
        checks.append(prop.unwrap_as("string").isin(want.texts))
    if want.numbers:
        checks.append(prop.unwrap_as("float64").isin(want.numbers))
    if want.flags:
        checks.append(prop.unwrap_as("boolean").isin(want.flags))
    return ibis.or_(*checks).fill_null(False)


def match(
    rows: ir.Table, model: Model, spec: EventMatch | Step | Trigger, *, activity: bool = True
) -> Any:
    """Which rows a signal looks at: named events or pages, filtered by properties."""
    import ibis

    checks = []
    if spec.event is not None:
        checks.append((rows.type == "track") & rows.event.isin(vocabulary.names(model, spec.event)))
    elif spec.page is not None:
        pages = vocabulary.names(model, spec.page)
        checks.append(rows.type.isin(("page", "screen")) & rows.name.isin(pages))
    elif activity:
        checks.append(is_activity(rows))
    for key, raw in spec.where.items():
        checks.append(_property_test(model, rows.properties[key], raw))
    return ibis.and_(*checks) if checks else ibis.literal(True)


def since(as_of: datetime | Any, delta: timedelta) -> Any:
    """The time ``delta`` before ``as_of``: a literal for one date, else an expression over the
    rows' ``as_of`` column (many dates at once)."""
    import ibis

    if isinstance(as_of, datetime):
        return ibis.literal(as_of - delta)
    return as_of - interval(delta)


# a trait's or a property's declared type → the type its JSON value is read as
TRAIT_TYPES = {"number": "float64", "string": "string", "boolean": "boolean"}


def _in_window(rows: ir.Table, spec: Windowed, as_of: datetime | Any) -> Any:
    import ibis

    if spec.window is not None:
        return rows.timestamp >= since(as_of, spec.window)
    if spec.within is not None:
        return rows.timestamp < rows.start + interval(spec.within)
    return ibis.literal(True)


def days_between(later: Any, earlier: Any) -> Any:
    return (later.epoch_seconds() - earlier.epoch_seconds()) / DAY


class SignalCompiler:
    """Builds the per-entity table of every signal a model defines."""

    def __init__(self, model: Model, frame: Frame) -> None:
        self.model = model
        self.frame = frame
        self.as_of = frame.as_of

    def moment(self, rows: ir.Table) -> datetime | Any:
        """The scoring time of ``rows``: the one date, or each row's ``as_of`` (many dates)."""
        return self.as_of if self.frame.dates is None else rows.as_of

    def _each_date(self, calls: ir.Table, key: str) -> tuple[ir.Table, str]:
        """``calls`` as of the scoring time(s), and the column naming the entity at a date."""
        if self.frame.dates is None:
            return calls.filter(calls.timestamp < self.as_of), key
        from pqlkit.compile.dated_frame import dated

        each = identity.before_each(calls, self.frame.dates)
        return each.mutate(_dated_key=dated(each[key], each.d_idx)), "_dated_key"

    # -- the pieces -------------------------------------------------------------------------

    def rows_with_start(self, rows: ir.Table, key: str) -> ir.Table:
        """Rows with ``start``: the entity's sign-up (or first event), for ``within`` windows.

        A per-entity value joined back, not a window over the log: the first event and the
        sign-up ("Signed Up") come from the members (first seen and signed up, per person).
        """
        members = self.frame.accounts
        by_account = key == "account_id" or (key == "entity_id" and self.frame.entity == "account")
        if by_account:
            owned = members.filter(members.account_id.notnull())
            first = owned.group_by(f_key=owned.account_id).agg(
                f_at=owned.first_seen.min(), s_at=owned.signed_up.min()
            )
        else:
            first = members.select(
                f_key=members.m_user, f_at=members.first_seen, s_at=members.signed_up
            )
        starts = first.select(st_key=first.f_key, start=first.s_at.coalesce(first.f_at)).view()
        joined = rows.left_join(starts, rows[key] == starts.st_key)
        return joined.select(*rows.columns, start=joined.start).view()

    def aggregate(self, rows: ir.Table, spec: Any) -> Any:
        """One signal as a reduction over ``rows`` (already grouped by the caller)."""
        import ibis
        import ibis.expr.types as ir

        model, as_of = self.model, self.moment(rows)
        if isinstance(spec, Count):
            return rows.count(where=match(rows, model, spec) & _in_window(rows, spec, as_of))
        if isinstance(spec, ActiveDays):
            keep = match(rows, model, spec) & _in_window(rows, spec, as_of)
            return rows.timestamp.date().nunique(where=keep)
        if isinstance(spec, Distinct):
            counts_any_call = spec.of == "member"  # members: whoever belongs, active or not
            keep = match(rows, model, spec, activity=not counts_any_call)
            keep = keep & _in_window(rows, spec, as_of)
            if spec.of == "event":
                return ibis.ifelse(rows.type == "track", rows.event, rows.name).nunique(where=keep)
            if spec.of in ("user", "member"):
                return rows.person_id.nunique(where=keep)
            prop = spec.of.removeprefix("property:")
            return rows.properties[prop].cast("string").nunique(where=keep)
        if isinstance(spec, Aggregate):
            keep = match(rows, model, spec) & _in_window(rows, spec, as_of)
            prop = rows.properties[spec.property]
            if spec.fn == "distinct":
                return prop.cast("string").nunique(where=keep)
            if spec.fn == "last":
                dtype = TRAIT_TYPES[spec.type]
                value = prop.unwrap_as(dtype)
                return value.argmax(rows.timestamp, where=keep & value.notnull())
            number = prop.unwrap_as("float64")
            reducer = {"sum": number.sum, "max": number.max, "min": number.min, "avg": number.mean}
            return reducer[spec.fn](where=keep)
        if isinstance(spec, Trend):
            assert spec.window is not None
            base = match(rows, model, spec)
            now = rows.count(where=base & (rows.timestamp >= since(as_of, spec.window)))
            before = rows.count(
                where=base
                & (rows.timestamp >= since(as_of, 2 * spec.window))
                & (rows.timestamp < since(as_of, spec.window))
            )
            if spec.measure == "ratio":
                return now.cast("float64") / before.nullif(0).cast("float64")
            return now - before
        if isinstance(spec, DaysSince):
            keep = match(rows, model, spec)
            moment = (
                rows.timestamp.max(where=keep)
                if spec.which == "last"
                else rows.timestamp.min(where=keep)
            )
            if isinstance(as_of, datetime):
                then = ibis.literal(as_of)
            elif isinstance(as_of, ir.Scalar):  # a query parameter (compiled once)
                then = as_of
            else:  # many dates: each group's rows share one date
                then = as_of.max()
            return days_between(then, moment)
        if isinstance(spec, Milestone) and not spec.ordered:
            done = []
            for step in steps(self.model, spec):
                keep = match(rows, model, step)
                if spec.within is not None:
                    keep = keep & (rows.timestamp < rows.start + interval(spec.within))
                done.append(rows.count(where=keep) >= step.at_least)
            return ibis.and_(*done)
        raise TypeError(f"not an aggregate signal: {spec.kind}")

    def sessions(
        self, rows: ir.Table, key: str, spec: Sessions, person: str | None = None
    ) -> ir.Table:
        """Sessions (a gap over ``timeout`` starts a new one) with an event in the window;
        with ``person``, each person's sessions apart, added up per ``key`` (a team's)."""
        import ibis

        keep = rows.filter(
            match(rows, self.model, spec) & _in_window(rows, spec, self.moment(rows))
        )
        apart = [keep[key]] if person is None else [keep[key], keep[person]]
        ordered = ibis.window(group_by=apart, order_by=keep.timestamp)
        previous = keep.timestamp.lag().over(ordered)
        gap = keep.timestamp.epoch_seconds() - previous.epoch_seconds()
        starts = ibis.ifelse(previous.isnull() | (gap > spec.timeout.total_seconds()), 1, 0)
        marked = keep.select(key=keep[key], new=starts)
        return marked.group_by("key").agg(value=marked.new.sum())

    def time_between(self, rows: ir.Table, key: str, spec: TimeBetween) -> ir.Table:
        begin = rows.filter(match(rows, self.model, EventMatch(event=spec.start)))
        first = begin.group_by(b_key=begin[key]).agg(t0=begin.timestamp.min())
        end = rows.filter(match(rows, self.model, EventMatch(event=spec.end)))
        joined = end.join(first, end[key] == first.b_key)
        after = joined.filter(joined.timestamp >= joined.t0)
        reached = after.group_by(key=after.b_key).agg(t0=after.t0.min(), t1=after.timestamp.min())
        return reached.select("key", value=days_between(reached.t1, reached.t0))

    def ordered_milestone(self, rows: ir.Table, key: str, spec: Milestone) -> ir.Table:
        """Each step reached (``at_least`` times) after the previous one; within the limit."""
        import ibis

        reached: ir.Table | None = None
        for step in steps(self.model, spec):
            hits = rows.filter(match(rows, self.model, step))
            if reached is not None:
                joined = hits.join(reached, hits[key] == reached.key)
                hits = joined.filter(joined.timestamp > joined.t).select(*rows.columns)
            ranked = hits.mutate(
                n=ibis.row_number().over(group_by=hits[key], order_by=hits.timestamp)
            )
            nth = ranked.filter(ranked.n == step.at_least - 1)
            reached = nth.select(key=nth[key], t=nth.timestamp, start=nth.start).view()
        assert reached is not None
        done = reached.t.notnull()
        if spec.within is not None:
            done = done & (reached.t < reached.start + interval(spec.within))
        return reached.select("key", value=done)

    def account_traits(self, signals: dict[str, Signal]) -> ir.Table:
        """Several account traits' latest values before T in one pass: ``key`` (the group id)
        and a column per signal (see :func:`pqlkit.events.identity.latest_traits`)."""
        group_calls = self.frame.group_calls()
        read = {}  # each call's values, read from its JSON before it joins the dates
        for name, signal in signals.items():
            assert isinstance(signal.spec, Trait)
            read[column(name)] = group_calls.traits[signal.spec.name].unwrap_as(
                TRAIT_TYPES[signal.spec.type]
            )
        valued = group_calls.select("group_id", "timestamp", **read)
        calls, key = self._each_date(valued, "group_id")
        values = {
            name: calls[name].argmax(calls.timestamp, where=calls[name].notnull()) for name in read
        }
        return calls.group_by(key=calls[key]).agg(**values)

    def trait(self, spec: Trait) -> tuple[ir.Table, str]:
        """The latest value of a trait before T, keyed by user or account id."""
        dtype = TRAIT_TYPES[spec.type]
        if spec.of == "account":
            calls, key = self._each_date(self.frame.group_calls(), "group_id")
            values = identity.latest_traits(calls, key, {spec.name: dtype})
            return values.select(key=key, value=spec.name), "account_id"
        rows = self.frame.rows
        calls = rows.filter(rows.type != "group")  # the frame's rows: before the time(s) already
        values = identity.latest_traits(calls, "person_id", {spec.name: dtype}, self.as_of)
        return values.select(key="person_id", value=spec.name), "person_id"


def steps(model: Model, spec: Milestone) -> list[Step]:
    """The milestone's steps; a name (or a ``$entry`` naming several) is one step per name."""
    raw = spec.steps if isinstance(spec.steps, list) else [spec.steps]
    out: list[Step] = []
    for item in raw:
        if isinstance(item, str):
            out.extend(Step(event=name) for name in vocabulary.names(model, item))
        else:
            out.append(item)
    return out


def needs_start(signal: Signal) -> bool:
    spec = signal.spec
    return getattr(spec, "within", None) is not None or (
        isinstance(spec, Milestone) and spec.ordered
    )


def is_aggregate(signal: Signal) -> bool:
    spec = signal.spec
    if isinstance(spec, Milestone):
        return not spec.ordered
    return isinstance(spec, Count | ActiveDays | Distinct | Aggregate | Trend | DaysSince)


def fills_zero(signal: Signal) -> bool:
    """Counts are 0, not missing, for an entity with nothing to count."""
    return isinstance(signal.spec, COUNT_LIKE) and not (
        isinstance(signal.spec, Trend) and signal.spec.measure == "ratio"
    )
