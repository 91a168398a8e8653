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

from datetime import datetime, timedelta
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from pqlkit import collector
from pqlkit.compile import vocabulary
from pqlkit.compile.signals import interval, match
from pqlkit.events.freemail import FREEMAIL_DOMAINS
from pqlkit.model.schema import Model, Trigger
from pqlkit.triggers import asof, fired
from pqlkit.triggers.alerts import ACTIVE_FOR, Alert, active
from pqlkit.triggers.arrival import at_or_before, late
from pqlkit.triggers.scratch import Scratch

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
    and entity as known when the hit arrived; ``first``: the person's first hit under the key
    (of a trigger counting each user once; true for the others' hits, read by none).
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
    return scratch.keep(keyed, "trigger_hits")


def _keyed(joined: ir.Table, model: Model, name: str, trigger: Trigger) -> ir.Table:
    import ibis

    rows = joined.filter(joined.trigger == name)
    if trigger.per == "domain":  # a company's: free-mail ones joined away, not compared
        free = ibis.memtable({"free": sorted(FREEMAIL_DOMAINS)}, schema={"free": "string"})
        rows = rows.anti_join(free, rows.email_domain == free.free)
        key = rows.email_domain
    elif _keyed_by_account(model, trigger):
        key = rows.account
    else:
        key = rows.person
    entity = rows.account if model.entity == "account" else rows.person
    out = rows.select(
        "trigger", "message_id", "timestamp", "arrival", "person", key=key, entity=entity
    )
    out = out.filter(out.key.notnull() & out.entity.notnull())
    if trigger.distinct != "user":  # every hit counts: none ranked
        return out.mutate(first=ibis.literal(True))
    first = ibis.row_number().over(
        group_by=[out.key, out.person], order_by=[out.arrival, out.message_id]
    )
    return out.mutate(first=first == 0)


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
    return fired.alerts(fired.in_order(_fired(hits, arrivals, model)))


def _fired(hits: ir.Table, arrivals: asof.Arrivals, model: Model) -> pa.Table:
    """Each alert the hits fire, as a table (:data:`pqlkit.triggers.fired.COLUMNS`, with the
    arrival of its firing event), in no particular order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    tables = []
    moment = pa.timestamp("us")
    for name, trigger in model.triggers.items():
        found = _cooled(candidates(hits, name, trigger).to_pyarrow(), trigger)
        size = found.num_rows
        message = found.column("message_id").combine_chunks()
        entity = found.column("entity").combine_chunks()
        senior = _entities(arrivals, model, trigger, found)
        if senior:
            pairs = zip(message.to_pylist(), entity.to_pylist(), strict=True)
            entity = pa.array([senior.get(m, e) for m, e in pairs], pa.string())
        evidence = _evidence_lists(message, _evidence(hits, name, trigger, found))
        stamp = found.column("timestamp").cast(moment)
        respond = pa.scalar(trigger.respond_within, pa.duration("us"))
        columns = {
            "entity_id": entity,
            "trigger": pa.repeat(pa.scalar(name, pa.string()), size),
            "fired_at": stamp,
            "message_id": message,
            "deadline": pc.add(stamp, respond),
            "key": found.column("key"),
            "user_id": found.column("person"),
            "evidence": evidence,
            "arrival": found.column("arrival").cast(moment),
        }
        tables.append(pa.table(columns).cast(fired.schema()))
    if not tables:
        return fired.schema().empty_table()
    return pa.concat_tables(tables)


def _evidence_lists(message: pa.Array, counted: dict[str, tuple[str, ...]]) -> pa.Array:
    """Each firing event's evidence (``counted``, :func:`_evidence`), else the event itself."""
    import numpy as np
    import pyarrow as pa

    if counted:
        found = [list(counted.get(m, (m,))) for m in message.to_pylist()]
        return pa.array(found, pa.list_(pa.string()))
    offsets = pa.array(np.arange(len(message) + 1, dtype=np.int32))
    return pa.ListArray.from_arrays(offsets, message.cast(pa.string()))


def _cooled(found: pa.Table, trigger: Trigger) -> pa.Table:
    """The candidates that fire: in arrival order (then message id), those outside their
    key's cooldown (:class:`pqlkit.triggers.window.Cooldowns`' rule, on numbers: each key as
    a code, each time in microseconds)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = found.sort_by([("arrival", "ascending"), ("message_id", "ascending")])
    keys = pc.dictionary_encode(found.column("key").combine_chunks()).indices.to_pylist()
    stamps = found.column("timestamp").cast(pa.timestamp("us")).cast(pa.int64()).to_pylist()
    cooldown = trigger.cooldown // timedelta(microseconds=1)
    last: dict[int, int] = {}  # each key's last firing
    firing = []
    for n, (key, stamp) in enumerate(zip(keys, stamps, strict=True)):
        previous = last.get(key)
        if previous is None or stamp >= previous + cooldown:
            last[key] = stamp
            firing.append(n)
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
    caller computed them. The alerts are kept as a table (:mod:`pqlkit.triggers.fired`).
    """

    def __init__(
        self, events: ir.Table, model: Model, until: datetime, *, pairs: ir.Table | None = None
    ) -> None:
        table = fired.schema().empty_table()
        if model.triggers:
            with Scratch() as scratch, collector.paused():  # as in evaluate
                arrivals = asof.Arrivals(events, until, scratch, pairs=pairs)
                table = _fired(trigger_hits(arrivals, model), arrivals, model)
        self.table = fired.in_order(table)  # each date's alerts keep the order
        self.until = until

    def fired_by(self, moment: datetime) -> fired.Fired:
        """What :func:`evaluate` gives at ``moment`` (no later than ``until``), as a sequence
        whose alerts are made when it is first read."""
        return fired.Fired(self._arrived(moment))

    def as_of(self, moment: datetime) -> list[Alert]:
        """What :func:`evaluate` gives at ``moment`` (no later than ``until``)."""
        return list(self.fired_by(moment))

    def active(self, moment: datetime) -> dict[str, list[str]]:
        """:func:`active` of the alerts at ``moment``: entity → its triggers active then."""
        self._check_known(moment)
        return fired.active(self.table, moment, arrived=True)

    def _arrived(self, moment: datetime) -> pa.Table:
        self._check_known(moment)
        return fired.arrived_before(self.table, moment)

    def _check_known(self, moment: datetime) -> None:
        if moment > self.until:
            raise ValueError(f"alerts known until {self.until}, asked for {moment}")


def _evidence(
    hits: ir.Table, name: str, trigger: Trigger, firing: pa.Table
) -> dict[str, tuple[str, ...]]:
    """Per fired message id, the message ids its window counted (oldest first)."""
    import ibis

    if trigger.at_least <= 1 or not firing.num_rows:
        return {}
    rows = _counted(hits, name, trigger)
    wanted = ibis.memtable(firing.select(["message_id"]).rename_columns(["w_mid"]))
    chosen = rows.semi_join(wanted, rows.message_id == wanted.w_mid)
    pairs = window_pairs(chosen, trigger, among=rows).select("message_id", "o_ts", "o_mid")
    found = pairs.to_pyarrow().sort_by([(c, "ascending") for c in ("message_id", "o_ts", "o_mid")])
    each = zip(
        found.column("message_id").to_pylist(), found.column("o_mid").to_pylist(), strict=True
    )
    return {mid: tuple(m for _, m in seen) for mid, seen in groupby(each, key=itemgetter(0))}


def _entities(
    arrivals: asof.Arrivals, model: Model, trigger: Trigger, firing: pa.Table
) -> dict[str, str]:
    """For alerts that go to the most senior user of their domain or account: who that is."""
    if not firing.num_rows or model.entity != "user":
        return {}
    if trigger.assign_to != "most_senior" or trigger.per == "entity":
        return {}
    from pqlkit.triggers.seniors import most_senior

    return most_senior(arrivals, trigger, firing)
