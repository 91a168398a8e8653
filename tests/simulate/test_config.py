"""Impossible configurations are refused with a message naming the setting; targets are met."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from pqlkit.errors import SimulationError
from pqlkit.simulate import SimulationConfig, generate


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"accounts": 0}, "accounts must be at least 1"),
        ({"days": 3}, "days must be between"),
        ({"target_events": 10}, "target_events must be None or an integer of at least"),
        ({"conversion_rate": (0.2, 0.1)}, "conversion_rate must satisfy"),
        ({"conversion_rate": (0.5, 0.9)}, "not a free-to-paid rate"),
        ({"start": datetime(2026, 1, 1, tzinfo=UTC)}, "naive datetime"),
        ({"seed": -1}, "seed must be a non-negative integer"),
    ],
)
def test_impossible_settings_are_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(SimulationError, match=message):
        SimulationConfig(**change)


@pytest.mark.parametrize("target", [20_000, 150_000])
def test_target_events_is_honoured_within_ten_percent(target: int) -> None:
    sim = generate(SimulationConfig(accounts=2000, seed=3, target_events=target))
    assert abs(sim.events.num_rows - target) <= 0.1 * target


def test_a_large_target_grows_the_market_instead_of_inflating_users() -> None:
    small = generate(SimulationConfig(accounts=100, seed=3, days=60))
    large = generate(SimulationConfig(accounts=100, seed=3, days=60, target_events=300_000))
    assert large.accounts.num_rows > 2 * small.accounts.num_rows
    per_user_small = small.events.num_rows / small.users.num_rows
    per_user_large = large.events.num_rows / large.users.num_rows
    assert per_user_large < 2.5 * per_user_small
