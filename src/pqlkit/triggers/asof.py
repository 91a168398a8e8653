"""Identity as known when an event arrived, computed in the engine for a few *probes*.

A probe asks "who was ``raw`` (a userId, else an anonymousId) when (``p_at``, ``p_mid``)
arrived?" — the firing candidates of triggers, and the members of a domain when an alert goes to
its most senior user. The answer applies :mod:`pqlkit.events.identity`'s rules to the events that
had arrived by then, exactly as :class:`pqlkit.triggers.identity_state.IdentityState` does in
real time (see there for the rules): the person at the end of the id's links that had arrived
(:class:`LinkGraph`: each id's fixed path, with the arrival of each hop), the person's ids (those
whose path leads to them then), the latest group, e-mail and title over those ids' known calls,
when the person was first seen, and the account.

Every step is a join on the probes (few) against link and fact rows filtered to what had
arrived, so point-in-time reads need no ASOF JOIN (which Spark, BigQuery and Trino lack). Each
step's result goes into a temporary table (:class:`pqlkit.triggers.scratch.Scratch`): the next
step reads a small table, and each engine plans small queries quickly.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.events import identity
from pqlkit.events.freemail import FREEMAIL_DOMAINS
from pqlkit.events.identity import DOMAIN_ACCOUNT_PREFIX, MAX_HOPS
from pqlkit.triggers.arrival import arrival_of, at_or_before
from pqlkit.triggers.identity_state import NAME
from pqlkit.triggers.scratch import Scratch

if TYPE_CHECKING:
    import ibis.expr.types as ir

PROBE_COLUMNS = ("probe", "raw", "p_at", "p_mid")


def arrived(events: ir.Table, as_of: datetime) -> ir.Table:
    """The events that had arrived before ``as_of``, with ``arrival`` and ``raw`` (who sent it)."""
    import ibis

    rows = events.mutate(
        arrival=arrival_of(events), raw=events.user_id.coalesce(events.anonymous_id)
    )
    return rows.filter(rows.arrival < ibis.literal(as_of))


@dataclass
class Arrivals:
    """The events that had arrived before ``as_of`` (``base``, see :func:`arrived`), with what
    is computed from them once per evaluation, in ``scratch`` tables: the link graph, and the
    calls that carry traits (with each call's name when ``names``: what the live identity
    keeps, not what a trigger reads)."""

    events: ir.Table
    as_of: datetime
    scratch: Scratch
    pairs: ir.Table | None = None  # :func:`link_pairs`, when a caller computed them
    names: bool = False
    _graph: LinkGraph | None = None
    _traits: ir.Table | None = None

    @property
    def base(self) -> ir.Table:
        return arrived(self.events, self.as_of)

    @property
    def graph(self) -> LinkGraph:
        if self._graph is None:
            self._graph = link_graph(links(self.base, self.as_of, self.pairs), self.scratch)
        return self._graph

    def named(self, names: Collection[str] | None) -> ir.Table:
        """:attr:`base`, or only its track events of ``names`` (``None``: every event) from
        the store's kept rare events when they hold every one of those names
        (:func:`pqlkit.store.kept.rare_events`): a reader still tests the names itself."""
        from pqlkit.store import kept

        if not names:
            return self.base
        rare = kept.rare_events(self.events)
        if rare is None or not rare.hold(names):
            return self.base
        return arrived(rare.table, self.as_of)

    def sightings(self) -> ir.Table:
        """The calls (:func:`calls`) that tell when a sender was first seen as of any arrival:
        the store's kept first sightings (:mod:`pqlkit.store.kept`), else every call."""
        from pqlkit.store import kept

        stored = kept.sightings(self.events)
        if stored is not None:
            return stored
        base = self.base
        return calls(base.filter(base.raw.notnull()))

    def groups(self) -> ir.Table:
        """The group calls that had arrived (:func:`pqlkit.events.identity.group_calls`, with
        ``message_id`` and ``arrival``): the store's kept ones, else from the log."""
        import ibis

        from pqlkit.store import kept

        stored = kept.group_calls(self.events)
        if stored is not None:
            return stored.filter(stored.arrival < ibis.literal(self.as_of))
        base = self.base
        return identity.group_calls(base, message_id=base.message_id, arrival=base.arrival)

    def facts(self, kind: str) -> ir.Table:
        """:func:`facts` of ``base``; the e-mails, titles and names from one table of the calls
        that carry traits (few: identify calls) — the store's kept ones
        (:mod:`pqlkit.store.kept`), else made once — rather than a scan of the log each."""
        import ibis

        from pqlkit.store import kept

        if kind == "group":
            return facts(self.base, kind)
        if self._traits is None:
            stored = kept.trait_calls(self.events)
            if stored is not None:
                self._traits = stored.filter(stored.f_at < ibis.literal(self.as_of))
            else:
                said = trait_calls(self.base, names=self.names)
                self._traits = self.scratch.keep(said, "trait_calls")
        said = self._traits
        found = said.select(*CALL_COLUMNS, f_value=said[kind])
        return found.filter(found.f_value.notnull())


