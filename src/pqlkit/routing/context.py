"""Who a lead is and what they did: account context and key actions, from the event log.

One query per part for all the routed entities together (never one per entity), as of the
scoring time: the person (e-mail, name, title), their account (company, domain, size,
industry, country, plan), the account's other users active in the last 14 days, the most senior
user of the domain by title, and the key actions — the events they did most in the last 7
days, with counts and dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ibis.expr.types as ir

ACTIVE_WINDOW = timedelta(days=14)
ACTIONS_WINDOW = timedelta(days=7)
MAX_ACTIONS = 3
# Events that say someone was there, not what they did: never a key action.
PRESENCE_EVENTS = frozenset({"signed in", "signed up", "signed out", "session started"})
SENIORITY = (
    (0, r"\b(chief|ceo|cto|cfo|coo|cio|cmo|founder|co-founder|president|owner)\b"),
    (1, r"\b(vp|svp|evp|vice president)\b"),
    (2, r"\bhead\b"),
    (3, r"\bdirector\b"),
    (4, r"\b(manager|lead)\b"),
)


def seniority(title: str | None) -> int:
    """0 (C-level, founder) … 4 (manager, lead); 9 for any other or no title."""
    text = (title or "").lower()
    for rank, pattern in SENIORITY:
        if re.search(pattern, text):
            return rank
    return 9


@dataclass(frozen=True)
class Person:
    user_id: str
    email: str | None = None
    name: str | None = None
    title: str | None = None

    def describe(self) -> str:
        who = self.name or self.email or self.user_id
        parts = [who]
        if self.title:
            parts.append(self.title)
        text = ", ".join(parts)
        if self.email and self.email != who:
            text += f" <{self.email}>"
        return text


@dataclass(frozen=True)
class EntityContext:
    entity_id: str
    person: Person | None = None  # the user (user models)
    account_id: str | None = None
    company: str | None = None
    domain: str | None = None
    employees: float | None = None
    industry: str | None = None
    country: str | None = None
    plan: str | None = None
    other_active_users: tuple[Person, ...] = ()
    most_senior: Person | None = None
    key_actions: tuple[str, ...] = ()


def entity_contexts(
    events: ir.Table, entity_ids: Iterable[str], kind: str, as_of: datetime
) -> dict[str, EntityContext]:
    from pqlkit.events.identity import latest_traits, resolve_events, user_accounts

    ids = sorted(set(entity_ids))
    if not ids:
        return {}
    resolved = resolve_events(events, as_of)
    members = user_accounts(events, as_of, resolved=resolved)
    if kind == "user":
        own = members.filter(members.user_id.isin(ids)).to_pyarrow().to_pylist()
        account_of = {r["user_id"]: r["account_id"] for r in own}
        accounts = sorted({a for a in account_of.values() if a})
    else:
        account_of = {}
        accounts = ids
    people_rows = (
        members.filter(members.account_id.isin(accounts) | members.user_id.isin(ids))
        .to_pyarrow()
        .to_pylist()
    )
    people_ids = sorted({r["user_id"] for r in people_rows})
    calls = resolved.filter(
        (resolved.type == "identify") & resolved.person_id.isin(people_ids) & resolved.is_known
    )
    calls = calls.mutate(who=calls.person_id)
    person_traits = latest_traits(
        calls,
        "who",
        {"name": "string", "first_name": "string", "last_name": "string", "title": "string"},
    )
    traits_of = {r["who"]: r for r in person_traits.to_pyarrow().to_pylist()}
    people: dict[str, Person] = {}
    for row in people_rows:
        traits = traits_of.get(row["user_id"], {})
        name = traits.get("name") or " ".join(
            t for t in (traits.get("first_name"), traits.get("last_name")) if t
        )
        people[row["user_id"]] = Person(
            row["user_id"], row["email"], name or None, traits.get("title")
        )
    by_account: dict[str, list[str]] = defaultdict(list)
    for row in people_rows:
        if row["account_id"]:
            by_account[row["account_id"]].append(row["user_id"])
    groups = events.filter(
        (events.type == "group") & events.group_id.isin(accounts) & (events.timestamp < as_of)
    )
    account_traits = latest_traits(
        groups,
        "group_id",
        {
            "name": "string",
            "domain": "string",
            "employees": "float64",
            "industry": "string",
            "country": "string",
            "plan": "string",
        },
    )
    facts_of = {r["group_id"]: r for r in account_traits.to_pyarrow().to_pylist()}
    recent = resolved.filter(
        (resolved.timestamp >= as_of - ACTIVE_WINDOW) & resolved.person_id.isin(people_ids)
    )
    active = {
        r["person_id"] for r in recent.select("person_id").distinct().to_pyarrow().to_pylist()
    }
    actions = _actions(resolved, people_ids, as_of)

    out = {}
    for entity in ids:
        account = account_of.get(entity) if kind == "user" else entity
        team = sorted(by_account.get(account or "", []))
        facts = facts_of.get(account or "", {})
        actors = [entity] if kind == "user" else team
        others = tuple(people[u] for u in team if u in active and u != entity and u in people)
        titled = [people[u] for u in team if u in people and people[u].title]
        senior = min(titled, key=lambda p: (seniority(p.title), p.user_id), default=None)
        if senior is not None and seniority(senior.title) == 9:
            senior = None
        domain = facts.get("domain") or _domain_of(account)
        if domain is None and kind == "user" and entity in people:
            email = people[entity].email or ""
            domain = email.partition("@")[2] or None
        out[entity] = EntityContext(
            entity_id=entity,
            person=people.get(entity) if kind == "user" else None,
            account_id=account,
            company=facts.get("name"),
            domain=domain,
            employees=facts.get("employees"),
            industry=facts.get("industry"),
            country=facts.get("country"),
            plan=facts.get("plan"),
            other_active_users=others,
            most_senior=senior,
            key_actions=_word_actions(actions, actors, as_of),
        )
    return out


def _domain_of(account: str | None) -> str | None:
    if account and account.startswith("domain:"):
        return account.removeprefix("domain:")
    return None


def _actions(
    resolved: ir.Table, people: list[str], as_of: datetime
) -> dict[str, dict[str, tuple[int, datetime]]]:
    rows = resolved.filter(
        (resolved.type == "track")
        & resolved.person_id.isin(people)
        & (resolved.timestamp >= as_of - ACTIONS_WINDOW)
        & resolved.event.notnull()
    )
    counted = rows.group_by(["person_id", "event"]).agg(n=rows.count(), last=rows.timestamp.max())
    found: dict[str, dict[str, tuple[int, datetime]]] = defaultdict(dict)
    for row in counted.to_pyarrow().to_pylist():
        found[row["person_id"]][row["event"]] = (int(row["n"]), row["last"])
    return found


def _word_actions(
    actions: dict[str, dict[str, tuple[int, datetime]]], actors: list[str], as_of: datetime
) -> tuple[str, ...]:
    """``Report Created 12 times in the last 7 days (latest 2026-03-01)``, most done first."""
    totals: dict[str, list[Any]] = {}
    for actor in actors:
        for event, (n, last) in actions.get(actor, {}).items():
            if event.strip().lower() in PRESENCE_EVENTS:
                continue
            entry = totals.setdefault(event, [0, last])
            entry[0] += n
            entry[1] = max(entry[1], last)
    ranked = sorted(
        totals.items(), key=lambda item: (-item[1][0], -item[1][1].timestamp(), item[0])
    )
    words = []
    for event, (n, last) in ranked[:MAX_ACTIONS]:
        times = "once" if n == 1 else f"{n} times"
        words.append(f"{event} {times} in the 7 days to {as_of:%Y-%m-%d} (latest {last:%Y-%m-%d})")
    return tuple(words)
