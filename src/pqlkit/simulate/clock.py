"""Time in the simulation: integer microseconds since the Unix epoch, naive UTC.

People work in their own time zone: most activity falls in local working hours (a morning and an
afternoon peak, a little in the evening, a little at any hour), and far less on weekends. These
helpers turn "a local day" into a UTC instant with that daily and weekly rhythm.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import numpy.typing as npt

SECOND = 1_000_000
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
DAY = 24 * HOUR
WEEKEND_ACTIVITY = 0.25  # a weekend day sees this share of a weekday's sessions

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
Bool = npt.NDArray[np.bool_]

_EPOCH = datetime(1970, 1, 1)


def to_us(moment: datetime) -> int:
    """Microseconds since the epoch for a naive UTC datetime."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * SECOND + delta.microseconds


def weekday(local_us: I64) -> I64:
    """Day of the week (Monday = 0) of local instants."""
    return ((local_us // DAY) + 3) % 7  # 1970-01-01 was a Thursday


def is_weekend(local_us: I64) -> Bool:
    return weekday(local_us) >= 5


def time_of_day(rng: np.random.Generator, n: int) -> I64:
    """Local time of day (µs after midnight) of product use: working hours, some evening."""
    part = rng.random(n)
    hours = np.where(
        part < 0.42,
        rng.normal(10.0, 1.3, n),
        np.where(
            part < 0.84,
            rng.normal(14.5, 1.6, n),
            np.where(part < 0.94, rng.normal(20.5, 1.4, n), rng.uniform(0.0, 24.0, n)),
        ),
    )
    hours = np.clip(hours, 0.0, 23.999)
    return (hours * HOUR).astype(np.int64)


def local_instant(rng: np.random.Generator, local_day: I64, offset_us: I64) -> I64:
    """A UTC instant in working hours of the given local days (µs of local midnight)."""
    return local_day + time_of_day(rng, len(local_day)) - offset_us


def local_midnight(utc_us: I64, offset_us: I64) -> I64:
    """Local midnight (expressed on the local clock) of the local day containing a UTC instant."""
    local = utc_us + offset_us
    return (local // DAY) * DAY


def move_off_weekend(rng: np.random.Generator, local_day: I64, keep_share: float) -> I64:
    """Move weekend days to the next Monday, except for ``keep_share`` of them."""
    wd = weekday(local_day)
    weekend = wd >= 5
    move = weekend & (rng.random(len(local_day)) >= keep_share)
    return np.where(move, local_day + (7 - wd) * DAY, local_day)