def link_pairs(events: ir.Table, before: datetime) -> ir.Table:
    """Every pair of ids linked by a call made or arrived before ``before``: ``from_id``,
    ``to_id``, ``linked_at`` (its earliest call by timestamp) and ``f_at`` (its earliest
    arrival) — what the links as of any time up to ``before`` read
    (:func:`pqlkit.events.identity.identity_links` by timestamp, :func:`links` by arrival),
    for a caller that needs both (a backtest: one pass over the log, not two).

    On a DuckDB store that keeps them (:mod:`pqlkit.store.kept`), the kept pairs: every
    pair of the log, with ``f_mid`` (the first arrival's message id) — a pair linked after
    ``before`` has both times after it, so the readers, which take the pairs made before their
    own time, read the same.
    """
    import ibis

    from pqlkit.store import kept

    stored = kept.pairs(events)
    if stored is not None:
        return stored
    arrival = arrival_of(events)
    moment = ibis.literal(before)
    known = events.filter((events.timestamp < moment) | (arrival < moment))
    calls = identity.link_calls(known, at=known.timestamp, arrival=arrival_of(known))
    return calls.group_by("from_id", "to_id").agg(
        linked_at=calls.at.min(), f_at=calls.arrival.min()
    )


def links(base: ir.Table, as_of: datetime, pairs: ir.Table | None = None) -> ir.Table:
    """``from_id → to_id`` as of ``l_at``/``l_mid``: each id's first link to arrive (before
    ``as_of``, when ``base``'s events arrived).

    ``pairs``: :func:`link_pairs` of the whole log, when a caller has them: a pair first
    linked after ``base``'s events arrived has no call in ``base`` at that arrival, so it
    drops out below, and every other pair's first arrival is the same in ``base``. Kept pairs
    carry the first arrival's message id (``f_mid``): read as they are.
    """
    import ibis

    if pairs is not None and "f_mid" in pairs.columns:
        made = pairs.filter(pairs.f_at < ibis.literal(as_of)).select(
            "from_id", "to_id", l_at="f_at", l_mid="f_mid"
        )
    else:
        made = _first_arrivals(base, pairs)
    first = ibis.row_number().over(
        group_by=made.from_id, order_by=[made.l_at, made.l_mid, made.to_id]
    )
    return made.mutate(n=first).filter(lambda t: t.n == 0).drop("n")


def _first_arrivals(base: ir.Table, pairs: ir.Table | None) -> ir.Table:
    """Each pair of ``base``'s link calls at its first arrival (``l_at``) and the smallest
    message id arriving then (``l_mid``)."""
    calls = identity.link_calls(base, l_at=base.arrival, l_mid=base.message_id)
    # most calls repeat a link already made: keep each pair's first arrival (then message id)
    if pairs is None:
        first_at = calls.group_by(["from_id", "to_id"]).agg(f_at=calls.l_at.min())
    else:
        first_at = pairs.select("from_id", "to_id", "f_at")
    at_first = calls.join(
        first_at,
        [
            calls.from_id == first_at.from_id,
            calls.to_id == first_at.to_id,
            calls.l_at == first_at.f_at,
        ],
    )
    return at_first.group_by([calls.from_id, calls.to_id, calls.l_at]).agg(
        l_mid=at_first.l_mid.min()
    )


