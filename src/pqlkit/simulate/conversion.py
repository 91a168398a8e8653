"""Who pays, when, and with what probability (the ground truth).

An account considers buying at *decision moments*: the first one some days after its first
signup (median 10), then about every two weeks until the period ends, each in the first session
any member has within a week (the member in that session is the one who would buy) or, if the
team has gone quiet, on the day itself (the account's first user would come back just to buy).
At each moment, what the account did *before* it — and only before — sets the probability of
buying there:

* usage: sessions in the last 14 days (saturating; none at all hurts), the core feature used
  around 5+ times in 30 days (a soft threshold), breadth of features used;
* activation: a member completed the activation steps (more if within 7 days of signup);
* team: teammates active in the last 14 days and invitations sent — worth far more in large
  companies than in small ones;
* intent: paywall hits in the last 30 days (worth much more once the account is activated),
  enterprise-feature views (worth more the bigger the company), pricing and billing views in the
  last 14 days, a checkout started in the last 30 days;
* fit: company size (best around a few hundred employees, poor under 5), ideal-customer
  industry, a senior person among the members, a trial rather than the free plan;
* a hidden factor (budget, a champion) that no event reveals.

The log-odds are the sum of these non-linear terms (scaled by 0.6), the hidden factor (a
standard normal times 1.3) and one intercept, chosen so the user-level conversion rate lands in
the configured range. Each account draws one uniform number and converts at the first moment
where it falls below the cumulative probability of having converted by then; that cumulative
probability over the whole period is the account's ``true_probability`` (for a user: the
probability that the account converts at a moment after the user signed up). A buying member
starts a checkout (usually after a look at the pricing page) and a few minutes later the backend
sends ``Subscription Started`` and a ``group`` call with ``plan = paid`` at the same instant.
Afterwards the team keeps using the product, but nobody hits a paywall, starts a checkout or sees
the upgrade page again, and a trial that had not ended never sends ``Trial Ended``.

No rule or model can be perfect here: the hidden factor, the draw, and the decision moments
(which a model scoring at a fixed date does not know) all stand between the events and the
outcome; ``true_probability`` is the oracle ranking a model can be compared with, and
``observable_probability`` the same with the hidden factor averaged out — what the events
of the whole period could tell at best.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pqlkit.errors import SimulationError
from pqlkit.simulate import text
from pqlkit.simulate.catalog import Catalog, Kind
from pqlkit.simulate.clock import DAY, F64, HOUR, I64, MINUTE, Bool, local_instant, local_midnight
from pqlkit.simulate.company import TRIAL_DAYS, Population
from pqlkit.simulate.frame import PLAN_FREE, PLAN_PAID, PLAN_TRIAL, EventFrame
from pqlkit.simulate.sessions import Sessions
from pqlkit.simulate.signals import History, Signals
from pqlkit.simulate.signup import Funnel

FIRST_MOMENT_MEDIAN_DAYS = 10.0
MOMENT_SPACING_DAYS = 14.0
QUIET_AFTER_DAYS = 7
OBSERVABLE_WEIGHT = 0.6  # all observable terms together
HIDDEN_WEIGHT = 1.3  # the hidden factor, a standard normal per account
HIDDEN_NODES = 24  # quadrature points averaging the hidden factor out (observable oracle)


@dataclass(frozen=True)
class Conversion:
    frame: EventFrame  # the events of the conversions themselves
    keep: Bool  # rows of the other events that still happen (mask)
    plan: npt.NDArray[np.int8]  # the plan trait of every row of the other events (group calls)
    probability: F64  # per account: probability of converting within the period
    user_probability: F64  # per user: probability the account converts after their signup
    observable_probability: F64  # per account: the same, the hidden factor averaged out
    user_observable_probability: F64  # per user: the same, the hidden factor averaged out
    converted: Bool  # per account
    converted_at: I64  # per account, -1 if not converted
    converting_user: I64  # per account, -1 if not converted


def _sigmoid(x: F64) -> F64:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=np.float64)


def logit(signals: Signals, population: Population) -> F64:
    """An account's log-odds of buying at a moment, before the intercept (see module docs)."""
    accounts = population.accounts
    employees = accounts.employees.astype(np.float64)
    size = np.log10(employees)
    activated = signals.activated.astype(np.float64)

    fit = 0.6 * np.exp(-(((size - 2.5) / 1.1) ** 2)) - 0.5 * (employees < 5)
    team_weight = 0.2 + 1.0 * _sigmoid(2.5 * (size - 2.0))
    team = team_weight * 1.0 * np.log1p(np.maximum(signals.active_users_14d - 1, 0))
    team += 0.3 * np.tanh(signals.invites / 3)
    usage = 2.0 * np.tanh(signals.sessions_14d / 6) - 1.0 * (signals.sessions_14d == 0)
    core = 0.9 * _sigmoid(1.5 * (signals.core_30d - 4.5))
    breadth = 0.4 * np.tanh(signals.distinct_features / 5)
    activation = 1.0 * activated + 0.4 * signals.activated_fast
    paywall = (signals.paywall_hits_30d > 0) * (0.6 + 1.2 * activated)
    paywall += 0.2 * np.minimum(signals.paywall_hits_30d, 5) / 5
    enterprise = (signals.enterprise_views > 0) * (0.3 + 1.2 * _sigmoid(3 * (size - 2.3)))
    pricing = 0.9 * np.tanh(signals.pricing_views_14d / 2)
    checkout = 1.5 * (signals.checkouts_30d > 0)
    icp = 0.9 * accounts.icp
    persona = 0.3 * (signals.max_seniority >= 4)
    trial = 0.3 * accounts.trial
    hidden = HIDDEN_WEIGHT * accounts.hidden
    observable = (
        fit + team + usage + core + breadth + activation + paywall + enterprise + pricing
        + checkout + icp + persona + trial
    )  # fmt: skip
    total = OBSERVABLE_WEIGHT * observable + hidden
    return np.asarray(total, dtype=np.float64)


