"""When each user comes back: sessions with a daily and weekly rhythm.

A user's first session starts at signup. After that, a user comes back on a weekday at a rate set
by their engagement (power users most days, casual users every week or two), much less often on
weekends, at a local working hour, for as long as their *lifetime* lasts (many users never come
back after signup; activated users stay longer). Two sessions of a user start at least an hour
apart and a session lasts at most 25 minutes, so a 30-minute inactivity timeout recovers exactly
these sessions. Every event the simulator makes for a signed-up user lives inside one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pqlkit.simulate.clock import (
    DAY,
    F64,
    HOUR,
    I64,
    MINUTE,
    WEEKEND_ACTIVITY,
    Bool,
    is_weekend,
    local_instant,
    local_midnight,
)
from pqlkit.simulate.company import Population

MIN_GAP = HOUR
MAX_DURATION = 25 * MINUTE


@dataclass(frozen=True)
class Sessions:
    """All sessions, sorted by (user, start)."""

    user: I64
    start: I64
    duration: I64
    at_signup: Bool
    first: I64  # per user: index of the user's first session
    count: I64  # per user: number of sessions
    key: I64  # user * width + start in ms since base: sorted, for searches
    base_us: int
    width_ms: int

    @property
    def size(self) -> int:
        return len(self.user)

    def _query(self, users: I64, t: I64) -> I64:
        ms = np.clip((t - self.base_us) // 1000, 0, self.width_ms - 1)
        return users * self.width_ms + ms

    def first_from(self, users: I64, t: I64) -> I64:
        """Index of each user's first session starting at or after ``t``; -1 if none."""
        lo = np.searchsorted(self.key, self._query(users, t), side="left")
        end = self.first[users] + self.count[users]
        return np.where(lo < end, lo, -1).astype(np.int64)

    def last_before(self, users: I64, t: I64) -> I64:
        """Index of each user's last session starting before ``t``; -1 if none."""
        j = np.searchsorted(self.key, self._query(users, t), side="left") - 1
        return np.where(j >= self.first[users], j, -1).astype(np.int64)

    def pick(self, rng: np.random.Generator, users: I64, t_min: I64) -> I64:
        """A random session of each user starting at or after ``t_min``; -1 if none."""
        lo = np.searchsorted(self.key, self._query(users, t_min), side="left")
        end = self.first[users] + self.count[users]
        span = end - lo
        idx = lo + np.floor(rng.random(len(users)) * np.maximum(span, 1)).astype(np.int64)
        return np.where(span > 0, idx, -1).astype(np.int64)

    def moment(self, rng: np.random.Generator, idx: I64, low: float = 0.05) -> I64:
        """A random instant inside each session (after its opening event)."""
        frac = low + (1.0 - low) * rng.random(len(idx))
        return self.start[idx] + 1000 + (frac * self.duration[idx]).astype(np.int64)


def session_rate(engagement: F64, intensity: float) -> F64:
    """Expected sessions per weekday of an active user."""
    return np.asarray(0.32 * engagement**0.8 * intensity**0.5, dtype=np.float64)


def build_sessions(rng: np.random.Generator, population: Population, intensity: float) -> Sessions:
    users = population.users
    end_us = population.end_us
    active_until = np.minimum(
        users.signup_at + (users.lifetime_days * DAY).astype(np.int64), end_us
    )
    window_days = np.maximum(active_until - users.signup_at, 0) / DAY
    candidates = rng.poisson(session_rate(users.engagement, intensity) * window_days)
    who = np.repeat(np.arange(users.count, dtype=np.int64), candidates)
    when = users.signup_at[who] + (rng.random(len(who)) * window_days[who] * DAY).astype(np.int64)
    offset = users.offset_us[who]
    start = local_instant(rng, local_midnight(when, offset), offset)
    keep = (
        (start >= users.signup_at[who] + MIN_GAP)
        & (start < end_us - MAX_DURATION)
        & (~is_weekend(start + offset) | (rng.random(len(who)) < WEEKEND_ACTIVITY))
    )
    who, start = who[keep], start[keep]

    all_user = np.concatenate([np.arange(users.count, dtype=np.int64), who])
    all_start = np.concatenate([users.signup_at, start])
    at_signup = np.concatenate([np.ones(users.count, dtype=bool), np.zeros(len(who), dtype=bool)])
    order = np.lexsort((~at_signup, all_start, all_user))
    all_user, all_start, at_signup = all_user[order], all_start[order], at_signup[order]
    too_close = np.zeros(len(all_user), dtype=bool)
    too_close[1:] = (all_user[1:] == all_user[:-1]) & (all_start[1:] - all_start[:-1] < MIN_GAP)
    keep = ~too_close | at_signup
    all_user, all_start, at_signup = all_user[keep], all_start[keep], at_signup[keep]

    duration = np.clip(rng.lognormal(np.log(7 * MINUTE), 0.6, len(all_user)), MINUTE, MAX_DURATION)
    duration = np.where(at_signup, rng.uniform(12 * MINUTE, MAX_DURATION, len(all_user)), duration)
    duration = np.minimum(duration.astype(np.int64), end_us - 1000 - all_start)
    count = np.bincount(all_user, minlength=users.count).astype(np.int64)
    first = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
    base = population.start_us - 30 * DAY
    width = (end_us - base) // 1000 + 2
    return Sessions(
        user=all_user,
        start=all_start,
        duration=duration,
        at_signup=at_signup,
        first=first,
        count=count,
        key=all_user * width + (all_start - base) // 1000,
        base_us=base,
        width_ms=int(width),
    )
