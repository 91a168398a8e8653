"""Identity as views over the event log: who a call is about, and which account they belong to.

Nothing here rewrites events. Links are read from the log as timestamped facts, so resolving
"as of T" sees only what was known before T, and a late ``alias`` re-attributes history the
next time the view is read:

* an ``alias`` call links ``previousId`` → ``userId``; any call carrying both an anonymousId and
  a userId links the anonymous id to the user. An id links to the first user it was tied to;
  chains (anonymous → old user id → new user id) are followed up to :data:`MAX_HOPS` links.
* a user belongs to the account of their latest ``group`` call or ``context.groupId``; else to
  the account whose ``domain`` trait is their e-mail's domain (the first account to claim it), so
  one company never becomes two accounts; else to an account named by the domain itself
  (``domain:acme.com``). A free-mail domain (:mod:`.freemail`) never makes an account.

Every function takes an ``events`` table with the store's columns, so it works on the embedded
store and on a warehouse table read in place, on any Ibis engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from pqlkit.events.freemail import FREEMAIL_DOMAINS

if TYPE_CHECKING:
    import ibis.expr.types as ir

    # a moment, or a query parameter standing for one (a model's scoring compiled once)
    AsOf: TypeAlias = datetime | ir.TimestampScalar

MAX_HOPS = 3
SIGN_UP = "Signed Up"  # the track event that marks a person's sign-up
# the event columns :func:`sender_facts` reads
ACCOUNT_COLUMNS = ("type", "event", "timestamp", "user_id", "anonymous_id", "group_id", "traits")
DOMAIN_ACCOUNT_PREFIX = "domain:"


def _before(events: ir.Table, as_of: AsOf | None) -> ir.Table:
    return events if as_of is None else events.filter(events.timestamp < as_of)


def link_calls(events: ir.Table, **values: Any) -> ir.Table:
    """The calls that link an id to a user: ``from_id``, ``to_id`` and ``values`` (expressions
    of ``events``) — an ``alias`` links ``previousId``, any call with both ids its
    anonymous id; a call naming one id twice links nothing."""
    aliases = events.filter(
        (events.type == "alias") & events.previous_id.notnull() & events.user_id.notnull()
    ).select(from_id=events.previous_id, to_id=events.user_id, **values)
    both = events.filter(events.anonymous_id.notnull() & events.user_id.notnull()).select(
        from_id=events.anonymous_id, to_id=events.user_id, **values
    )
    calls = aliases.union(both, distinct=False)
    return calls.filter(calls.from_id != calls.to_id)


def identity_links(
    events: ir.Table, as_of: AsOf | None = None, *, pairs: ir.Table | None = None
) -> ir.Table:
    """``from_id → to_id`` with ``linked_at``: each id's first link to a user.

    ``pairs``: every pair's earliest link in the whole log (``from_id``, ``to_id``,
    ``linked_at``), when a caller has them (:func:`pqlkit.triggers.asof.link_pairs`): those
    made before ``as_of`` are the pairs of the calls before it, at the same times.
    """
    import ibis

    if pairs is None:
        known = _before(events, as_of)
        calls = link_calls(known, at=known.timestamp)
        pairs = calls.group_by("from_id", "to_id").agg(linked_at=calls.at.min())
    else:
        pairs = pairs.select("from_id", "to_id", "linked_at")
        if as_of is not None:
            pairs = pairs.filter(pairs.linked_at < as_of)
    first = ibis.row_number().over(group_by=pairs.from_id, order_by=[pairs.linked_at, pairs.to_id])
    return pairs.mutate(rank=first).filter(lambda t: t.rank == 0).drop("rank")


def _canonical_map(links: ir.Table, by: tuple[str, ...] = ()) -> ir.Table:
    """``from_id → person_id`` following chains of links up to MAX_HOPS.

    ``by``: columns that keep sets of links apart (``as_of``: each date's links), carried through.
    """
    current = links.select(*by, "from_id", person_id=links.to_id)
    for _ in range(MAX_HOPS - 1):
        hop = links.view()
        step = hop.select(
            next_from=hop.from_id, next_to=hop.to_id, **{f"next_{c}": hop[c] for c in by}
        )
        same = [current.person_id == step.next_from]
        same += [current[c] == step[f"next_{c}"] for c in by]
        joined = current.left_join(step, same)
        # .view(): a projection of a join cannot be joined again in ibis 12 without it
        current = joined.select(
            *by, "from_id", person_id=joined.next_to.coalesce(joined.person_id)
        ).view()
    return current


def person_map(
    events: ir.Table, as_of: AsOf | None = None, *, pairs: ir.Table | None = None
) -> ir.Table:
    """``from_id → person_id``: every linked id (before ``as_of``) and the user it resolves to.

    Small (one row per linked id): a scoring run computes it once and joins the log to it.
    ``pairs``: the log's linked pairs, when the caller has them (see :func:`identity_links`).
    """
    return _canonical_map(identity_links(events, as_of, pairs=pairs))


def resolve_events(
    events: ir.Table, as_of: AsOf | None = None, *, mapping: ir.Table | None = None
) -> ir.Table:
    """The events (before ``as_of``) with ``person_id`` and ``is_known`` added.

    ``person_id`` is the user a call is about once aliases are followed; an anonymous id never
    linked to a user stays its own person with ``is_known`` false. ``mapping`` is
    :func:`person_map` of the same events and time, when the caller computed it already.
    """
    known = _before(events, as_of)
    if mapping is None:
        mapping = person_map(events, as_of)
    # one lookup of whoever sent the call (the userId, else the anonymousId): a userId maps
    # to itself unless linked on, an anonymousId counts only once linked to a user
    sender = known.mutate(_sender=known.user_id.coalesce(known.anonymous_id))
    by_sender = mapping.select(s_from=mapping.from_id, s_person=mapping.person_id)
    joined = sender.left_join(by_sender, sender._sender == by_sender.s_from)
    person = joined.s_person.coalesce(joined._sender)
    is_known = joined.user_id.notnull() | joined.s_person.notnull()
    columns = [c for c in known.columns]
    return joined.select(*columns, person_id=person, is_known=is_known)


def latest_traits(
    calls: ir.Table,
    entity: str,
    traits: Mapping[str, str],
    as_of: AsOf | None = None,
    by: tuple[str, ...] = (),
) -> ir.Table:
    """Per entity, the latest non-null value of each trait before ``as_of``.

    ``traits`` maps trait name → Ibis type (``"string"``, ``"float64"``, ``"int64"``,
    ``"boolean"``); a value of another JSON type counts as missing. ``by``: more grouping
    columns (``as_of`` when the calls are already each date's).
    """
    rows = _before(calls, as_of).filter(lambda t: t.traits.notnull() & t[entity].notnull())
    aggregates = {}
    for name, dtype in traits.items():
        value = rows.traits[name].unwrap_as(dtype)
        aggregates[name] = value.argmax(rows.timestamp, where=value.notnull())
    return rows.group_by(*by, entity).agg(**aggregates)


def normalize_domain(value: ir.StringValue) -> ir.StringValue:
    """``https://www.Acme.com/about`` → ``acme.com``."""
    text = value.strip().lower()
    text = text.re_replace(r"^[a-z]+://", "").re_replace(r"^www\.", "").re_replace(r"[/:?#].*$", "")
    return text.nullif("")


def email_domain(email: ir.StringValue) -> ir.StringValue:
    import ibis

    text = email.strip().lower()
    position = text.find("@")
    return ibis.ifelse(position >= 0, text.substr(position + 1), ibis.null()).nullif("")


def user_accounts(
    events: ir.Table,
    as_of: AsOf | None = None,
    freemail: frozenset[str] = FREEMAIL_DOMAINS,
    *,
    mapping: ir.Table | None = None,
    senders: ir.Table | None = None,
    groups: ir.Table | None = None,
) -> ir.Table:
    """Per known user: ``user_id, email, email_domain, first_seen, last_seen, signed_up,
    account_id, account_via``.

    ``account_via`` says how the account was found: ``group`` (a group call or context.groupId),
    ``domain`` (the account whose domain trait matches the e-mail) or ``email`` (no such account:
    the domain itself names it). ``mapping`` (:func:`person_map`), ``senders``
    (:func:`sender_facts` as of ``as_of``) and ``groups`` (:func:`group_calls`): when the
    caller has them (a scoring frame, a store that keeps them); else read from ``events``.
    """
    if mapping is None:
        mapping = person_map(events, as_of)
    if senders is None:
        senders = sender_facts(_before(events.select(*ACCOUNT_COLUMNS), as_of))
    people = people_of(senders, mapping)
    return attach_accounts(people, account_domains(events, as_of, groups=groups), freemail)


def sender_facts(events: ir.Table, **by: Any) -> ir.Table:
    """What a person's facts are made of (:func:`people_of`), per id that sent the calls (``sender``:
    the userId, else the anonymousId; ``has_user``: whether the calls carried a userId) and
    per ``by`` (expressions of ``events``, such as an interval of time): ``first`` and
    ``last`` call, the first :data:`SIGN_UP` (``signed``), the latest group (``grp`` at
    ``grp_at``) and e-mail (``mail`` at ``mail_at``). A few rows per person, which
    :func:`people_of` reduces further."""
    import ibis

    email = events.traits["email"].unwrap_as("string")
    marked = events.select(
        sender=events.user_id.coalesce(events.anonymous_id),
        has_user=events.user_id.notnull(),
        timestamp=events.timestamp,
        signs_up=(events.type == "track") & (events.event == SIGN_UP),
        group_id=events.group_id,
        email=ibis.ifelse(events.type != "group", email, ibis.null()),
        **by,
    )
    marked = marked.filter(marked.sender.notnull())
    has_group, has_email = marked.group_id.notnull(), marked.email.notnull()
    return marked.group_by("sender", "has_user", *by).agg(
        first=marked.timestamp.min(),
        last=marked.timestamp.max(),
        signed=marked.timestamp.min(where=marked.signs_up),
        grp=marked.group_id.argmax(marked.timestamp, where=has_group),
        grp_at=marked.timestamp.max(where=has_group),
        mail=marked.email.argmax(marked.timestamp, where=has_email),
        mail_at=marked.timestamp.max(where=has_email),
    )


def people_of(senders: ir.Table, mapping: ir.Table, by: tuple[str, ...] = ()) -> ir.Table:
    """Per known person: ``user_id, first_seen, last_seen, signed_up`` (their first
    :data:`SIGN_UP`), ``group_account`` (their latest group) and ``email`` (their latest e-mail
    trait), from the facts of each of their ids (:func:`sender_facts`, with ``mapping`` from
    :func:`person_map`): an id stands for the person it is linked to, and an anonymous id never
    linked to a user for no one.

    ``by``: columns of ``senders`` that keep sets of them apart (each date's), matched with
    ``mapping``'s where it has them.
    """
    on = [c for c in by if c in mapping.columns]
    links = mapping.select(
        l_from="from_id", l_person="person_id", **{f"l_{c}": mapping[c] for c in on}
    )
    same = [senders.sender == links.l_from, *(senders[c] == links[f"l_{c}"] for c in on)]
    return people_from(senders.left_join(links, same), by)


def people_from(joined: ir.Table, by: tuple[str, ...] = ()) -> ir.Table:
    """:func:`people_of` from the senders already joined to the person each id is linked to
    (``l_person``, null for an id not linked)."""
    known = joined.filter(joined.has_user | joined.l_person.notnull())
    person = known.l_person.coalesce(known.sender)
    return known.group_by(*by, user_id=person).agg(**person_facts(known))


def person_facts(rows: ir.Table) -> dict[str, Any]:
    """A person's facts from their ids' (:func:`sender_facts`' columns), to group by person:
    ``first_seen``, ``last_seen``, ``signed_up``, the latest ``group_account`` and ``email``."""
    return {
        "first_seen": rows["first"].min(),
        "last_seen": rows["last"].max(),
        "signed_up": rows.signed.min(),
        "group_account": rows.grp.argmax(rows.grp_at, where=rows.grp.notnull()),
        "email": rows.mail.argmax(rows.mail_at, where=rows.mail.notnull()),
    }


def attach_accounts(
    people: ir.Table,
    claims: ir.Table,
    freemail: frozenset[str] = FREEMAIL_DOMAINS,
    by: tuple[str, ...] = (),
) -> ir.Table:
    """:func:`people_of` with each person's account (see :func:`user_accounts`).

    ``claims`` is :func:`account_domains`; ``by``: columns both carry that must match too
    (``as_of``: each date's people with that date's claims).
    """
    import ibis

    facts = (*by, "user_id", "first_seen", "last_seen", "group_account", "email")
    more = [c for c in people.columns if c not in facts]  # carried through (signed_up)
    joined = people.select(*facts, *more, email_domain=email_domain(people.email)).view()
    if by:
        claims = claims.select(
            "domain", "domain_account", **{f"c_{c}": claims[c] for c in by}
        ).view()
    same = [joined.email_domain == claims.domain]
    same += [joined[c] == claims[f"c_{c}"] for c in by]
    joined = joined.left_join(claims, same)
    is_free = joined.email_domain.isin(sorted(freemail))
    domain_only = ibis.ifelse(
        joined.email_domain.notnull() & ~is_free,
        ibis.literal(DOMAIN_ACCOUNT_PREFIX) + joined.email_domain,
        ibis.null(),
    )
    account = joined.group_account.coalesce(joined.domain_account, domain_only)
    via = ibis.cases(
        (joined.group_account.notnull(), "group"),
        (joined.domain_account.notnull(), "domain"),
        (domain_only.notnull(), "email"),
        else_=ibis.null(),
    )
    return joined.select(
        *by,
        "user_id",
        "email",
        "email_domain",
        "first_seen",
        "last_seen",
        *more,
        account_id=account,
        account_via=via.cast("string"),
    )


def group_calls(events: ir.Table, **values: Any) -> ir.Table:
    """Every ``group`` call that names a groupId: ``group_id``, ``timestamp``, the ``domain``
    and ``website`` traits it gave (strings as given) and ``values`` (expressions of
    ``events``) — what an account's claim to a domain is read from (few: 165k of 20M events)."""
    calls = events.filter((events.type == "group") & events.group_id.notnull())
    return calls.select(
        "group_id",
        "timestamp",
        domain=calls.traits["domain"].unwrap_as("string"),
        website=calls.traits["website"].unwrap_as("string"),
        **values,
    )


def account_domains(
    events: ir.Table,
    as_of: AsOf | None = None,
    *,
    dates: ir.Table | None = None,
    groups: ir.Table | None = None,
) -> ir.Table:
    """``domain → domain_account``: the first account whose ``domain`` trait claims each domain.

    With ``dates`` (a table of ``as_of`` times and any columns naming them), each date's claims:
    the dates' columns, ``domain``, ``domain_account``. ``groups``: the log's
    :func:`group_calls`, when a store keeps them; else read from ``events``.
    """
    said = claim_calls(events, as_of, groups)
    by: tuple[str, ...] = ()
    if dates is not None:
        said = before_each(said, dates)
        by = tuple(dates.columns)
    current = said.group_by(*by, "group_id").agg(**group_claims(said))
    return first_claims(current, by)


def claim_calls(
    events: ir.Table, as_of: AsOf | None = None, groups: ir.Table | None = None
) -> ir.Table:
    """The group calls before ``as_of`` (``groups``: :func:`group_calls`, if kept): ``group_id``,
    ``timestamp``, ``has_domain``, ``has_website`` and the ``domain`` and ``website`` traits
    normalized (:func:`normalize_domain`), read once for any number of dates."""
    groups = _before(group_calls(events) if groups is None else groups, as_of)
    return groups.select(
        "group_id",
        "timestamp",
        has_domain=groups.domain.notnull(),
        has_website=groups.website.notnull(),
        domain=normalize_domain(groups.domain),
        website=normalize_domain(groups.website),
    )


def group_claims(said: ir.Table) -> dict[str, Any]:
    """What a group's calls (:func:`claim_calls`) say of its claim, to group by group: its
    first call (``since``), its latest domain trait (``domain``, given at ``domain_at``), else
    its latest website."""
    return {
        "since": said.timestamp.min(),
        "domain_at": said.timestamp.max(where=said.has_domain),
        "domain": said.domain.argmax(said.timestamp, where=said.has_domain),
        "website": said.website.argmax(said.timestamp, where=said.has_website),
    }


def first_claims(current: ir.Table, by: tuple[str, ...] = ()) -> ir.Table:
    """:func:`account_domains` from each group's :func:`group_claims` (``current``, per
    ``group_id`` and ``by``)."""
    import ibis

    claimed = current.select(
        *by,
        "group_id",
        "since",
        domain=ibis.ifelse(current.domain_at.notnull(), current.domain, current.website),
    )
    claimed = claimed.filter(claimed.domain.notnull())
    rank = ibis.row_number().over(
        group_by=[*(claimed[c] for c in by), claimed.domain],
        order_by=[claimed.since, claimed.group_id],
    )
    ranked = claimed.mutate(rank=rank)
    return ranked.filter(ranked.rank == 0).select(*by, "domain", domain_account=ranked.group_id)


def before_each(events: ir.Table, dates: ir.Table) -> ir.Table:
    """Each event once for every date (a row of ``dates``, its time ``as_of``) it comes before,
    with the date's columns.

    For the few calls read in full at every date (group calls); the event log itself is never
    joined to every date (see :mod:`pqlkit.compile.dated_frame`).
    """
    joined = events.join(dates, events.timestamp < dates.as_of)
    return joined.select(*events.columns, *(joined[c] for c in dates.columns))


def accounts(events: ir.Table, as_of: AsOf | None = None) -> ir.Table:
    """Every account with ``account_id, name, domain, users, first_seen, last_seen``.

    Accounts come from group calls and ``context.groupId``, and from company e-mail domains that
    no account claims.
    """
    import ibis

    members = user_accounts(events, as_of).filter(lambda t: t.account_id.notnull())
    by_account = members.group_by("account_id").agg(
        users=members.user_id.nunique(),
        first_seen=members.first_seen.min(),
        last_seen=members.last_seen.max(),
    )
    known = _before(events, as_of)
    groups = known.filter(known.group_id.notnull())
    group_ids = groups.group_by(g_account="group_id").agg(
        g_first=groups.timestamp.min(), g_last=groups.timestamp.max()
    )
    traits = latest_traits(
        groups.filter(groups.type == "group"), "group_id", {"name": "string", "domain": "string"}
    )
    everything = group_ids.outer_join(by_account, group_ids.g_account == by_account.account_id)
    everything = everything.select(
        account_id=everything.g_account.coalesce(everything.account_id),
        users=everything.users.coalesce(0),
        first_seen=ibis.least(everything.g_first, everything.first_seen),
        last_seen=ibis.greatest(everything.g_last, everything.last_seen),
    ).view()
    with_traits = everything.left_join(traits, everything.account_id == traits.group_id)
    return with_traits.select(
        "account_id",
        name=with_traits.name,
        domain=normalize_domain(with_traits.domain).coalesce(
            with_traits.account_id.re_extract(r"^domain:(.*)$", 1).nullif("")
        ),
        users=with_traits.users,
        first_seen=with_traits.first_seen,
        last_seen=with_traits.last_seen,
    )
