"""The event frame of many scoring dates at once: each (entity, date) pair is an entity of its own.

Scoring N dates one by one builds N frames: N passes over the log for identity and N for the
signals. This frame serves every date in one query, and the model compiles on it unchanged:

* **ids carry their date.** A person is numbered (``n``) and stands at date ``d`` as the
  number ``n × STRIDE + d``; an account's id gets the date's index as a suffix (``acme|3``).
  So every group-by and join of the single-date compiler (signals, rollups, population,
  points) keeps the dates apart without knowing about them, and those of people (the most)
  are on numbers: cheaper to hash and compare than texts. The universe keeps the plain ids
  (``u_entity``, ``u_account``) and ``as_of`` for the output.
* **identity once.** An id's first link to a user is the same at every date that knows of it,
  so the links are computed once and each date keeps those made before it; rows find their
  date's person, and its number, among spans of dates (an id is one person from one date on;
  a user id is itself until its first link), joined before the rows are repeated for the
  dates. The members (first and last seen, latest group, latest e-mail) come from the log
  compacted once per sender and interval between dates: a few rows per person, run through
  in the order they join the person (each date's facts are those of the rows joined by
  then), as the accounts' claims of domains are (:func:`_by_arrival`).
* **each event joins only the dates that read it**: those after it, as far back as the longest
  window of a signal that can match it (:func:`pqlkit.compile.needs.reach`); only the
  events an all-history signal reads (milestones, invitations ever, sign-ups) join every later
  date.

On DuckDB, without a cohort or a later date, the members' table is made empty and filled
while the caller compiles the query that reads it (``Frame.fill``): compiling is Python on one
core (0.8 s at 12 dates of 20M events) that the engine's threads would otherwise leave idle.

Outside a cohort, counts, trends, maxima, minima, days since, milestones, users' counts within
a span of their start and users' sessions do not read these rows: they reduce the log per
interval of time first and spread only those partial values (:class:`Spread`,
:mod:`pqlkit.compile.intervals`).

The result equals scoring each date alone (``tests/scoring/test_dates.py``, on every engine).

A *cohort* (``ages``: users first seen between two ages before each date, what ``pql train
--at-age`` learns from) scores only those users: the rows keep their events and those of
their accounts (a team's signals read every member's), and the other users are dropped. Those
rows are few enough to be computed once into a temporary table, which every piece of the
query reads (the full frame's rows are not: each piece generates them again).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.compile import intervals, needs
from pqlkit.compile.frame import (
    Frame,
    drop_temporary,
    frame_rows,
    materialized,
    materialized_later,
    narrowed,
)
from pqlkit.compile.signals import interval
from pqlkit.events import identity
from pqlkit.events.identity import MAX_HOPS
from pqlkit.store import kept
from pqlkit.store.kept_activity import merged_days

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.model.schema import Model
    from pqlkit.store.kept import RareEvents

SEPARATOR = "|"
STRIDE = 1 << 20  # more than the dates of one frame: a dated person is n × STRIDE + date


def dated(key: Any, index: Any) -> Any:
    """An id made distinct per date: ``acme`` at date 3 → ``acme|3`` (null stays null)."""
    import ibis

    return key + ibis.literal(SEPARATOR) + index.cast("string")


def dated_person(number: Any, index: Any) -> Any:
    """A person made distinct per date: number 7 (:func:`_spans`) at date 3 → ``7 × STRIDE
    + 3`` (null stays null)."""
    return number * STRIDE + index


def dates_table(dates: Sequence[datetime]) -> ir.Table:
    """``d_idx`` (1, 2, … in time order) and ``as_of`` for each date."""
    import ibis

    ordered = sorted(set(dates))
    return ibis.memtable(
        {"d_idx": list(range(1, len(ordered) + 1)), "as_of": ordered},
        schema={"d_idx": "int64", "as_of": "timestamp"},
    )


def interval_index(timestamp: Any, dates: Sequence[datetime]) -> Any:
    """How many of ``dates`` are at or before ``timestamp``: an event in interval k is before
    the dates ``d_idx`` > k (1-based, in time order). A balanced CASE
    (:func:`~pqlkit.compile.intervals.bisected`)."""
    import ibis

    ordered = sorted(set(dates))

    def on_or_after(k: int) -> Any:  # whether k or more of the dates are at or before it
        return timestamp >= ibis.literal(ordered[k - 1], type="timestamp")

    return intervals.bisected(0, len(ordered), on_or_after, ibis.literal)


def each_date_after(
    table: ir.Table, first: Any, last: Any, dates: Sequence[datetime], *, with_date: bool = True
) -> Any:
    """``table``'s rows once for every date index from ``first`` to ``last``, with ``d_idx``
    and, ``with_date``, ``as_of`` (:func:`date_of` the index).

    Generated per row (an unnested range), not joined: DuckDB cannot estimate a join of the
    log with the dates on a time range, takes it for a few rows and builds hash tables on it.
    """
    import ibis

    each = table.mutate(d_idx=ibis.range(first, last + 1).unnest())
    return each.mutate(as_of=date_of(each.d_idx, dates)).view() if with_date else each.view()


def each_date_of_someone(
    table: ir.Table,
    sender: str,
    first: str,
    last: str,
    spans: ir.Table,
    dates: Sequence[datetime],
    *,
    with_date: bool = True,
) -> ir.Table:
    """:func:`each_date_after` of the dates from ``first`` to ``last`` (columns of ``table``, as
    ``sender``) at which the id ``sender`` stands for a person, with that person's number,
    ``l_no`` (:func:`_spans`): the rows of an id no one had claimed at a date are not made.

    The spans are joined before the rows are repeated: a join of the rows on their id (a few
    of them per person), where joining the dates' rows would test every date's.
    """
    import ibis

    linked = spans.select(l_from="from_id", l_no="person_no", l_lo="lo", l_hi="hi")
    joined = table.join(linked, table[sender] == linked.l_from)
    ranged = joined.select(
        *table.columns,
        "l_no",
        _lo=ibis.greatest(joined[first], joined.l_lo),
        _hi=ibis.least(joined[last], joined.l_hi),
    )
    each = each_date_after(ranged, ranged._lo, ranged._hi, dates, with_date=with_date)
    return each.drop("_lo", "_hi")


def date_of(index: Any, dates: Sequence[datetime]) -> Any:
    """The date of a date index (1, 2, … in time order): a balanced CASE."""
    import ibis

    ordered = sorted(set(dates))

    def date(k: int) -> Any:
        return ibis.literal(ordered[k - 1], type="timestamp")

    return intervals.bisected(1, len(ordered), lambda k: index >= k, date)


def dated_frame(
    events: ir.Table,
    model: Model,
    dates: Sequence[datetime],
    ages: tuple[timedelta, timedelta] | None = None,
    *,
    also: datetime | None = None,
    pairs: ir.Table | None = None,
) -> Frame:
    """The frame of ``model`` as of every one of ``dates`` (see the module's docstring); with
    ``ages = (youngest, oldest)`` and users to score, only the users first seen at least
    ``youngest`` and less than ``oldest`` before a date are scored at it.

    ``also``, a time after the dates: its identity tables are made with theirs (one more date
    of them, not scored) and ``Frame.also`` is the single-date frame they give, as
    :func:`~pqlkit.compile.frame.scoring_frame` would — for what a caller reads as of a later
    time, such as the conversions that label a backtest's dates (learn/outcomes.py).
    ``pairs``: the log's linked pairs, when the caller has them (see
    :func:`~pqlkit.events.identity.identity_links`).

    Small temporary tables are made (the links, the log compacted per sender and interval
    until the members are made, each id's person over spans of dates and each date's
    members; with ``also``, the members in two: the dates' and the later date's), and one with
    a cohort's rows; ``Frame.release`` drops them. On DuckDB, without ``also`` or a cohort,
    the members' table is made empty and ``Frame.fill`` fills it: the caller runs it beside
    its compiling of the query (:func:`pqlkit.scoring.run.score_dates`), before the query
    runs.
    """
    scored = sorted(set(dates))
    if also is not None and also <= scored[-1]:
        raise ValueError(f"also ({also}) must come after the last date ({scored[-1]})")
    known = scored if also is None else [*scored, also]  # the dates identity is made for
    if len(known) >= STRIDE:
        raise ValueError(f"at most {STRIDE - 1} dates at once, not {len(known)}")
    table = dates_table(scored)
    last = scored[-1]
    made: list[str] = []
    backend = events._find_backend()
    groups = kept.group_calls(events)  # every group call, when the store keeps them
    try:
        linked = identity.identity_links(events, known[-1], pairs=pairs)
        links, name = materialized(linked, "dated_links")
        made.append(name)
        each = table if also is None else dates_table(known)
        # read for the user ids, by the members and for the people whose ids were apart
        compact, compact_name = materialized(_compact(events, known), "dated_compact")
        made.append(compact_name)
        spans, name = materialized(_spans(links, known, _users(compact)), "dated_spans")
        made.append(name)
        source = narrowed(events.filter(events.timestamp < last), model)
        cohort_wanted = ages is not None and model.entity == "user"
        unsettled = not cohort_wanted and intervals.needs_unsettled(model)
        people = _members(compact, events, each, known, spans, groups)
        fill = None
        if also is None and not cohort_wanted:  # read by the query alone: filled beside it
            members, name, fill = materialized_later(people, "dated_members")
        else:
            members, name = materialized(people, "dated_members")
        made.append(name)
        later = None
        if also is not None:  # the later date's rows apart: the query reads only the dates'
            members, then = _split(members, name, "dated_members", len(scored), made)
            at = on_date(linked_spans(spans), len(known))
            later = _single(events, model, at, then, also, groups)
        cohort = _band(members, ages) if ages is not None and cohort_wanted else None
        senders = None if cohort is None else _cohort_senders(cohort, members, spans, table)
        runs = kept.sender_runs(events) if unsettled else None  # read with the unsettled
        rare = None if cohort is not None else kept.rare_events(events)
        if rare is not None:  # the same rows of the events of rare names
            rare = replace(
                rare, table=narrowed(rare.table.filter(rare.table.timestamp < last), model)
            )
        counted = None if cohort is not None else kept.event_days(events)
        spread = Spread(
            tuple(scored),
            spans,
            members,
            model.entity,
            source,
            runs=runs,
            rare=rare,
            event_days=counted,
        )
        if unsettled:  # read by each such signal's piece: computed once
            ids = intervals.senders(spread, _senders(compact, len(scored)))
            named, ids_name = materialized(ids, "dated_senders")
            made.append(ids_name)
            apart, name = materialized(intervals.unsettled(spread, named), "dated_unsettled")
            made.append(name)
            made.remove(ids_name)
            drop_temporary(backend, ids_name)
            counted = apart.count().execute()  # none: their pieces are not read at all
            spread = replace(spread, unsettled=apart, anyone_unsettled=bool(counted))
        if fill is None:  # the members are made: no one reads it again
            made.remove(compact_name)
            drop_temporary(backend, compact_name)
        else:  # read by the members' fill, which drops it (as Frame.release would)
            fill = _then_dropped(fill, backend, compact_name)
        rows, wanted = spread.rows(source, needs.reach(source, model), senders), None
        if cohort is not None:
            wanted = cohort.select(entity_id=cohort.m_user)
            # once: every piece reads them; without the ids the people were resolved from, and
            # with a user's entity read from its person (the table's width is what it costs)
            slim = rows.drop("user_id", "anonymous_id", "entity_id")
            rows, name = materialized(slim, "cohort_rows")
            made.append(name)
            rows = rows.mutate(entity_id=rows.person_id)
    except BaseException:
        for name in made:
            drop_temporary(backend, name)
        raise
    kept_spread = spread if cohort is None else None  # a cohort's rows are its own (above)
    rare_rows = None
    if spread.rare is not None:  # the frame's rows of the rare events (not a cohort's)
        of_rare = spread.rare.table
        rare_rows = replace(spread.rare, table=spread.rows(of_rare, needs.reach(of_rare, model)))
    return Frame(
        events,
        rows,
        members,
        last,
        model.entity,
        tuple(made),
        table,
        wanted,
        kept_spread,
        later,
        groups,
        rare_rows,
        fill,
    )


def _then_dropped(fill: Callable[[], None], backend: Any, name: str) -> Callable[[], None]:
    """``fill``, then the temporary table ``name`` dropped."""

    def run() -> None:
        fill()
        drop_temporary(backend, name)

    return run


def _split(
    table: ir.Table, name: str, label: str, scored: int, made: list[str]
) -> tuple[ir.Table, ir.Table]:
    """The temporary table ``name`` of identity rows as two (``label``): the scored dates' rows
    and the later date's. The whole is dropped: held in memory, it would add to the query's
    peak."""
    parts = []
    for part in (table.d_idx <= scored, table.d_idx > scored):
        kept, new = materialized(table.filter(part), label)
        made.append(new)
        parts.append(kept)
    made.remove(name)
    drop_temporary(table._find_backend(), name)
    return parts[0], parts[1]


def _single(
    events: ir.Table,
    model: Model,
    mapping: ir.Table,
    members: ir.Table,
    moment: datetime,
    groups: ir.Table | None,
) -> Frame:
    """The frame as of ``moment`` alone, on the identity tables of that date; it owns no
    tables (the dated frame does)."""
    people = members.select(
        m_user=members.e_user,
        account_id=members.e_account,
        email_domain=members.email_domain,
        first_seen=members.first_seen,
        last_seen=members.last_seen,
        signed_up=members.signed_up,
    )
    rows = frame_rows(events, model, moment, mapping, people, narrow=True)
    return Frame(events, rows, people, moment, model.entity, groups=groups)


def _band(members: ir.Table, ages: tuple[timedelta, timedelta]) -> ir.Table:
    """The members first seen at least ``youngest`` and less than ``oldest`` before a date."""

    youngest, oldest = (interval(a) for a in ages)
    first = members.first_seen
    return members.filter((first <= members.as_of - youngest) & (first > members.as_of - oldest))


def _cohort_senders(
    cohort: ir.Table, members: ir.Table, spans: ir.Table, dates: ir.Table
) -> ir.Table:
    """``n_sender, n_idx, n_as_of``: at each date, the ids whose events the cohort reads — those
    of its users and of their accounts' other members — so that an event is generated only for
    the dates that read it. (Other people's events at a date would change nothing the cohort
    is scored on, only values of people it does not keep.)"""
    import ibis

    accounts = cohort.filter(cohort.account_id.notnull()).select(c_account="account_id")
    teammates = members.join(accounts.distinct(), members.account_id == accounts.c_account)
    people = ibis.union(
        cohort.select(p_idx=cohort.d_idx.cast("int64"), p_user=cohort.e_user),
        teammates.select(p_idx=teammates.d_idx.cast("int64"), p_user=teammates.e_user),
        distinct=True,
    )
    spans = linked_spans(spans)
    linked = spans.join(
        people,
        (spans.person_id == people.p_user)
        & (people.p_idx >= spans.lo)
        & (people.p_idx <= spans.hi),
    )
    ids = ibis.union(
        linked.select(n_sender=linked.from_id, n_idx=linked.p_idx),
        people.select(n_sender=people.p_user, n_idx=people.p_idx),
        distinct=True,
    )
    timed = ids.join(dates, ids.n_idx == dates.d_idx)
    return timed.select("n_sender", "n_idx", n_as_of=timed.as_of)


def _spans(links: ir.Table, moments: Sequence[datetime], users: ir.Table) -> ir.Table:
    """``from_id → person_id`` from date ``lo`` to date ``hi`` (indices of ``moments``): each
    date's id → person map, with an id's consecutive dates of one person in one row (a row
    per linked id, almost always, where a map of each date has one per date and id); and
    ``person_no``, the person's number (``0 … n-1``, in the order of their ids); ``one_end``,
    whether all the person's ids stand for it until the same date (the last, or the one before
    the person's own first link: always, unless a path is cut at ``MAX_HOPS``).

    With ``own`` rows: each of ``users`` (``sender``: the user ids with events) stands for
    itself until its first link (at every date if it has none), so every row of a user id
    finds its person, and number, here.

    ``links`` (:func:`~pqlkit.events.identity.identity_links` as of the last moment) are each
    id's first link, so an id's path is fixed: hops ``x1 … xN`` (``N = MAX_HOPS``) made at
    ``a1 … aN``. At a date the id stands for the last hop of the path's prefix whose links
    were all made before it (as :func:`~pqlkit.events.identity.person_map` follows them): hop
    j from the first date after the latest of ``a1 … aj`` until the next hop's first date.
    """
    import ibis

    paths = links.select("from_id", x1="to_id", a1="linked_at")
    for hop in range(2, MAX_HOPS + 1):
        step = links.select(h_from="from_id", h_to="to_id", h_at="linked_at")
        joined = paths.left_join(step, step.h_from == paths[f"x{hop - 1}"])
        made = ibis.greatest(joined[f"a{hop - 1}"], joined.h_at)  # both there: the prefix's
        paths = joined.select(*paths.columns, **{f"x{hop}": "h_to", f"a{hop}": made}).view()
    dates = len(moments)
    starts = [  # each hop's first date (past the last date: never)
        ibis.ifelse(
            paths[f"x{hop}"].notnull(),
            interval_index(paths[f"a{hop}"], moments) + 1,
            ibis.literal(dates + 1),
        )
        for hop in range(1, MAX_HOPS + 1)
    ]
    spans = [
        paths.select(
            "from_id",
            person_id=paths[f"x{hop}"],
            lo=starts[hop - 1].cast("int64"),
            hi=((starts[hop] if hop < MAX_HOPS else ibis.literal(dates + 1)) - 1).cast("int64"),
        )
        for hop in range(1, MAX_HOPS + 1)
    ]
    firsts = paths.select(f_from="from_id", f_lo=starts[0].cast("int64"))
    alone = users.left_join(firsts, users.sender == firsts.f_from)
    selves = alone.select(
        from_id=alone.sender,
        person_id=alone.sender,
        lo=ibis.literal(1, type="int64"),
        hi=(alone.f_lo.fill_null(dates + 1) - 1).cast("int64"),
        own=ibis.literal(True),
    )
    every = ibis.union(*[t.mutate(own=ibis.literal(False)) for t in spans], selves)
    every = every.filter(every.lo <= every.hi)
    number = ibis.dense_rank().over(order_by=every.person_id)
    person = ibis.window(group_by=every.person_id)
    return every.mutate(
        # a bigint on every engine (Spark's is an int; Ibis drops a cast to the type it infers)
        person_no=number.cast("int32").cast("int64"),
        one_end=every.hi.min().over(person) == every.hi.max().over(person),
    )


def _users(compact: ir.Table) -> ir.Table:
    """``sender``: the user ids of ``compact`` (:func:`_compact`)."""
    return compact.filter(compact.has_user).select("sender").distinct()


def linked_spans(spans: ir.Table) -> ir.Table:
    """:func:`_spans`' rows of links only (not of a user id standing for itself)."""
    return spans.filter(~spans.own)


