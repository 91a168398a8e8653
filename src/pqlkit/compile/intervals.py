"""Many dates' signals from each sender's events reduced per interval of time, not per event.

A frame of many dates (:mod:`pqlkit.compile.dated_frame`) repeats each event it reads once for
every date that reads it — 39M rows for 18M events at 12 weekly dates of 20M events — and the
signals then reduce those rows again (bench/RESULTS.md). Most signals need, at a date, only a
count, a minimum or a maximum over the events of a window that ends at the date (or of all of
history). The dates and each date's window starts (its *edges*) cut time into intervals, and an
event's interval alone says at which dates and in which windows it counts; so each sender's
events are reduced per interval first (1.2M rows for those 18M) and those partial values are
spread over the dates and resolved to the people of each date the way events are. The values
are exactly those of the events: an interval lies wholly inside or outside every window.

Sessions too. An event starts a session at a date unless the person's previous event lies
within the timeout before it and inside the date's window. The previous event is found once,
with people as they stand at the last date; at an earlier date it is the same event unless the
person's ids were not yet one person then (*unsettled* people: an id with events before the
date was linked after it, or two of them were apart). Their sessions are counted from their
events spread over the dates, as every signal was before. When the store keeps each id's runs
of activity (:mod:`pqlkit.events.runs`), the settled people's sessions come from those runs
instead of their events.

On a store that keeps them, the events of rare names are read from their copy
(:meth:`~pqlkit.compile.dated_frame.Spread.read`), and counts of events by name are added up
from each id's counts per day (:func:`aggregates`): the 2.6M events of pillars' core feature
at 20M events are 0.7M such rows.

Counts and milestones within a span after each user's start likewise (:func:`anchored`): a
settled person's start is their first sign-up at the dates after it and their first event
before, so each event is counted per interval within the span after either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.compile import needs, vocabulary
from pqlkit.compile.signals import (
    SignalCompiler,
    column,
    days_between,
    interval,
    match,
    steps,
)
from pqlkit.events.runs import RUN_GAP
from pqlkit.model.schema import Aggregate, Count, DaysSince, Milestone, Sessions, Signal, Trend

if TYPE_CHECKING:
    import ibis.expr.schema as sch
    import ibis.expr.types as ir

    from pqlkit.compile.dated_frame import Spread
    from pqlkit.model.schema import Model

EPOCH = datetime(1970, 1, 1)  # where the interval before the first edge starts


def reducible(signal: Signal) -> bool:
    """Whether a signal's value at a date is a reduction of per-interval partial values."""
    spec = signal.spec
    if getattr(spec, "within", None) is not None:  # counts from each entity's own start
        return False
    if isinstance(spec, Milestone):
        return not spec.ordered
    if isinstance(spec, Aggregate):
        return spec.fn in ("max", "min")  # sums of floats would differ in the last digits
    return isinstance(spec, Count | Trend | DaysSince)


def edges(moments: Sequence[datetime], windows: Sequence[timedelta]) -> list[datetime]:
    """The dates and every date's window starts, in time order."""
    return sorted({*moments, *(moment - window for moment in moments for window in windows)})


def bisected(
    low: int, high: int, at_least: Callable[[int], Any], leaf: Callable[[int], Any]
) -> Any:
    """``leaf(k)`` for the one ``k`` in ``low … high`` a row has, found by halving: ``at_least(m)``
    tests whether that ``k`` is ``m`` or more (a null test takes the lower half). A balanced
    CASE, a few comparisons a row: a chain of one comparison per date cost more CPU than the
    scan of the log it ran on (bench/RESULTS.md)."""
    import ibis

    if low == high:
        return leaf(low)
    middle = (low + high + 1) // 2
    return ibis.ifelse(
        at_least(middle),
        bisected(middle, high, at_least, leaf),
        bisected(low, middle - 1, at_least, leaf),
    )


def interval_start(timestamp: Any, cuts: Sequence[datetime]) -> Any:
    """The latest of ``cuts`` (in time order) at or before ``timestamp``, ``EPOCH`` before
    them all (and for a null ``timestamp``)."""
    import ibis

    def cut(k: int) -> Any:  # the k-th cut (1-based), EPOCH for 0
        return ibis.literal(cuts[k - 1] if k else EPOCH, type="timestamp")

    return bisected(0, len(cuts), lambda k: timestamp >= cut(k), cut).cast(timestamp.type())