@dataclass(frozen=True)
class LinkGraph:
    """Where each linked id leads, hop by hop, and from which arrival each hop holds.

    A link never moves once made (an id keeps its first link to arrive), so an id's path is
    fixed: ``paths`` has, per linked id, the ids ``x1 … xN`` its first ``N = MAX_HOPS`` hops
    reach and the arrival (``a1``/``m1`` …) of the link behind each. At a given arrival, the id
    stands for the last of its consecutive hops whose links had arrived. ``nodes`` lists
    ``(path_raw, node)`` for every id on each path, to find the ids that may lead to a person.
    """

    paths: ir.Table
    nodes: ir.Table


def link_graph(links: ir.Table, scratch: Scratch) -> LinkGraph:
    """The graph of ``links`` (see :func:`links`), computed once into temporary tables."""
    import ibis

    links = scratch.keep(links, "links")  # read once per hop below
    paths = links.select(path_raw="from_id", x1="to_id", a1="l_at", m1="l_mid")
    for hop in range(2, MAX_HOPS + 1):
        step = links.select(
            h_from="from_id", **{f"x{hop}": "to_id", f"a{hop}": "l_at", f"m{hop}": "l_mid"}
        )
        joined = paths.left_join(step, step.h_from == paths[f"x{hop - 1}"])
        paths = joined.select(*paths.columns, *[f"{c}{hop}" for c in "xam"]).view()
    paths = scratch.keep(paths, "link_paths")
    nodes = ibis.union(
        *[paths.select("path_raw", node=paths[f"x{hop}"]) for hop in range(1, MAX_HOPS + 1)],
        distinct=True,
    )
    return LinkGraph(paths, scratch.keep(nodes.filter(nodes.node.notnull()), "link_nodes"))


def resolve(probes: ir.Table, graph: LinkGraph) -> ir.Table:
    """``probes`` with ``person`` (``raw`` followed through the links) and ``linked``."""
    import ibis

    joined = probes.left_join(graph.paths, graph.paths.path_raw == probes.raw)
    reached: list[ir.BooleanValue] = []  # whether hops 1 … N had all arrived by the probe
    for hop in range(1, MAX_HOPS + 1):
        arrived = joined[f"x{hop}"].notnull() & at_or_before(
            joined[f"a{hop}"], joined[f"m{hop}"], joined.p_at, joined.p_mid
        )
        reached.append(arrived if not reached else reached[-1] & arrived)
    person = ibis.cases(
        *[(reached[h - 1], joined[f"x{h}"]) for h in range(MAX_HOPS, 0, -1)], else_=joined.raw
    )
    return joined.select(*probes.columns, person=person, linked=reached[0].fill_null(False))


def members(people: ir.Table, graph: LinkGraph) -> ir.Table:
    """Per probe, the ids whose calls are its person's: ``probe, member, linked, p_at, p_mid``.

    The candidates are the person and every id whose path passes through them; each is
    resolved at the probe's arrival and kept if it then stands for the person.
    """
    import ibis

    nodes = graph.nodes
    leading = people.join(nodes, nodes.node == people.person).select(
        "probe", "p_at", "p_mid", raw=nodes.path_raw, target=people.person
    )
    itself = people.select("probe", "p_at", "p_mid", raw=people.person, target=people.person)
    candidates = ibis.union(leading, itself, distinct=True)
    found = resolve(candidates, graph)
    found = found.filter(found.person == found.target)
    return found.select("probe", "linked", "p_at", "p_mid", member=found.raw)


CALL_COLUMNS = ("f_raw", "f_user", "f_ts", "f_mid", "f_at")  # what :func:`calls` gives


def calls(rows: ir.Table, **values: Any) -> ir.Table:
    """Each call's id (``f_raw``), whether it carried a userId, time, message id and arrival."""
    return rows.select(
        f_raw=rows.raw,
        f_user=rows.user_id.notnull(),
        f_ts=rows.timestamp,
        f_mid=rows.message_id,
        f_at=rows.arrival,
        **values,
    )


