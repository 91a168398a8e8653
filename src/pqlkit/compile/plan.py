"""A model compiled for one point in time: the Ibis expression of every entity's score.

``compile_model(model, events, as_of)`` returns a :class:`CompiledModel` whose ``table`` has one
row per entity in the model's population with ``entity_id``, every signal's value
(``s__<signal>``), every rule's points, every layer's subtotal, ``score`` and ``tier``. Nothing
runs until the table is executed, on whichever engine holds ``events``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.compile import intervals, needs, points, vocabulary
from pqlkit.compile.frame import Frame, build_frame
from pqlkit.compile.signals import (
    SignalCompiler,
    column,
    fills_zero,
    is_aggregate,
    match,
    needs_start,
)
from pqlkit.model.schema import (
    EventMatch,
    Milestone,
    Model,
    Rollup,
    Sessions,
    Signal,
    TimeBetween,
    Trait,
)

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.compile.dated_frame import Spread
    from pqlkit.events.identity import AsOf


@dataclass(frozen=True)
class CompiledModel:
    model: Model
    as_of: datetime
    table: ir.Table

    def sql(self, dialect: str = "duckdb") -> str:
        import ibis

        return str(ibis.to_sql(self.table, dialect=dialect))


CONVERTED = "c__converted"  # an entity's own conversion, counted with its aggregates


def _group(
    rows: ir.Table,
    key: str,
    compiler: SignalCompiler,
    signals: dict[str, Signal],
    conversion: EventMatch | None = None,
) -> ir.Table:
    """Each key's aggregate signals; with ``conversion``, also whether the key's rows hold
    that event (``CONVERTED``)."""
    aggregates = {column(name): compiler.aggregate(rows, s.spec) for name, s in signals.items()}
    if conversion is not None:
        model = compiler.model
        aggregates[CONVERTED] = rows.count(where=match(rows, model, conversion)) > 0
    return rows.group_by(key=rows[key]).agg(**aggregates)


def _universe(model: Model, frame: Frame) -> ir.Table:
    """Every entity with a known call before T: ``entity_id, account_id, first_seen, last_seen``.

    Read from the members (one row per known person) rather than from the log: the frame's rows
    hold only the events the model reads. On a frame of many dates, also the plain ids
    (``u_entity``, ``u_account``) and the date (``as_of``).
    """
    members = frame.accounts
    many = frame.dates is not None
    if model.entity == "user":
        plain = {"u_entity": "e_user", "u_account": "e_account", "as_of": "as_of"} if many else {}
        return members.select(
            entity_id=members.m_user,
            account_id=members.account_id,
            first_seen=members.first_seen,
            last_seen=members.last_seen,
            **plain,
        )
    owned = members.filter(members.account_id.notnull())
    dated = (
        {
            "u_entity": owned.e_account.max(),
            "u_account": owned.e_account.max(),
            "as_of": owned.as_of.max(),
        }
        if many
        else {}
    )
    return owned.group_by(entity_id=owned.account_id).agg(
        account_id=owned.account_id.max(),
        first_seen=owned.first_seen.min(),
        last_seen=owned.last_seen.max(),
        **dated,
    )


def _converted(model: Model, frame: Frame) -> ir.Table:
    """Entities already converted before T: ``key`` of each."""
    import ibis

    conversion = model.conversion
    if conversion.event is not None:
        rows, rare = frame.rows, frame.rare
        if rare is not None and rare.hold(vocabulary.names(model, conversion.event)):
            rows = rare.table  # the same rows, of the store's events of rare names
        hit = rows.filter(match(rows, model, EventMatch(event=conversion.event)))
        keys = [hit.select(key=hit.entity_id)]
        if model.entity == "user":  # a teammate's purchase makes the whole account paying
            accounts = hit.filter(hit.account_id.notnull()).select(acc=hit.account_id).distinct()
            members = frame.accounts.filter(frame.accounts.account_id.notnull())
            paying = members.join(accounts, members.account_id == accounts.acc)
            keys.append(paying.select(key=paying.m_user))
        return ibis.union(*keys, distinct=True)
    assert conversion.trait is not None
    spec = Trait(name=conversion.trait, of="account" if model.entity == "account" else "user")
    values, _ = SignalCompiler(model, frame).trait(
        spec.model_copy(
            update={
                "type": "number"
                if isinstance(conversion.equals, int | float)
                and not isinstance(conversion.equals, bool)
                else "boolean"
                if isinstance(conversion.equals, bool)
                else "string"
            }
        )
    )
    hit = values.filter(values.value == conversion.equals)
    return hit.select("key")


def _paying_from_counted(model: Model, table: ir.Table) -> ir.Table:
    """``paying`` in place of ``CONVERTED``: the entity converted (on a user model, or a
    teammate of its account did, as :func:`_converted` reads it)."""
    import ibis

    own = table[CONVERTED]
    paying = own
    if model.entity == "user":
        teammate = own.any().over(ibis.window(group_by=table.account_id))
        paying = own | (table.account_id.notnull() & teammate)
    others = [name for name in table.columns if name != CONVERTED]
    return table.select(*others, paying=paying).view()


def compile_model(
    model: Model,
    events: ir.Table,
    as_of: AsOf,
    *,
    triggered: ir.Table | None = None,
    frame: Frame | None = None,
) -> CompiledModel:
    """The model as of ``as_of`` on ``events``; ``triggered`` lists entities with a live trigger
    (``entity_id``; on a frame of many dates, the plain ids with the date, ``as_of``).

    ``frame`` may be given already built (and materialized) for the same model and time.
    ``as_of`` may be a query parameter (with a frame built for it: a model's scoring compiled
    once, :mod:`pqlkit.scoring.prepared`).
    """
    import ibis

    if frame is None:
        assert isinstance(as_of, datetime), "a parameterised as-of time needs its frame"
        frame = build_frame(events, model, as_of)
    compiler = SignalCompiler(model, frame)
    own = {n: s for n, s in model.signals.items() if s.level is None}
    scoped = {
        n: s
        for n, s in own.items()
        if getattr(s.spec, "scope", "entity") == "account" and model.entity == "user"
    }
    entity_level = {n: s for n, s in own.items() if n not in scoped}
    team_of_users = _team_sessions(scoped, entity_level)
    summed = set(team_of_users.values())  # user signals a team adds up: every member's counts

    def rows_for(signals: dict[str, Signal], conversions: bool = False) -> ir.Table:
        """The rows these signals read — their events only (and the conversions, with
        ``conversions``) — and only the entities kept (a cohort) unless a team adds them up,
        with each entity's start if one counts from it."""
        start = any(needs_start(s) for s in signals.values())
        if frame.spread is not None:  # many dates: each event at the dates it can count at
            rows = _rows_reading(model, frame.spread, signals)
            return compiler.rows_with_start(rows, "entity_id") if start else rows
        # the frame's rows hold what any signal reads (the sessions' 19M at 20M events)
        reading = needs.of_signals(model, signals, conversion=conversions)
        rows = needs.read_reaching(frame.rows, reading, compiler.as_of, frame.rare)
        wanted = frame.wanted
        if wanted is not None and not summed & signals.keys():
            rows = rows.filter(rows.entity_id.isin(wanted.entity_id))
        return compiler.rows_with_start(rows, "entity_id") if start else rows

    universe = _universe(model, frame)
    pieces: list[tuple[ir.Table, str, dict[str, Signal]]] = []
    aggregates = {n: s for n, s in entity_level.items() if is_aggregate(s)}
    if frame.spread is not None:  # many dates: reduced per interval before the dates
        spread = frame.spread
        reduced = {n: s for n, s in aggregates.items() if intervals.reducible(s)}
        if reduced:
            pieces.append((intervals.aggregates(model, spread, reduced), "entity_id", reduced))
        anchored = {
            n: s for n, s in aggregates.items() if intervals.reduces_anchored(model, s.spec)
        }
        if anchored:  # a user model without a cohort: the frame found the unsettled
            pieces.append((intervals.anchored(compiler, spread, anchored), "entity_id", anchored))
            reduced = {**reduced, **anchored}
        aggregates = {n: s for n, s in aggregates.items() if n not in reduced}
    # one date with every entity's rows: the conversions counted in the aggregates' pass
    conversion = model.conversion.event
    counted = (
        EventMatch(event=conversion)
        if conversion is not None and aggregates and frame.spread is None and frame.wanted is None
        else None
    )
    if aggregates:
        rows = rows_for(aggregates, conversions=counted is not None)
        group = _group(rows, "entity_id", compiler, aggregates, counted)
        pieces.append((group, "entity_id", aggregates))
    if scoped:
        account_rows = needs.read_rows(frame.rows, needs.of_signals(model, scoped))
        account_rows = account_rows.filter(account_rows.account_id.notnull())
        if any(needs_start(s) for s in scoped.values()):
            account_rows = compiler.rows_with_start(account_rows, "account_id")
        team = {n: s for n, s in scoped.items() if not isinstance(s.spec, Sessions)}
        if team:
            pieces.append((_group(account_rows, "account_id", compiler, team), "account_id", team))
        for name, signal in scoped.items():
            if isinstance(signal.spec, Sessions) and name not in team_of_users:
                t = compiler.sessions(account_rows, "account_id", signal.spec, "entity_id")
                one = {name: signal}
                pieces.append((t.select("key", **{column(name): t.value}), "account_id", one))

    for name, signal in entity_level.items():
        spec = signal.spec
        one = {name: signal}
        rows = rows_for(one)
        if isinstance(spec, Sessions):
            if frame.spread is not None and intervals.reduces_sessions(model, spec):
                t = intervals.sessions(compiler, frame.spread, spec)
            else:
                t = compiler.sessions(rows, "entity_id", spec)
            pieces.append((t.select("key", **{column(name): t.value}), "entity_id", one))
        elif isinstance(spec, TimeBetween):
            t = compiler.time_between(rows, "entity_id", spec)
            pieces.append((t.select("key", **{column(name): t.value}), "entity_id", one))
        elif isinstance(spec, Milestone) and spec.ordered:
            t = compiler.ordered_milestone(rows, "entity_id", spec)
            pieces.append((t.select("key", **{column(name): t.value}), "entity_id", one))
        elif isinstance(spec, Trait) and spec.of == "account":
            continue  # read together below: one pass over the group calls
        elif isinstance(spec, Trait):
            t, on = compiler.trait(spec)
            on = "entity_id" if (on == "person_id" or model.entity == "account") else on
            pieces.append((t.select("key", **{column(name): t.value}), on, one))
        elif isinstance(spec, Rollup):
            pieces.append((_rollup(model, frame, compiler, name, spec), "entity_id", one))

    account_traits = {
        n: s
        for n, s in entity_level.items()
        if isinstance(s.spec, Trait) and s.spec.of == "account"
    }
    if account_traits:
        on = "entity_id" if model.entity == "account" else "account_id"
        pieces.append((compiler.account_traits(account_traits), on, account_traits))

    table = universe
    for piece, on, signals in pieces:
        right = piece.view()
        joined = table.left_join(right, table[on] == right.key)
        values = {}
        for name, signal in signals.items():
            value = joined[column(name)]
            if fills_zero(signal):
                value = value.fill_null(0)
            elif isinstance(signal.spec, Milestone):  # not reached is no, not unknown
                value = value.fill_null(False)
            values[column(name)] = value
        if CONVERTED in right.columns:
            values[CONVERTED] = joined[CONVERTED].fill_null(False)
        table = joined.select(*table.columns, **values).view()

    if team_of_users:  # every member of an account is in the universe, at each date
        account = ibis.window(group_by=table.account_id)
        table = table.mutate(
            **{
                column(team): ibis.ifelse(
                    table.account_id.isnull(), 0, table[column(user)].sum().over(account)
                )
                for team, user in team_of_users.items()
            }
        ).view()

    if frame.wanted is not None:  # after the teams' sums, which read every member
        table = table.filter(table.entity_id.isin(frame.wanted.entity_id)).view()

    if counted is not None:
        table = _paying_from_counted(model, table)
    else:
        converted = _converted(model, frame).distinct().view()
        flagged = table.left_join(converted, table.entity_id == converted.key)
        table = flagged.select(*table.columns, paying=flagged.key.notnull()).view()
    if model.population == "free":
        table = table.filter(~table.paying)
    elif model.population == "paying":
        table = table.filter(table.paying)

    live = None
    if triggered is not None:
        if frame.dates is None:
            hot = triggered.select(t_key="entity_id").distinct().view()
            marked = table.left_join(hot, table.entity_id == hot.t_key)
        else:  # many dates: the plain ids at each date (``as_of``)
            hot = triggered.select(t_key="entity_id", t_as_of="as_of").distinct().view()
            marked = table.left_join(
                hot, (table.u_entity == hot.t_key) & (table.as_of == hot.t_as_of)
            )
        table = marked.select(*table.columns, triggered=marked.t_key.notnull()).view()
        live = "triggered"
    scored = points.score(model, table, live)
    kind = ibis.literal(model.entity)
    if frame.dates is None:
        when = ibis.literal(as_of) if isinstance(as_of, datetime) else as_of
        scored = scored.mutate(entity_type=kind, as_of=when)
    else:  # the plain ids back, the same columns as one date's
        plain = {"entity_id": scored.u_entity, "account_id": scored.u_account}
        others = [c for c in scored.columns if c not in ("u_entity", "u_account", "as_of")]
        scored = scored.select(
            *[plain.get(c, scored[c]).name(c) for c in others],
            entity_type=kind,
            as_of=scored.as_of,
        )
    return CompiledModel(model, as_of, scored)