def _windows(spec: Any) -> list[timedelta]:
    window = getattr(spec, "window", None)
    if window is None:
        return []
    return [window, 2 * window] if isinstance(spec, Trend) else [window]


def _parts(model: Model, rows: ir.Table, spec: Any) -> list[Any]:
    """A signal's partial values over one sender's events of one interval."""
    if isinstance(spec, Milestone):
        return [rows.count(where=match(rows, model, step)) for step in steps(model, spec)]
    hit = match(rows, model, spec)
    if isinstance(spec, DaysSince):
        moment = rows.timestamp.max if spec.which == "last" else rows.timestamp.min
        return [moment(where=hit)]
    if isinstance(spec, Aggregate):
        number = rows.properties[spec.property].unwrap_as("float64")
        return [getattr(number, spec.fn)(where=hit)]
    return [rows.count(where=hit)]


def _reach(parts: list[Any], spec: Any) -> tuple[Any, timedelta | None]:
    """How far back before a date a row of partial values counts, and when it does."""
    import ibis

    if isinstance(spec, DaysSince | Aggregate):
        held = ibis.or_(*[part.notnull() for part in parts])
    else:
        held = ibis.or_(*[part > 0 for part in parts])
    windows = _windows(spec)
    return held, max(windows) if windows else None


def _value(model: Model, rows: ir.Table, parts: list[Any], spec: Any) -> Any:
    """A signal's value from the partial rows of one entity at one date."""
    import ibis

    start = rows.timestamp  # the interval's start: inside a window exactly when its events are

    def since(window: timedelta) -> Any:
        return rows.as_of - interval(window)

    if isinstance(spec, Milestone):
        counts = zip(parts, steps(model, spec), strict=True)
        return ibis.and_(*[part.sum().fill_null(0) >= step.at_least for part, step in counts])
    (part,) = parts
    if isinstance(spec, DaysSince):
        moment = part.max() if spec.which == "last" else part.min()
        return days_between(rows.as_of.max(), moment)
    inside = start >= since(spec.window) if spec.window is not None else ibis.literal(True)
    if isinstance(spec, Aggregate):
        return getattr(part, spec.fn)(where=inside)
    if isinstance(spec, Trend):
        assert spec.window is not None
        now = part.sum(where=inside).fill_null(0)
        earlier = (start >= since(2 * spec.window)) & (start < since(spec.window))
        before = part.sum(where=earlier).fill_null(0)
        if spec.measure == "ratio":
            return now.cast("float64") / before.nullif(0).cast("float64")
        return (now - before).cast("int64")
    return part.sum(where=inside).cast("int64")


def _looks(model: Model, spec: Any) -> list[Any]:
    return list(steps(model, spec)) if isinstance(spec, Milestone) else [spec]


def _by_day(spec: Any, look: Any) -> bool:
    """Whether a look's partial value is what the store's counts per day give: a count of
    track events by name, no property tested."""
    return isinstance(spec, Milestone | Count | Trend) and look.event is not None and not look.where


def days_cut(cuts: Sequence[datetime]) -> list[datetime]:
    """The UTC days that ``cuts`` fall inside of, not at their midnight: a day of any other
    lies wholly in one interval between them."""
    return sorted({_day(cut) for cut in cuts if cut != _day(cut)})


def on_days(timestamp: Any, days: Sequence[datetime]) -> Any:
    """Whether ``timestamp`` falls on one of ``days`` (UTC midnights)."""
    import ibis

    one = timedelta(days=1)
    return ibis.or_(*[(timestamp >= day) & (timestamp < day + one) for day in days])


