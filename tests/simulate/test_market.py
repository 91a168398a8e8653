"""Accounts and users: who they are and how users can be tied to their account."""

from __future__ import annotations

import duckdb
import numpy as np

from pqlkit.simulate import Simulation
from tests.simulate.conftest import FREE_MAIL, one, rows

FREE = ", ".join(f"'{d}'" for d in FREE_MAIL)


def test_company_sizes_are_heavy_tailed(sim: Simulation) -> None:
    employees = sim.accounts["employees"].to_numpy()
    assert employees.min() >= 1 and employees.max() <= 50_000
    assert np.median(employees) < 100 < np.quantile(employees, 0.9) * 2
    assert np.quantile(employees, 0.99) > 1_000


def test_accounts_have_one_to_thirty_users_more_in_bigger_companies(
    db: duckdb.DuckDBPyConnection,
) -> None:
    small, large, biggest = rows(
        db,
        """
        with n as (select account_id, count(*) users from tu group by 1)
        select avg(users) filter (where employees < 50), avg(users) filter (where employees >= 200),
               max(users)
        from n join ta using (account_id)
        """,
    )[0]
    assert large > 1.5 * small
    assert biggest <= 30


def test_some_users_use_free_mail_and_some_are_never_attached_to_their_account(
    db: duckdb.DuckDBPyConnection,
) -> None:
    free_share = one(db, f"select avg((split_part(email, '@', 2) in ({FREE}))::int) from tu")
    assert 0.08 < free_share < 0.22
    unattached = one(
        db,
        """
        select avg((attached is null)::int) from (
            select tu.user_id, max(ev.group_id) attached from tu
            left join ev on ev.user_id = tu.user_id
                and json_extract_string(ev.context, '$.library.name') = 'analytics.js'
            group by 1)
        """,
    )
    assert 0.2 < unattached < 0.4


def test_free_mail_users_are_always_attached_by_group_id(db: duckdb.DuckDBPyConnection) -> None:
    assert one(db, f"select count(*) from ta where domain in ({FREE})") == 0
    detached = one(
        db,
        f"""
        select count(*) from ev join tu using (user_id)
        where split_part(tu.email, '@', 2) in ({FREE}) and ev.type in ('track', 'page')
          and ev.group_id is distinct from tu.account_id
        """,
    )
    assert detached == 0
    # the same free-mail domain spans many accounts: it can never define one
    accounts_per_domain = one(
        db,
        f"""
        select max(n) from (select split_part(email, '@', 2), count(distinct account_id) n
                            from tu where split_part(email, '@', 2) in ({FREE}) group by 1)
        """,
    )
    assert accounts_per_domain > 10


def test_unattached_users_have_an_email_at_their_account_domain(
    db: duckdb.DuckDBPyConnection,
) -> None:
    mismatched = one(
        db,
        """
        select count(*) from tu join ta using (account_id)
        where not exists (select 1 from ev where ev.user_id = tu.user_id and ev.group_id is not null
                          and json_extract_string(ev.context, '$.library.name') = 'analytics.js')
          and split_part(tu.email, '@', 2) <> ta.domain
        """,
    )
    assert mismatched == 0


def test_domains_and_emails_are_unique(db: duckdb.DuckDBPyConnection) -> None:
    assert one(db, "select count(*) - count(distinct domain) from ta") == 0
    assert one(db, "select count(*) - count(distinct email) from tu") == 0


def test_signups_are_spread_over_the_period(sim: Simulation) -> None:
    signup = sim.users["signup_at"].to_numpy()
    days = (signup - signup.min()).astype("timedelta64[D]").astype(int)
    assert np.histogram(days, bins=4)[0].min() > 0.1 * len(days)
