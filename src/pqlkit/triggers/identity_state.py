"""Identity as known now, kept up to date one event at a time (the real-time evaluator's half).

The rules are :mod:`pqlkit.events.identity`'s, applied to the events that have arrived so far;
:mod:`pqlkit.triggers.asof` computes the same thing in the engine for any past arrival:

* an ``alias`` call links ``previousId`` → ``userId``; any call carrying both an anonymousId and
  a userId links the anonymous id to the user. An id keeps the user of its **first link to
  arrive**, so a link never moves once made; chains are followed up to ``MAX_HOPS`` links.
* a call is about ``userId`` (else ``anonymousId``) followed through the links: its *person*. A
  call with only an anonymousId that no link has claimed is about no one known.
* a person's group, e-mail and title are the latest (by timestamp, then message id) among the
  calls of every id that resolves to them — anonymous calls count once their id is linked. So
  is their name (:func:`person_name`), and an account's own traits (``ACCOUNT_TRAITS``) are
  the latest among its group calls: what routing reads for an alert
  (:mod:`pqlkit.server.served_log`) without a query of the log.
* a person's account: their group, else the account claiming their e-mail's domain (the group
  first seen earliest among those whose latest ``domain``, else ``website``, trait names it),
  else the domain itself (``domain:acme.com``) unless it is a free-mail domain.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pqlkit.events.freemail import FREEMAIL_DOMAINS
from pqlkit.events.identity import DOMAIN_ACCOUNT_PREFIX, MAX_HOPS
from pqlkit.triggers.matching import as_text

Slot = tuple[str, bool]  # an id, and whether its calls carried a userId (else: anonymous calls)
KINDS = ("group", "email", "title")  # what the triggers' keys and seniority read
NAME = "name"  # what a hand-off calls a person (see person_name)
ACCOUNT_TRAITS = ("name", "employees", "industry", "country", "plan")  # and their account
_BLANKS = " \t\n\r\v\f"  # what the engines' TRIM removes


@dataclass(frozen=True, order=True)
class Fact:
    """A timestamped value: the latest (by timestamp, then message id) wins."""

    timestamp: datetime
    message_id: str
    value: str


def newer(current: Fact | None, candidate: Fact | None) -> Fact | None:
    if current is None or (candidate is not None and candidate > current):
        return candidate
    return current


def normalize_domain(value: str | None) -> str | None:
    """``https://www.Acme.com/about`` → ``acme.com`` (as :func:`identity.normalize_domain`)."""
    if value is None:
        return None
    text = value.strip(_BLANKS).lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = re.sub(r"^www\.", "", text)
    text = re.sub(r"[/:?#].*$", "", text)
    return text or None


def email_domain(email: str | None) -> str | None:
    if email is None:
        return None
    text = email.strip(_BLANKS).lower()
    if "@" not in text:
        return None
    return text.partition("@")[2] or None


def _trimmed(value: Any) -> str | None:
    text = value.strip(_BLANKS) if isinstance(value, str) else ""
    return text or None


def person_name(traits: Mapping[str, Any]) -> str | None:
    """What a call's traits name its person: ``name``, else ``first_name`` and ``last_name``."""
    parts = (_trimmed(traits.get("first_name")), _trimmed(traits.get("last_name")))
    return _trimmed(traits.get("name")) or " ".join(p for p in parts if p) or None


def trait_text(value: Any) -> str | None:
    """A trait's value as text, as the engines' JSON ``->>`` gives it: text, or a number."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


@dataclass
class Group:
    """An account's own facts: when it was first seen, the domain it claims, its traits."""

    since: datetime
    domain: Fact | None = None
    website: Fact | None = None
    traits: dict[str, Fact] = field(default_factory=dict)  # ACCOUNT_TRAITS

    @property
    def claims(self) -> str | None:
        latest = self.domain or self.website
        return normalize_domain(latest.value if latest else None)