@dataclass(frozen=True)
class _Moments:
    """Decision moments, one row per round: (rounds, accounts) arrays; -1 where none."""

    time: I64
    session: I64
    user: I64
    z: F64  # log-odds before the intercept
    members: F64  # users signed up before the moment


def _next_session(history: History, earliest: I64) -> tuple[I64, Bool]:
    """Per account: the first session of any member starting at or after ``earliest``."""
    sessions = history.sessions
    order, key, owner = history.session_order, history.session_key, history.session_account
    width = sessions.width_ms
    accounts = np.arange(len(earliest), dtype=np.int64)
    query = accounts * width + np.clip((earliest - sessions.base_us) // 1000, 0, width - 1)
    pos = np.minimum(np.searchsorted(key, query, side="left"), len(key) - 1)
    session = order[pos]
    found = (earliest >= 0) & (owner[session] == accounts) & (sessions.start[session] >= earliest)
    return np.where(found, session, -1), found


def decision_moments(
    rng: np.random.Generator, population: Population, sessions: Sessions, history: History
) -> _Moments:
    """Every account's decision moments until the period ends.

    A moment falls in the first session any member has within a week of its due date; if the
    team has gone quiet it falls on the due date itself, with the account's first user (who would
    come back just to buy).
    """
    users, accounts = population.users, population.accounts
    a_count = accounts.count
    founder = np.searchsorted(users.account, np.arange(a_count))
    offset = users.offset_us[founder]
    delay = np.maximum(rng.lognormal(np.log(FIRST_MOMENT_MEDIAN_DAYS), 0.6, a_count), 2.0)
    due = accounts.created_at + (delay * DAY).astype(np.int64)
    last = population.end_us - HOUR
    times, sessions_, users_, zs, members = [], [], [], [], []
    while True:
        open_ = due < last
        if not open_.any():
            break
        session, found = _next_session(history, np.where(open_, due, -1))
        safe = np.maximum(session, 0)
        found &= sessions.start[safe] < due + QUIET_AFTER_DAYS * DAY
        frac = rng.uniform(0.5, 0.95, a_count)
        in_session = sessions.start[safe] + (frac * sessions.duration[safe]).astype(np.int64)
        quiet = np.maximum(local_instant(rng, local_midnight(due, offset), offset), due)
        moment = np.where(found, in_session, quiet)
        valid = open_ & (moment < last)
        moment = np.where(valid, moment, -1)
        signals = history.measure(moment)
        times.append(moment)
        sessions_.append(np.where(valid & found, session, -1))
        users_.append(np.where(valid, np.where(found, sessions.user[safe], founder), -1))
        zs.append(logit(signals, population))
        members.append(signals.members)
        spacing = rng.uniform(0.7, 1.3, a_count) * MOMENT_SPACING_DAYS * DAY
        due = np.where(valid, moment + spacing.astype(np.int64), last)
    if not times:
        none_i = np.full((1, a_count), -1, dtype=np.int64)
        none_f = np.zeros((1, a_count))
        return _Moments(none_i, none_i, none_i, none_f, none_f)
    return _Moments(
        time=np.stack(times),
        session=np.stack(sessions_),
        user=np.stack(users_),
        z=np.stack(zs),
        members=np.stack(members),
    )


def _survival(moments: _Moments, intercept: float) -> tuple[F64, F64]:
    """Per-moment probabilities and the probability of not having converted after each."""
    p: F64 = np.where(moments.time >= 0, _sigmoid(moments.z + intercept), 0.0)
    survival: F64 = np.cumprod(1.0 - p, axis=0, dtype=np.float64)
    return p, survival


def _first_conversion(moments: _Moments, draw: F64, intercept: float) -> I64:
    """Per account: the round it converts in (first where the draw < P(converted by then))."""
    _, survival = _survival(moments, intercept)
    by_then = 1.0 - survival
    hit = draw[None, :] < by_then
    return np.where(hit.any(axis=0), hit.argmax(axis=0), -1)


def _user_rate(moments: _Moments, round_: I64, total_users: int) -> float:
    converted = round_ >= 0
    members = moments.members[np.maximum(round_, 0), np.arange(len(round_))]
    return float((members * converted).sum() / total_users)


def _probabilities(
    moments: _Moments, intercept: float, first_round: I64, account_of_user: I64
) -> tuple[F64, F64]:
    """Per account, P(converting within the period); per user, P(it happens after signup)."""
    _, survival = _survival(moments, intercept)
    before = np.vstack([np.ones((1, survival.shape[1])), survival])  # before[k]: not by round k
    user = before[first_round, account_of_user] - survival[-1, account_of_user]
    return 1.0 - survival[-1], user


def _observable_probabilities(
    moments: _Moments, intercept: float, first_round: I64, account_of_user: I64, hidden: F64
) -> tuple[F64, F64]:
    """:func:`_probabilities` as someone who sees every event but not the hidden factor would
    compute them: averaged over the hidden factor's distribution (Gauss–Hermite quadrature).

    The ceiling of any event-based ranking — it still sees the whole period, which a model
    scoring at a date does not.
    """
    nodes, weights = np.polynomial.hermite_e.hermegauss(HIDDEN_NODES)
    weights = weights / weights.sum()
    seen = moments.z - hidden[None, :]
    account = np.zeros(moments.z.shape[1])
    user = np.zeros(len(first_round))
    for node, weight in zip(nodes, weights, strict=True):
        z = seen + HIDDEN_WEIGHT * node
        a, u = _probabilities(
            _Moments(moments.time, moments.session, moments.user, z, moments.members),
            intercept,
            first_round,
            account_of_user,
        )
        account += weight * a
        user += weight * u
    return account, user


def decide(
    rng: np.random.Generator,
    moments: _Moments,
    total_users: int,
    rate_range: tuple[float, float],
) -> tuple[float, I64]:
    """The intercept and each account's converting round (-1: never), rate in range."""
    low, high = rate_range
    target = (low + high) / 2
    first_members = np.where(moments.time >= 0, moments.members, 0.0).max(axis=0)
    reachable = float(first_members.sum()) / total_users
    if reachable < low:
        raise SimulationError(
            f"conversion_rate {rate_range} cannot be reached: only {reachable:.1%} of users "
            "belong to accounts still active when they could buy; lower the range or simulate "
            "more days"
        )
    draw: F64 = rng.random(int(moments.time.shape[1]))

    def expected(intercept: float) -> float:
        p, survival = _survival(moments, intercept)
        before = np.vstack([np.ones((1, p.shape[1])), survival[:-1]])
        return float((before * p * moments.members).sum()) / total_users

    def realised(intercept: float) -> float:
        return _user_rate(moments, _first_conversion(moments, draw, intercept), total_users)

    intercept = _solve(expected, target)
    round_ = _first_conversion(moments, draw, intercept)
    if not low <= _user_rate(moments, round_, total_users) <= high:
        intercept = _solve(realised, target)
        round_ = _first_conversion(moments, draw, intercept)
        rate = _user_rate(moments, round_, total_users)
        if not low <= rate <= high:
            raise SimulationError(
                f"with {total_users} users the user-level conversion rate cannot land in "
                f"{rate_range} (closest: {rate:.1%}); simulate more accounts or widen the range"
            )
    return intercept, round_


def _solve(rate: object, target: float) -> float:
    """The smallest intercept whose (non-decreasing) rate reaches the target."""
    lo, hi = -40.0, 40.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if rate(mid) < target:  # type: ignore[operator]
            lo = mid
        else:
            hi = mid
    return hi


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
    history = History(population, sessions, funnel, catalog, events)
    moments = decision_moments(rng, population, sessions, history)
    intercept, round_ = decide(rng, moments, users.count, rate_range)
    converted = round_ >= 0
    columns = np.arange(accounts.count)
    at = np.maximum(round_, 0)
    converted_at = np.where(converted, moments.time[at, columns], -1)
    converting_user = np.where(converted, moments.user[at, columns], -1)
    session = np.where(converted, moments.session[at, columns], -1)
    members = moments.members[at, columns]

    # a user converts if the account converts at a moment after their signup
    time_u = moments.time[:, users.account]
    first_round = ((time_u >= 0) & (time_u <= users.signup_at[None, :])).sum(axis=0)
    probability, user_probability = _probabilities(moments, intercept, first_round, users.account)
    observable, user_observable = _observable_probabilities(
        moments, intercept, first_round, users.account, HIDDEN_WEIGHT * accounts.hidden
    )

    frame = _conversion_events(
        rng,
        population,
        sessions,
        catalog,
        members,
        converted,
        converted_at,
        session,
        converting_user,
    )

    kind = catalog.kind_of[events.code]
    account = users.account[events.user]
    after = converted[account] & (events.t > converted_at[account])
    gone = catalog.is_kind(
        events.code, Kind.PAYWALL, Kind.CHECKOUT, Kind.UPGRADE_PAGE, Kind.TRIAL_ENDED
    )
    gone |= (kind == Kind.GROUP) & catalog.server_of[events.code]
    keep = ~(after & gone)

    trial_end = accounts.created_at + TRIAL_DAYS * DAY
    plan = np.where(
        after,
        PLAN_PAID,
        np.where(accounts.trial[account] & (events.t < trial_end[account]), PLAN_TRIAL, PLAN_FREE),
    )
    plan = np.where(kind == Kind.GROUP, plan, events.plan).astype(np.int8)
    return Conversion(
        frame=frame,
        keep=keep,
        plan=plan,
        probability=probability,
        user_probability=np.clip(user_probability, 0.0, 1.0),
        observable_probability=observable,
        user_observable_probability=np.clip(user_observable, 0.0, 1.0),
        converted=converted,
        converted_at=converted_at,
        converting_user=converting_user,
    )


def _conversion_events(
    rng: np.random.Generator,
    population: Population,
    sessions: Sessions,
    catalog: Catalog,
    members: F64,
    converted: Bool,
    moment: I64,
    session: I64,
    converter: I64,
) -> EventFrame:
    accounts, users = population.accounts, population.users
    which = np.flatnonzero(converted)
    user = converter[which]
    at = moment[which]
    quiet = session[which] < 0  # came back just to buy: a short session of its own
    comeback = at - (rng.uniform(3, 12, len(which)) * MINUTE).astype(np.int64)
    start = np.where(quiet, comeback, sessions.start[np.maximum(session[which], 0)])
    grouped = users.grouped[user]
    employees = accounts.employees[which]
    tier = np.select([employees < 50, employees < 1000], [0, 1], 2)
    annual = rng.random(len(which)) < 0.35
    seats = np.maximum(members[which], 1).astype(np.int64) + rng.poisson(1.0, len(which))
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
                start[quiet],
                user[quiet],
                catalog.pick_n(rng, Kind.SIGNED_IN, int(quiet.sum())),
                group=grouped[quiet],
            ),
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
