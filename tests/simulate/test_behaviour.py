"""Activity: identity at signup, the activation funnel, sessions and their rhythm, power users."""

from __future__ import annotations

import duckdb
import numpy as np

from tests.simulate.conftest import one, rows


def test_visitors_are_anonymous_until_the_alias_at_signup(db: duckdb.DuckDBPyConnection) -> None:
    anonymous = one(db, "select count(*) from ev where user_id is null")
    assert anonymous > 0
    assert one(db, "select count(*) from ev where user_id is null and type <> 'page'") == 0
    late = one(
        db,
        """
        select count(*) from ev v join ev a on a.type = 'alias' and a.previous_id = v.anonymous_id
        where v.user_id is null and v.timestamp >= a.timestamp
        """,
    )
    assert late == 0
    # at signup: alias, then identify, then Signed Up, per user, in this order
    disorder = one(
        db,
        """
        with s as (select user_id,
                          min(timestamp) filter (where type = 'alias') alias,
                          min(timestamp) filter (where type = 'identify') identify,
                          min(timestamp) filter (where event = 'Signed Up') signed_up
                   from ev group by 1)
        select count(*) from s where not (alias < identify and identify < signed_up)
        """,
    )
    assert disorder == 0


def test_the_activation_funnel_narrows_and_runs_in_order(db: duckdb.DuckDBPyConnection) -> None:
    steps = ["Signed Up", "Project Created", "Data Source Connected", "Dashboard Created",
             "Dashboard Shared"]  # fmt: skip
    reached = [
        one(db, f"select count(distinct user_id) from ev where event = '{s}'") for s in steps
    ]
    assert reached == sorted(reached, reverse=True)
    assert 0.05 < reached[-1] / reached[0] < 0.4
    out_of_order = one(
        db,
        """
        with f as (select user_id,
                     min(timestamp) filter (where event = 'Project Created') a,
                     min(timestamp) filter (where event = 'Data Source Connected') b,
                     min(timestamp) filter (where event = 'Dashboard Created') c,
                     min(timestamp) filter (where event = 'Dashboard Shared') d
                   from ev group by 1)
        select count(*) from f where b <= a or c <= b or d <= c
        """,
    )
    assert out_of_order == 0


def test_a_few_power_users_make_much_of_the_volume(db: duckdb.DuckDBPyConnection) -> None:
    share = one(
        db,
        """
        with c as (select user_id, count(*) n from ev where user_id is not null group by 1),
             r as (select n, ntile(10) over (order by n desc) decile from c)
        select sum(n) filter (where decile = 1) / sum(n) from r
        """,
    )
    assert share > 0.4


def test_weekdays_are_busier_than_weekends(db: duckdb.DuckDBPyConnection) -> None:
    by_day = dict(rows(db, "select isodow(timestamp), count(*) from ev group by 1"))
    weekday = np.mean([by_day[d] for d in range(1, 6)])
    weekend = np.mean([by_day[d] for d in (6, 7)])
    assert weekday > 2 * weekend


def test_events_cluster_into_sessions_a_30_minute_timeout_recovers(
    db: duckdb.DuckDBPyConnection,
) -> None:
    sessions, multi_event, events = rows(
        db,
        """
        with g as (select user_id, timestamp,
                          timestamp - lag(timestamp) over (partition by user_id order by timestamp)
                              as gap
                   from ev where user_id is not null),
             s as (select user_id,
                          sum(case when gap is null or gap > interval 30 minute then 1 else 0 end)
                              over (partition by user_id order by timestamp) as session
                   from g),
             n as (select user_id, session, count(*) k from s group by 1, 2)
        select count(*), count(*) filter (where k >= 3), sum(k) from n
        """,
    )[0]
    assert events / sessions > 3
    assert multi_event / sessions > 0.5
    # most returning sessions open with a login or the dashboard
    openers = one(
        db,
        """
        with g as (select event, name, timestamp - lag(timestamp) over
                       (partition by user_id order by timestamp) gap
                   from ev where user_id is not null and type in ('track', 'page'))
        select avg((event = 'Signed In' or name = 'Dashboard')::int) from g
        where gap > interval 30 minute
        """,
    )
    assert openers > 0.8


def test_invitations_precede_the_teammates_who_join(db: duckdb.DuckDBPyConnection) -> None:
    joined = one(db, "select count(*) from ev where event = 'Account Added User'")
    assert joined > 0
    orphan = one(
        db,
        """
        select count(*) from ev j join tu on tu.user_id = j.user_id
        where j.event = 'Signed Up' and json_extract_string(j.properties, '$.type') = 'invited'
          and not exists (select 1 from ev i where i.event = 'Invite Sent'
                          and json_extract_string(i.properties, '$.invitee_email') = tu.email
                          and i.timestamp < j.timestamp)
        """,
    )
    assert orphan == 0


def test_intent_signals_appear(db: duckdb.DuckDBPyConnection) -> None:
    counts = dict(
        rows(
            db,
            """
            select coalesce(event, name), count(distinct user_id) from ev
            where event in ('Paywall Hit', 'Enterprise Feature Viewed', 'Checkout Started',
                            'Invite Sent')
               or (type = 'page' and name in ('Pricing', 'Billing', 'Upgrade'))
            group by 1
            """,
        )
    )
    users = one(db, "select count(*) from tu")
    for signal in ("Paywall Hit", "Enterprise Feature Viewed", "Pricing", "Invite Sent"):
        assert 0.02 * users < counts[signal] < 0.8 * users, signal
    assert counts["Checkout Started"] > 0
