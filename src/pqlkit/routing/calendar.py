"""SLA clocks: a deadline ``sla`` after ``start``, in wall-clock or in business hours.

A :class:`BusinessCalendar` is a team's working time: a time zone, the working days, the daily
hours and a list of holidays (local dates). Business time only runs inside working hours, so
"4 business hours" from Friday 16:00 in New York is Monday 12:00 there. Times in and out are
naive UTC, as everywhere in the store; the calendar works in the team's local time.

Invariants (property-tested): ``due >= start``; a business deadline falls inside working hours
(after an opening, at or before a closing); a later start never gives an earlier deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_DAYS = 3 * 366  # a business SLA that cannot be met within three years is a configuration error


@dataclass(frozen=True)
class BusinessCalendar:
    timezone: str = "UTC"
    days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    opens: time = time(9, 0)
    closes: time = time(17, 0)
    holidays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.days:
            raise ValueError("a business calendar needs at least one working day")
        if self.opens >= self.closes:
            raise ValueError(f"opening time {self.opens} must be before closing time {self.closes}")
        ZoneInfo(self.timezone)  # raises for an unknown zone

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.days and day not in self.holidays

    def intervals(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working intervals as naive UTC (opening, closing), from the local day of ``start``."""
        zone = self.zone
        local_day = _to_utc_aware(start).astimezone(zone).date()
        for offset in range(MAX_DAYS + 1):
            day = local_day + timedelta(days=offset)
            if not self.is_working_day(day):
                continue
            opening = datetime.combine(day, self.opens, zone).astimezone(UTC)
            closing = datetime.combine(day, self.closes, zone).astimezone(UTC)
            yield opening.replace(tzinfo=None), closing.replace(tzinfo=None)

    def is_working_time(self, moment: datetime) -> bool:
        """Inside a working interval (closing included: a deadline may fall on it)."""
        for opening, closing in self.intervals(moment - timedelta(days=1)):
            if opening > moment:
                return False
            if opening <= moment <= closing:
                return True
        return False


@dataclass(frozen=True)
class Sla:
    """A response time: ``amount`` of wall-clock time, or of business time when ``business``."""

    amount: timedelta
    business: bool = False

    def __post_init__(self) -> None:
        if self.amount <= timedelta(0):
            raise ValueError("an SLA must be longer than zero")

    def __str__(self) -> str:
        hours = self.amount.total_seconds() / 3600
        number = int(hours) if hours.is_integer() else round(hours, 2)
        unit = "business hour" if self.business else "hour"
        return f"{number} {unit}{'' if number == 1 else 's'}"


def due(start: datetime, sla: Sla, calendar: BusinessCalendar | None = None) -> datetime:
    """When a lead that arrived at ``start`` (naive UTC) must have been touched."""
    if not sla.business:
        return start + sla.amount
    if calendar is None:
        raise ValueError("a business-hours SLA needs a business calendar")
    remaining = sla.amount
    for opening, closing in calendar.intervals(start):
        if closing <= start:
            continue
        begin = max(opening, start)
        available = closing - begin
        if remaining <= available:
            return begin + remaining
        remaining -= available
    raise ValueError(f"the SLA {sla} cannot be met within {MAX_DAYS} days of this calendar")


def _to_utc_aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
