"""Moments as the store keeps them: naive UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pqlkit.errors import ConfigError
from pqlkit.times import naive_utc


def test_a_moment_with_a_zone_is_read_in_utc_and_a_naive_one_is_utc_already() -> None:
    east = timezone(timedelta(hours=5))
    assert naive_utc(datetime(2026, 3, 1, 9, 30, tzinfo=east)) == datetime(2026, 3, 1, 4, 30)
    assert naive_utc(datetime(2026, 3, 1, 9, 30)) == datetime(2026, 3, 1, 9, 30)
    assert naive_utc(None) is None


def test_a_moment_that_utc_takes_before_year_one_is_refused_by_its_value() -> None:
    east = timezone(timedelta(hours=5))
    with pytest.raises(ConfigError, match=r"0001-01-01T00:00:00\+05:00: outside the years"):
        naive_utc(datetime(1, 1, 1, tzinfo=east))
