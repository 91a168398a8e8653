"""Real-time trigger state rebuilt from the store at start-up, so that a restart changes nothing.

The state after every event that arrived before ``now`` is computed in the engine, not replayed
in Python: identity as known now (each id's first link; each id's latest group, e-mail, title
and name; each account's first sighting, latest domain and traits), the trigger hits still
inside a window (from :func:`pqlkit.triggers.batch.trigger_hits`, keyed as they were when they
arrived), who has already counted for ``distinct: user`` triggers, each key's last firing (from
the batch alerts), and the message ids still young enough to be retried on time.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.model.schema import Model
from pqlkit.triggers import asof, batch
from pqlkit.triggers.alerts import Alert
from pqlkit.triggers.identity_state import (
    ACCOUNT_TRAITS,
    KINDS,
    NAME,
    Fact,
    Group,
    IdentityState,
)
from pqlkit.triggers.live import LiveTriggers
from pqlkit.triggers.scratch import Scratch
from pqlkit.triggers.window import Hit

if TYPE_CHECKING:
    import ibis.expr.types as ir


def rebuild(events: ir.Table, model: Model, now: datetime) -> LiveTriggers:
    """A :class:`LiveTriggers` that has seen every event that arrived before ``now``."""
    live = LiveTriggers(model, start=now)
    with Scratch() as scratch:
        arrivals = asof.Arrivals(events, now, scratch, names=True)
        load_identity(live.identity, arrivals)
        _load_recent(live, arrivals.base, now)
        if model.triggers:
            hits = batch.trigger_hits(arrivals, model)
            alerts = batch.fire(hits, arrivals, model)
            load_windows(live, hits, now)
            load_cooldowns(live, alerts)
            live.before_start = alerts
    return live


def _load_recent(live: LiveTriggers, base: ir.Table, now: datetime) -> None:
    """The message ids young enough that a retry of them would still be on time."""
    import ibis

    horizon = now - live.model.watermark
    recent = base.filter(base.timestamp >= ibis.literal(horizon))
    recent = recent.group_by("message_id").agg(ts=recent.timestamp.min()).to_pyarrow()
    live.recent = dict(
        zip(recent.column("message_id").to_pylist(), recent.column("ts").to_pylist(), strict=True)
    )


def load_cooldowns(live: LiveTriggers, alerts: list[Alert]) -> None:
    """Each key's last firing, and nothing older than the watermark allows."""
    rules = {rule.name: rule for rule in live.rules}
    for alert in alerts:  # oldest first: the last one per key wins
        rules[alert.trigger].windows.cooldowns.last[alert.key] = alert.fired_at
    if live.start is not None:
        for rule in live.rules:
            rule.windows.forget_before(live.start - live.model.watermark)


def load_identity(state: IdentityState, arrivals: asof.Arrivals) -> None:
    """Identity as known after the events that arrived, into ``state``."""
    import ibis

    base, paths = arrivals.base, arrivals.graph.paths
    for row in paths.select("path_raw", "x1").to_pyarrow().to_pylist():
        state.link(row["path_raw"], row["x1"])  # each id's first link
    calls = base.filter(base.raw.notnull())
    first = calls.group_by(raw=calls.raw, user=calls.user_id.notnull()).agg(
        ts=calls.timestamp.min()
    )
    for row in first.to_pyarrow().to_pylist():
        state.see((row["raw"], row["user"]), row["ts"])
    for kind in (*KINDS, NAME):
        facts = arrivals.facts(kind)  # one table of the calls with traits, kept
        newest = ibis.row_number().over(
            group_by=[facts.f_raw, facts.f_user], order_by=[facts.f_ts.desc(), facts.f_mid.desc()]
        )
        latest = facts.mutate(n=newest).filter(lambda t: t.n == 0)
        for row in latest.to_pyarrow().to_pylist():
            fact = Fact(row["f_ts"], row["f_mid"], row["f_value"])
            state.learn(kind, (row["f_raw"], row["f_user"]), fact)
    since, said = _groups(base, arrivals.scratch)
    for row in since.to_pyarrow().to_pylist():
        state.groups[row["group_id"]] = Group(since=row["since"])
    for row in said.to_pyarrow().to_pylist():
        group, name = state.groups[row["s_group"]], row["trait"]
        fact = Fact(row["ts"], row["mid"], row["value"])
        if name in ACCOUNT_TRAITS:
            group.traits[name] = fact
        else:  # domain, website
            setattr(group, name, fact)
    for group_id, group in state.groups.items():
        if group.claims is not None:
            state.claimants[group.claims].add(group_id)


def _groups(base: ir.Table, scratch: Scratch) -> tuple[ir.Table, ir.Table]:
    """Per account: when it was first seen (``group_id``, ``since``); and its latest
    ``domain``, ``website`` and ``ACCOUNT_TRAITS``, one row each (``s_group``, ``trait``,
    ``value``, ``ts``, ``mid``) — every trait in one window over the group calls, read from
    the log once (``scratch`` keeps them)."""
    import ibis

    calls = base.filter((base.type == "group") & base.group_id.notnull())
    since = calls.group_by("group_id").agg(since=calls.timestamp.min())
    with_traits = scratch.keep(
        calls.filter(calls.traits.notnull()).select(
            "group_id", "traits", "timestamp", "message_id"
        ),
        "group_traits",
    )
    said = ibis.union(
        *(
            with_traits.select(
                s_group=with_traits.group_id,
                trait=ibis.literal(name),
                value=(
                    _trait_text(with_traits.traits[name])
                    if name in ACCOUNT_TRAITS
                    else with_traits.traits[name].unwrap_as("string")
                ),
                ts=with_traits.timestamp,
                mid=with_traits.message_id,
            )
            for name in ("domain", "website", *ACCOUNT_TRAITS)
        ),
        distinct=False,
    )
    said = said.filter(said.value.notnull())
    newest = ibis.row_number().over(
        group_by=[said.s_group, said.trait], order_by=[said.ts.desc(), said.mid.desc()]
    )
    return since, said.mutate(n=newest).filter(lambda t: t.n == 0).drop("n")


def _trait_text(value: ir.JSONValue) -> ir.StringValue:
    """A trait as text, as :func:`pqlkit.triggers.identity_state.trait_text` takes it: text, or
    a number (``employees: 3000`` → ``3000``)."""
    return value.unwrap_as("string").coalesce(
        value.unwrap_as("int64").cast("string"), value.unwrap_as("float64").cast("string")
    )


def load_windows(live: LiveTriggers, hits: ir.Table, now: datetime) -> None:
    """Each trigger's hits still inside a window, and who has counted for distinct triggers."""
    import ibis

    for rule in live.rules:
        trigger, windows = rule.trigger, rule.windows
        rows = hits.filter(hits.trigger == rule.name)
        if trigger.distinct == "user":
            rows = rows.filter(rows.first)
            for row in rows.select("key", "person").to_pyarrow().to_pylist():
                windows.counted[row["key"]].add(row["person"])
        if trigger.at_least <= 1 or trigger.within is None:
            continue
        oldest = now - live.model.watermark - trigger.within
        recent = rows.filter(rows.timestamp >= ibis.literal(oldest))
        for row in recent.select("key", "timestamp", "message_id").to_pyarrow().to_pylist():
            windows.hits[row["key"]].append(Hit(row["timestamp"], row["message_id"]))
        for found in windows.hits.values():
            found.sort()
