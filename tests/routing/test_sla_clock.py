"""SLA clocks: wall-clock hours, and business hours in a team's time zone and working week."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pqlkit.routing.calendar import BusinessCalendar, Sla, due
from pqlkit.routing.schema import parse_sla

NEW_YORK = BusinessCalendar(timezone="America/New_York", holidays=frozenset({date(2026, 12, 25)}))
FOUR_BUSINESS_HOURS = Sla(timedelta(hours=4), business=True)


def test_one_wall_clock_hour_is_an_hour_whatever_the_day() -> None:
    saturday_night = datetime(2026, 3, 7, 23, 30)
    assert due(saturday_night, Sla(timedelta(hours=1))) == datetime(2026, 3, 8, 0, 30)


def test_four_business_hours_from_friday_afternoon_end_on_monday() -> None:
    # Friday 16:00 in New York (21:00 UTC): one hour on Friday, three on Monday → 12:00 there
    assert due(datetime(2026, 3, 6, 21, 0), FOUR_BUSINESS_HOURS, NEW_YORK) == datetime(
        2026,
        3,
        9,
        16,
        0,  # Monday 12:00 EDT (daylight time began on Sunday 8 March)
    )


def test_a_lead_at_night_starts_its_clock_at_the_next_opening() -> None:
    # Tuesday 03:00 UTC is Monday 22:00 in New York: the clock starts Tuesday 09:00 there
    assert due(datetime(2026, 3, 3, 3, 0), FOUR_BUSINESS_HOURS, NEW_YORK) == datetime(
        2026, 3, 3, 18, 0
    )


def test_holidays_are_skipped() -> None:
    christmas_eve_4pm = datetime(2026, 12, 24, 21, 0)  # Thursday 16:00 EST
    assert due(christmas_eve_4pm, FOUR_BUSINESS_HOURS, NEW_YORK) == datetime(
        2026,
        12,
        28,
        17,
        0,  # 1 hour Thursday, Friday is Christmas, 3 hours Monday → 12:00 EST
    )


def test_slas_as_written_in_a_routing_file() -> None:
    assert parse_sla("1h") == Sla(timedelta(hours=1))
    assert parse_sla("4 business hours") == FOUR_BUSINESS_HOURS
    assert parse_sla("1 business day") == Sla(timedelta(hours=8), business=True)
    with pytest.raises(ValueError, match="is not an SLA"):
        parse_sla("soon")


calendars = st.builds(
    BusinessCalendar,
    timezone=st.sampled_from(["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"]),
    days=st.sets(st.integers(0, 6), min_size=1).map(lambda s: tuple(sorted(s))),
    opens=st.sampled_from([time(8, 0), time(9, 0), time(9, 30)]),
    closes=st.sampled_from([time(12, 0), time(17, 0), time(18, 30)]),
    holidays=st.frozensets(st.dates(date(2026, 1, 1), date(2027, 12, 31)), max_size=10),
)
moments = st.datetimes(datetime(2026, 1, 1), datetime(2027, 6, 30))
slas = st.builds(
    Sla,
    amount=st.integers(1, 60 * 60).map(lambda m: timedelta(minutes=m)),
    business=st.just(True),
)


@settings(max_examples=200, deadline=None)
@given(start=moments, sla=slas, calendar=calendars)
def test_a_business_deadline_is_after_the_start_and_inside_working_hours(
    start: datetime, sla: Sla, calendar: BusinessCalendar
) -> None:
    deadline = due(start, sla, calendar)
    assert deadline >= start
    assert calendar.is_working_time(deadline)


@settings(max_examples=200, deadline=None)
@given(
    start=moments,
    later=st.integers(0, 14 * 24 * 60).map(lambda m: timedelta(minutes=m)),
    sla=slas,
    calendar=calendars,
)
def test_a_later_start_never_gives_an_earlier_deadline(
    start: datetime, later: timedelta, sla: Sla, calendar: BusinessCalendar
) -> None:
    assert due(start + later, sla, calendar) >= due(start, sla, calendar)


@settings(max_examples=100, deadline=None)
@given(start=moments, sla=slas, calendar=calendars)
def test_exactly_the_sla_of_working_time_lies_between_start_and_deadline(
    start: datetime, sla: Sla, calendar: BusinessCalendar
) -> None:
    deadline = due(start, sla, calendar)
    worked = timedelta(0)
    for opening, closing in calendar.intervals(start):
        if opening >= deadline:
            break
        worked += max(timedelta(0), min(closing, deadline) - max(opening, start))
    assert worked == sla.amount
