"""Scoring many dates at once gives each date exactly what scoring it alone gives.

``score_dates`` computes its dates together (one frame whose ids carry their date,
``compile/dated_frame.py``); every signal kind, identity as it stood at each date, rollups and
every template must come out as ``score_events`` gives them date by date.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from pqlkit.learn.outcomes import Conversions, conversion_times
from pqlkit.model.loader import LoadedModel, load
from pqlkit.model.templates import TEMPLATES
from pqlkit.scoring import run as scoring_run
from pqlkit.scoring.run import score_dates, score_events
from pqlkit.store.store import Store
from tests.engines import SparkStore, engine_events
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup
from tests.scoring.test_signals import ROLLUPS, SIGNALS, model_file, uma_history

PILLARS = load("pillars")
HOUR = timedelta(hours=1)


def _history() -> History:
    h = History()
    for n, user in enumerate(("ann", "bob", "cat", "dan")):
        signup(h, user, T - (40 - n) * DAY, employees=60 + 100 * n)
    for n, user in enumerate(("eve", "fay", "gus")):  # one company domain: domain_adoption
        h.identify(user, T - 30 * DAY, email=f"{user}@shared.com", title="VP Sales" if n else "CTO")
        h.track(user, "Signed Up", T - 30 * DAY + n * HOUR)
        activate(h, user, T - (20 - 3 * n) * DAY)
    activate(h, "ann", T - 35 * DAY)
    h.repeat("bob", "Paywall Hit", 3, T - 25 * DAY, 5 * DAY)  # fires, cools down, fires again
    h.repeat("cat", "Invite Sent", 6, T - 16 * DAY, 12 * HOUR)  # an invitation burst
    h.track("dan", "Enterprise Feature Viewed", T - 9 * DAY, feature="SSO")
    h.sessions("ann", 8, T - 12 * DAY)
    h.repeat("dan", "Report Created", 6, T - 20 * DAY, DAY)
    return h


@pytest.mark.timeout(900)  # local Spark: ~30 s a date, slower beside the other worker
def test_score_dates_equals_score_events_at_each_date(store: Store, tmp_path: Path) -> None:
    _history().load(store, tmp_path)
    events = engine_events(store)
    dates = [T - k * 6 * DAY for k in range(5)][::-1]
    if isinstance(store, SparkStore):  # ~30 s a date on local Spark: the first and the last
        dates = [dates[0], dates[-1]]
    together = list(score_dates(events, PILLARS, dates))
    assert [run.as_of for run in together] == dates
    for date, run in zip(dates, together, strict=True):
        alone = score_events(events, PILLARS, date)
        assert list(run.alerts) == list(alone.alerts), date
        assert run.live == alone.live, date
        assert run.rows() == alone.rows(), date
    assert any(run.alerts for run in together) and any(run.live for run in together)


def same_as_alone(events: Any, loaded: LoadedModel, dates: list[datetime]) -> None:
    together = list(score_dates(events, loaded, dates))
    assert [run.as_of for run in together] == dates
    for date, run in zip(dates, together, strict=True):
        alone = score_events(events, loaded, date)
        assert run.live == alone.live, date
        assert run.rows() == alone.rows(), date


@pytest.mark.parametrize("text", [SIGNALS, ROLLUPS], ids=["signals", "rollups"])
def test_every_signal_kind_together_as_alone(store: Store, tmp_path: Path, text: str) -> None:
    """Dates that cut windows, sessions and milestones in half; the last at an event's time."""
    history = uma_history()
    history.track("uma", "Signed In", T - 9 * DAY - 2 * HOUR)  # an alias-free second login
    history.load(store, tmp_path)
    dates = [T - 18 * DAY - 5 * HOUR, T - 12 * DAY, T - 5 * DAY + HOUR, T]
    if isinstance(store, SparkStore):
        dates = dates[-2:]
    same_as_alone(engine_events(store), load(model_file(tmp_path, text)), dates)


