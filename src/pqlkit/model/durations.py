"""Durations as written in model files: ``30m``, ``4h``, ``14d``, ``2w``."""

from __future__ import annotations

import re
from datetime import timedelta

_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$")


def parse_duration(text: str) -> timedelta:
    """``"14d"`` → 14 days; raises ValueError with the accepted forms otherwise."""
    match = _PATTERN.match(str(text))
    if not match:
        raise ValueError(
            f"{text!r} is not a duration: write a number and a unit, e.g. 30m, 4h, 14d or 2w"
        )
    amount, unit = float(match.group(1)), match.group(2)
    if amount <= 0:
        raise ValueError(f"{text!r} must be longer than zero")
    return timedelta(**{_UNITS[unit]: amount})


def format_duration(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def per_week(text: str) -> float:
    """Sales capacity as PQLs per week: ``150/week``, ``30/day``, ``600/month`` or ``150``."""
    number, _, unit = str(text).partition("/")
    factor = {"": 1.0, "week": 1.0, "w": 1.0, "day": 7.0, "d": 7.0, "month": 7 / 30.4}.get(
        unit.strip().lower()
    )
    try:
        value = float(number)
    except ValueError:
        value = -1.0
    if factor is None or value <= 0:
        raise ValueError(f"{text!r} is not like 150/week, 30/day or 150")
    return value * factor