def on_date(spans: ir.Table, index: int) -> ir.Table:
    """``from_id → person_id`` and ``person_no`` at one date (its index) from :func:`_spans`
    (or :func:`linked_spans`)."""
    at = spans.filter((spans.lo <= index) & (spans.hi >= index))
    return at.select("from_id", "person_id", "person_no")


def resolved_by_spans(rows: ir.Table, sender: Any, spans: ir.Table) -> ir.Table:
    """``rows`` (with ``d_idx``) with ``l_person`` and ``l_no``: the person ``sender`` (an
    expression of ``rows``) stands for at the row's date (:func:`_spans`) and its number,
    null if none (an anonymous id not yet linked)."""
    linked = spans.select(
        l_from="from_id", l_person="person_id", l_no="person_no", l_lo="lo", l_hi="hi"
    )
    joined = rows.left_join(
        linked,
        (sender == linked.l_from) & (rows.d_idx >= linked.l_lo) & (rows.d_idx <= linked.l_hi),
    )
    return joined.select(*rows.columns, "l_person", "l_no")


def _compact(events: ir.Table, moments: Sequence[datetime]) -> ir.Table:
    """The log before the last of ``moments`` per sender and interval between them (``k``,
    see :func:`interval_index`): :func:`~pqlkit.events.identity.sender_facts` of each.

    From the store's facts per day when it keeps them (:mod:`pqlkit.store.kept_activity`): a
    day no moment cuts lies in one interval; the calls of the days a moment cuts (of a time
    other than midnight) are read from the log."""
    import ibis

    last = max(moments)

    def facts(calls: ir.Table) -> ir.Table:  # of the calls before the last moment
        calls = calls.filter(calls.timestamp < last)
        return identity.sender_facts(calls, k=interval_index(calls.timestamp, moments))

    days = kept.sender_days(events)
    if days is None:
        return facts(events)
    cut = intervals.days_cut(moments)
    whole = days.filter(days.day < last)
    if cut:
        whole = whole.filter(~whole.day.isin(cut))
    reduced = merged_days(whole.mutate(k=interval_index(whole.day, moments)), by=_COMPACT_KEYS)
    if not cut:
        return reduced
    partial = facts(events.filter(intervals.on_days(events.timestamp, cut)))
    return ibis.union(reduced, partial.select(*reduced.columns), distinct=False)