def test_identity_as_it_stood_at_each_date(store: Store, tmp_path: Path) -> None:
    """An anonymous visitor's history counts from the date their alias is known; a company
    domain claimed later moves a user to that account from then on."""
    h = History()
    h.visit("anon-1", "Report Created", T - 20 * DAY)
    h.visit("anon-1", "Dashboard Created", T - 19 * DAY)
    h.alias("anon-1", "ann", T - 10 * DAY)
    h.identify("ann", T - 10 * DAY, email="ann@acme.com")
    h.identify("bob", T - 15 * DAY, email="bob@acme.com")
    h.repeat("bob", "Report Created", 6, T - 14 * DAY, DAY)
    h.group("bob", "acme", T - 5 * DAY, domain="acme.com", employees=120)
    h.track("ann", "Report Created", T - 2 * DAY)
    h.load(store, tmp_path)
    dates = [T - 12 * DAY, T - 7 * DAY, T]
    if isinstance(store, SparkStore):
        dates = dates[-2:]
    same_as_alone(engine_events(store), PILLARS, dates)
    same_as_alone(engine_events(store), load("account-threshold"), dates)


def test_a_domain_claimed_by_website_then_given_up_moves_its_users_as_alone(
    store: Store, tmp_path: Path
) -> None:
    """Each date's claims of e-mail domains (compile/dated_frame.py reduces the group calls
    per interval between dates): acme claims acme.com by its website first; beta names it as
    its domain later but comes second until acme's domain trait says acme.io."""
    h = History()
    h.identify("ann", T - 25 * DAY, email="ann@acme.com")
    h.repeat("ann", "Report Created", 6, T - 24 * DAY, 3 * DAY)
    h.group("ops", "acme", T - 20 * DAY, website="https://www.Acme.com/", employees=80)
    h.group("ops", "beta", T - 15 * DAY, domain="acme.com", employees=300)
    h.group("ops", "acme", T - 8 * DAY, domain="acme.io")
    h.load(store, tmp_path)
    dates = [T - 18 * DAY, T - 12 * DAY, T - 5 * DAY]
    if isinstance(store, SparkStore):
        dates = dates[::2]
    same_as_alone(engine_events(store), PILLARS, dates)
    same_as_alone(engine_events(store), load("account-threshold"), dates)
    runs = list(score_dates(engine_events(store), PILLARS, dates))
    assert [by_entity(run.table, "account_id")["ann"] for run in runs] == (
        ["acme", "acme", "beta"] if len(dates) == 3 else ["acme", "beta"]
    )


def test_sessions_of_a_visitor_linked_later_join_the_person_from_then(
    store: Store, tmp_path: Path
) -> None:
    """Sessions are counted per person once, not per date (compile/intervals.py), except for
    people whose ids were apart at some date: ann's visits as anon-9 are not hers until the
    alias, and then they bridge her three sessions into one, and add one a day later."""
    start = T - 12 * DAY
    h = History()
    for minutes in (0, 50, 100):  # three sessions: 50 minutes apart
        h.track("ann", "Signed In", start + timedelta(minutes=minutes))
    for minutes in (25, 75, 60 * 24):  # 25 minutes from each of hers; a day later
        h.visit("anon-9", "Report Created", start + timedelta(minutes=minutes))
    h.alias("anon-9", "ann", T - 5 * DAY)
    h.load(store, tmp_path)
    events = engine_events(store)
    dates = [T - 8 * DAY, T]
    same_as_alone(events, PILLARS, dates)
    runs = score_dates(events, PILLARS, dates)
    assert [by_entity(run.table, "s__sessions_14d")["ann"] for run in runs] == [3, 2]


ANCHORED = """
name: anchored-spec
entity: user
population: all
signals:
  first_week_reports: {count: {event: Report Created, within: 7d}}
  set_up_in_first_week:
    milestone: {steps: [Project Created, {event: Report Created, at_least: 4}], within: 7d}
layers:
  onboarding:
    rules:
      - {signal: set_up_in_first_week, points: 10, label: set up in the first week}
tiers: {pql: 10}
"""


