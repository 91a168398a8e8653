"""Every signal kind, on every engine: given these events, the signal's value as of T is this.

One persona, uma, does a bit of everything; wes is her teammate and vic does the setup steps
out of order. T is 2026-03-01 00:00 UTC and every event sits a whole number of days before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pqlkit.store.store import Store
from tests.history import History
from tests.scoring.test_pillars import DAY, T, score

SIGNALS = """
name: signals-spec
entity: user
population: all
signals:
  seats_30d: {aggregate: {event: Seats Added, property: seats, fn: sum, window: 30d}}
  most_seats: {aggregate: {event: Seats Added, property: seats, fn: max}}
  last_plan: {aggregate: {event: Plan Viewed, property: plan, fn: last, type: string}}
  devices: {aggregate: {event: File Uploaded, property: device, fn: distinct}}
  active_days_7d: {active_days: {window: 7d}}
  features_30d: {distinct: {of: event, window: 30d}}
  teammates_active_14d: {distinct: {of: user, scope: account, window: 14d}}
  sessions_14d: {sessions: {window: 14d}}
  team_sessions_14d: {sessions: {window: 14d, scope: account}}
  days_since_login: {days_since: {event: Signed In, which: last}}
  days_to_dashboard: {time_between: {start: Signed Up, end: Dashboard Created}}
  set_up_in_order: {milestone: {steps: [Project Created, Dashboard Created], ordered: true}}
  three_reports: {milestone: {steps: [{event: Report Created, at_least: 3}]}}
  reports_change: {trend: {event: Report Created, window: 7d, measure: change}}
  reports_ratio: {trend: {event: Report Created, window: 7d, measure: ratio}}
  first_week_reports: {count: {event: Report Created, within: 7d}}
layers:
  growth:
    rules:
      - {signal: reports_change, at_least: 1, points: 10, label: more reports than last week}
tiers: {pql: 10}
"""

ROLLUPS = """
name: rollup-spec
entity: account
population: all
signals:
  reports_30d: {count: {event: Report Created, window: 30d}, level: user}
  team_reports: {rollup: {signal: reports_30d, fn: sum}}
  top_reporter: {rollup: {signal: reports_30d, fn: max}}
  power_users: {rollup: {signal: reports_30d, fn: count, where: {at_least: 3}}}
layers:
  team:
    rules:
      - {signal: power_users, at_least: 2, points: 50, label: two or more power users}