def _day(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def aggregates(model: Model, spread: Spread, signals: dict[str, Signal]) -> ir.Table:
    """``key`` (the dated entity) and each reducible signal's column (``s__<name>``).

    When the store keeps each sender's count of each event per day (``spread.event_days``),
    the counts of events by name come from those on the days no cut falls inside of (all of
    them when the dates and windows start at midnight), and from the events on the others.
    """
    import ibis

    specs = {name: signal.spec for name, signal in signals.items()}
    windows = {name: _windows(spec) for name, spec in specs.items()}
    cuts = edges(spread.moments, [w for ws in windows.values() for w in ws])
    cut = days_cut(cuts)
    counted = spread.event_days
    named: dict[str, list[str]] = {}  # each signal's partial columns
    looks: dict[str, tuple[str, Any]] = {}  # each partial column's signal and look
    daily: dict[str, tuple[str, ...]] = {}  # the columns counted per day: the names they count
    for name, spec in specs.items():
        for look in _looks(model, spec):
            part = f"p{len(looks)}"
            named.setdefault(name, []).append(part)
            looks[part] = (name, look)
            if counted is not None and _by_day(spec, look):
                daily[part] = tuple(vocabulary.names(model, look.event))
    partials = []
    by_events = {n for n in specs if set(named[n]) - daily.keys()}
    if by_events or (daily and cut):  # some partial values from the events
        reading = by_events if not (daily and cut) else set(specs)
        read = {n: signals[n] for n in reading}
        source = spread.read(needs.of_signals(model, read, conversion=False))
        on_cut = on_days(source.timestamp, cut) if cut else ibis.literal(False)
        wanted = [
            match(source, model, look) & (on_cut if part in daily else True)
            for part, (_, look) in looks.items()
        ]
        events = source.filter(ibis.or_(*wanted))
        each = [p for spec in specs.values() for p in _parts(model, events, spec)]
        found = dict(zip(looks, each, strict=True))
        for part in daily:  # only the events of the days cut: the kept counts have the others
            if cut:
                hit = match(events, model, looks[part][1])
                found[part] = events.count(where=hit & on_days(events.timestamp, cut))
            else:
                del found[part]
        partial = events.group_by(
            "user_id", "anonymous_id", at=interval_start(events.timestamp, cuts)
        ).agg(**found)
        zero = ibis.literal(0, "int64")
        every = {part: partial[part] if part in found else zero for part in looks}
        partials.append(partial.select("user_id", "anonymous_id", timestamp="at", **every))
    if daily:
        assert counted is not None
        shape = partials[0].schema() if partials else None
        partials.append(_counted_per_day(counted, spread, cuts, daily, looks, windows, shape))
    partial = partials[0] if len(partials) == 1 else ibis.union(*partials, distinct=False)
    reach = [_reach([partial[c] for c in named[name]], spec) for name, spec in specs.items()]
    reach.sort(key=lambda r: (r[1] is not None, -(r[1] or timedelta()).total_seconds()))
    rows = spread.rows(partial, reach, accounts=False)
    values = {
        column(name): _value(model, rows, [rows[c] for c in named[name]], spec)
        for name, spec in specs.items()
    }
    return rows.group_by(key=rows.entity_id).agg(**values)


def _counted_per_day(
    counted: ir.Table,
    spread: Spread,
    cuts: list[datetime],
    daily: dict[str, tuple[str, ...]],
    looks: dict[str, tuple[str, Any]],
    windows: dict[str, list[timedelta]],
    shape: sch.Schema | None,
) -> ir.Table:
    """The partial values of the ``daily`` columns from the store's counts per day, on the
    days no cut falls inside of (``user_id``, ``anonymous_id``, ``timestamp`` as the events'
    partial rows have them; the other columns of those rows, typed as in ``shape``, null).
    Read from the first date's longest window on when every column's signal has one."""
    import ibis

    names = sorted({n for counts in daily.values() for n in counts})
    keep = counted.event.isin(names) & (counted.day < spread.moments[-1])
    reaches = [windows[looks[part][0]] for part in daily]
    if all(reaches):
        keep &= counted.day >= spread.moments[0] - max(w for ws in reaches for w in ws)
    cut = days_cut(cuts)
    if cut:
        keep &= ~counted.day.isin(cut)
    days = counted.filter(keep)
    columns: dict[str, Any] = {}
    for part in looks:
        if part in daily:
            columns[part] = days.n.sum(where=days.event.isin(daily[part])).cast("int64")
        else:
            assert shape is not None
            columns[part] = ibis.null(shape[part])
    user = ibis.ifelse(days.has_user, days.sender, ibis.null("string"))
    anonymous = ibis.ifelse(days.has_user, ibis.null("string"), days.sender)
    partial = days.group_by(
        user_id=user, anonymous_id=anonymous, at=interval_start(days.day, cuts)
    ).agg(**columns)
    return partial.rename(timestamp="at")


def sessions(compiler: SignalCompiler, spread: Spread, spec: Sessions) -> ir.Table:
    """``key`` (the dated user) and ``value``: the sessions at each date (see the module's
    docstring).

    A person's events are first gathered into *slots*: the stretches of ``timeout`` length
    from each interval's start. Inside a slot no event is more than the timeout after the one
    before it, and a slot lies in one interval, so only a slot's first event can start a
    session, at any date; the previous event is sought per slot (a few rows a person), not
    per event. The partial values are kept per person, by their number at the last date: a
    settled person is that person at every date that reads them
    (:meth:`~pqlkit.compile.dated_frame.Spread.settled_rows`).

    When the store keeps its ids' runs of activity and ``spec`` is counted at their timeout,
    the settled people's sessions come from those instead (:func:`from_runs`): no pass over
    the log.
    """
    import ibis

    assert spread.entity == "user" and spec.within is None
    model = compiler.model
    window = spec.window
    cuts = edges(spread.moments, [window] if window is not None else [])
    source = spread.source
    keep = source.filter(match(source, model, spec))
    sender = keep.user_id.coalesce(keep.anonymous_id)
    assert spread.unsettled is not None  # made with the frame (see dated_frame)
    apart = spread.unsettled
    if spread.runs is not None and from_runs(spec):
        mine = _settled_sessions_from_runs(spread, spec, cuts)
    else:
        mine = _settled_sessions(spread, spec, cuts, keep, sender)
    if not spread.anyone_unsettled:
        return mine
    their_events = _of_unsettled(apart, keep, sender)
    their_rows = spread.rows(their_events, [(ibis.literal(True), window)])
    theirs = compiler.sessions(their_rows, "entity_id", spec)
    return ibis.union(mine, theirs.select("key", value=theirs.value.cast("int64")))


def from_runs(spec: Sessions) -> bool:
    """Whether sessions of ``spec`` are counted from the runs a store keeps
    (:func:`_settled_sessions_from_runs`): of every activity, at the runs' timeout, and a
    window longer than it (or none)."""
    return (
        spec.event is None
        and spec.page is None
        and not spec.where
        and spec.timeout == RUN_GAP
        and (spec.window is None or spec.window > spec.timeout)
    )


def _settled_sessions_from_runs(spread: Spread, spec: Sessions, cuts: list[datetime]) -> ir.Table:
    """``key`` and ``value``: the settled people's sessions at each date, from the runs of
    activity the store keeps (:mod:`pqlkit.events.runs`).

    A person's runs are their ids' runs chained together (as of the last date: a settled
    person is the same at every date): a run *opens* a chain unless it starts within the
    timeout after the latest end of the person's runs before it (its *reach*). A date sees a
    session in each chain that starts before it and, with a window, does not end before the
    window starts: the chains opened in the window, and the one chain (if any) running into
    it — one of whose runs stretches over the window's start, from its start (or its reach,
    for a run that opens no chain) to its end. That chain's first event in the window lies
    within the timeout after the window's start, so before the date. The runs' partial
    values are kept per person (:meth:`~pqlkit.compile.dated_frame.Spread.settled_rows`).
    """
    import ibis

    assert spread.runs is not None and spread.unsettled is not None
    window, timeout = spec.window, spec.timeout
    runs = spread.runs.filter(spread.runs["first"] < spread.moments[-1])
    known = _people_at_last(spread, runs)
    apart = spread.unsettled
    settled = known.anti_join(apart, known.person_no == apart.u_no)
    before = ibis.window(group_by="person_no", order_by=["first", "last"], rows=(None, -1))
    reach = settled["last"].max().over(before)
    opens = reach.isnull() | (
        settled["first"].epoch_seconds() - reach.epoch_seconds() > timeout.total_seconds()
    )
    if window is None:  # every chain opened before the date
        opened = settled.filter(opens)
        at = interval_start(opened["first"], cuts)
        chains = opened.group_by("person_no", timestamp=at).agg(n=opened.count())
        rows = spread.settled_rows(chains, [(ibis.literal(True), None)])
        return rows.group_by(key=rows.entity_id).agg(value=rows.n.sum().cast("int64"))
    # read from the chain's start (an opening run) or from where the run stretches over a
    # window's start (from its reach) until the run's end is outside the window
    since = interval_start(ibis.least(settled["first"], reach), cuts) + interval(window)
    pieces = settled.select(
        "person_no",
        opens=opens,
        timestamp=ibis.ifelse(opens, interval_start(settled["first"], cuts), since),
        until=interval_start(settled["last"], cuts),
    )
    partial = pieces.group_by("person_no", "opens", "timestamp", "until").agg(n=pieces.count())
    rows = spread.settled_rows(partial, [(ibis.literal(True), window)], reach_from="until")
    inside = rows.opens & (rows.timestamp >= rows.as_of - interval(window))
    value = rows.n.sum(where=inside).fill_null(0) + ibis.ifelse((~inside).any(), 1, 0)
    return rows.group_by(key=rows.entity_id).agg(value=value.cast("int64"))


def _settled_sessions(
    spread: Spread, spec: Sessions, cuts: list[datetime], keep: ir.Table, sender: Any
) -> ir.Table:
    """``key`` and ``value``: the settled people's sessions at each date, from their events
    gathered into slots (see :func:`sessions`)."""
    import ibis

    window = spec.window
    known = _people_at_last(spread, keep.mutate(sender=sender))
    events = known.select(
        "timestamp", "person_no", start=interval_start(known.timestamp, cuts)
    ).view()
    timeout = spec.timeout.total_seconds()
    offset = events.timestamp.epoch_seconds() - events.start.epoch_seconds()
    slots = events.group_by("person_no", "start", slot=(offset / timeout).floor()).agg(
        first=events.timestamp.min(), last=events.timestamp.max()
    )
    assert spread.unsettled is not None
    apart = spread.unsettled
    settled = slots.anti_join(apart, slots.person_no == apart.u_no).view()
    ordered = ibis.window(group_by=settled.person_no, order_by=settled["first"])
    previous = settled["last"].lag().over(ordered)
    gap = settled["first"].epoch_seconds() - previous.epoch_seconds()
    marked = settled.select(
        "person_no",
        timestamp=settled.start,
        before=interval_start(previous, cuts),
        fresh=previous.isnull() | (gap > timeout),
    )
    partial = marked.group_by("person_no", "timestamp", "before", "fresh").agg(n=marked.count())
    rows = spread.settled_rows(partial, [(ibis.literal(True), window)])
    if window is None:
        counted = rows.fresh
    else:
        since = rows.as_of - interval(window)
        counted = (rows.timestamp >= since) & (rows.fresh | (rows.before < since))
    value = rows.n.sum(where=counted).cast("int64")
    return rows.group_by(key=rows.entity_id).agg(value=value)


def _of_unsettled(apart: ir.Table, events: ir.Table, sender: Any) -> ir.Table:
    """``events`` (whose id is ``sender``) of the unsettled people ``apart``
    (:func:`unsettled`): what their values are counted from, date by date."""
    ids = apart.select(i_sender="u_sender").distinct()
    return events.join(ids, sender == ids.i_sender).select(*events.columns)


def anchored(compiler: SignalCompiler, spread: Spread, signals: dict[str, Signal]) -> ir.Table:
    """``key`` (the dated user) and each signal's column (``s__<name>``): counts and unordered
    milestones within a span after each user's start (:func:`reduces_anchored`).

    A user's start at a date is their first sign-up before it, else their first event
    (``SignalCompiler.rows_with_start``), and an event counts if it comes before the date and
    before the start plus the span. A settled person's (see the module's docstring) first
    sign-up and first event are the same at every date that knows them, so their start is the
    sign-up at the dates after it and the first event at the others: each sender's events are
    counted per interval of dates twice, within the span after either, and a date takes the
    count of the start it has. Unsettled people's values are counted from their events spread
    over the dates.
    """
    import ibis

    reading = needs.of_signals(compiler.model, signals, conversion=False)
    events = spread.read(reading)  # the starts come from the members
    sender = events.user_id.coalesce(events.anonymous_id)
    known = _people_at_last(spread, events.mutate(sender=sender))
    assert spread.unsettled is not None  # made with the frame (see dated_frame)
    apart = spread.unsettled
    settled = known.anti_join(apart, known.person_no == apart.u_no).view()
    mine = _anchored_settled(compiler.model, spread, settled, signals)
    if not spread.anyone_unsettled:
        return mine
    their_events = _of_unsettled(apart, events, sender)
    their_rows = spread.rows(their_events, needs.reach(their_events, reading))
    their_rows = compiler.rows_with_start(their_rows, "entity_id")
    theirs = their_rows.group_by(key=their_rows.entity_id).agg(
        **{column(n): compiler.aggregate(their_rows, s.spec) for n, s in signals.items()}
    )
    cast = {c: theirs[c].cast(mine.schema()[c]) for c in mine.columns if c != "key"}
    return ibis.union(mine, theirs.select("key", **cast))


def _anchored_settled(
    model: Model, spread: Spread, settled: ir.Table, signals: dict[str, Signal]
) -> ir.Table:
    """:func:`anchored` for the settled people: ``settled``, the events read with ``person``."""
    import ibis

    moments = spread.moments
    members = spread.members  # a settled person's first call and sign-up: the last date's
    last = members.filter(members.d_idx == len(moments))
    firsts = last.select(f_person=last.e_user, a_first=last.first_seen, a_signup=last.signed_up)
    timed = settled.join(firsts, settled.person == firsts.f_person)
    parts: dict[str, Any] = {}
    looks: dict[str, list[tuple[str, str, int]]] = {}  # each signal's (after sign-up, after first)
    for name, signal in signals.items():
        spec = signal.spec
        assert isinstance(spec, Count | Milestone) and spec.within is not None
        span = interval(spec.within)
        for look in _looks(model, spec):
            hit = match(timed, model, look)
            pair = (f"s{len(parts)}", f"f{len(parts)}", getattr(look, "at_least", 1))
            parts[pair[0]] = timed.count(where=hit & (timed.timestamp < timed.a_signup + span))
            parts[pair[1]] = timed.count(where=hit & (timed.timestamp < timed.a_first + span))
            looks.setdefault(name, []).append(pair)
    partial = timed.group_by("person_no", at=interval_start(timed.timestamp, moments)).agg(
        a_signup=timed.a_signup.min(), **parts
    )
    partial = partial.rename(timestamp="at")
    held = ibis.or_(*[partial[c] > 0 for c in parts])
    rows = spread.settled_rows(partial, [(held, None)])
    signed_up = rows.a_signup < rows.as_of  # the start is the sign-up (else the first event)
    values: dict[str, Any] = {}
    for name, signal in signals.items():
        counts = [
            (ibis.ifelse(signed_up, rows[after_signup], rows[after_first]).sum(), at_least)
            for after_signup, after_first, at_least in looks[name]
        ]
        if isinstance(signal.spec, Milestone):
            values[column(name)] = ibis.and_(*[n.fill_null(0) >= k for n, k in counts])
        else:
            values[column(name)] = counts[0][0].cast("int64")
    return rows.group_by(key=rows.entity_id).agg(**values)


def reduces_anchored(model: Model, spec: Any) -> bool:
    """Whether :func:`anchored` counts ``spec`` at many dates: a user model's count or unordered
    milestone within a span after the start (and no window ending at the date)."""
    if model.entity != "user" or getattr(spec, "within", None) is None:
        return False
    if isinstance(spec, Milestone):
        return not spec.ordered
    return type(spec) is Count and spec.window is None and spec.scope == "entity"


def reduces_sessions(model: Model, spec: Any) -> bool:
    """Whether :func:`sessions` counts the sessions of ``spec`` at many dates (the user
    models' sessions without a start window; the others are counted from the dates' rows)."""
    return model.entity == "user" and isinstance(spec, Sessions) and spec.within is None


def needs_unsettled(model: Model) -> bool:
    """Whether a frame of many dates finds the people whose ids were apart at some date: the
    pieces that count settled people once (:func:`sessions`, :func:`anchored`) read them."""
    return any(
        reduces_sessions(model, s.spec) or reduces_anchored(model, s.spec)
        for s in model.signals.values()
    )


def senders(spread: Spread, ids: ir.Table) -> ir.Table:
    """``ids`` (``sender``, ``has_user`` and ``first``: every id with events before the last
    date and its first, which the frame has from its compacted log) with ``person`` as of the
    last date: what :func:`unsettled` reads twice (a caller computes it once, into a table)."""
    return _people_at_last(spread, ids)


def unsettled(spread: Spread, named: ir.Table) -> ir.Table:
    """``u_no`` and ``u_sender``: the people (their numbers as of the last date, see
    :func:`_people_at_last`) and their ids, that were not one person at every date: at some
    date an id of theirs with events before it was not yet known, or known as someone else,
    while another was known.

    Read from every event before the last date, not only those of one signal (or of
    ``spread.source``): a superset of the people any one signal's events would make
    unsettled (more ids and earlier events only add dates at which ids are apart), and an
    unsettled person's sessions are counted exactly anyway, only more slowly. Only people
    with an id that counts (has events before a date) before it stands for its final person
    can be apart; the dates are checked for those.
    ``named``: :func:`senders`.
    """
    import ibis

    from pqlkit.compile.dated_frame import (
        each_date_after,
        interval_index,
        linked_spans,
        resolved_by_spans,
    )

    moments = spread.moments
    named = named.mutate(counts_from=interval_index(named["first"], moments) + 1)
    spans, final = linked_spans(spread.spans), _final_links(spread)
    at_final = spans.join(final, [spans.from_id == final.f_from, spans.person_id == final.f_person])
    settles = at_final.group_by(s_from=at_final.from_id).agg(settled_from=at_final.lo.min())
    timed = named.left_join(settles, named.sender == settles.s_from)
    # an id not linked by the last date is a user id standing for itself at every date
    late = timed.filter(timed.settled_from.fill_null(1) > timed.counts_from)
    suspects = late.select(s_person="person").distinct()
    shared = named.join(suspects, named.person == suspects.s_person).select(*named.columns)
    each = each_date_after(shared, shared.counts_from, len(moments), moments)
    at = resolved_by_spans(each, each.sender, spans)
    is_known = at.has_user | at.l_person.notnull()
    then = at.l_person.coalesce(at.sender)
    per_date = at.group_by("person", "d_idx").agg(
        ids=at.count(),
        known=ibis.ifelse(is_known, 1, 0).sum(),
        people=then.nunique(where=is_known),
    )
    torn = per_date.filter(
        (per_date.known > 0) & ((per_date.known < per_date.ids) | (per_date.people > 1))
    )
    people = torn.select(t_person="person").distinct()
    out = named.join(people, named.person == people.t_person)
    return out.select(u_no=out.person_no, u_sender=out.sender)


def _people_at_last(spread: Spread, table: ir.Table) -> ir.Table:
    """``table`` (with ``sender``, an id with events before the last date) and each row's
    ``person`` as the last date knows it, and the person's number (``person_no``, what the
    pieces group and order by: cheaper than the text); the rows of ids no one had claimed by
    then are dropped."""
    from pqlkit.compile.dated_frame import on_date

    at = on_date(spread.spans, len(spread.moments))  # a user id's own row too
    final = at.select(f_from="from_id", f_person="person_id", f_no="person_no")
    joined = table.join(final, table.sender == final.f_from)
    return joined.select(*table.columns, person=joined.f_person, person_no=joined.f_no)


def _final_links(spread: Spread) -> ir.Table:
    """``f_from → f_person``: the id → person map of the last date, the ids linked."""
    from pqlkit.compile.dated_frame import linked_spans, on_date

    final = on_date(linked_spans(spread.spans), len(spread.moments))
    return final.select(f_from="from_id", f_person="person_id")