def test_a_first_week_counts_from_the_first_event_until_the_sign_up_is_known(
    store: Store, tmp_path: Path
) -> None:
    """Counts within a span of the start are counted per person once, not per date
    (compile/intervals.py): bob's start is his first event at T-20d until his sign-up at T-10d
    is known, then the sign-up, so his first week ends at T-13d as of T-12d (the report at
    T-12.5d is not in it) and at T-3d as of T-5d. Cat's ids were apart as of T-12d (her visits
    as anon-7 are hers from the alias at T-11d on): hers are counted from the dates' rows."""
    h = History()
    h.track("bob", "Project Created", T - 20 * DAY)
    for days in (20, 19, 14, 12.5, 9, 8):
        h.track("bob", "Report Created", T - timedelta(days=days))
    h.track("bob", "Signed Up", T - 10 * DAY)
    h.visit("anon-7", "Report Created", T - 20 * DAY)
    h.visit("anon-7", "Project Created", T - 19 * DAY)
    h.track("cat", "Signed Up", T - 15 * DAY)
    h.track("cat", "Report Created", T - 14 * DAY)
    h.alias("anon-7", "cat", T - 11 * DAY)
    h.repeat("cat", "Report Created", 3, T - 10 * DAY, DAY)
    h.load(store, tmp_path)
    events, loaded = engine_events(store), load(model_file(tmp_path, ANCHORED))
    dates = [T - 12 * DAY, T - 5 * DAY]
    same_as_alone(events, loaded, dates)
    runs = list(score_dates(events, loaded, dates))
    reports = [by_entity(run.table, "s__first_week_reports") for run in runs]
    assert [r.get("bob") for r in reports] == [3, 6]
    assert [r.get("cat") for r in reports] == [1, 4]  # T-14d; then T-20d (anon-7), T-10d, T-9d too
    set_up = [by_entity(run.table, "s__set_up_in_first_week") for run in runs]
    assert [s.get("bob") for s in set_up] == [False, True]
    assert [s.get("cat") for s in set_up] == [False, True]  # anon-7's project from the alias


MERGED = """
name: merged-spec
entity: user
population: all
signals:
  reports: {count: {event: Report Created}}
  sessions_14d: {sessions: {window: 14d}}
layers:
  usage:
    rules:
      - {signal: reports, at_least: 3, points: 10, label: three reports or more}
tiers: {pql: 10}
"""


def test_a_user_id_merged_into_another_is_its_own_person_until_the_alias(
    store: Store, tmp_path: Path
) -> None:
    """A user id is itself at every date until its first link (each person at a date is a
    number, compile/dated_frame.py): bo-old's reports are bo-old's as of T-12d, and bo's from
    the alias at T-10d on, when bo-old is no one to score."""
    h = History()
    h.repeat("bo-old", "Report Created", 3, T - 20 * DAY, DAY)
    h.track("bo", "Report Created", T - 15 * DAY)
    h.alias("bo-old", "bo", T - 10 * DAY)
    h.track("bo", "Report Created", T - 2 * DAY)
    h.visit("anon-5", "Report Created", T - 3 * DAY)  # no one's: never linked
    h.load(store, tmp_path)
    events, loaded = engine_events(store), load(model_file(tmp_path, MERGED))
    dates = [T - 12 * DAY, T]
    same_as_alone(events, loaded, dates)
    first, last = (by_entity(run.table, "s__reports") for run in score_dates(events, loaded, dates))
    assert first == {"bo-old": 3, "bo": 1}
    assert last == {"bo": 5}


def test_a_chain_of_links_past_the_hops_followed_is_cut_as_alone(
    store: Store, tmp_path: Path
) -> None:
    """Links are followed ``MAX_HOPS`` (3) deep at every date. anon-9 → a1 → a2 → a3 → a4:
    anon-9 stands for a3 to the end, while a1, a2 and a3 join a4 from a3's alias on. So a3's
    ids leave a3 at different dates (its facts at a date are then grouped from every date's
    rows, not run through in order of arrival: compile/dated_frame.py)."""
    h = History()
    h.visit("anon-9", "Report Created", T - 20 * DAY)
    h.identify("a3", T - 19 * DAY, email="a3@old.com")
    for n, (earlier, later) in enumerate((("anon-9", "a1"), ("a1", "a2"), ("a2", "a3"))):
        h.alias(earlier, later, T - (18 - 2 * n) * DAY)
        h.track(later, "Report Created", T - (17 - 2 * n) * DAY)
    h.alias("a3", "a4", T - 8 * DAY)
    h.identify("a4", T - 8 * DAY, email="a4@new.com")
    h.track("a4", "Report Created", T - 3 * DAY)
    h.load(store, tmp_path)
    events, loaded = engine_events(store), load(model_file(tmp_path, MERGED))
    dates = [T - 12 * DAY, T - 5 * DAY, T]
    if isinstance(store, SparkStore):
        dates = dates[::2]
    same_as_alone(events, loaded, dates)
    runs = list(score_dates(events, loaded, dates))
    assert by_entity(runs[0].table, "s__reports") == {"a3": 4}
    assert by_entity(runs[-1].table, "s__reports") == {"a3": 1, "a4": 4}


def by_entity(table: pa.Table, column: str) -> dict[str, Any]:
    entities, values = table.column("entity_id").to_pylist(), table.column(column).to_pylist()
    return dict(zip(entities, values, strict=True))


