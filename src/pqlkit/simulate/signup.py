"""From anonymous visitor to activated user.

Before signing up, most people visit the marketing site a few times (page views carrying only an
``anonymousId``; invited teammates rarely do). At signup the browser sends the Segment identity
calls in order: ``alias`` (the anonymous id becomes the user id), ``identify`` (email, name, title,
role, created_at), ``Signed Up`` and, for users the product attaches to their account, a ``group``
call with the account's traits. The account's first attached user also sends ``Account Created``;
trial accounts get ``Trial Started`` (and ``Trial Ended`` 14 days later, from the backend); an
invited teammate's ``Invite Sent`` precedes their signup, their ``Account Added User`` follows it.

Activation is a funnel: ``Onboarding Completed`` (about 60 % of users), then the activation
steps in order. Each user means to go a certain depth (more engaged users further); a step happens
after a short pause in the same session, or days later in a later session, and a user whose
sessions run out before the next step drops off there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from pqlkit.simulate import reference as ref
from pqlkit.simulate import text
from pqlkit.simulate.catalog import Catalog, Kind
from pqlkit.simulate.clock import DAY, HOUR, I64, MINUTE, SECOND, local_instant, local_midnight
from pqlkit.simulate.company import TRIAL_DAYS, Population
from pqlkit.simulate.frame import PLAN_FREE, PLAN_TRIAL, EventFrame
from pqlkit.simulate.sampling import choice
from pqlkit.simulate.sessions import Sessions

MS = 1000


@dataclass(frozen=True)
class Funnel:
    frame: EventFrame
    step_at: I64  # (users, steps): when each activation step happened, -1 if never
    activated_at: I64  # when the last activation step happened, -1 if never


def _user_names(population: Population) -> tuple[pa.StringArray, pa.StringArray]:
    users = population.users
    first = text.take(text.strings(ref.FIRST_NAMES), users.first_name)
    last = text.take(text.strings(ref.LAST_NAMES), users.last_name)
    return first, last


def anonymous_visits(
    rng: np.random.Generator, population: Population, catalog: Catalog
) -> EventFrame:
    users = population.users
    rate = np.where(users.rank == 0, 1.6, np.where(users.invited, 0.3, 1.0))
    visits = rng.poisson(rate)
    who = np.repeat(np.arange(users.count, dtype=np.int64), visits)
    days_before = rng.geometric(0.2, len(who)) - 1
    offset = users.offset_us[who]
    day = local_midnight(users.signup_at[who], offset) - days_before * DAY
    start = local_instant(rng, day, offset)
    keep = (start >= population.start_us) & (start <= users.signup_at[who] - 2 * HOUR)
    who, start = who[keep], start[keep]

    pages = 1 + rng.poisson(1.3, len(who))
    visit = np.repeat(np.arange(len(who)), pages)
    first_of_visit = np.concatenate([[0], np.cumsum(pages)[:-1]])
    position = np.arange(len(visit)) - first_of_visit[visit]
    gaps = np.minimum(rng.exponential(40 * SECOND, len(visit)), 4 * MINUTE).astype(np.int64)
    gaps[first_of_visit] = 0
    elapsed = np.cumsum(gaps) - np.repeat(np.cumsum(gaps)[first_of_visit], pages)
    t = start[visit] + elapsed

    # landing pages: the home page most, pricing often; later pages: pricing most
    others = len(catalog.vocabulary.marketing_pages) - 1
    share = 1.0 / max(others, 1)
    landing_weights = np.array([0.45, *([0.35 * share] * others), 0.15, 0.05])
    inner_weights = np.array([0.1, *([0.4 * share] * others), 0.35, 0.15])
    detail = np.where(
        position == 0,
        choice(rng, landing_weights, len(t)),
        choice(rng, inner_weights, len(t)) + 100,
    )
    code = catalog.pick(rng, Kind.MARKETING_PAGE, detail)
    return EventFrame.make(t, who[visit], code, known=False)


def signup_calls(rng: np.random.Generator, population: Population, catalog: Catalog) -> EventFrame:
    """The calls made at signup, in their Segment order, a few milliseconds apart."""
    users, accounts = population.users, population.accounts
    n = users.count
    everyone = np.arange(n, dtype=np.int64)
    s = users.signup_at
    trial_end = accounts.created_at + TRIAL_DAYS * DAY
    plan = np.where(
        accounts.trial[users.account] & (s < trial_end[users.account]), PLAN_TRIAL, PLAN_FREE
    )

    first, last = _user_names(population)
    titles = text.take(text.strings([t.title for t in ref.TITLES]), users.title)
    email = text.strings(users.email)
    signup_type = np.where(users.invited, '"invited"', '"organic"')
    method = np.where(rng.random(n) < 0.4, '"google"', '"email"')
    signed_up_props = text.concat(
        '{"type":', text.strings(signup_type), ',"method":', text.strings(method),
        ',"first_name":"', first, '","last_name":"', last, '","email":"', email,
        '","title":"', titles, '"}',
    )  # fmt: skip

    frames = [
        EventFrame.make(
            s - rng.integers(20, 90, n) * SECOND,
            everyone,
            catalog.one(Kind.SIGNUP_PAGE),
            known=False,
        ),
        EventFrame.make(s, everyone, catalog.one(Kind.ALIAS)),
        EventFrame.make(s + 1 * MS, everyone, catalog.one(Kind.IDENTIFY)),
        EventFrame.make(
            s + 2 * MS,
            everyone,
            catalog.one(Kind.SIGNED_UP),
            group=users.grouped,
            side_properties=signed_up_props,
        ),
    ]
    grouped = np.flatnonzero(users.grouped)
    group_browser = catalog.codes(Kind.GROUP, 0)[0]
    frames.append(
        EventFrame.make(s[grouped] + 3 * MS, grouped, group_browser, group=True, plan=plan[grouped])
    )

    # the account's first attached user creates the account in the product
    first_attached = np.full(accounts.count, n, dtype=np.int64)
    np.minimum.at(first_attached, users.account[grouped], grouped)
    creators = first_attached[first_attached < n]
    names = text.strings(accounts.names[users.account[creators]])
    frames.append(
        EventFrame.make(
            s[creators] + 4 * MS,
            creators,
            catalog.one(Kind.ACCOUNT_CREATED),
            group=True,
            side_properties=text.concat('{"account_name":"', names, '"}'),
        )
    )

    trial_founders = np.flatnonzero((users.rank == 0) & accounts.trial[users.account])
    if len(trial_founders):
        start_text = text.iso_times(s[trial_founders])
        end_at = s[trial_founders] + TRIAL_DAYS * DAY
        trial_props = text.concat(
            '{"trial_plan_name":"Business","trial_start_date":"', start_text,
            '","trial_end_date":"', text.iso_times(end_at), '"}',
        )  # fmt: skip
        frames.append(
            EventFrame.make(
                s[trial_founders] + 5 * MS,
                trial_founders,
                catalog.one(Kind.TRIAL_STARTED),
                group=True,
                side_properties=trial_props,
            )
        )
        ended = end_at < population.end_us
        enders = trial_founders[ended]
        frames.append(
            EventFrame.make(
                end_at[ended],
                enders,
                catalog.one(Kind.TRIAL_ENDED),
                group=True,
                side_properties=trial_props.filter(pa.array(ended)),
            )
        )
        group_server = catalog.codes(Kind.GROUP, 1)[0]
        frames.append(
            EventFrame.make(
                end_at[ended] + 1 * MS, enders, group_server, group=True, plan=PLAN_FREE
            )
        )

    joiners = np.flatnonzero(users.grouped & (users.rank > 0))
    frames.append(
        EventFrame.make(
            s[joiners] + 6 * MS,
            joiners,
            catalog.pick_n(rng, Kind.ADDED_USER, len(joiners)),
            group=True,
        )
    )
    return EventFrame.concat(frames)


def invitations(
    rng: np.random.Generator, population: Population, sessions: Sessions, catalog: Catalog
) -> EventFrame:
    """The ``Invite Sent`` that brought each invited teammate, in the inviter's last session."""
    users = population.users
    invitee = np.flatnonzero(users.invited)
    inviter = users.inviter[invitee]
    deadline = users.signup_at[invitee] - 10 * MINUTE
    session = sessions.last_before(inviter, deadline)
    ok = session >= 0
    invitee, inviter, session, deadline = invitee[ok], inviter[ok], session[ok], deadline[ok]
    room = np.minimum(sessions.duration[session], deadline - sessions.start[session])
    t = (
        sessions.start[session]
        + 1000
        + (rng.random(len(session)) * np.maximum(room, 0)).astype(np.int64)
    )
    first, last = _user_names(population)
    props = text.concat(
        '{"invitee_email":"', text.strings(users.email[invitee]),
        '","invitee_first_name":"', text.take(first, invitee),
        '","invitee_last_name":"', text.take(last, invitee), '","invitee_role":"member"}',
    )  # fmt: skip
    return EventFrame.make(
        t,
        inviter,
        catalog.one(Kind.INVITE),
        group=users.grouped[inviter],
        side_properties=props,
    )