_COMPACT_KEYS = ("sender", "has_user", "k")


def _senders(compact: ir.Table, dates: int) -> ir.Table:
    """``sender``, ``has_user`` and ``first``: every id with events before the last of the
    first ``dates`` dates (``compact``: :func:`_compact`), and its first event."""
    before = compact.filter(compact.k < dates)
    return before.group_by("sender", "has_user").agg(first=before["first"].min())


def _members(
    compact: ir.Table,
    events: ir.Table,
    dates: ir.Table,
    moments: Sequence[datetime],
    spans: ir.Table,
    groups: ir.Table | None,
) -> ir.Table:
    """Each date's known people (``compact``: :func:`_compact` of the dates; ``spans``: the
    dates' links, :func:`_spans`): ``m_user`` and ``account_id`` (dated), ``email_domain``,
    ``first_seen``, ``last_seen``, and ``e_user``, ``e_account``, ``d_idx``, ``as_of``.
    ``groups``: the store's kept group calls, if any."""
    people = _people_facts(compact, spans)
    claims = _claims(events, dates, moments, groups)
    known = identity.attach_accounts(people, claims, by=("d_idx",))
    index = known.d_idx
    return known.select(
        m_user=dated_person(known.l_no, index),
        account_id=dated(known.account_id, index),
        email_domain=known.email_domain,
        first_seen=known.first_seen,
        last_seen=known.last_seen,
        signed_up=known.signed_up,
        e_user=known.user_id,
        e_account=known.account_id,
        d_idx=index,
        as_of=date_of(index, moments),
    )