def trait_calls(base: ir.Table, *, names: bool = False) -> ir.Table:
    """The calls that carry a person's traits (not a group's) from ``base`` (with ``raw`` and
    ``arrival``): :func:`calls` with ``email`` and ``title``, and with ``names`` the person's
    name (:data:`~pqlkit.triggers.identity_state.NAME`, see :func:`person_name`)."""
    rows = base.filter((base.type != "group") & base.traits.notnull() & base.raw.notnull())
    values = {
        "email": rows.traits["email"].unwrap_as("string"),
        "title": rows.traits["title"].unwrap_as("string"),
    }
    if names:
        values[NAME] = person_name(rows.traits)
    return calls(rows, **values)


def person_name(traits: ir.JSONValue) -> ir.StringValue:
    """:func:`pqlkit.triggers.identity_state.person_name` in the engine: ``name``, else
    ``first_name`` and ``last_name`` (trimmed, blanks as none)."""
    import ibis

    def text(key: str) -> ir.StringValue:
        return traits[key].unwrap_as("string").strip().nullif("")

    both = ibis.literal(" ").join([text("first_name"), text("last_name")])
    return text("name").coalesce(both.nullif(""))


def facts(base: ir.Table, kind: str) -> ir.Table:
    """Timestamped ``group``, ``email`` or ``title`` facts (``f_value``) of each id's calls."""
    if kind == "group":
        rows = base.filter(base.group_id.notnull() & base.raw.notnull())
        value = rows.group_id
    else:
        rows = base.filter((base.type != "group") & base.traits.notnull() & base.raw.notnull())
        value = rows.traits[kind].unwrap_as("string")
    found = calls(rows, f_value=value)
    return found.filter(found.f_value.notnull())


def known_calls(candidates: ir.Table, found: ir.Table) -> ir.Table:
    """Each probe's members' known calls among ``found`` (see :func:`calls`) that had arrived."""
    return candidates.join(
        found,
        (found.f_raw == candidates.member)
        & at_or_before(found.f_at, found.f_mid, candidates.p_at, candidates.p_mid)
        & (found.f_user | candidates.linked),  # anonymous calls count once the id is linked
    )


def latest(candidates: ir.Table, facts: ir.Table) -> ir.Table:
    """Per probe, the latest fact (timestamp, then message id) among its members' known calls."""
    import ibis

    joined = known_calls(candidates, facts)
    rank = ibis.row_number().over(
        group_by=joined.probe, order_by=[joined.f_ts.desc(), joined.f_mid.desc()]
    )
    ranked = joined.mutate(n=rank)
    return ranked.filter(ranked.n == 0).select("probe", "f_value")


def earliest(candidates: ir.Table, sightings: ir.Table) -> ir.Table:
    """Per probe, when its person was first seen: the earliest of its members' known calls
    (among ``sightings``, :meth:`Arrivals.sightings`)."""
    joined = known_calls(candidates, sightings)
    return joined.group_by("probe").agg(f_value=joined.f_ts.min())


def claims(calls: ir.Table, wanted: ir.Table, scratch: Scratch) -> ir.Table:
    """Per probe (``probe, domain, p_at, p_mid``): the account claiming the domain then.

    The account whose latest ``domain`` trait (else ``website``) names it; among several, the
    one first seen earliest (then by id). ``calls``: the group calls that had arrived
    (:meth:`Arrivals.groups`).
    """
    import ibis

    said = [
        calls.select(
            g=calls.group_id,
            which=ibis.literal(name),
            value=calls[name],
            c_ts=calls.timestamp,
            c_mid=calls.message_id,
            c_at=calls.arrival,
        )
        for name in ("domain", "website")
    ]
    traits = ibis.union(*said, distinct=False)
    traits = traits.filter(traits.value.notnull())
    traits = scratch.keep(traits.mutate(named=identity.normalize_domain(traits.value)), "claims")
    naming = wanted.join(
        traits,
        (traits.named == wanted.domain)
        & at_or_before(traits.c_at, traits.c_mid, wanted.p_at, wanted.p_mid),
    )
    pairs = naming.select("probe", "domain", "p_at", "p_mid", "g").distinct()
    other = traits.view()
    said_then = pairs.join(
        other,
        (other.g == pairs.g) & at_or_before(other.c_at, other.c_mid, pairs.p_at, pairs.p_mid),
    )
    rank = ibis.row_number().over(
        group_by=[said_then.probe, said_then.g, said_then.which],
        order_by=[said_then.c_ts.desc(), said_then.c_mid.desc()],
    )
    newest = said_then.mutate(n=rank).filter(lambda t: t.n == 0)
    current = newest.group_by(["probe", "domain", "p_at", "p_mid", "g"]).agg(
        domain_v=newest.value.max(where=newest.which == "domain"),
        website_v=newest.value.max(where=newest.which == "website"),
    )
    claiming = current.filter(
        identity.normalize_domain(current.domain_v.coalesce(current.website_v)) == current.domain
    )
    sightings = calls.select(
        s_group="group_id", s_ts="timestamp", s_at="arrival", s_mid="message_id"
    )
    seen = claiming.join(
        sightings,
        (sightings.s_group == claiming.g)
        & at_or_before(sightings.s_at, sightings.s_mid, claiming.p_at, claiming.p_mid),
    )
    since = seen.group_by(["probe", "g"]).agg(since=seen.s_ts.min())
    first = ibis.row_number().over(group_by=since.probe, order_by=[since.since, since.g])
    ranked = since.mutate(n=first)
    return ranked.filter(ranked.n == 0).select("probe", claimed=ranked.g)


