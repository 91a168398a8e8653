"""Who pays, when, and with what probability (the ground truth).

Conversion is decided per account, at a moment of its own: some weeks after the account's first
signup (a random delay, median 18 days), at the first session any member has from then on. The
member in that session is the one who converts. What the account did *before* that moment — and
only before — sets its probability of converting there:

* usage: sessions in the last 14 days (saturating; none at all hurts), the core feature used
  around 5+ times in 30 days (a soft threshold), breadth of features used;
* activation: any member completed the activation steps (more if within 7 days of signup);
* team: active teammates in the last 14 days and invitations — worth far more in large companies
  than in small ones;
* intent: paywall hits (worth much more once the account is activated), enterprise-feature views
  (worth more the bigger the company), pricing and billing views, an abandoned checkout;
* fit: company size (best around a few hundred employees, poor under 5), ideal-customer industry,
  a senior person among the members, a trial rather than the free plan;
* a hidden factor (budget, a champion) that no event reveals.

The logit is the sum of these non-linear terms plus an intercept chosen so the user-level
conversion rate lands in the configured range; an account converts when its uniform draw falls
below the resulting probability. A converting account's member starts a checkout (usually after a
look at the pricing page) and a few minutes later the backend sends ``Subscription Started`` and a
``group`` call with ``plan = paid`` at the same instant. Afterwards the team keeps using the
product, but nobody hits a paywall, starts a checkout or sees the upgrade page again, and a trial
that had not ended yet never sends ``Trial Ended``.

No rule or model can be perfect here: the hidden factor, the draw itself, and the moment of the
decision (which a model scoring at a fixed date does not know) all stand between the events and
the outcome. The probability each draw used is kept as ``true_probability``, the oracle ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pqlkit.errors import SimulationError
from pqlkit.simulate import text
from pqlkit.simulate.catalog import Catalog, Kind
from pqlkit.simulate.clock import DAY, F64, HOUR, I64, Bool
from pqlkit.simulate.company import TRIAL_DAYS, Population
from pqlkit.simulate.frame import PLAN_FREE, PLAN_PAID, PLAN_TRIAL, EventFrame
from pqlkit.simulate.sessions import Sessions
from pqlkit.simulate.signup import Funnel

DECISION_DELAY_MEDIAN_DAYS = 18.0


@dataclass(frozen=True)
class Signals:
    """What each account had done before its decision moment."""

    members: F64
    max_seniority: F64
    sessions_14d: F64
    active_users_14d: F64
    core_30d: F64
    distinct_features: F64
    activated: Bool
    activated_fast: Bool
    invites: F64
    paywall_hits: F64
    enterprise_views: F64
    pricing_views_30d: F64
    checkouts: F64


@dataclass(frozen=True)
class Conversion:
    frame: EventFrame  # the events of the conversions themselves
    keep: Bool  # rows of the other events that still happen (mask)
    plan: I64  # the plan trait of every row of the other events (for group calls)
    probability: F64  # per account: the probability the draw used (0: no decision moment)
    converted: Bool  # per account
    converted_at: I64  # per account, -1 if not converted
    converting_user: I64  # per account, -1 if not converted


def _sigmoid(x: F64) -> F64:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=np.float64)


def decision_moments(
    rng: np.random.Generator, population: Population, sessions: Sessions
) -> tuple[I64, I64, I64]:
    """Per account: decision time, the session it falls in, and its user (-1 where none)."""
    users, accounts = population.users, population.accounts
    delay = np.maximum(rng.lognormal(np.log(DECISION_DELAY_MEDIAN_DAYS), 0.8, accounts.count), 1.0)
    earliest = accounts.created_at + (delay * DAY).astype(np.int64)
    session_account = users.account[sessions.user]
    order = np.lexsort((sessions.start, session_account))
    width = sessions.width_ms
    key = session_account[order] * width + (sessions.start[order] - sessions.base_us) // 1000
    query = np.arange(accounts.count, dtype=np.int64) * width + np.clip(
        (earliest - sessions.base_us) // 1000, 0, width - 1
    )
    pos = np.searchsorted(key, query, side="left")
    found = pos < len(key)
    pos = np.minimum(pos, len(key) - 1)
    session = order[pos]
    found &= session_account[session] == np.arange(accounts.count)
    frac = rng.uniform(0.5, 0.95, accounts.count)
    moment = sessions.start[session] + (frac * sessions.duration[session]).astype(np.int64)
    found &= moment < population.end_us - HOUR
    return (
        np.where(found, moment, -1),
        np.where(found, session, -1),
        np.where(found, sessions.user[session], -1),
    )


def measure(
    population: Population,
    sessions: Sessions,
    funnel: Funnel,
    catalog: Catalog,
    events: EventFrame,
    moment: I64,
) -> Signals:
    """Every account's signals from its events strictly before its decision moment."""
    users, accounts = population.users, population.accounts
    a_count = accounts.count
    decided = np.where(moment >= 0, moment, np.iinfo(np.int64).min)

    def per_account(account: I64, weights: F64 | None = None) -> F64:
        return np.bincount(account, weights=weights, minlength=a_count).astype(np.float64)

    member = users.signup_at < decided[users.account]
    seniority = np.zeros(a_count, dtype=np.float64)
    np.maximum.at(seniority, users.account[member], users.seniority[member].astype(np.float64))

    s_account = users.account[sessions.user]
    s_until = decided[s_account]
    recent = (sessions.start < s_until) & (sessions.start >= s_until - 14 * DAY)
    active = np.bincount(sessions.user[recent], minlength=users.count) > 0

    activated = (funnel.activated_at >= 0) & (funnel.activated_at < decided[users.account])
    fast = activated & (funnel.activated_at - users.signup_at <= 7 * DAY)

    kind = catalog.kind_of[events.code]
    e_account = users.account[events.user]
    until = decided[e_account]
    before = events.known & (events.t < until)

    def count(kinds: tuple[Kind, ...], window_days: int | None = None) -> F64:
        mask = before & np.isin(kind, kinds)
        if window_days is not None:
            mask &= events.t >= until - window_days * DAY
        return per_account(e_account[mask])

    used = before & np.isin(kind, (Kind.CORE, Kind.FEATURE, Kind.ADVANCED))
    feature_key = (
        e_account[used] * 64 + (kind[used] - Kind.CORE) * 16 + catalog.detail_of[events.code[used]]
    )
    distinct = per_account(np.unique(feature_key) // 64)

    return Signals(
        members=per_account(users.account[member]),
        max_seniority=seniority,
        sessions_14d=per_account(s_account[recent]),
        active_users_14d=per_account(users.account, active.astype(np.float64)),
        core_30d=count((Kind.CORE,), 30),
        distinct_features=distinct,
        activated=per_account(users.account[activated]) > 0,
        activated_fast=per_account(users.account[fast]) > 0,
        invites=count((Kind.INVITE,)),
        paywall_hits=count((Kind.PAYWALL,)),
        enterprise_views=count((Kind.ENTERPRISE,)),
        pricing_views_30d=count((Kind.PRICING_PAGE, Kind.BILLING_PAGE), 30),
        checkouts=count((Kind.CHECKOUT,)),
    )


def logit(signals: Signals, population: Population) -> F64:
    """The account's log-odds of converting, before the intercept (see the module docstring)."""
    accounts = population.accounts
    employees = accounts.employees.astype(np.float64)
    size = np.log10(employees)
    activated = signals.activated.astype(np.float64)

    fit = 1.1 * np.exp(-(((size - 2.5) / 1.1) ** 2)) - 0.9 * (employees < 5)
    team_weight = 0.2 + 1.0 * _sigmoid(2.5 * (size - 2.0))
    team = team_weight * 1.2 * np.log1p(np.maximum(signals.active_users_14d - 1, 0))
    team += 0.25 * np.tanh(signals.invites / 3)
    usage = 1.4 * np.tanh(signals.sessions_14d / 8) - 0.9 * (signals.sessions_14d == 0)
    core = 0.7 * _sigmoid(1.5 * (signals.core_30d - 4.5))
    breadth = 0.4 * np.tanh(signals.distinct_features / 5)
    activation = 0.8 * activated + 0.35 * signals.activated_fast
    paywall = (signals.paywall_hits > 0) * (0.25 + 1.1 * activated)
    paywall += 0.15 * np.minimum(signals.paywall_hits, 5) / 5
    enterprise = (signals.enterprise_views > 0) * (0.15 + 1.0 * _sigmoid(3 * (size - 2.3)))
    pricing = 0.5 * np.tanh(signals.pricing_views_30d / 2)
    checkout = 0.9 * (signals.checkouts > 0)
    icp = 0.35 * accounts.icp
    persona = 0.3 * (signals.max_seniority >= 4)
    trial = 0.3 * accounts.trial
    hidden = 1.0 * accounts.hidden
    total = (
        fit + team + usage + core + breadth + activation + paywall + enterprise + pricing
        + checkout + icp + persona + trial + hidden
    )  # fmt: skip
    return np.asarray(total, dtype=np.float64)


def _user_rate(converted: Bool, members: F64, total_users: int) -> float:
    return float((converted * members).sum() / total_users)


def decide(
    rng: np.random.Generator,
    z: F64,
    eligible: Bool,
    members: F64,
    total_users: int,
    rate_range: tuple[float, float],
) -> tuple[F64, Bool]:
    """Probabilities and draws, with an intercept that puts the user-level rate in range."""
    low, high = rate_range
    target = (low + high) / 2
    reachable = float(members[eligible].sum()) / total_users
    if reachable < low:
        raise SimulationError(
            f"conversion_rate {rate_range} cannot be reached: only {reachable:.1%} of users "
            "belong to accounts still active long enough to convert; lower the range or "
            "simulate more days"
        )
    draw = rng.random(len(z))

    def probability(intercept: float) -> F64:
        return np.where(eligible, _sigmoid(z + intercept), 0.0)

    def search(rate: object) -> float:
        lo, hi = -40.0, 40.0
        for _ in range(80):
            mid = (lo + hi) / 2
            if rate(mid) < target:  # type: ignore[operator]
                lo = mid
            else:
                hi = mid
        return hi

    expected = search(lambda b: float((probability(b) * members).sum()) / total_users)
    p = probability(expected)
    converted = draw < p
    if not low <= _user_rate(converted, members, total_users) <= high:
        realised = search(lambda b: _user_rate(draw < probability(b), members, total_users))
        p = probability(realised)
        converted = draw < p
        rate = _user_rate(converted, members, total_users)
        if not low <= rate <= high:
            raise SimulationError(
                f"with {total_users} users the user-level conversion rate cannot land in "
                f"{rate_range} (closest: {rate:.1%}); simulate more accounts or widen the range"
            )
    return p, converted


def convert(
    rng: np.random.Generator,
    population: Population,
    sessions: Sessions,
    funnel: Funnel,
    catalog: Catalog,
    events: EventFrame,
    rate_range: tuple[float, float],
) -> Conversion:
    users, accounts = population.users, population.accounts
    moment, session, converter = decision_moments(rng, population, sessions)
    signals = measure(population, sessions, funnel, catalog, events, moment)
    probability, converted = decide(
        rng, logit(signals, population), moment >= 0, signals.members, users.count, rate_range
    )
    converted_at = np.where(converted, moment, -1)
    converting_user = np.where(converted, converter, -1)

    frame = _conversion_events(rng, population, sessions, catalog, signals, converted, moment,
                               session, converter)  # fmt: skip

    kind = catalog.kind_of[events.code]
    account = users.account[events.user]
    after = converted[account] & (events.t > moment[account])
    gone = np.isin(kind, (Kind.PAYWALL, Kind.CHECKOUT, Kind.UPGRADE_PAGE, Kind.TRIAL_ENDED))
    gone |= (kind == Kind.GROUP) & catalog.server_of[events.code]
    keep = ~(after & gone)

    trial_end = accounts.created_at + TRIAL_DAYS * DAY
    plan = np.where(
        after,
        PLAN_PAID,
        np.where(accounts.trial[account] & (events.t < trial_end[account]), PLAN_TRIAL, PLAN_FREE),
    )
    plan = np.where(kind == Kind.GROUP, plan, events.plan)
    return Conversion(
        frame=frame,
        keep=keep,
        plan=plan,
        probability=probability,
        converted=converted,
        converted_at=converted_at,
        converting_user=converting_user,
    )


def _conversion_events(
    rng: np.random.Generator,
    population: Population,
    sessions: Sessions,
    catalog: Catalog,
    signals: Signals,
    converted: Bool,
    moment: I64,
    session: I64,
    converter: I64,
) -> EventFrame:
    accounts, users = population.accounts, population.users
    which = np.flatnonzero(converted)
    user = converter[which]
    at = moment[which]
    start = sessions.start[session[which]]
    grouped = users.grouped[user]
    employees = accounts.employees[which]
    tier = np.select([employees < 50, employees < 1000], [0, 1], 2)
    annual = rng.random(len(which)) < 0.35
    seats = np.maximum(signals.members[which], 1).astype(np.int64) + rng.poisson(1.0, len(which))
    price = np.array([15, 40, 75])[tier]
    plan_name = np.array(['"team"', '"business"', '"enterprise"'])[tier]
    props = text.concat(
        '{"plan":', text.strings(plan_name),
        ',"billing_cycle":', text.strings(np.where(annual, '"annual"', '"monthly"')),
        ',"seats":', text.numbers(seats), ',"mrr":', text.numbers(seats * price),
        ',"currency":"USD"}',
    )  # fmt: skip

    checkout_codes = catalog.codes(Kind.CHECKOUT)  # team monthly/annual, business monthly/annual
    checks = rng.random(len(which)) < 0.9
    lead = at - start
    checkout_at = start + (rng.uniform(0.2, 0.8, len(which)) * lead).astype(np.int64)
    code = checkout_codes[np.minimum(tier, 1) * 2 + annual]
    looked = checks & (rng.random(len(which)) < 0.6)
    pricing_at = start + (rng.uniform(0.02, 0.15, len(which)) * lead).astype(np.int64)
    group_server = catalog.codes(Kind.GROUP, 1)[0]
    return EventFrame.concat(
        [
            EventFrame.make(
                pricing_at[looked],
                user[looked],
                catalog.one(Kind.PRICING_PAGE),
                group=grouped[looked],
            ),
            EventFrame.make(
                checkout_at[checks],
                user[checks],
                code[checks],
                num=catalog.numbers(rng, code[checks]),
                group=grouped[checks],
            ),
            EventFrame.make(
                at, user, catalog.one(Kind.SUBSCRIPTION), group=True, side_properties=props
            ),
            EventFrame.make(at, user, group_server, group=True, plan=PLAN_PAID),
        ]
    )