def _people_facts(compact: ir.Table, spans: ir.Table) -> ir.Table:
    """``d_idx``, ``l_no``, ``user_id`` and :func:`~pqlkit.events.identity.person_facts` of
    each person at each date, from ``compact`` (:func:`_compact`) and ``spans`` (:func:`_spans`).

    A compacted row counts for its id's person from the date after its interval, or the date
    the id joins the person if later (its *arrival*), to the date the id leaves the person.
    Each person's facts at a date are those of the rows arrived by then. Where the engine can
    run them (DuckDB, Spark), running reductions in arrival order give them once per arrival,
    each kept until the next: the rows are not repeated for every date and grouped again.
    This holds when all the person's ids leave it together (``one_end``); the rows of the
    others are repeated and grouped.
    """
    import ibis

    linked = spans.select(
        l_from="from_id",
        l_no="person_no",
        user_id="person_id",
        l_lo="lo",
        l_hi="hi",
        l_one="one_end",
    )
    joined = compact.join(linked, compact.sender == linked.l_from)
    facts = ("first", "last", "signed", "grp", "grp_at", "mail", "mail_at")
    arrival = ibis.greatest(joined.k + 1, joined.l_lo)
    rows = joined.select(*facts, "l_no", "user_id", "l_one", _a=arrival, _e=joined.l_hi)
    rows = rows.filter(rows._a <= rows._e).view()

    by_arrival = spans._find_backend().name in _RUNNING
    spread = rows.filter(~rows.l_one) if by_arrival else rows
    each = each_date_after(spread, spread._a, spread._e, [], with_date=False)
    grouped = each.group_by("d_idx", "l_no", "user_id").agg(**identity.person_facts(each))
    if not by_arrival:
        return grouped
    held = _by_arrival(rows.filter(rows.l_one), "l_no", identity.person_facts, ("user_id",))
    return ibis.union(held.select(*grouped.columns), grouped, distinct=False)