def identify(
    arrivals: Arrivals,
    probes: ir.Table,
    *,
    email: bool = False,
    account: bool = False,
    title: bool = False,
    seen: bool = False,
    only: ir.Table | None = None,
) -> ir.Table:
    """Per probe: ``probe, person, known`` and, as asked, ``email_domain``, ``account``,
    ``title`` and ``seen`` (when the person was first seen).

    ``probes`` has ``probe, raw, p_at, p_mid`` and ``user`` (the call carried a userId).
    ``only``: the probes (``probe``) those are asked for, when not all; the others have nulls.
    """
    graph, scratch = arrivals.graph, arrivals.scratch
    people = scratch.keep(resolve(probes, graph), "probe_people")
    out = people.select("probe", "person", known=people.user | people.linked)
    if not (email or account or title or seen):
        return out
    asking = people if only is None else people.semi_join(only, people.probe == only.probe)
    belong = members(asking.select("probe", "person", "p_at", "p_mid"), graph)
    belong = scratch.keep(belong, "probe_members")
    asked = {"email": email or account, "group": account, "title": title, "seen": seen}
    for kind in (kind for kind, wanted in asked.items() if wanted):
        value = (
            earliest(belong, arrivals.sightings())
            if kind == "seen"
            else latest(belong, arrivals.facts(kind))
        )
        found = scratch.keep(value, f"probe_{kind}")
        found = found.rename(**{f"v_{kind}": "f_value", "v_p": "probe"})
        joined = out.left_join(found, out.probe == found.v_p)
        out = joined.select(*out.columns, joined[f"v_{kind}"]).view()
    if email or account:
        out = out.mutate(email_domain=identity.email_domain(out.v_email)).drop("v_email").view()
    if account:
        out = _account(arrivals.groups(), probes, out, scratch)
    return out.rename(**{k: f"v_{k}" for k in ("title", "seen") if asked[k]})


def _account(groups: ir.Table, probes: ir.Table, found: ir.Table, scratch: Scratch) -> ir.Table:
    """``found`` with ``account``: its group, else the domain's claimant, else the domain
    (``groups``: the group calls that had arrived)."""
    import ibis

    def company(t: ir.Table) -> ir.BooleanValue:
        return t.email_domain.notnull() & ~t.email_domain.isin(sorted(FREEMAIL_DOMAINS))

    need = found.filter(found.email_domain.notnull() & found.v_group.isnull())
    need = need.select("probe", "email_domain")
    timed = need.join(probes.select("probe", "p_at", "p_mid"), "probe")
    wanted = timed.select("probe", "p_at", "p_mid", domain=timed.email_domain)
    claimed = scratch.keep(claims(groups, wanted, scratch), "probe_claims")
    claimed = claimed.rename(c_probe="probe")
    joined = found.left_join(claimed, found.probe == claimed.c_probe)
    by_domain = ibis.ifelse(
        company(joined), ibis.literal(DOMAIN_ACCOUNT_PREFIX) + joined.email_domain, ibis.null()
    )
    return joined.select(
        *[c for c in found.columns if c != "v_group"],
        account=joined.v_group.coalesce(joined.claimed, by_domain),
    ).view()
