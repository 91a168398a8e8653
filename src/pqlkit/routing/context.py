"""Who a lead is and what they did: account context and key actions, from the event log.

Five reads (:class:`LogReads`) for all the routed entities together (never one per entity),
as of the scoring time — Ibis queries on an event table (:class:`LogTable`), or the server's
live identity and one plain statement (:class:`pqlkit.server.served_log.ServedLog`); the rest
in Python over the few rows they return: the person (e-mail, name, title), their account
(company, domain, size, industry, country, plan), the account's other users active in the last
14 days, the most senior user of the domain by title, and the key actions — the events they
did most in the last 7 days, with counts and dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from pqlkit.triggers.identity_state import person_name

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


class LogReads(Protocol):
    """Where :func:`entity_contexts` reads who people are and what they did, as of a time."""

    def people(self, ids: list[str], kind: str, as_of: datetime) -> list[dict[str, Any]]:
        """The entities' users and everyone in their accounts: user_id, email, account_id."""
        ...

    def linked(self, people: list[str], as_of: datetime) -> dict[str, str]:
        """Every other id whose calls are one of ``people``'s: id → person."""
        ...

    def traits(
        self, people: list[str], linked: Mapping[str, str], as_of: datetime
    ) -> dict[str, dict[str, Any]]:
        """Person → their latest ``title`` and ``name`` (as the latest identify call that
        gives one says it: :func:`~pqlkit.triggers.identity_state.person_name`) over their
        own and their ``linked`` ids' calls."""
        ...

    def recent(self, ids: list[str], since: datetime, as_of: datetime) -> list[dict[str, Any]]:
        """The calls in [``since``, ``as_of``) whose user or anonymous id is one of ``ids``:
        user_id, anonymous_id, type, event, timestamp; oldest first."""
        ...

    def account_traits(self, accounts: list[str], as_of: datetime) -> dict[str, dict[str, Any]]:
        """Account → the latest non-null value of each of its group traits."""
        ...


class LogTable:
    """The reads as Ibis queries on an event table (``pql route``'s, a test's store)."""

    def __init__(self, events: ir.Table) -> None:
        self.events = events

    def people(self, ids: list[str], kind: str, as_of: datetime) -> list[dict[str, Any]]:
        from pqlkit.events.identity import user_accounts

        members = user_accounts(self.events, as_of)
        if kind == "user":
            own = members.filter(members.user_id.isin(ids) & members.account_id.notnull())
            wanted = members.user_id.isin(ids) | members.account_id.isin(own.account_id)
        else:
            wanted = members.account_id.isin(ids)
        rows = members.filter(wanted).select("user_id", "email", "account_id")
        found: list[dict[str, Any]] = rows.to_pyarrow().to_pylist()
        return found

    def linked(self, people: list[str], as_of: datetime) -> dict[str, str]:
        from pqlkit.events.identity import _canonical_map, identity_links

        mapping = _canonical_map(identity_links(self.events, as_of))
        rows = mapping.filter(mapping.person_id.isin(people)).to_pyarrow().to_pylist()
        return {r["from_id"]: r["person_id"] for r in rows}

    def traits(
        self, people: list[str], linked: Mapping[str, str], as_of: datetime
    ) -> dict[str, dict[str, Any]]:
        events, wanted = self.events, set(people)
        ids = sorted(set(linked) | wanted)
        rows = (
            events.filter(
                (events.type == "identify")
                & (events.timestamp < as_of)
                & (events.user_id.isin(ids) | events.anonymous_id.isin(ids))
            )
            .select("user_id", "anonymous_id", "timestamp", "traits")
            .order_by("timestamp")
            .to_pyarrow()
            .to_pylist()
        )
        found: dict[str, dict[str, Any]] = {}
        for row in rows:
            person = _person_of(row, linked)
            if person not in wanted:
                continue
            said = _json(row["traits"])
            for name, value in (("title", said.get("title")), ("name", person_name(said))):
                if value is not None:
                    found.setdefault(person, {})[name] = value
        return found

    def recent(self, ids: list[str], since: datetime, as_of: datetime) -> list[dict[str, Any]]:
        events = self.events
        found: list[dict[str, Any]] = (
            events.filter(
                (events.timestamp >= since)
                & (events.timestamp < as_of)
                & (events.user_id.isin(ids) | events.anonymous_id.isin(ids))
            )
            .select(*CALL_COLUMNS)
            .order_by("timestamp")
            .to_pyarrow()
            .to_pylist()
        )
        return found

    def account_traits(self, accounts: list[str], as_of: datetime) -> dict[str, dict[str, Any]]:
        events = self.events
        rows = (
            events.filter(
                (events.type == "group")
                & events.group_id.isin(accounts)
                & (events.timestamp < as_of)
            )
            .select("group_id", "timestamp", "traits")
            .order_by("timestamp")
            .to_pyarrow()
            .to_pylist()
        )
        found: dict[str, dict[str, Any]] = {}
        for row in rows:
            for name, value in _json(row["traits"]).items():
                if value is not None:
                    found.setdefault(row["group_id"], {})[name] = value
        return found


