"""Conversion: per account, after the behaviour that led to it, with a known probability."""

from __future__ import annotations

import duckdb
import pytest

from pqlkit.errors import SimulationError
from pqlkit.simulate import Simulation, SimulationConfig, generate
from tests.simulate.conftest import auc, one, rows


def test_the_user_level_conversion_rate_lands_in_the_configured_range(sim: Simulation) -> None:
    low, high = sim.config.conversion_rate
    rate = sum(sim.users["converted"].to_pylist()) / sim.users.num_rows
    assert low <= rate <= high


def test_another_configured_range_is_honoured_too() -> None:
    custom = generate(SimulationConfig(accounts=300, seed=5, days=90, conversion_rate=(0.15, 0.2)))
    rate = sum(custom.users["converted"].to_pylist()) / custom.users.num_rows
    assert 0.15 <= rate <= 0.2


def test_subscription_started_exists_exactly_for_converted_accounts(
    db: duckdb.DuckDBPyConnection,
) -> None:
    converted = rows(
        db, "select account_id, converted_at, converting_user_id from ta where converted order by 1"
    )
    assert len(converted) > 10
    started = rows(
        db,
        "select group_id, timestamp, user_id from ev where event = 'Subscription Started' "
        "order by 1",
    )
    assert started == converted


def test_a_paid_group_call_comes_with_each_subscription(db: duckdb.DuckDBPyConnection) -> None:
    unpaired = one(
        db,
        """
        select count(*) from ev s where s.event = 'Subscription Started' and not exists (
            select 1 from ev g where g.type = 'group' and g.group_id = s.group_id
              and g.timestamp = s.timestamp and json_extract_string(g.traits, '$.plan') = 'paid')
        """,
    )
    assert unpaired == 0
    early_paid = one(
        db,
        """
        select count(*) from ev g join ta on ta.account_id = g.group_id
        where g.type = 'group' and json_extract_string(g.traits, '$.plan') = 'paid'
          and (not ta.converted or g.timestamp < ta.converted_at)
        """,
    )
    assert early_paid == 0


def test_conversion_follows_signup_and_activity(db: duckdb.DuckDBPyConnection) -> None:
    before_signup = one(
        db,
        """
        select count(*) from ta join tu on tu.user_id = ta.converting_user_id
        where ta.converted and ta.converted_at <= tu.signup_at
        """,
    )
    assert before_signup == 0
    least_activity = one(
        db,
        """
        select min(n) from (
            select ta.account_id, count(e.message_id) n from ta
            join tu using (account_id)
            left join ev e on e.user_id = tu.user_id and e.type = 'track'
                and e.timestamp < ta.converted_at
                and e.event not in ('Checkout Started', 'Signed In')
            where ta.converted group by 1)
        """,
    )
    assert least_activity >= 3


def test_users_keep_working_after_conversion_but_never_hit_the_paywall(
    db: duckdb.DuckDBPyConnection,
) -> None:
    after = dict(
        rows(
            db,
            """
            select e.event in ('Paywall Hit', 'Checkout Started', 'Trial Ended'), count(*)
            from ev e join tu using (user_id) join ta using (account_id)
            where ta.converted and e.timestamp > ta.converted_at and e.type = 'track'
            group by 1
            """,
        )
    )
    assert after.get(True, 0) == 0
    assert after[False] > 100


def test_users_converted_only_if_they_joined_before_the_account_converted(
    db: duckdb.DuckDBPyConnection,
) -> None:
    wrong = one(
        db,
        """
        select count(*) from tu join ta using (account_id)
        where tu.converted <> (ta.converted and tu.signup_at < ta.converted_at)
           or (tu.converted and tu.converted_at <> ta.converted_at)
        """,
    )
    assert wrong == 0


def test_the_oracle_ranks_well_but_not_perfectly(sim: Simulation) -> None:
    for truth in (sim.accounts, sim.users):
        score = auc(truth["true_probability"].to_numpy(), truth["converted"].to_numpy())
        assert 0.75 < score < 0.97


def test_events_alone_rank_worse_than_the_oracle_that_knows_the_hidden_factor(
    sim: Simulation,
) -> None:
    for truth in (sim.accounts, sim.users):
        converted = truth["converted"].to_numpy()
        oracle = auc(truth["true_probability"].to_numpy(), converted)
        observable = auc(truth["observable_probability"].to_numpy(), converted)
        assert 0.6 < observable < oracle - 0.02


def test_the_observable_probability_is_calibrated_too(sim: Simulation) -> None:
    expected = sum(sim.accounts["observable_probability"].to_pylist())
    observed = sum(sim.accounts["converted"].to_pylist())
    assert abs(observed - expected) < 4 * expected**0.5


def test_the_true_probability_is_calibrated(sim: Simulation) -> None:
    expected = sum(sim.accounts["true_probability"].to_pylist())
    observed = sum(sim.accounts["converted"].to_pylist())
    assert abs(observed - expected) < 4 * expected**0.5


def test_pql_signals_separate_converters(lean_db: duckdb.DuckDBPyConnection) -> None:
    """Accounts showing a classic PQL signal before day 45 convert later at a higher rate."""
    lift = dict(
        rows(
            lean_db,
            """
            with cut as (select min(timestamp) + interval 45 day t from ev),
            acct as (
                select tu.account_id,
                       bool_or(e.event = 'Paywall Hit') paywall,
                       bool_or(e.event = 'Enterprise Feature Viewed') enterprise,
                       bool_or(e.event = 'Dashboard Shared') activated,
                       count(*) filter (where e.event = 'Signed In'
                                        and e.timestamp >= cut.t - interval 14 day) >= 3 active
                from tu cross join cut
                join ev e on e.user_id = tu.user_id and e.timestamp < cut.t
                group by 1),
            y as (select acct.*, (ta.converted and ta.converted_at >= cut.t)::int y
                  from acct join ta using (account_id) cross join cut
                  where not (ta.converted and ta.converted_at < cut.t))
            select 'paywall', avg(y) filter (where paywall) / avg(y) filter (where not paywall)
            from y union all
            select 'enterprise',
                   avg(y) filter (where enterprise) / avg(y) filter (where not enterprise) from y
            union all
            select 'activated',
                   avg(y) filter (where activated) / avg(y) filter (where not activated) from y
            union all
            select 'active', avg(y) filter (where active) / avg(y) filter (where not active) from y
            """,
        )
    )
    for signal, ratio in lift.items():
        assert ratio > 2.0, signal


def test_an_unreachable_conversion_range_is_refused() -> None:
    with pytest.raises(SimulationError, match="conversion rate cannot land"):
        generate(SimulationConfig(accounts=2, seed=1, days=30, conversion_rate=(0.04, 0.05)))