@dataclass
class IdentityState:
    links: dict[str, str] = field(default_factory=dict)  # id → the user it first linked to
    linked_from: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[str, dict[Slot, Fact]] = field(
        default_factory=lambda: {k: {} for k in (*KINDS, NAME)}
    )
    seen: dict[Slot, datetime] = field(default_factory=dict)  # each slot's earliest call
    groups: dict[str, Group] = field(default_factory=dict)
    claimants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # (kind, group id or e-mail domain) → the slots whose own latest fact says so
    holders: dict[tuple[str, str], set[Slot]] = field(default_factory=lambda: defaultdict(set))

    # -- learning from events ------------------------------------------------------------------

    def observe(self, row: Mapping[str, Any], traits: dict[str, Any] | None) -> None:
        """Take in one call (``traits`` already decoded)."""
        user, anonymous = row.get("user_id"), row.get("anonymous_id")
        group_id = row.get("group_id")
        if user is not None:
            if row["type"] == "alias" and row.get("previous_id") is not None:
                self.link(row["previous_id"], user)
            if anonymous is not None:
                self.link(anonymous, user)
        raw = user if user is not None else anonymous
        stamp = (row["timestamp"], row["message_id"])
        if raw is not None:
            slot = (raw, user is not None)
            self.see(slot, row["timestamp"])
            if group_id is not None:
                self.learn("group", slot, Fact(*stamp, group_id))
            if row["type"] != "group" and traits:
                for kind in ("email", "title"):
                    value = as_text(traits.get(kind))
                    if value is not None:
                        self.learn(kind, slot, Fact(*stamp, value))
                name = person_name(traits)
                if name is not None:
                    self.learn(NAME, slot, Fact(*stamp, name))
        if row["type"] == "group" and group_id is not None:
            self.learn_group(group_id, row["timestamp"], row["message_id"], traits)

    def see(self, slot: Slot, timestamp: datetime) -> None:
        first = self.seen.get(slot)
        if first is None or timestamp < first:
            self.seen[slot] = timestamp

    def link(self, source: str, user: str) -> None:
        if source != user and source not in self.links:
            self.links[source] = user
            self.linked_from[user].add(source)

    def learn(self, kind: str, slot: Slot, fact: Fact) -> None:
        current = self.facts[kind].get(slot)
        if newer(current, fact) is current:
            return
        self.facts[kind][slot] = fact
        if kind in ("group", "email"):  # indexed: who belongs to an account or a domain
            if current is not None:
                self.holders[(kind, _held(kind, current))].discard(slot)
            self.holders[(kind, _held(kind, fact))].add(slot)

    def learn_group(
        self, group_id: str, timestamp: datetime, message_id: str, traits: dict[str, Any] | None
    ) -> None:
        group = self.groups.get(group_id)
        if group is None:
            group = self.groups[group_id] = Group(since=timestamp)
        before = group.claims
        group.since = min(group.since, timestamp)
        for name in ("domain", "website"):
            value = as_text((traits or {}).get(name))
            if value is not None:
                setattr(
                    group, name, newer(getattr(group, name), Fact(timestamp, message_id, value))
                )
        for name in ACCOUNT_TRAITS:
            value = trait_text((traits or {}).get(name))
            fact = Fact(timestamp, message_id, value) if value is not None else None
            current = group.traits.get(name)
            if fact is not None and (current is None or fact > current):
                group.traits[name] = fact
        if group.claims != before:
            if before is not None:
                self.claimants[before].discard(group_id)
            if group.claims is not None:
                self.claimants[group.claims].add(group_id)

    # -- who a call is about ---------------------------------------------------------------------

    def resolve(self, raw: str) -> tuple[str, bool]:
        """The person ``raw`` stands for, and whether a link took it there."""
        person = self.links.get(raw)
        if person is None:
            return raw, False
        for _ in range(MAX_HOPS - 1):
            person = self.links.get(person, person)
        return person, True

    def person(self, user_id: str | None, anonymous_id: str | None) -> str | None:
        """Whom a call is about; ``None`` for an anonymous id no link has claimed."""
        raw = user_id if user_id is not None else anonymous_id
        if raw is None:
            return None
        person, linked = self.resolve(raw)
        return person if user_id is not None or linked else None

    def members(self, person: str) -> list[tuple[str, bool]]:
        """The ids (with whether each is linked) whose calls are ``person``'s."""
        candidates, frontier = {person}, {person}
        for _ in range(MAX_HOPS):
            frontier = {f for t in frontier for f in self.linked_from.get(t, ())}
            candidates |= frontier
        out = []
        for raw in candidates:
            resolved, linked = self.resolve(raw)
            if resolved == person:
                out.append((raw, linked))
        return out

    def first_seen(self, person: str) -> datetime | None:
        """The earliest timestamp of the person's known calls."""
        times = [
            self.seen[(raw, via)]
            for raw, linked in self.members(person)
            for via in ((True, False) if linked else (True,))
            if (raw, via) in self.seen
        ]
        return min(times, default=None)

    def fact(self, kind: str, person: str) -> Fact | None:
        """The person's latest ``kind`` fact over all their ids' known calls."""
        best: Fact | None = None
        table = self.facts[kind]
        for raw, linked in self.members(person):
            best = newer(best, table.get((raw, True)))
            if linked:  # an id's anonymous calls are known once it is linked
                best = newer(best, table.get((raw, False)))
        return best

    def person_traits(self, person: str) -> dict[str, str]:
        """The person's latest title and name (those known)."""
        found = {}
        for kind in ("title", NAME):
            fact = self.fact(kind, person)
            if fact is not None:
                found[kind] = fact.value
        return found

    def account_traits(self, account: str) -> dict[str, str]:
        """The account's latest ``domain`` and ``ACCOUNT_TRAITS`` (those known)."""
        group = self.groups.get(account)
        if group is None:
            return {}
        found = {name: fact.value for name, fact in group.traits.items()}
        if group.domain is not None:
            found["domain"] = group.domain.value
        return found

    def email_domain(self, person: str) -> str | None:
        found = self.fact("email", person)
        return email_domain(found.value) if found else None

    def title(self, person: str) -> str | None:
        found = self.fact("title", person)
        return found.value if found else None

    def claim(self, domain: str) -> str | None:
        """The account claiming a domain: the one first seen earliest."""
        groups = self.claimants.get(domain)
        if not groups:
            return None
        return min(groups, key=lambda g: (self.groups[g].since, g))

    def account(self, person: str) -> str | None:
        group = self.fact("group", person)
        if group is not None:
            return group.value
        domain = self.email_domain(person)
        if domain is None:
            return None
        claimed = self.claim(domain)
        if claimed is not None:
            return claimed
        return None if domain in FREEMAIL_DOMAINS else DOMAIN_ACCOUNT_PREFIX + domain

    # -- who belongs to a domain or an account ----------------------------------------------------

    def _people(self, slots: Iterable[Slot]) -> set[str]:
        out = set()
        for raw, via_user in slots:
            person, linked = self.resolve(raw)
            if via_user or linked:
                out.add(person)
        return out

    def people_of_domain(self, domain: str) -> set[str]:
        """Known people whose e-mail is at ``domain``."""
        found = self._people(self.holders.get(("email", domain), ()))
        return {p for p in found if self.email_domain(p) == domain}

    def people_of_account(self, account: str) -> set[str]:
        """Known people whose account is ``account``."""
        slots = set(self.holders.get(("group", account), ()))
        group = self.groups.get(account)
        domains = {
            account.removeprefix(DOMAIN_ACCOUNT_PREFIX),  # domain:acme.com
            group.claims if group is not None else None,  # the domain the account claims
        }
        for domain in domains - {None}:
            slots |= self.holders.get(("email", str(domain)), set())
        return {p for p in self._people(slots) if self.account(p) == account}


def _held(kind: str, fact: Fact) -> str:
    """What the holders index files a fact under: the group, or the e-mail's domain."""
    return fact.value if kind == "group" else email_domain(fact.value) or ""
