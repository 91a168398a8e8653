"""What users do in their sessions: product use and buying intent.

Every session after signup opens with ``Signed In`` (when the login expired) and/or the dashboard
page. Then the user works: app page views, the core feature (only once they have connected data,
i.e. passed the second activation step, and far more for some users than others), and the other
features, the advanced ones mostly by engaged users of activated accounts. The number of events in
a session is heavy-tailed and grows with engagement, so a few power users produce a large share of
all events.

Intent shows up on the side, at rates that depend on who the user is: buyers (managers and up)
look at pricing and billing pages and sometimes start a checkout they abandon; users who passed
the data step and use the product hard hit the free plan's limits (``Paywall Hit``, often followed
by the upgrade page); people in larger companies, especially senior or technical ones, look at
enterprise features (SSO, SCIM, audit log, admin settings); team-minded users send invitations,
sometimes several at once, that nobody answers.
"""

from __future__ import annotations

import numpy as np

from pqlkit.simulate import reference as ref
from pqlkit.simulate import text
from pqlkit.simulate.catalog import Catalog, Kind
from pqlkit.simulate.clock import F64, I64, SECOND
from pqlkit.simulate.company import Population
from pqlkit.simulate.frame import EventFrame
from pqlkit.simulate.sampling import choice
from pqlkit.simulate.sessions import Sessions
from pqlkit.simulate.signup import Funnel

_BUYER = np.array([1.0, 1.0, 1.3, 1.5, 2.0, 2.4, 2.4])  # by seniority 0..6


def usage_means(population: Population, sessions: Sessions, intensity: float) -> F64:
    """Expected number of work events (beyond the opening one) in each session."""
    engagement = population.users.engagement[sessions.user]
    mean = (1.2 + 4.0 * engagement**0.6) * intensity**0.5
    means: F64 = np.where(sessions.at_signup, 0.5 * mean, mean)
    return means


def session_openers(
    rng: np.random.Generator, population: Population, sessions: Sessions, catalog: Catalog
) -> EventFrame:
    returning = np.flatnonzero(~sessions.at_signup)
    user = sessions.user[returning]
    start = sessions.start[returning]
    grouped = population.users.grouped[user]
    signs_in = rng.random(len(returning)) < 0.55
    dashboard = catalog.one(Kind.APP_PAGE, 0)
    login = np.flatnonzero(signs_in)
    with_page = np.flatnonzero(~signs_in | (rng.random(len(returning)) < 0.8))
    page_time = start[with_page] + np.where(signs_in[with_page], 1500 * 1000, 0)
    return EventFrame.concat(
        [
            EventFrame.make(
                start[login],
                user[login],
                catalog.pick_n(rng, Kind.SIGNED_IN, len(login)),
                group=grouped[login],
            ),
            EventFrame.make(page_time, user[with_page], dashboard, group=grouped[with_page]),
        ]
    )


def usage_events(
    rng: np.random.Generator,
    population: Population,
    sessions: Sessions,
    catalog: Catalog,
    funnel: Funnel,
    means: F64,
) -> EventFrame:
    users = population.users
    burst = rng.gamma(2.0, 0.5, sessions.size)
    counts = rng.poisson(means * burst)
    session = np.repeat(np.arange(sessions.size, dtype=np.int64), counts)
    user = sessions.user[session]
    t = sessions.moment(rng, session)
    n = len(session)

    core_step = min(1, funnel.step_at.shape[1] - 1)
    core_from = funnel.step_at[:, core_step]
    core_ok = (core_from[user] >= 0) & (t >= core_from[user])
    affinity = rng.lognormal(0.0, 0.5, users.count)
    core_share = np.where(core_ok, np.minimum(0.22 * affinity[user], 0.6), 0.015)
    activated = funnel.activated_at >= 0
    advanced_share = np.clip(
        0.05 * users.engagement**0.5 * np.where(activated, 2.0, 1.0), 0.0, 0.35
    )[user]

    draw = rng.random(n)
    is_page = draw < 0.3
    is_core = ~is_page & (draw < 0.3 + core_share)
    is_feature = ~is_page & ~is_core
    is_advanced = is_feature & (rng.random(n) < advanced_share)
    is_basic = is_feature & ~is_advanced

    code = np.empty(n, dtype=np.int64)
    code[is_page] = catalog.pick_n(rng, Kind.APP_PAGE, int(is_page.sum()))
    code[is_core] = catalog.pick_n(rng, Kind.CORE, int(is_core.sum()))
    basic = len(catalog.vocabulary.features)
    basic_weights = 1.0 / np.arange(1, basic + 1, dtype=np.float64) ** 0.8
    code[is_basic] = catalog.pick(
        rng, Kind.FEATURE, choice(rng, basic_weights, int(is_basic.sum()))
    )
    advanced = np.ones(len(catalog.vocabulary.advanced_features))
    code[is_advanced] = catalog.pick(
        rng, Kind.ADVANCED, choice(rng, advanced, int(is_advanced.sum()))
    )
    return EventFrame.make(t, user, code, num=catalog.numbers(rng, code), group=users.grouped[user])


