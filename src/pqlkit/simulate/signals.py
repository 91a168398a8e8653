"""What an account had done before a moment: the signals its decision to buy depends on.

Each kind of event that matters (sessions, core-feature use, invitations, paywall hits,
enterprise-feature views, pricing and billing views, checkouts, first use of each feature) is
indexed once as sorted (account, time) keys, so the signals of every account at any moment — in a
window such as "the last 14 days" or since signup — are binary searches, not rescans of the
events. Only events strictly before the moment count.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pqlkit.simulate.catalog import Catalog, Kind
from pqlkit.simulate.clock import DAY, F64, I64, Bool
from pqlkit.simulate.company import Population
from pqlkit.simulate.frame import EventFrame
from pqlkit.simulate.sessions import Sessions
from pqlkit.simulate.signup import Funnel


@dataclass(frozen=True)
class Signals:
    """What each account had done before a decision moment."""

    members: F64
    max_seniority: F64
    sessions_14d: F64
    active_users_14d: F64
    core_30d: F64
    distinct_features: F64
    activated: Bool
    activated_fast: Bool
    invites: F64
    paywall_hits_30d: F64
    enterprise_views: F64
    pricing_views_14d: F64
    checkouts_30d: F64


class Timeline:
    """Times of one kind of event, per account, sorted: counts in a window by binary search."""

    def __init__(self, owner: I64, t: I64, sessions: Sessions) -> None:
        self._base = sessions.base_us
        self._width = sessions.width_ms
        self._key = np.sort(owner * self._width + self._ms(t))

    def _ms(self, t: I64) -> I64:
        return np.clip((t - self._base) // 1000, 0, self._width - 1)

    def count(self, owner: I64, since: I64, until: I64) -> F64:
        """Events of each owner at or after ``since`` and strictly before ``until``."""
        lo = np.searchsorted(self._key, owner * self._width + self._ms(since), side="left")
        hi = np.searchsorted(self._key, owner * self._width + self._ms(until), side="left")
        counts: F64 = np.maximum(hi - lo, 0).astype(np.float64)
        return counts


class History:
    """Everything the signals are measured from, indexed once for many decision moments."""

    def __init__(
        self,
        population: Population,
        sessions: Sessions,
        funnel: Funnel,
        catalog: Catalog,
        events: EventFrame,
    ) -> None:
        self.population = population
        self.sessions = sessions
        self.funnel = funnel
        users = population.users
        kind = catalog.kind_of[events.code]
        account = users.account[events.user]
        known = events.known

        def timeline(*kinds: Kind) -> Timeline:
            rows = known & catalog.is_kind(events.code, *kinds)
            return Timeline(account[rows], events.t[rows], sessions)

        self.session_account = users.account[sessions.user]
        self.session_order = np.lexsort((sessions.start, self.session_account))
        self.session_key = (
            self.session_account[self.session_order] * sessions.width_ms
            + (sessions.start[self.session_order] - sessions.base_us) // 1000
        )
        self.sessions_by_account = Timeline(self.session_account, sessions.start, sessions)
        self.core = timeline(Kind.CORE)
        self.invites = timeline(Kind.INVITE)
        self.paywall = timeline(Kind.PAYWALL)
        self.enterprise = timeline(Kind.ENTERPRISE)
        self.pricing = timeline(Kind.PRICING_PAGE, Kind.BILLING_PAGE)
        self.checkout = timeline(Kind.CHECKOUT)

        # first use of each feature by each account: distinct features used before a moment
        used = known & catalog.is_kind(events.code, Kind.CORE, Kind.FEATURE, Kind.ADVANCED)
        slot = (kind[used] - Kind.CORE) * 16 + catalog.detail_of[events.code[used]]
        cell = account[used] * 64 + slot
        first_use = np.full(population.accounts.count * 64, np.iinfo(np.int64).max)
        np.minimum.at(first_use, cell, events.t[used])
        seen = np.flatnonzero(first_use < np.iinfo(np.int64).max)
        self.features = Timeline(seen // 64, first_use[seen], sessions)

    def measure(self, moment: I64) -> Signals:
        """Each account's signals from its events strictly before its moment (-1: none)."""
        users = self.population.users
        a_count = self.population.accounts.count
        accounts = np.arange(a_count, dtype=np.int64)
        never = np.iinfo(np.int64).min // 2
        until = np.where(moment >= 0, moment, never)
        start = np.full(a_count, never)

        def per_account(account: I64, weights: F64 | None = None) -> F64:
            return np.bincount(account, weights=weights, minlength=a_count).astype(np.float64)

        user_until = until[users.account]
        member = users.signup_at < user_until
        seniority = np.zeros(a_count, dtype=np.float64)
        np.maximum.at(seniority, users.account[member], users.seniority[member].astype(np.float64))
        everyone = np.arange(users.count, dtype=np.int64)
        user_sessions = _count_sessions(self.sessions, everyone, user_until - 14 * DAY, user_until)
        activated_at = self.funnel.activated_at
        activated = (activated_at >= 0) & (activated_at < user_until)
        fast = activated & (activated_at - users.signup_at <= 7 * DAY)

        return Signals(
            members=per_account(users.account[member]),
            max_seniority=seniority,
            sessions_14d=self.sessions_by_account.count(accounts, until - 14 * DAY, until),
            active_users_14d=per_account(users.account, (user_sessions > 0).astype(np.float64)),
            core_30d=self.core.count(accounts, until - 30 * DAY, until),
            distinct_features=self.features.count(accounts, start, until),
            activated=per_account(users.account[activated]) > 0,
            activated_fast=per_account(users.account[fast]) > 0,
            invites=self.invites.count(accounts, start, until),
            paywall_hits_30d=self.paywall.count(accounts, until - 30 * DAY, until),
            enterprise_views=self.enterprise.count(accounts, start, until),
            pricing_views_14d=self.pricing.count(accounts, until - 14 * DAY, until),
            checkouts_30d=self.checkout.count(accounts, until - 30 * DAY, until),
        )


def _count_sessions(sessions: Sessions, users: I64, since: I64, until: I64) -> F64:
    def key(t: I64) -> I64:
        return users * sessions.width_ms + np.clip(
            (t - sessions.base_us) // 1000, 0, sessions.width_ms - 1
        )

    lo = np.searchsorted(sessions.key, key(since), side="left")
    hi = np.searchsorted(sessions.key, key(until), side="left")
    counts: F64 = np.maximum(hi - lo, 0).astype(np.float64)
    return counts