CALL_COLUMNS = ("user_id", "anonymous_id", "type", "event", "timestamp")


def _person_of(row: Mapping[str, Any], linked: Mapping[str, str]) -> str | None:
    """Whom a call is about: its user (followed through the links), else its anonymous id
    once linked."""
    user, anonymous = row["user_id"], row["anonymous_id"]
    return linked.get(user, user) if user is not None else linked.get(anonymous)


def entity_contexts(
    log: LogReads,
    entity_ids: Iterable[str],
    kind: str,
    as_of: datetime,
) -> dict[str, EntityContext]:
    """Context of each entity as of ``as_of``, in five reads whatever their number."""
    ids = sorted(set(entity_ids))
    if not ids:
        return {}
    people_rows = log.people(ids, kind, as_of)
    account_of = {r["user_id"]: r["account_id"] for r in people_rows}
    accounts = (
        ids if kind == "account" else sorted({account_of[i] for i in ids if account_of.get(i)})
    )
    people_ids = sorted(account_of)
    calls = _calls_of(log, people_ids, as_of)
    people = {
        r["user_id"]: _person(r["user_id"], r["email"], calls.traits.get(r["user_id"], {}))
        for r in people_rows
    }
    by_account: dict[str, list[str]] = defaultdict(list)
    for row in people_rows:
        if row["account_id"]:
            by_account[row["account_id"]].append(row["user_id"])
    facts_of = log.account_traits(accounts, as_of) if accounts else {}

    out = {}
    for entity in ids:
        account = account_of.get(entity) if kind == "user" else entity
        team = sorted(by_account.get(account or "", []))
        facts = facts_of.get(account or "", {})
        actors = [entity] if kind == "user" else team
        others = tuple(people[u] for u in team if u in calls.active and u != entity and u in people)
        titled = [people[u] for u in team if u in people and seniority(people[u].title) < 9]
        senior = min(titled, key=lambda p: (seniority(p.title), p.user_id), default=None)
        domain = _text(facts.get("domain")) or _domain_of(account)
        if domain is None and kind == "user" and entity in people:
            domain = (people[entity].email or "").partition("@")[2] or None
        out[entity] = EntityContext(
            entity_id=entity,
            person=people.get(entity) if kind == "user" else None,
            account_id=account,
            company=_text(facts.get("name")),
            domain=domain,
            employees=_float(facts.get("employees")),
            industry=_text(facts.get("industry")),
            country=_text(facts.get("country")),
            plan=_text(facts.get("plan")),
            other_active_users=others,
            most_senior=senior,
            key_actions=_word_actions(calls.actions, actors, as_of),
        )
    return out


@dataclass
class _Calls:
    traits: dict[str, dict[str, Any]]  # person → latest non-null identify traits
    active: set[str]  # people active in the last 14 days
    actions: dict[str, dict[str, tuple[int, datetime]]]  # person → event → (count, last)


def _calls_of(log: LogReads, people: list[str], as_of: datetime) -> _Calls:
    """The people's traits and recent events, with every id linked to them."""
    calls = _Calls({}, set(), defaultdict(dict))
    wanted = set(people)
    if not people:
        return calls
    person_of = log.linked(people, as_of)
    calls.traits = log.traits(people, person_of, as_of)
    raw = sorted(set(person_of) | wanted)
    counts: dict[tuple[str, str], list[Any]] = {}
    for row in log.recent(raw, as_of - ACTIVE_WINDOW, as_of):
        person = _person_of(row, person_of)  # an anonymous id counts once it is linked
        if person not in wanted:
            continue
        calls.active.add(person)
        if row["type"] == "track" and row["event"] and row["timestamp"] >= as_of - ACTIONS_WINDOW:
            entry = counts.setdefault((person, row["event"]), [0, row["timestamp"]])
            entry[0] += 1
            entry[1] = max(entry[1], row["timestamp"])
    for (person, event), (n, last) in counts.items():
        calls.actions[person][event] = (n, last)
    return calls


def _person(user: str, email: str | None, traits: dict[str, Any]) -> Person:
    return Person(user, email, _text(traits.get("name")), _text(traits.get("title")))


def _json(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, str | bytes):
        import orjson

        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError:
            return {}
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _domain_of(account: str | None) -> str | None:
    if account and account.startswith("domain:"):
        return account.removeprefix("domain:")
    return None


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
