"""Triggers evaluated over stored history: which fired, and which are live at a time T.

One definition, shared with the real-time evaluator (:mod:`pqlkit.triggers.live`), so that an
alert, once sent, is a fact no later event can change:

1. **Arrival order.** Triggers see events in the order they arrived: ``coalesce(received_at,
   timestamp)`` (the server stamps ``received_at``; an import without it arrived when it
   happened), ties broken by message id. Whatever was known when an event arrived is what counts
   for it, so real time never rolls back and batch computes the same from stored columns.
2. **Windows use timestamps.** A *hit* is a matching event (event or page name, ``where``
   filters, a trusted ``source``) about a known person. With ``at_least: N`` and ``within: D``,
   a hit e is a candidate when at least N hits that had arrived by e (e included) under the same
   key have timestamps in [e.timestamp − D, e.timestamp]. With ``distinct: user`` only each
   person's first-arrived hit under a key counts, and only such a first hit is a candidate.
   Without ``at_least``, every hit is a candidate. In arrival order, a candidate **fires**
   unless its timestamp is before the key's last firing + ``cooldown``.
3. **Identity as known at arrival.** The person is the userId (else the anonymousId) followed
   through the links that had arrived; an anonymous id no link had claimed is no one to contact,
   so its events never count. The key — the person, their account (``per: account``, and every
   trigger of an account model) or their company e-mail domain (``per: domain``; free mail never
   counts) — and the most senior user of a domain are read with the rules of
   :mod:`pqlkit.events.identity` over the events that had arrived (see
   :mod:`pqlkit.triggers.identity_state`), and stay fixed for that hit.
4. **Late events.** An event arriving more than the model's ``watermark`` (default 1h) after its
   timestamp is stored, but never fires and never counts in a window.
5. **Point in time.** Evaluating as of T reads only events that arrived before T. An alert is
   identified by (entity, trigger, firing message id), its ``fired_at`` is the firing event's
   timestamp and it is **active** at T when fired_at is in [T − 7 days, T).
6. **Duplicates.** A message id counts once: its first arrival.

The engine finds the hits, the identity each had at its arrival, and the window counts (a
self-join on the hits); the cooldown, which depends on the previous firing, is applied in Python
to the few candidates.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit import collector
from pqlkit.compile import vocabulary
from pqlkit.compile.signals import interval, match
from pqlkit.events.freemail import FREEMAIL_DOMAINS
from pqlkit.model.schema import Model, Trigger
from pqlkit.triggers import asof
from pqlkit.triggers.alerts import ACTIVE_FOR, Alert, active, in_order, order
from pqlkit.triggers.arrival import at_or_before, late
from pqlkit.triggers.scratch import Scratch
from pqlkit.triggers.window import Cooldowns

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

__all__ = ["ACTIVE_FOR", "Alert", "History", "active", "evaluate", "fire", "trigger_hits"]


def trusted(rows: ir.Table, trigger: Trigger) -> ir.BooleanValue:
    """The event came from a source the trigger trusts (see :func:`.matching.source_kind`)."""
    import ibis

    source = rows.source
    kind = ibis.cases(
        (source.isnull() | ~source.startswith("api:"), "import"),
        (source.startswith("api:browser:"), "browser"),
        else_="server",
    )
    return kind.isin(list(trigger.sources))


def _keyed_by_account(model: Model, trigger: Trigger) -> bool:
    return model.entity == "account" or trigger.per == "account"


def _needing(model: Model) -> list[str]:
    """The triggers whose hits need more than their person: an e-mail domain or an account."""
    return [
        name
        for name, trigger in model.triggers.items()
        if _keyed_by_account(model, trigger) or trigger.per == "domain"
    ]


def trigger_hits(arrivals: asof.Arrivals, model: Model) -> ir.Table:
    """Every trigger's hits among the events that had arrived (computed once).

    Columns: ``trigger, message_id, timestamp, arrival, person, key, entity, first`` — the key
    and entity as known when the hit arrived; ``first``: the person's first hit under the key.
    """
    import ibis

    scratch = arrivals.scratch
    names = vocabulary.track_names(model, model.triggers.values())
    base = arrivals.named(names)  # the store's rare events, when they hold all
    looks = {  # one scan of the events for every trigger
        f"t{n}": match(base, model, trigger, activity=False) & trusted(base, trigger)
        for n, trigger in enumerate(model.triggers.values())
    }
    looked = base.filter(ibis.or_(*looks.values())).select(
        "message_id", "timestamp", "arrival", "raw", user=base.user_id.notnull(), **looks
    )
    looked = scratch.keep(looked, "trigger_looks")
    parts = [
        looked.filter(looked[f"t{n}"]).select(
            "message_id", "timestamp", "arrival", "raw", "user", trigger=ibis.literal(name)
        )
        for n, name in enumerate(model.triggers)
    ]
    matched = ibis.union(*parts, distinct=False)
    matched = matched.mutate(first_copy=matched.arrival.min().over(group_by=matched.message_id))
    matched = matched.filter(
        (matched.arrival == matched.first_copy)
        & ~late(matched.arrival, matched.timestamp, model.watermark)
        & matched.raw.notnull()
    ).drop("first_copy")
    matched = scratch.keep(matched, "trigger_matches")
    probes = matched.select(
        probe=matched.message_id, raw="raw", user="user", p_at="arrival", p_mid="message_id"
    ).distinct()
    needing = _needing(model)
    account = any(_keyed_by_account(model, model.triggers[name]) for name in needing)
    only = None  # the hits whose domain or account is read: those of the triggers needing it
    if needing and len(needing) < len(model.triggers):
        wanting = matched.filter(matched.trigger.isin(needing))
        only = wanting.select(probe=wanting.message_id).distinct()
    found = asof.identify(arrivals, probes, email=bool(needing), account=account, only=only)
    known = scratch.keep(found, "trigger_probes")
    joined = matched.join(known.filter(known.known), matched.message_id == known.probe)
    keyed = ibis.union(
        *[_keyed(joined, model, name, trigger) for name, trigger in model.triggers.items()],
        distinct=False,
    )
    first = ibis.row_number().over(
        group_by=[keyed.trigger, keyed.key, keyed.person],
        order_by=[keyed.arrival, keyed.message_id],
    )
    return scratch.keep(keyed.mutate(first=first == 0), "trigger_hits")


def _keyed(joined: ir.Table, model: Model, name: str, trigger: Trigger) -> ir.Table:
    import ibis

    rows = joined.filter(joined.trigger == name)
    if trigger.per == "domain":
        domain = rows.email_domain
        key = ibis.ifelse(domain.isin(sorted(FREEMAIL_DOMAINS)), ibis.null(), domain)
    elif _keyed_by_account(model, trigger):
        key = rows.account
    else:
        key = rows.person
    entity = rows.account if model.entity == "account" else rows.person
    out = rows.select(
        "trigger", "message_id", "timestamp", "arrival", "person", key=key, entity=entity
    )
    return out.filter(out.key.notnull() & out.entity.notnull())


def _counted(hits: ir.Table, name: str, trigger: Trigger) -> ir.Table:
    """The trigger's hits that count (with ``distinct: user``, each person's first)."""
    rows = hits.filter(hits.trigger == name)
    if trigger.distinct == "user":
        rows = rows.filter(rows.first)
    return rows.drop("first")


def candidates(hits: ir.Table, name: str, trigger: Trigger) -> ir.Table:
    """The trigger's hits whose window holds enough hits: ``…, n`` (how many)."""
    import ibis

    rows = _counted(hits, name, trigger)
    if trigger.at_least <= 1:
        return rows.mutate(n=ibis.literal(1))
    counted = window_pairs(rows, trigger)
    totals = counted.group_by(rows.columns).agg(n=counted.count())
    return totals.filter(totals.n >= trigger.at_least)