def test_a_cohort_is_scored_as_alone_with_every_teammate_counted(
    store: Store, tmp_path: Path
) -> None:
    """``pql train --at-age``: at each date only the users first seen between two ages before
    it are scored, and their team's signals still count the teammates outside the cohort."""
    h = History()
    signup(h, "ann", T - 40 * DAY)
    h.sessions("ann", 3, T - 12 * DAY)
    h.group("zed", "acc-ann", T - 10 * DAY)  # ann's teammate, too new to be in any cohort
    h.sessions("zed", 4, T - 8 * DAY)
    signup(h, "bob", T - 33 * DAY)
    signup(h, "cat", T - 20 * DAY)
    h.load(store, tmp_path)
    events, loaded = engine_events(store), load("signals")
    dates = [T - 7 * DAY, T]
    youngest, oldest = ages = (30 * DAY, 45 * DAY)
    cohorts, team_sessions = [], []
    for date, run in zip(dates, score_dates(events, loaded, dates, ages), strict=True):
        alone = score_events(events, loaded, date)
        first = by_entity(alone.table, "first_seen")
        cohort = sorted(e for e, at in first.items() if date - oldest < at <= date - youngest)
        assert run.rows() == alone.rows(only=cohort), date
        cohorts.append(cohort)
        team_sessions.append(by_entity(run.table, "s__team_sessions_14d")["ann"])
    assert cohorts == [["ann"], ["ann", "bob"]]
    assert team_sessions == [3 + 1, 3 + 4]  # hers and zed's: one of his before T - 7d


@pytest.mark.slow
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_on_a_simulated_company(simulated_store: Path, template: str) -> None:
    with Store.open(simulated_store, read_only=True) as store:
        dates = [datetime(2026, 2, 1) + k * 9 * DAY for k in range(4)]
        same_as_alone(store.events, load(template), dates)


def test_conversions_read_with_the_dates_identity_as_with_their_own(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``later``: the conversions that label a backtest or a training set are read from one
    more date of the last dated frame's identity tables, and come out as ``conversion_times``
    finds them on a frame of their own — here with an alias and an account known only after
    the last date: anon-3's purchase is ann's, and it converts bob, who is at her account."""
    h = History()
    signup(h, "ann", T - 30 * DAY)
    signup(h, "bob", T - 30 * DAY)
    h.group("bob", "acc-ann", T - 20 * DAY)
    h.visit("anon-3", "Subscription Started", T + 2 * DAY)
    h.alias("anon-3", "ann", T + 3 * DAY)
    signup(h, "cat", T - 30 * DAY)
    h.track("cat", "Subscription Started", T - 5 * DAY)
    h.load(store, tmp_path)
    events = engine_events(store)
    end = T + 10 * DAY
    expected = conversion_times(events, PILLARS.model, end)
    assert expected == {"ann": T + 2 * DAY, "bob": T + 2 * DAY, "cat": T - 5 * DAY}
    cohort = (timedelta(0), timedelta(days=60))
    monkeypatch.setattr(scoring_run, "DATES_AT_ONCE", 2)  # four dates: two queries, the last reads
    cases = [
        ([T - 7 * DAY, T], None),
        ([T - 21 * DAY, T - 14 * DAY, T - 7 * DAY, T], None),
        ([T - 7 * DAY, T], cohort),
        ([T], None),  # one date: a frame of its own
    ]
    if isinstance(store, SparkStore):
        cases = cases[:1]
    for dates, ages in cases:
        conversions = Conversions(PILLARS.model, end)
        runs = list(score_dates(events, PILLARS, dates, ages, later=conversions))
        assert [run.as_of for run in runs] == dates
        assert conversions.times == expected, (dates, ages)


def test_a_failed_compile_stops_the_members_fill_and_leaves_no_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dates' members are filled beside the compiling of their query (DuckDB). When
    compiling fails, the error is the caller's, the fill stops, the frame's tables are dropped
    and the store scores the dates again."""
    with Store.open(tmp_path / "store.duckdb") as store:
        _history().load(store, tmp_path)
        dates = [T - 7 * DAY, T]

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("compiling failed")

        monkeypatch.setattr(scoring_run, "compile_model", broken)
        with pytest.raises(RuntimeError, match="compiling failed"):
            list(score_dates(store.events, PILLARS, dates))
        monkeypatch.undo()
        left = store.duckdb().execute(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE temporary AND starts_with(table_name, '_pql_')"
        )
        assert left.fetchall() == []
        same_as_alone(store.events, PILLARS, dates)
