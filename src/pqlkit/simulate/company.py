"""The market: companies (accounts) and the people in them (users).

Companies are heavy-tailed in size (most have a few dozen employees, a few have tens of
thousands), sit in an industry (Software, Financial Services and Healthcare are the ideal customer
profile) and a region, and have a unique web domain. Each one discovers the product at some day of
the period: its first user signs up and creates the account (on the free plan, or on a 14-day
trial). Colleagues follow over the next weeks, more of them in bigger companies and in teams that
like to collaborate; about half of them because a teammate invited them.

People have a job title with a seniority (individual contributor … founder), an email at the
company domain or, for about 15 %, at a free-mail provider (gmail.com …), a latent *engagement*
(heavy-tailed: a few power users do most of the work), how far they mean to go through the
activation funnel, and how long they stay before drifting away. Engagement is partly the
person's and partly the team's: where the product fits the team's work, everyone uses it more.
About 30 % of users are never attached to the account in the product's data (no ``group`` call,
no ``context.groupId``): only their company email tells which account they belong to. Free-mail
users are always attached, since nothing else could tell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from pqlkit.simulate import reference as ref
from pqlkit.simulate.clock import DAY, F64, HOUR, I64, MINUTE, Bool, local_instant, move_off_weekend
from pqlkit.simulate.identifiers import prefixed_ids, uuid_strings
from pqlkit.simulate.sampling import choice

Strings = npt.NDArray[np.str_]

TRIAL_DAYS = 14
MAX_SEATS = 30


@dataclass(frozen=True)
class Accounts:
    count: int
    ids: pa.StringArray
    names: Strings
    domains: Strings
    employees: I64
    industry: I64  # index into reference.INDUSTRIES
    icp: Bool
    region: I64  # index into reference.REGIONS
    trial: Bool  # started on a 14-day trial rather than the free plan
    created_at: I64  # the first user's signup
    team_affinity: F64  # latent: how much this team collaborates (invites, joins)
    adoption: F64  # latent: how much the product fits this team's work (members' engagement)
    hidden: F64  # latent: budget / champion; drives conversion, no event shows it


@dataclass(frozen=True)
class Users:
    count: int
    ids: pa.StringArray
    anonymous_ids: pa.StringArray
    account: I64
    rank: I64  # 0 for the account's first user, then in order of signup
    signup_at: I64
    zone: I64  # index into reference.ZONES
    offset_us: I64  # the zone's UTC offset
    first_name: I64
    last_name: I64
    email: Strings
    free_mail: Bool
    grouped: Bool  # the product attaches the user to the account (group call, context.groupId)
    invited: Bool
    inviter: I64  # user index of the teammate who invited, -1 if none
    title: I64  # index into reference.TITLES
    seniority: I64
    engagement: F64
    depth: I64  # activation steps the user means to complete
    lifetime_days: F64  # how long the user keeps coming back (0: never after signup)
    client: I64  # index into reference.CLIENTS
    device_ids: pa.StringArray
    campaign: I64  # index into reference.CAMPAIGNS, -1 for none
    screen: I64  # index into reference.SCREENS
    ip: npt.NDArray[np.uint8]  # (n, 4) octets


@dataclass(frozen=True)
class Population:
    accounts: Accounts
    users: Users
    start_us: int
    end_us: int


def _dedupe(values: Strings, suffix_source: I64, before: str) -> Strings:
    """Make strings unique by inserting a number before ``before`` in repeated ones."""
    _, first = np.unique(values, return_index=True)
    repeated = np.ones(len(values), dtype=bool)
    repeated[first] = False
    if not repeated.any():
        return values
    out = values.copy()
    parts = np.char.partition(values[repeated], before)
    numbers = suffix_source[repeated].astype(str)
    out[repeated] = np.char.add(np.char.add(np.char.add(parts[:, 0], numbers), before), parts[:, 2])
    return out


def build_accounts(
    rng: np.random.Generator, count: int, start_us: int, end_us: int, id_key: int
) -> Accounts:
    employees = np.clip(np.round(rng.lognormal(np.log(35.0), 1.7, count)), 1, 50_000).astype(
        np.int64
    )
    industry = choice(rng, tuple(w for _, w in ref.INDUSTRIES), count)
    icp_index = [i for i, (name, _) in enumerate(ref.INDUSTRIES) if name in ref.ICP_INDUSTRIES]
    icp = np.isin(industry, icp_index)
    region = choice(rng, tuple(w for _, w in ref.REGIONS), count)
    trial = rng.random(count) < 0.35

    words = np.array(ref.COMPANY_WORDS)
    suffixes = np.array(ref.COMPANY_SUFFIXES)
    w1 = words[rng.integers(0, len(words), count)]
    w2 = np.char.lower(words[rng.integers(0, len(words), count)])
    two_words = rng.random(count) < 0.6
    stem = np.where(two_words, np.char.add(w1, w2), w1)
    names = np.char.add(np.char.add(stem, " "), suffixes[rng.integers(0, len(suffixes), count)])
    tlds = np.array(ref.COMPANY_TLDS)[choice(rng, ref.COMPANY_TLD_WEIGHTS, count)]
    domains = np.char.add(np.char.add(np.char.lower(np.char.replace(names, " ", "")), "."), tlds)
    domains = _dedupe(domains, np.arange(count, dtype=np.int64) + 2, ".")

    days = (end_us - start_us) // DAY
    # accounts keep arriving during the whole period (a few days' margin at the end)
    day = np.floor(rng.random(count) * max(days - 2, 1)).astype(np.int64)
    zone_offset = np.array([z.utc_offset_minutes for z in ref.ZONES], dtype=np.int64) * MINUTE
    home_zone = _zone_in_region(rng, region)
    local_day = move_off_weekend(rng, start_us + day * DAY, keep_share=0.3)
    created = local_instant(rng, local_day, zone_offset[home_zone])
    created = np.clip(created, start_us + 5 * MINUTE, end_us - 2 * HOUR)
    return Accounts(
        count=count,
        ids=prefixed_ids("acc_", count, id_key),
        names=names,
        domains=domains,
        employees=employees,
        industry=industry,
        icp=icp,
        region=region,
        trial=trial,
        created_at=created,
        team_affinity=rng.lognormal(0.0, 0.5, count),
        adoption=rng.lognormal(0.0, 0.6, count),
        hidden=rng.normal(0.0, 1.0, count),
    )


def _zone_in_region(rng: np.random.Generator, region: I64) -> I64:
    region_names = [name for name, _ in ref.REGIONS]
    zone_region = np.array([region_names.index(z.region) for z in ref.ZONES])
    zone = np.empty(len(region), dtype=np.int64)
    for r in range(len(region_names)):
        members = np.flatnonzero(region == r)
        candidates = np.flatnonzero(zone_region == r)
        zone[members] = candidates[rng.integers(0, len(candidates), len(members))]
    return zone


def _intended_seats(rng: np.random.Generator, accounts: Accounts) -> I64:
    size = np.log10(accounts.employees.astype(np.float64))
    extra = rng.lognormal(np.log(0.5 + 1.2 * size), 0.85) * accounts.team_affinity**0.5
    seats = 1 + np.floor(extra).astype(np.int64)
    return np.clip(seats, 1, np.minimum(MAX_SEATS, accounts.employees))


def build_population(
    rng: np.random.Generator,
    account_count: int,
    start_us: int,
    end_us: int,
    activation_steps: int,
    id_key: int,
    user_key: int,
) -> Population:
    accounts = build_accounts(rng, account_count, start_us, end_us, id_key)
    seats = _intended_seats(rng, accounts)
    account = np.repeat(np.arange(accounts.count, dtype=np.int64), seats)
    first_of = np.concatenate([[0], np.cumsum(seats)[:-1]])
    draft_rank = np.arange(len(account), dtype=np.int64) - first_of[account]

    # colleagues join over the following weeks, sooner in teams that collaborate
    scale_days = 16.0 / accounts.team_affinity[account]
    delay = (0.1 + rng.exponential(1.0, len(account)) * scale_days) * DAY
    joined = accounts.created_at[account] + np.where(draft_rank == 0, 0, delay.astype(np.int64))
    home_zone = _zone_in_region(rng, accounts.region)
    zone = home_zone[account]
    remote = (draft_rank > 0) & (rng.random(len(account)) < 0.12)
    zone = np.where(remote, _zone_in_region(rng, accounts.region[account]), zone)
    offsets = np.array([z.utc_offset_minutes for z in ref.ZONES], dtype=np.int64) * MINUTE
    offset_us = offsets[zone]
    local_day = ((joined + offset_us) // DAY) * DAY
    local_day = move_off_weekend(rng, local_day, keep_share=0.3)
    signup = np.where(draft_rank == 0, joined, local_instant(rng, local_day, offset_us))
    signup = np.maximum(signup, accounts.created_at[account] + 2 * HOUR * (draft_rank > 0))
    keep = signup < end_us - HOUR
    account, signup, zone, offset_us = account[keep], signup[keep], zone[keep], offset_us[keep]

    order = np.lexsort((signup, account))
    account, signup, zone, offset_us = account[order], signup[order], zone[order], offset_us[order]
    n = len(account)
    counts = np.bincount(account, minlength=accounts.count)
    first_index = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank = np.arange(n, dtype=np.int64) - first_index[account]
    founder = rank == 0

    employees = accounts.employees[account]
    small = employees < 50
    free_mail = rng.random(n) < np.where(employees < 10, 0.35, 0.12)
    invited = (~founder) & (rng.random(n) < 0.55)
    inviter_rank = np.where(
        rng.random(n) < 0.5, 0, np.floor(rng.random(n) * np.maximum(rank, 1)).astype(np.int64)
    )
    inviter = first_index[account] + inviter_rank
    # a teammate who joined only minutes earlier cannot have sent the invitation: the first user did
    inviter = np.where(signup[inviter] <= signup - HOUR, inviter, first_index[account])
    inviter = np.where(invited, inviter, -1)
    attach = np.where(founder, 0.62, 0.16)
    grouped = free_mail | invited | (founder & accounts.trial[account]) | (rng.random(n) < attach)

    title = _titles(rng, small, founder)
    seniority = np.array([t.seniority for t in ref.TITLES], dtype=np.int64)[title]
    role_factor = np.array(
        [
            {
                "engineer": 1.1,
                "analyst": 1.35,
                "specialist": 0.95,
                "manager": 0.9,
                "director": 0.75,
                "head": 0.8,
                "vp": 0.6,
                "executive": 0.7,
                "founder": 0.9,
            }[t.role]
            for t in ref.TITLES
        ]
    )[title]
    engagement = (
        rng.lognormal(0.0, 0.65, n)
        * accounts.adoption[account] ** 0.9
        * role_factor
        * np.where(invited, 0.85, 1.0)
    )

    depth = _activation_depth(rng, engagement, activation_steps)
    churn_now = rng.random(n) < 0.36 - 0.24 * depth / max(activation_steps, 1)
    lifetime = rng.lognormal(np.log(28.0 * (1.0 + 0.4 * depth) * engagement**0.3), 0.9) * np.where(
        churn_now, 0.0, 1.0
    )

    first_name = rng.integers(0, len(ref.FIRST_NAMES), n)
    last_name = rng.integers(0, len(ref.LAST_NAMES), n)
    email = _emails(rng, first_name, last_name, free_mail, accounts.domains[account])
    ip = rng.integers(1, 255, (n, 4)).astype(np.uint8)
    ip[:, 0] = np.array([z.ip_first_octet for z in ref.ZONES], dtype=np.uint8)[zone]

    users = Users(
        count=n,
        ids=prefixed_ids("usr_", n, user_key),
        anonymous_ids=uuid_strings(rng.integers(0, 256, (n, 16), dtype=np.uint8)),
        account=account,
        rank=rank,
        signup_at=signup,
        zone=zone,
        offset_us=offset_us,
        first_name=first_name,
        last_name=last_name,
        email=email,
        free_mail=free_mail,
        grouped=grouped,
        invited=invited,
        inviter=inviter,
        title=title,
        seniority=seniority,
        engagement=engagement,
        depth=depth,
        lifetime_days=lifetime,
        client=choice(rng, tuple(c.share for c in ref.CLIENTS), n),
        device_ids=uuid_strings(rng.integers(0, 256, (n, 16), dtype=np.uint8)),
        campaign=np.where(
            rng.random(n) < ref.CAMPAIGN_SHARE, rng.integers(0, len(ref.CAMPAIGNS), n), -1
        ),
        screen=rng.integers(0, len(ref.SCREENS), n),
        ip=ip,
    )
    # every account keeps its first user: rank 0 signs up at created_at, before the period ends
    return Population(accounts=accounts, users=users, start_us=start_us, end_us=end_us)


def _titles(rng: np.random.Generator, small: Bool, founder: Bool) -> I64:
    out = np.empty(len(small), dtype=np.int64)
    senior = np.array([t.seniority >= 5 for t in ref.TITLES])
    for is_small in (False, True):
        for is_founder in (False, True):
            members = np.flatnonzero((small == is_small) & (founder == is_founder))
            weights = np.array([t.weight_small if is_small else t.weight_large for t in ref.TITLES])
            if is_founder:
                weights = weights * np.where(senior, 4.0 if is_small else 1.5, 1.0)
            out[members] = choice(rng, weights, len(members))
    return out


def _activation_depth(rng: np.random.Generator, engagement: F64, steps: int) -> I64:
    """How many activation steps each user means to complete (0..steps)."""
    base = np.array([0.88, 0.8, 0.85, 0.72, 0.8, 0.8][:steps])
    willingness = np.clip(0.55 + 0.35 * np.log1p(engagement), 0.3, 1.0)
    done = rng.random((len(engagement), steps)) < base[None, :] * willingness[:, None]
    depth: I64 = np.cumprod(done, axis=1).sum(axis=1).astype(np.int64)
    return depth


def _emails(
    rng: np.random.Generator, first: I64, last: I64, free_mail: Bool, company_domain: Strings
) -> Strings:
    n = len(first)
    firsts = np.char.lower(np.array(ref.FIRST_NAMES))[first]
    lasts = np.char.lower(np.array(ref.LAST_NAMES))[last]
    initials = np.array([name[0] for name in np.char.lower(np.array(ref.FIRST_NAMES))])[first]
    dotted = np.char.add(np.char.add(firsts, "."), lasts)
    local = np.where(rng.random(n) < 0.7, dotted, np.char.add(initials, lasts))
    numbered = np.char.add(
        np.where(rng.random(n) < 0.6, dotted, np.char.add(firsts, lasts)),
        rng.integers(1, 1000, n).astype(str),
    )
    free_domains = np.array(ref.FREE_MAIL_DOMAINS)[choice(rng, ref.FREE_MAIL_WEIGHTS, n)]
    local = np.where(free_mail, numbered, local)
    domain = np.where(free_mail, free_domains, company_domain)
    email = np.char.add(np.char.add(local, "@"), domain)
    return _dedupe(email, np.arange(n, dtype=np.int64) + 2, "@")