tiers: {pql: 50}
"""


def model_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "model.yaml"
    path.write_text(text)
    return str(path)


def join(h: History, user: str) -> None:
    h.identify(user, T - 21 * DAY, email=f"{user}@acme.com")
    h.group(user, "acme", T - 21 * DAY, domain="acme.com")


@pytest.fixture
def uma(store: Store, tmp_path: Path) -> dict[str, dict[str, Any]]:
    uma_history().load(store, tmp_path)
    return score(store, model=model_file(tmp_path, SIGNALS))


def uma_history() -> History:
    h = History()
    for user in ("uma", "wes", "vic"):
        join(h, user)
    h.track("uma", "Signed Up", T - 20 * DAY)
    h.track("uma", "Project Created", T - 19 * DAY)
    h.track("uma", "Dashboard Created", T - 17 * DAY)
    h.track("uma", "Report Created", T - 19 * DAY)  # first week after signing up
    h.repeat("uma", "Report Created", 2, T - 10 * DAY, DAY)  # the week before last
    h.repeat("uma", "Report Created", 5, T - 6 * DAY, DAY)  # last week: T-6d … T-2d
    h.track("uma", "Seats Added", T - 40 * DAY, seats=3)  # outside 30 days
    h.track("uma", "Seats Added", T - 5 * DAY, seats=2)
    h.track("uma", "Seats Added", T - 3 * DAY, seats=4)
    h.track("uma", "Plan Viewed", T - 10 * DAY, plan="team")
    h.track("uma", "Plan Viewed", T - 4 * DAY, plan="business")
    for days, device in [(5, "mac"), (4, "ios"), (3, "mac")]:
        h.track("uma", "File Uploaded", T - days * DAY, device=device)
    h.track("uma", "Signed In", T - 2 * DAY)
    h.identify("uma", T - 1 * DAY, title="Analyst")  # a trait, not activity: no day, no session
    h.track("uma", "Report Created", T)  # at T: never counted
    h.track("wes", "Report Created", T - 3 * DAY)
    h.track("vic", "Signed Up", T - 20 * DAY)
    h.track("vic", "Dashboard Created", T - 19 * DAY)
    h.track("vic", "Project Created", T - 18 * DAY)
    return h


def test_aggregates_of_a_property(uma: dict[str, dict[str, Any]]) -> None:
    row = uma["uma"]
    assert row["s__seats_30d"] == 6  # 2 + 4; the 3 seats 40 days ago are outside the window
    assert row["s__most_seats"] == 4
    assert row["s__last_plan"] == "business"
    assert row["s__devices"] == 2  # mac, ios


def test_activity_days_features_and_teammates(uma: dict[str, dict[str, Any]]) -> None:
    row = uma["uma"]
    assert row["s__active_days_7d"] == 5  # T-6d … T-2d (her identify call at T-1d is no activity)
    # Signed Up, Project Created, Dashboard Created, Report Created, Seats Added, Plan Viewed,
    # File Uploaded, Signed In
    assert row["s__features_30d"] == 8
    assert row["s__teammates_active_14d"] == 2  # uma and wes; vic was last active 18 days ago
    assert row["s__sessions_14d"] == 7  # one a day: T-10d, T-9d, T-6d … T-2d
    # each member's sessions added up: uma's 7 and wes's 1 (at the same moment as one of uma's)
    assert row["s__team_sessions_14d"] == uma["vic"]["s__team_sessions_14d"] == 8
    assert row["s__days_since_login"] == 2


def test_a_teams_sessions_are_its_members_own_with_or_without_a_users_signal_alike(
    store: Store, tmp_path: Path
) -> None:
    uma_history().load(store, tmp_path)
    alone = SIGNALS.replace("  sessions_14d: {sessions: {window: 14d}}\n", "")
    rows = score(store, model=model_file(tmp_path, alone))  # no user sessions to add up
    assert rows["uma"]["s__team_sessions_14d"] == rows["vic"]["s__team_sessions_14d"] == 8
    shorter = SIGNALS.replace("sessions: {window: 14d}}", "sessions: {window: 7d}}")
    rows = score(store, model=model_file(tmp_path, shorter))  # a different definition
    assert rows["uma"]["s__sessions_14d"] == 5  # T-6d … T-2d
    assert rows["uma"]["s__team_sessions_14d"] == 8


def test_time_between_and_ordered_milestones(uma: dict[str, dict[str, Any]]) -> None:
    assert uma["uma"]["s__days_to_dashboard"] == 3
    assert uma["uma"]["s__set_up_in_order"] is True
    assert uma["vic"]["s__days_to_dashboard"] == 1
    assert uma["vic"]["s__set_up_in_order"] is False  # dashboard before project
    assert uma["uma"]["s__three_reports"] is True
    assert uma["vic"]["s__three_reports"] is False


def test_trend_compares_this_window_with_the_one_before(uma: dict[str, dict[str, Any]]) -> None:
    row = uma["uma"]
    assert row["s__reports_change"] == 3  # 5 last week against 2 the week before
    assert row["s__reports_ratio"] == 2.5
    assert row["s__first_week_reports"] == 1
    assert (row["score"], row["tier"]) == (10, "pql")
    assert uma["wes"]["s__reports_ratio"] is None  # nothing the week before: no ratio


def test_account_rollups_of_a_user_signal(store: Store, tmp_path: Path) -> None:
    h = History()
    for user, reports in [("ann", 4), ("ben", 3), ("cy", 1)]:
        join(h, user)
        h.repeat(user, "Report Created", reports, T - 10 * DAY, DAY)
    rows = score(h.load(store, tmp_path), model=model_file(tmp_path, ROLLUPS))
    acme = rows["acme"]
    assert (acme["s__team_reports"], acme["s__top_reporter"], acme["s__power_users"]) == (8, 4, 2)
    assert (acme["score"], acme["tier"]) == (50, "pql")


def test_every_call_of_the_store_is_an_activity_or_not_and_never_both() -> None:
    # signals test "not identify, group or alias": true of the activities only while the
    # store's calls are these six
    from pqlkit.compile.signals import ACTIVITY_TYPES, NOT_ACTIVITY
    from pqlkit.store.schema import EVENT_TYPES

    assert sorted(ACTIVITY_TYPES + NOT_ACTIVITY) == sorted(EVENT_TYPES)
