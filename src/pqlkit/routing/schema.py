"""The schema of a routing file: immutable pydantic objects (see docs/routing.md)."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from pqlkit.model.durations import parse_duration
from pqlkit.routing.calendar import DAY_NAMES, BusinessCalendar, Sla

_SLA = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(business\s+hours?|business\s+days?|[mhdw])\s*$")
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_sla(value: Any) -> Sla:
    """``1h``, ``24h``, ``4 business hours``, ``1 business day`` (= one working day's hours)."""
    if isinstance(value, Sla):
        return value
    text = str(value)
    match = _SLA.match(text)
    if match is None:
        raise ValueError(
            f"{text!r} is not an SLA: write e.g. 1h, 24h, 4 business hours or 1 business day"
        )
    amount, unit = float(match.group(1)), match.group(2)
    if unit.startswith("business"):
        hours = amount * 8 if "day" in unit else amount  # a business day: 8 working hours
        return Sla(timedelta(hours=hours), business=True)
    return Sla(parse_duration(text))


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Test = Any  # a scalar (equals), a list (one of), or a Range mapping — checked in conditions.py


class CalendarSpec(_Frozen):
    timezone: str = "UTC"
    days: list[str] = ["mon", "tue", "wed", "thu", "fri"]
    hours: str = "09:00-17:00"
    holidays: list[date] = []

    @field_validator("days")
    @classmethod
    def _days(cls, value: list[str]) -> list[str]:
        for day in value:
            if day.lower()[:3] not in DAY_NAMES:
                raise ValueError(f"{day!r} is not a day: use {', '.join(DAY_NAMES)}")
        if not value:
            raise ValueError("at least one working day is needed")
        return value

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        match = _HOURS.match(value)
        if match is None:
            raise ValueError(f"{value!r} is not working hours: write e.g. 09:00-17:00")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if not (h1 < 24 and h2 <= 24 and m1 < 60 and m2 < 60) or (h1, m1) >= (h2, m2):
            raise ValueError(f"{value!r}: the opening must be before the closing, within a day")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone (e.g. Europe/Berlin)") from None
        return value

    def calendar(self) -> BusinessCalendar:
        match = _HOURS.match(self.hours)
        assert match is not None
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        closes = time(23, 59, 59, 999999) if h2 == 24 else time(h2, m2)
        return BusinessCalendar(
            timezone=self.timezone,
            days=tuple(sorted({DAY_NAMES.index(d.lower()[:3]) for d in self.days})),
            opens=time(h1, m1),
            closes=closes,
            holidays=frozenset(self.holidays),
        )


class Member(_Frozen):
    """A person in a team: CRM id, contact ids, capacity (share of the round-robin) and territory."""

    id: str
    email: str | None = None
    name: str | None = None
    slack_id: str | None = None
    capacity: int = Field(default=1, ge=0)
    territory: dict[str, Test] = {}

    @field_validator("id", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class Team(_Frozen):
    calendar: str | CalendarSpec = "default"
    members: list[Member] = []


SlaField = Annotated[Sla, BeforeValidator(parse_sla)]


class Path(_Frozen):
    description: str | None = None
    team: str | None = None  # None: no rep (self-serve)
    sla: SlaField | None = None
    keep_owner: list[str] = ["owner", "ae"]  # owner roles of the account that keep the lead
    coordinate_with: list[str] = []  # roles to tell, not to reassign (an enterprise CSM)
    actions: list[str] = []  # what happens on a path with no rep


class RoutingRule(_Frozen):
    path: str
    when: dict[str, Test] = {}
    reason: str | None = None


class TalkingPoint(_Frozen):
    when: dict[str, Test] = {}
    say: str


def _capacity(value: Any) -> Any:
    if value is None:
        return None
    from pqlkit.model.durations import per_week

    per_week(value)  # a ValueError names the problem
    return str(value)


class RoutingFile(_Frozen):
    route: list[str] = ["pql", "hot"]  # the tiers `pql route` routes (self-serve rules see all)
    # PQLs sales can work (150/week, 30/day): what `pql review` compares the volume with
    capacity: Annotated[str | None, BeforeValidator(_capacity)] = None
    regions: dict[str, list[str]] = {}  # region → country codes
    calendars: dict[str, CalendarSpec] = {}
    teams: dict[str, Team] = {}
    paths: dict[str, Path]
    rules: list[RoutingRule]
    talking_points: list[TalkingPoint] = []