def _rows_reading(model: Model, spread: Spread, signals: dict[str, Signal]) -> ir.Table:
    """The rows of many dates that ``signals`` read: their events only, each at the dates it
    can count at."""
    reading = needs.of_signals(model, signals)
    source = needs.read_rows(spread.source, reading)
    return spread.rows(source, needs.reach(source, reading))


def _team_sessions(scoped: dict[str, Signal], entity_level: dict[str, Signal]) -> dict[str, str]:
    """Team sessions signals that are a user sessions signal added up over the account (the
    same definition but the scope): team name → user name. A team's sessions are its members'
    own, each person's apart, so they are summed from the users' values instead of a second
    pass over the rows (windows from the entity's start excepted: a team's start is the
    account's)."""

    def definition(spec: Sessions) -> str:
        return spec.model_dump_json(exclude={"scope"})

    users = {
        definition(s.spec): name
        for name, s in entity_level.items()
        if isinstance(s.spec, Sessions) and s.spec.within is None
    }
    return {
        name: users[definition(s.spec)]
        for name, s in scoped.items()
        if isinstance(s.spec, Sessions) and s.spec.within is None and definition(s.spec) in users
    }


def _rollup(
    model: Model, frame: Frame, compiler: SignalCompiler, name: str, spec: Rollup
) -> ir.Table:
    """An account value from its users' values of a per-user signal."""
    import ibis

    from pqlkit.compile import conditions
    from pqlkit.model.validate import value_type

    target = model.signals[spec.signal]
    rows = frame.rows
    if needs_start(target):
        rows = compiler.rows_with_start(rows, "person_id")
    if isinstance(target.spec, Sessions):
        per_user = compiler.sessions(rows, "person_id", target.spec)
    else:
        per_user = rows.group_by(key=rows.person_id).agg(
            value=compiler.aggregate(rows, target.spec)
        )
    members = frame.accounts.filter(frame.accounts.account_id.notnull())
    joined = per_user.join(members, per_user.key == members.m_user)
    value = joined.value
    if spec.fn == "count":
        passed = (
            conditions.test(value, spec.where, value_type(target))
            if spec.where
            else conditions.truthy(value, value_type(target))
        )
        reduced = ibis.ifelse(passed, 1, 0).sum()
    else:
        reduced = {"sum": value.sum, "max": value.max, "min": value.min, "avg": value.mean}[
            spec.fn
        ]()
    out = joined.group_by(key=joined.account_id).agg(**{column(name): reduced})
    return out
