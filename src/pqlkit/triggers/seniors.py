"""Who an alert of ``assign_to: most_senior`` goes to, as known when its event arrived.

Among the known people whose company e-mail domain (``per: domain``) or account (``per:
account``) was the alert's key at that moment, the one whose title ranks highest
(:func:`pqlkit.triggers.seniority.seniority`); ties go to the one seen first (the earliest
timestamp of their known calls that had arrived), then to the smallest user id. The candidates
are every id with an e-mail (or group) fact pointing at the key; each is then resolved as a probe
(:func:`pqlkit.triggers.asof.identify`) and kept only if its person's identity then matches.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.events import identity
from pqlkit.events.identity import DOMAIN_ACCOUNT_PREFIX
from pqlkit.model.schema import Trigger
from pqlkit.triggers import asof
from pqlkit.triggers.arrival import at_or_before
from pqlkit.triggers.seniority import seniority

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

_SEPARATOR = "\x1f"  # between an alert's message id and a candidate id in a probe's name


def most_senior(arrivals: asof.Arrivals, trigger: Trigger, fired: pa.Table) -> dict[str, str]:
    """Fired message id → the most senior person of its key, as known at its arrival
    (``fired``: the firing hits, :func:`pqlkit.triggers.batch.trigger_hits`' columns)."""
    import ibis

    columns = {"alert": "message_id", "key": "key", "p_at": "arrival", "p_mid": "message_id"}
    alerts = ibis.memtable(
        fired.select(list(columns.values())).rename_columns(list(columns)),
        schema={"alert": "string", "key": "string", "p_at": "timestamp", "p_mid": "string"},
    )
    per_account = trigger.per == "account"
    found = _candidates(arrivals, alerts, per_account)
    probes = found.select(
        probe=found.alert + _SEPARATOR + found.raw,
        raw=found.raw,
        user=ibis.literal(False),
        p_at=found.p_at,
        p_mid=found.p_mid,
    )
    known = asof.identify(
        arrivals,
        probes,
        email=True,
        account=per_account,
        title=True,
        seen=True,
    )
    people: dict[str, dict[str, tuple[int, datetime, str]]] = defaultdict(dict)
    keys = dict(
        zip(fired.column("message_id").to_pylist(), fired.column("key").to_pylist(), strict=True)
    )
    for row in known.to_pyarrow().to_pylist():
        alert = row["probe"].split(_SEPARATOR, 1)[0]
        belongs = row["account"] if per_account else row["email_domain"]
        if belongs == keys[alert]:
            person = row["person"]
            people[alert][person] = (-seniority(row["title"]), row["seen"], person)
    return {alert: min(ranks.values())[2] for alert, ranks in people.items()}


def _candidates(arrivals: asof.Arrivals, alerts: ir.Table, per_account: bool) -> ir.Table:
    """``alert, raw, p_at, p_mid``: ids that may belong to the alert's key (a superset)."""
    import ibis

    base = arrivals.base
    emails = arrivals.facts("email")
    emails = emails.mutate(f_domain=identity.email_domain(emails.f_value))
    domains = alerts.select(
        "alert", "p_at", "p_mid", domain=alerts.key.re_replace(f"^{DOMAIN_ACCOUNT_PREFIX}", "")
    )
    if per_account:
        domains = ibis.union(domains, _claimed(arrivals.groups(), alerts), distinct=True)
    by_email = domains.join(
        emails,
        (emails.f_domain == domains.domain)
        & at_or_before(emails.f_at, emails.f_mid, domains.p_at, domains.p_mid),
    ).select("alert", "p_at", "p_mid", raw="f_raw")
    if not per_account:
        return by_email.distinct()
    groups = asof.facts(base, "group")
    by_group = alerts.join(
        groups,
        (groups.f_value == alerts.key)
        & at_or_before(groups.f_at, groups.f_mid, alerts.p_at, alerts.p_mid),
    ).select("alert", "p_at", "p_mid", raw="f_raw")
    return ibis.union(by_email, by_group, distinct=True)


def _claimed(calls: ir.Table, alerts: ir.Table) -> ir.Table:
    """``alert, p_at, p_mid, domain``: every domain the alert's account has named (``calls``:
    the group calls that had arrived, :meth:`pqlkit.triggers.asof.Arrivals.groups`)."""
    import ibis

    said = ibis.union(
        *[
            calls.select(
                g=calls.group_id,
                c_at=calls.arrival,
                c_mid=calls.message_id,
                domain=identity.normalize_domain(calls[name]),
            )
            for name in ("domain", "website")
        ],
        distinct=False,
    )
    joined = alerts.join(
        said,
        (said.g == alerts.key) & at_or_before(said.c_at, said.c_mid, alerts.p_at, alerts.p_mid),
    )
    return joined.select("alert", "p_at", "p_mid", "domain").filter(lambda t: t.domain.notnull())