def activation(
    rng: np.random.Generator, population: Population, sessions: Sessions, catalog: Catalog
) -> Funnel:
    users = population.users
    n = users.count
    steps = len(catalog.vocabulary.activation_steps)
    everyone = np.arange(n, dtype=np.int64)
    signup_session = sessions.first
    frames: list[EventFrame] = []

    onboarded = rng.random(n) < np.clip(0.45 + 0.25 * np.log1p(users.engagement), 0.2, 0.92)
    later = rng.random(n) < 0.15
    onboarding_session = np.where(
        later, sessions.first_from(everyone, users.signup_at + HOUR), signup_session
    )
    who = np.flatnonzero(onboarded & (onboarding_session >= 0))
    sess = onboarding_session[who]
    t = sessions.start[sess] + (rng.uniform(0.08, 0.3, len(who)) * sessions.duration[sess]).astype(
        np.int64
    )
    codes = catalog.pick_n(rng, Kind.ONBOARDING, len(who))
    frames.append(
        EventFrame.make(t, who, codes, num=catalog.numbers(rng, codes), group=users.grouped[who])
    )

    step_at = np.full((n, steps), -1, dtype=np.int64)
    fast_share = np.clip(0.55 + 0.15 * np.log(users.engagement), 0.2, 0.85)
    target = users.signup_at + 2 * MINUTE
    previous = signup_session.copy()
    alive = users.depth > 0
    for j in range(steps):
        fast = rng.random(n) < fast_share
        pause = np.where(
            fast,
            rng.uniform(1, 6, n) * MINUTE,
            rng.exponential(2.5, n) / np.sqrt(users.engagement) * DAY,
        ).astype(np.int64)
        target = target + pause
        in_signup = target < users.signup_at + sessions.duration[signup_session]
        session = np.where(in_signup, signup_session, sessions.first_from(everyone, target))
        alive &= (users.depth > j) & (session >= 0)
        session = np.maximum(session, previous)
        frac = (j + 1 + 0.5 * rng.random(n)) / (steps + 2)
        when = sessions.start[session] + (frac * sessions.duration[session]).astype(np.int64)
        step_at[:, j] = np.where(alive, when, -1)
        previous = np.where(alive, session, previous)
        who = np.flatnonzero(alive)
        codes = catalog.pick(rng, Kind.STEP, np.full(len(who), j, dtype=np.int64))
        frames.append(
            EventFrame.make(
                when[who], who, codes, num=catalog.numbers(rng, codes), group=users.grouped[who]
            )
        )
    activated_at = step_at[:, steps - 1].copy()
    return Funnel(frame=EventFrame.concat(frames), step_at=step_at, activated_at=activated_at)
