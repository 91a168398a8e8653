"""What the simulator is asked to build.

A :class:`SimulationConfig` names the size of the simulated company's market (``accounts``), the
period (``start`` and ``days``), the seed that makes every byte reproducible, an optional
``target_events`` that sizes the activity to a benchmark, the range the user-level conversion rate
must land in, whether events carry a realistic (≥ 1 KB per JSON line) Segment context, and the
product's event vocabulary. Impossible settings raise :class:`pqlkit.errors.SimulationError` at
construction (or, for a conversion range the population cannot reach, from ``generate``).

With ``target_events`` the total lands within a few percent of the target. ``accounts`` is kept
when that needs 0.5–2× the natural activity per user; beyond that the market grows or shrinks
(about 300 events per account over 120 days at natural activity), so a 10-million-event benchmark
looks like a bigger company, not like superhuman users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pqlkit.errors import SimulationError
from pqlkit.simulate.vocabulary import DEFAULT_VOCABULARY, Vocabulary

MIN_DAYS = 14
MAX_DAYS = 3650
MIN_TARGET_EVENTS = 1_000


@dataclass(frozen=True)
class SimulationConfig:
    """The simulated company and period; the same config always gives byte-identical data."""

    accounts: int = 2000
    seed: int = 42
    start: datetime = datetime(2026, 1, 1)  # naive UTC
    days: int = 120
    target_events: int | None = None
    conversion_rate: tuple[float, float] = (0.04, 0.12)
    rich_context: bool = True
    vocabulary: Vocabulary = field(default=DEFAULT_VOCABULARY)

    def __post_init__(self) -> None:
        problems = config_problems(self)
        if problems:
            raise SimulationError("impossible simulation config: " + "; ".join(problems))


def config_problems(config: SimulationConfig) -> list[str]:
    """Every reason the config cannot be simulated, each naming the setting to change."""
    problems: list[str] = []
    if isinstance(config.accounts, bool) or not isinstance(config.accounts, int):
        problems.append(f"accounts must be an integer, got {config.accounts!r}")
    elif config.accounts < 1:
        problems.append(f"accounts must be at least 1, got {config.accounts}")
    if isinstance(config.seed, bool) or not isinstance(config.seed, int) or config.seed < 0:
        problems.append(f"seed must be a non-negative integer, got {config.seed!r}")
    if not isinstance(config.start, datetime):
        problems.append(f"start must be a datetime, got {config.start!r}")
    elif config.start.tzinfo is not None:
        problems.append("start must be a naive datetime in UTC (drop the tzinfo)")
    if isinstance(config.days, bool) or not isinstance(config.days, int):
        problems.append(f"days must be an integer, got {config.days!r}")
    elif not MIN_DAYS <= config.days <= MAX_DAYS:
        problems.append(
            f"days must be between {MIN_DAYS} and {MAX_DAYS} (windows such as 'sessions in the "
            f"last 14 days' need room), got {config.days}"
        )
    if config.target_events is not None and (
        isinstance(config.target_events, bool)
        or not isinstance(config.target_events, int)
        or config.target_events < MIN_TARGET_EVENTS
    ):
        problems.append(
            f"target_events must be None or an integer of at least {MIN_TARGET_EVENTS:,}, "
            f"got {config.target_events!r}"
        )
    rate = config.conversion_rate
    if (
        not isinstance(rate, tuple)
        or len(rate) != 2
        or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in rate)
    ):
        problems.append(f"conversion_rate must be a (low, high) pair of floats, got {rate!r}")
    else:
        low, high = rate
        if not 0.0 < low <= high < 1.0:
            problems.append(
                f"conversion_rate must satisfy 0 < low <= high < 1, got ({low}, {high})"
            )
        elif high > 0.6:
            problems.append(
                f"conversion_rate high end {high} is not a free-to-paid rate a PLG company has; "
                "use at most 0.6"
            )
    if not isinstance(config.vocabulary, Vocabulary):
        problems.append("vocabulary must be a pqlkit.simulate.Vocabulary")
    return problems