def window_pairs(rows: ir.Table, trigger: Trigger, among: ir.Table | None = None) -> ir.Table:
    """Each hit with the hits its window counts (``o_mid``, ``o_ts``; among ``rows``, else
    ``among``): arrived by it, same key, timestamps in [its timestamp − within, its timestamp]."""

    assert trigger.within is not None
    hits = rows if among is None else among
    other = hits.select(o_key="key", o_at="arrival", o_mid="message_id", o_ts="timestamp")
    low = rows.timestamp - interval(trigger.within)
    joined = rows.join(
        other,
        (other.o_key == rows.key)
        & at_or_before(other.o_at, other.o_mid, rows.arrival, rows.message_id)
        & (other.o_ts >= low)
        & (other.o_ts <= rows.timestamp),
    )
    return joined.select(*rows.columns, "o_mid", "o_ts")


def fire(hits: ir.Table, arrivals: asof.Arrivals, model: Model) -> list[Alert]:
    """The alerts the hits (:func:`trigger_hits`) fire, oldest first."""
    return in_order(alert for alert, _ in _fired(hits, arrivals, model))


def _fired(hits: ir.Table, arrivals: asof.Arrivals, model: Model) -> list[tuple[Alert, datetime]]:
    """Each alert the hits fire, with the arrival of its firing event."""
    alerts: list[tuple[Alert, datetime]] = []
    for name, trigger in model.triggers.items():
        fired = _cooled(candidates(hits, name, trigger).to_pyarrow(), trigger)
        evidence = _evidence(hits, name, trigger, fired)
        entities = _entities(arrivals, model, trigger, fired)
        respond = trigger.respond_within
        columns = ("message_id", "timestamp", "arrival", "key", "person", "entity")
        for message, stamp, arrival, key, person, entity in zip(
            *(fired.column(c).to_pylist() for c in columns), strict=True
        ):
            alert = Alert(
                entity_id=entities.get(message, entity),
                trigger=name,
                fired_at=stamp,
                message_id=message,
                deadline=stamp + respond,
                key=key,
                user_id=person,
                evidence=evidence.get(message, (message,)),
            )
            alerts.append((alert, arrival))
    return alerts