def _claims(
    events: ir.Table, dates: ir.Table, moments: Sequence[datetime], groups: ir.Table | None
) -> ir.Table:
    """``d_idx``, ``domain``, ``domain_account``: each date's claims of domains by accounts
    (:func:`~pqlkit.events.identity.account_domains`). Where the engine runs them, each
    account's calls are reduced by interval between the dates and run through in order
    (:func:`_by_arrival`), not repeated for every later date and grouped."""
    if events._find_backend().name not in _RUNNING:
        claims = identity.account_domains(events, dates=dates, groups=groups)
        return claims.drop("as_of")
    import ibis

    said = identity.claim_calls(events, max(moments), groups)
    per = said.group_by("group_id", _k=interval_index(said.timestamp, moments)).agg(
        **identity.group_claims(said), website_at=said.timestamp.max(where=said.has_website)
    )

    def latest(rows: ir.Table) -> dict[str, Any]:  # the intervals' claims reduced again
        return {
            "since": rows.since.min(),
            "domain_at": rows.domain_at.max(),
            "domain": rows.domain.argmax(rows.domain_at, where=rows.domain_at.notnull()),
            "website": rows.website.argmax(rows.website_at, where=rows.website_at.notnull()),
        }

    last = ibis.literal(len(set(moments)))
    rows = per.mutate(_a=per._k + 1, _e=last)
    current = _by_arrival(rows, "group_id", latest)
    return identity.first_claims(current, ("d_idx",))