def _placed(
    rng: np.random.Generator, sessions: Sessions, rate: F64, t_min: I64
) -> tuple[I64, I64, I64]:
    """Draw a count per user and place each event in a random session from ``t_min``."""
    counts = rng.poisson(np.maximum(rate, 0.0))
    user = np.repeat(np.arange(len(rate), dtype=np.int64), counts)
    session = sessions.pick(rng, user, t_min[user])
    ok = session >= 0
    user, session = user[ok], session[ok]
    return user, session, sessions.moment(rng, session)


def intent_events(
    rng: np.random.Generator,
    population: Population,
    sessions: Sessions,
    catalog: Catalog,
    funnel: Funnel,
) -> EventFrame:
    users, accounts = population.users, population.accounts
    employees = accounts.employees[users.account]
    buyer = _BUYER[users.seniority]
    visits = sessions.count.astype(np.float64)
    size = np.select([employees < 10, employees < 50, employees < 1000], [0.7, 1.0, 1.3], 1.1)
    anytime = users.signup_at
    frames: list[EventFrame] = []

    def track(kind: Kind, user: I64, t: I64) -> None:
        codes = catalog.pick_n(rng, kind, len(user))
        frames.append(
            EventFrame.make(
                t, user, codes, num=catalog.numbers(rng, codes), group=users.grouped[user]
            )
        )

    user, _, t = _placed(rng, sessions, 0.08 * visits**0.6 * buyer * size, anytime)
    track(Kind.PRICING_PAGE, user, t)
    user, _, t = _placed(rng, sessions, 0.02 * visits**0.6 * buyer, anytime)
    track(Kind.BILLING_PAGE, user, t)

    # limits of the free plan bite once the user has data in the product
    data_step = min(1, funnel.step_at.shape[1] - 1)
    has_data = funnel.step_at[:, data_step]
    trial = accounts.trial[users.account]
    paywall_rate = np.where(
        has_data >= 0, 0.12 * visits**0.7 * users.engagement**0.3 * np.where(trial, 0.6, 1.0), 0.0
    )
    user, _, t = _placed(rng, sessions, paywall_rate, np.maximum(has_data, anytime))
    track(Kind.PAYWALL, user, t)
    upgrade = rng.random(len(user)) < 0.45
    track(
        Kind.UPGRADE_PAGE,
        user[upgrade],
        t[upgrade] + rng.integers(2, 20, int(upgrade.sum())) * SECOND,
    )

    enterprise_size = np.select(
        [employees >= 1000, employees >= 200, employees >= 50], [4.0, 2.5, 1.0], 0.25
    )
    technical = np.isin(
        np.array([title.role for title in ref.TITLES])[users.title], ["engineer", "executive"]
    )
    enterprise_person = np.where(
        users.seniority >= 4, 2.0, np.where(users.seniority == 3, 1.5, 1.0)
    )
    enterprise_person = enterprise_person * np.where(technical, 1.3, 1.0)
    user, _, t = _placed(
        rng, sessions, 0.05 * visits**0.5 * enterprise_size * enterprise_person, anytime
    )
    track(Kind.ENTERPRISE, user, t)

    # abandoned checkouts, usually right after a look at the pricing page
    user, session, t = _placed(rng, sessions, 0.012 * visits**0.5 * buyer * size, anytime)
    track(Kind.CHECKOUT, user, t)
    looked = rng.random(len(user)) < 0.7
    before = np.maximum(
        t[looked] - rng.integers(10, 120, int(looked.sum())) * SECOND,
        sessions.start[session[looked]] + 1000,
    )
    track(Kind.PRICING_PAGE, user[looked], before)
    return EventFrame.concat(frames)


def spare_invites(
    rng: np.random.Generator, population: Population, sessions: Sessions, catalog: Catalog
) -> EventFrame:
    """Invitations nobody answered, sent in bursts by team-minded users."""
    users, accounts = population.users, population.accounts
    employees = accounts.employees[users.account]
    rate = (
        0.05
        * accounts.team_affinity[users.account]
        * sessions.count**0.5
        * np.where(users.seniority >= 2, 1.5, 1.0)
        * np.where(employees >= 10, 1.0, 0.3)
    )
    inviter, _, t = _placed(rng, sessions, rate, users.signup_at)
    size = rng.geometric(0.45, len(inviter))
    burst = np.repeat(np.arange(len(inviter)), size)
    first = np.concatenate([[0], np.cumsum(size)[:-1]])
    position = np.arange(len(burst)) - first[burst]
    when = t[burst] + position * rng.integers(5, 40, len(burst)) * SECOND
    who = inviter[burst]

    firsts = np.char.lower(np.array(ref.FIRST_NAMES))
    lasts = np.char.lower(np.array(ref.LAST_NAMES))
    first_name = rng.integers(0, len(firsts), len(burst))
    last_name = rng.integers(0, len(lasts), len(burst))
    email = np.char.add(
        np.char.add(np.char.add(firsts[first_name], "."), lasts[last_name]),
        np.char.add("@", accounts.domains[users.account[who]]),
    )
    props = text.concat(
        '{"invitee_email":"', text.strings(email),
        '","invitee_first_name":"', text.take(text.strings(ref.FIRST_NAMES), first_name),
        '","invitee_last_name":"', text.take(text.strings(ref.LAST_NAMES), last_name),
        '","invitee_role":"member"}',
    )  # fmt: skip
    return EventFrame.make(
        when, who, catalog.one(Kind.INVITE), group=users.grouped[who], side_properties=props
    )