def _cooled(found: pa.Table, trigger: Trigger) -> pa.Table:
    """The candidates that fire: in arrival order (then message id), those outside their
    key's cooldown."""
    import pyarrow as pa

    found = found.sort_by([("arrival", "ascending"), ("message_id", "ascending")])
    cooldowns = Cooldowns(trigger.cooldown)
    keys, stamps = found.column("key").to_pylist(), found.column("timestamp").to_pylist()
    firing = [n for n, hit in enumerate(zip(keys, stamps, strict=True)) if cooldowns.admit(*hit)]
    return found.take(pa.array(firing, pa.int64()))


def evaluate(
    events: ir.Table, model: Model, as_of: datetime, *, pairs: ir.Table | None = None
) -> list[Alert]:
    """Every alert the model's triggers fired on the events that arrived before ``as_of``;
    ``pairs``: the log's linked pairs (:func:`pqlkit.triggers.asof.link_pairs`), when the
    caller computed them."""
    if not model.triggers:
        return []
    with Scratch() as scratch, collector.paused():  # rows and alerts by the ten thousand
        arrivals = asof.Arrivals(events, as_of, scratch, pairs=pairs)
        return fire(trigger_hits(arrivals, model), arrivals, model)


class History:
    """Alerts as of many times from one evaluation: those whose firing event arrived before T.

    Exact because every step of the definition reads only what had arrived by the firing event
    (its window, its identity, the cooldown's earlier firings), so an alert fired by time T is
    the same alert when evaluated at any later time. A backtest over 12 dates evaluates once.
    ``pairs``: the log's linked pairs (:func:`pqlkit.triggers.asof.link_pairs`), when the
    caller computed them.
    """

    def __init__(
        self, events: ir.Table, model: Model, until: datetime, *, pairs: ir.Table | None = None
    ) -> None:
        fired: list[tuple[Alert, datetime]] = []
        if model.triggers:
            with Scratch() as scratch, collector.paused():  # as in evaluate
                arrivals = asof.Arrivals(events, until, scratch, pairs=pairs)
                fired = _fired(trigger_hits(arrivals, model), arrivals, model)
        # in_order's order, once: each date's alerts keep it
        self.fired = sorted(fired, key=lambda pair: order(pair[0]))
        self.until = until

    def as_of(self, moment: datetime) -> list[Alert]:
        """What :func:`evaluate` gives at ``moment`` (no later than ``until``)."""
        if moment > self.until:
            raise ValueError(f"alerts known until {self.until}, asked for {moment}")
        return [alert for alert, arrival in self.fired if arrival < moment]


def _evidence(
    hits: ir.Table, name: str, trigger: Trigger, fired: pa.Table
) -> dict[str, tuple[str, ...]]:
    """Per fired message id, the message ids its window counted (oldest first)."""
    import ibis

    if trigger.at_least <= 1 or not fired.num_rows:
        return {}
    rows = _counted(hits, name, trigger)
    wanted = ibis.memtable(fired.select(["message_id"]).rename_columns(["w_mid"]))
    firing = rows.semi_join(wanted, rows.message_id == wanted.w_mid)
    pairs = window_pairs(firing, trigger, among=rows)
    found = pairs.select("message_id", "o_ts", "o_mid")
    counted: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for row in found.to_pyarrow().to_pylist():
        counted[row["message_id"]].append((row["o_ts"], row["o_mid"]))
    return {mid: tuple(m for _, m in sorted(seen)) for mid, seen in counted.items()}


def _entities(
    arrivals: asof.Arrivals, model: Model, trigger: Trigger, fired: pa.Table
) -> dict[str, str]:
    """For alerts that go to the most senior user of their domain or account: who that is."""
    if not fired.num_rows or model.entity != "user":
        return {}
    if trigger.assign_to != "most_senior" or trigger.per == "entity":
        return {}
    from pqlkit.triggers.seniors import most_senior

    return most_senior(arrivals, trigger, fired)