def _by_arrival(
    rows: ir.Table,
    key: str,
    facts: Callable[[ir.Table], dict[str, Any]],
    carry: Sequence[str] = (),
) -> ir.Table:
    """``key``, ``d_idx``, the ``facts`` (reductions of ``rows``) and ``carry`` (columns
    alike in a key's rows) of each key at each date: of the rows arrived by then. A row
    arrives at date ``_a`` and is read until the date ``_e`` (every row of a key: the same).

    Running reductions in order of arrival give them once per arrival, each kept until the
    next (a row per date of it): the rows are not repeated for every date and grouped.
    Only on the engines with ordered aggregates over a window (``_RUNNING``).
    """
    import ibis

    order = ibis.window(group_by=rows[key], order_by=rows._a)  # peers: the same arrival
    running = ibis.window(group_by=rows[key], order_by=rows._a, range=(None, 0))
    until = rows._a.lead().over(order).fill_null(rows._e + 1)  # the next arrival
    held = rows.select(
        key,
        *carry,
        _a=rows._a,
        _until=until,
        **{name: value.over(running) for name, value in facts(rows).items()},
    )
    # a row for each date from its arrival to the next: none for an arrival's rows but the
    # last (the next arrival is its own)
    last = held.filter(held._until > held._a)
    dated = last.mutate(d_idx=ibis.range(last._a, last._until).unnest())
    return dated.drop("_a", "_until")


