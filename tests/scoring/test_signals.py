"""Every signal kind, on every engine: given these events, the signal's value as of T is this.

One persona, uma, does a bit of everything; wes is her teammate and vic does the setup steps
out of order. T is 2026-03-01 00:00 UTC and every event sits a whole number of days before it.
"""

from __future__ import annotations

from datetime import timedelta
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


REACHES = """
name: reach-spec
entity: user
population: free
signals:
  reports_30d: {count: {event: Report Created, window: 30d}}
  paywall_30d: {count: {event: Paywall Hit, window: 30d}}
  paywall_7d: {count: {event: Paywall Hit, window: 7d}}
  invites_7d: {count: {event: Invite Sent, window: 7d}}
  ever_reported: {milestone: {steps: [Report Created]}}
  invites: {count: {event: Invite Sent}}
layers:
  usage:
    rules:
      - {signal: reports_30d, at_least: 1, points: 10, label: reported this month}
tiers: {pql: 10}
"""


def test_each_event_is_read_as_far_back_as_the_longest_signal_reading_it(
    store: Store, tmp_path: Path
) -> None:
    # a run reads an event only within the longest window of the signals that can match it
    # (all of history for one without a window): the counts at their window's edges, and an
    # old report read for the milestone though the 30 days' count leaves it out
    h = History()
    for user in ("amy", "bo"):
        join(h, user)
    h.identify("cal", T - 90 * DAY, email="cal@cal.io")
    h.track("amy", "Report Created", T - 30 * DAY)  # the window's first instant: counted
    h.track("amy", "Report Created", T - 30 * DAY - timedelta(seconds=1))
    h.track("bo", "Report Created", T - 40 * DAY)  # reads only for the milestone
    for days in (31, 20, 3):  # read for 30 days, the longer of its two windows
        h.track("amy", "Paywall Hit", T - days * DAY)
    h.repeat("amy", "Invite Sent", 2, T - 8 * DAY, DAY)  # T-8d, T-7d
    h.track("cal", "Subscription Started", T - 60 * DAY)  # long paying: not in the population
    rows = score(h.load(store, tmp_path), model=model_file(tmp_path, REACHES))
    amy, bo = rows["amy"], rows["bo"]
    assert (amy["s__reports_30d"], amy["s__ever_reported"]) == (1, True)
    assert (amy["s__paywall_30d"], amy["s__paywall_7d"]) == (2, 1)
    assert (amy["s__invites_7d"], amy["s__invites"]) == (1, 2)
    assert (bo["s__reports_30d"], bo["s__ever_reported"], bo["score"]) == (0, True, 0)
    assert "cal" not in rows


def test_every_call_of_the_store_is_an_activity_or_not_and_never_both() -> None:
    # signals test "not identify, group or alias": true of the activities only while the
    # store's calls are these six
    from pqlkit.compile.signals import ACTIVITY_TYPES, NOT_ACTIVITY
    from pqlkit.store.schema import EVENT_TYPES

    assert sorted(ACTIVITY_TYPES + NOT_ACTIVITY) == sorted(EVENT_TYPES)
