"""Moments as the store keeps them: naive UTC datetimes, written out as ISO 8601 with a Z."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal


def utc_now() -> datetime:
    """Now, in UTC, without a time zone (as every timestamp column of the store)."""
    return datetime.now(UTC).replace(tzinfo=None)


def naive_utc(moment: datetime | None) -> datetime | None:
    """``moment`` in UTC without a time zone; a naive moment is taken as UTC already. A moment
    that UTC takes past the years a date can hold (``0001-01-01T00:00+05:00``) is refused."""
    if moment is None or moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        from pqlkit.errors import ConfigError

        raise ConfigError(
            f"{moment.isoformat()}: outside the years a date can hold in UTC"
        ) from None


def iso_z(
    moment: datetime | None, timespec: Literal["seconds", "microseconds"] = "microseconds"
) -> str | None:
    """A naive UTC moment as ``2026-03-01T09:30:00.000000Z`` (``None`` stays ``None``)."""
    return None if moment is None else moment.isoformat(timespec=timespec) + "Z"