_RUNNING = ("duckdb", "pyspark")  # the engines with ordered aggregates over a window (arg_max)


@dataclass(frozen=True)
class Spread:
    """What turns rows of the log into rows of the dates that read them: the dates, each
    date's id → person map and members, and the log narrowed to what the model reads
    (``source``, before the last date), for pieces that reduce it before spreading it
    (:mod:`pqlkit.compile.intervals`)."""

    moments: tuple[datetime, ...]  # in time order
    spans: ir.Table  # from_id → person_id (and number) from date lo to hi (see _spans)
    members: ir.Table
    entity: str
    source: ir.Table
    # the people whose ids were apart at some date (:func:`pqlkit.compile.intervals.unsettled`)
    unsettled: ir.Table | None = None
    anyone_unsettled: bool = True  # whether ``unsettled`` has anyone (known once made)
    # each id's runs of activity, when the store keeps them (:mod:`pqlkit.events.runs`)
    runs: ir.Table | None = None
    # ``source``'s rows of the store's events of rare names, when it keeps them
    rare: RareEvents | None = None
    # each sender's count of each track event per day, when the store keeps them
    event_days: ir.Table | None = None

    def read(self, model: Model) -> ir.Table:
        """The rows of ``source`` that ``model``'s signals read at some date, each only as far
        back before the first date as :func:`pqlkit.compile.needs.parts` says, those of rare
        names from the store's (:func:`pqlkit.compile.needs.read_reaching`)."""
        return needs.read_reaching(self.source, model, self.moments[0], self.rare, mixed=True)

    def rows(
        self,
        table: ir.Table,
        reach: Sequence[tuple[Any, timedelta | None]],
        senders: ir.Table | None = None,
        reach_from: str | None = None,
        *,
        accounts: bool = True,
    ) -> ir.Table:
        """``table`` (rows with ``user_id``, ``anonymous_id``, ``timestamp``) once per date
        after each row and within its reach (``(condition, window)`` pairs, the first that
        holds deciding, as :func:`pqlkit.compile.needs.reach` gives them; a window reaching
        from the time in column ``reach_from`` if given, else from ``timestamp``), resolved to
        the people and accounts of that date: known people's rows only. Without ``accounts``
        (a caller that reads only ``entity_id``), a user's rows go without their account
        and e-mail domain: no join with the members."""
        moments = self.moments
        first, final = self._reading(table, reach, reach_from)
        sender = table.user_id.coalesce(table.anonymous_id)
        marked = table.mutate(_sender=sender, _first=first, _final=final)
        if senders is None:
            each = each_date_of_someone(marked, "_sender", "_first", "_final", self.spans, moments)
        else:  # the dates of the senders a cohort reads
            paired = marked.join(senders, marked._sender == senders.n_sender)
            paired = paired.filter(
                (paired.n_idx >= paired._first) & (paired.n_idx <= paired._final)
            )
            paired = paired.select(*marked.columns, d_idx=paired.n_idx, as_of=paired.n_as_of)
            resolved = resolved_by_spans(paired, paired._sender, self.spans)
            each = resolved.filter(resolved.l_no.notnull())  # a user id, or one linked by then
        known = each.select(
            *table.columns, "d_idx", "as_of", person_id=dated_person(each.l_no, each.d_idx)
        ).view()
        if not accounts and self.entity == "user":
            return known.mutate(entity_id=known.person_id)
        people = self.members.select("m_user", "account_id", "email_domain")
        joined_people = known.left_join(people, known.person_id == people.m_user)
        rows = joined_people.select(
            *known.columns,
            account_id=joined_people.account_id,
            email_domain=joined_people.email_domain,
            entity_id=(
                joined_people.person_id if self.entity == "user" else joined_people.account_id
            ),
        ).view()
        if self.entity == "account":
            rows = rows.filter(rows.entity_id.notnull())
        return rows

    def settled_rows(
        self,
        table: ir.Table,
        reach: Sequence[tuple[Any, timedelta | None]],
        reach_from: str | None = None,
    ) -> ir.Table:
        """:meth:`rows` of a user model, without their accounts, for rows of settled people
        (:func:`pqlkit.compile.intervals.unsettled`) given by their number (``person_no``, at
        the last date): a settled person is that person at every date that reads their rows,
        so the rows need not find the person each id stands for at each date."""
        assert self.entity == "user"
        first, final = self._reading(table, reach, reach_from)
        each = each_date_after(table, first, final, self.moments)
        return each.mutate(entity_id=dated_person(each.person_no, each.d_idx))

    def _reading(
        self,
        table: ir.Table,
        reach: Sequence[tuple[Any, timedelta | None]],
        reach_from: str | None,
    ) -> tuple[Any, Any]:
        """The first and the last date (indices) that read each row of ``table`` (see
        :meth:`rows`); none if the last comes before the first."""
        import ibis

        moments = self.moments
        ts = table.timestamp
        until = ts if reach_from is None else table[reach_from]
        last = [  # the last date that reads the row
            (
                matched,
                ibis.literal(len(moments))
                if window is None
                else interval_index(until + interval(window), moments),
            )
            for matched, window in reach
        ]
        first = interval_index(ts, moments) + 1
        final = ibis.cases(*last, else_=ibis.literal(0)) if last else ibis.literal(0)
        return first, final
