"""The pillars template, rule by rule: given these events, this user scores this, because of these rules.

Scoring time T is 2026-03-01 00:00 UTC. Every persona signs up into an account, so the
firmographic layer reads the account's traits.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pqlkit.compile.plan import compile_model
from pqlkit.model.loader import load
from pqlkit.store.store import Store
from tests.engines import engine_events
from tests.history import History

T = datetime(2026, 3, 1)
DAY = timedelta(days=1)
STEPS = ("Project Created", "Data Source Connected", "Dashboard Created")


def score(store: Store, as_of: datetime = T, model: str = "pillars") -> dict[str, dict[str, Any]]:
    table = compile_model(load(model).model, engine_events(store), as_of).table
    return {row["entity_id"]: row for row in table.to_pyarrow().to_pylist()}


def signup(
    h: History, user: str, at: datetime, employees: int = 10, industry: str = "Retail"
) -> History:
    h.identify(user, at, email=f"{user}@{user}-corp.com")
    h.group(
        user, f"acc-{user}", at, employees=employees, industry=industry, domain=f"{user}-corp.com"
    )
    return h.track(user, "Signed Up", at)


def activate(h: History, user: str, start: datetime) -> History:
    for n, step in enumerate(STEPS):
        h.track(user, step, start + n * timedelta(hours=1))
    return h


@pytest.fixture
def history() -> History:
    return History()


def test_a_fully_engaged_user_at_a_large_icp_company_is_hot(
    store: Store, tmp_path: Path, history: History
) -> None:
    signup(history, "ada", T - 28 * DAY, employees=250, industry="Software")
    activate(history, "ada", T - 27 * DAY)  # within 7 days of signup: 20 + 10
    history.sessions("ada", 7, T - 10 * DAY)  # 7 sessions in 14 days: 20
    history.repeat("ada", "Report Created", 5, T - 20 * DAY, DAY)  # core 5x in 30 days: 10
    history.track("ada", "Paywall Hit", T - 2 * DAY)  # 15
    history.repeat("ada", "Invite Sent", 2, T - 3 * DAY, timedelta(minutes=5))  # 10
    row = score(history.load(store, tmp_path))["ada"]
    assert row["l__activation"] == 30
    assert row["l__usage"] == 30  # 20 + 10 = 30, at the cap
    assert row["l__firmographic"] == 25  # 200+ employees 20, ICP industry 5
    assert row["l__intent"] == 25  # paywall 15 + invites 10
    assert row["score"] == 110
    assert row["tier"] == "hot"


@pytest.mark.parametrize(("sessions", "points"), [(2, 0), (3, 10), (6, 10), (7, 20)])
def test_session_bands(
    store: Store, tmp_path: Path, history: History, sessions: int, points: int
) -> None:
    signup(history, "bo", T - 40 * DAY)
    history.sessions("bo", sessions, T - 13 * DAY)
    row = score(history.load(store, tmp_path))["bo"]
    # the sign-up itself is a session 40 days ago, outside the 14-day window
    assert row["s__sessions_14d"] == sessions
    assert row["p__usage__0"] == points


def test_events_within_30_minutes_are_one_session(
    store: Store, tmp_path: Path, history: History
) -> None:
    signup(history, "cy", T - 40 * DAY)
    start = T - 5 * DAY
    history.repeat("cy", "Report Created", 4, start, timedelta(minutes=29))  # one session
    history.track("cy", "Report Created", start + timedelta(minutes=3 * 29 + 31))  # a second
    row = score(history.load(store, tmp_path))["cy"]
    assert row["s__sessions_14d"] == 2


@pytest.mark.parametrize(
    ("employees", "points"), [(49, 0), (50, 10), (199, 10), (200, 20), (5000, 20)]
)
def test_company_size_bands(
    store: Store, tmp_path: Path, history: History, employees: int, points: int
) -> None:
    signup(history, "di", T - 5 * DAY, employees=employees)
    row = score(history.load(store, tmp_path))["di"]
    assert row["p__firmographic__0"] == points


def test_activation_after_7_days_earns_the_milestone_but_not_the_bonus(
    store: Store, tmp_path: Path, history: History
) -> None:
    signup(history, "ed", T - 20 * DAY)
    activate(history, "ed", T - 12 * DAY)  # 8 days after signup
    row = score(history.load(store, tmp_path))["ed"]
    assert (row["p__activation__0"], row["p__activation__1"]) == (20, 0)


def test_a_missing_step_is_no_milestone(store: Store, tmp_path: Path, history: History) -> None:
    signup(history, "fay", T - 20 * DAY)
    history.track("fay", "Project Created", T - 19 * DAY).track(
        "fay", "Dashboard Created", T - 19 * DAY
    )
    row = score(history.load(store, tmp_path))["fay"]
    assert row["l__activation"] == 0


def test_the_intent_cap_bites(store: Store, tmp_path: Path, history: History) -> None:
    signup(history, "gus", T - 20 * DAY)
    history.track("gus", "Paywall Hit", T - DAY)
    history.track("gus", "Enterprise Feature Viewed", T - DAY, feature="SSO")
    history.repeat("gus", "Invite Sent", 3, T - DAY, timedelta(minutes=1))
    row = score(history.load(store, tmp_path))["gus"]
    assert [row[f"p__intent__{i}"] for i in range(3)] == [15, 15, 10]
    assert row["l__intent"] == 30  # 40 points, capped at 30


def test_only_enterprise_features_count(store: Store, tmp_path: Path, history: History) -> None:
    signup(history, "hal", T - 20 * DAY)
    history.track("hal", "Enterprise Feature Viewed", T - DAY, feature="Dark Mode")
    row = score(history.load(store, tmp_path))["hal"]
    assert row["s__enterprise_views_30d"] == 0


def test_an_event_at_exactly_T_is_not_counted(
    store: Store, tmp_path: Path, history: History
) -> None:
    signup(history, "ivy", T - 20 * DAY)
    history.track("ivy", "Paywall Hit", T)
    history.track("ivy", "Paywall Hit", T + DAY)
    scored = score(history.load(store, tmp_path))
    assert scored["ivy"]["s__paywall_hits_30d"] == 0
    later = score(store, T + timedelta(microseconds=1))
    assert later["ivy"]["s__paywall_hits_30d"] == 1


def test_traits_are_read_as_they_were_at_T(store: Store, tmp_path: Path, history: History) -> None:
    signup(history, "jo", T - 20 * DAY, employees=40)
    history.group("jo", "acc-jo", T + DAY, employees=400)  # enrichment after T
    scored = score(history.load(store, tmp_path))
    assert scored["jo"]["s__employees"] == 40
    assert score(store, T + 2 * DAY)["jo"]["s__employees"] == 400


def test_users_who_signed_up_after_T_are_not_scored(
    store: Store, tmp_path: Path, history: History
) -> None:
    signup(history, "kai", T + DAY)
    assert "kai" not in score(history.load(store, tmp_path))


def test_paying_accounts_are_not_pqls(store: Store, tmp_path: Path, history: History) -> None:
    signup(history, "lea", T - 20 * DAY)
    history.identify("max", T - 19 * DAY, email="max@lea-corp.com")
    history.track("max", "Subscription Started", T - 2 * DAY)  # a teammate bought
    scored = score(history.load(store, tmp_path))
    assert "lea" not in scored and "max" not in scored
    before = score(store, T - 3 * DAY)
    assert {"lea", "max"} <= set(before)


def test_a_pql_at_exactly_50(store: Store, tmp_path: Path, history: History) -> None:
    signup(history, "ned", T - 20 * DAY, employees=60)  # firmographic 10
    activate(history, "ned", T - 19 * DAY)  # 30
    history.sessions("ned", 3, T - 5 * DAY)  # 10
    row = score(history.load(store, tmp_path))["ned"]
    assert (row["score"], row["tier"]) == (50, "pql")
