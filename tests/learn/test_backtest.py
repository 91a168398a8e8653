"""Backtests: each date is scored from earlier events only, and judged by what came next.

T is 2026-03-01; the dates are T − 14 d, T − 7 d and T; a conversion counts within 10 days.

- pat is a PQL (55) from the start and buys at T − 10 d: a hit at the first date, then gone;
- rae is a PQL all along and never buys;
- quin (a small company) never qualifies and buys at T − 3 d: a conversion the model missed;
- sam activates at T − 10 d, so he is not a PQL at the first date (his later events are not
  seen) but is one at the second, and buys at T − 2 d.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pqlkit.learn.backtest import ModelBacktest, backtest
from pqlkit.model.loader import load
from pqlkit.store.store import Store
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup

DATES = [T - 14 * DAY, T - 7 * DAY, T]


@pytest.fixture
def result(store: Store, tmp_path: Path) -> ModelBacktest:
    h = History()
    for user in ("pat", "rae", "quin", "sam"):
        big = user != "quin"
        signup(h, user, T - 40 * DAY, employees=250 if big else 10, industry="Software")
    activate(h, "pat", T - 39 * DAY)  # within 7 days of signing up: 30
    activate(h, "rae", T - 39 * DAY)
    activate(h, "sam", T - 10 * DAY)  # 20, and three sessions (steps an hour apart): 10
    h.track("pat", "Subscription Started", T - 10 * DAY)
    h.track("quin", "Subscription Started", T - 3 * DAY)
    h.track("sam", "Subscription Started", T - 2 * DAY)
    return backtest(h.load(store, tmp_path).events, load("pillars"), DATES, timedelta(days=10))


def test_each_date_sees_only_the_past_and_converted_users_leave(result: ModelBacktest) -> None:
    seen = {(s.date, s.entity_id): (s.score, s.tier, s.positive) for s in result.scored}
    assert seen == {
        (DATES[0], "pat"): (55, "pql", True),
        (DATES[0], "rae"): (55, "pql", False),
        (DATES[0], "quin"): (5, "not qualified", False),  # ICP industry only
        (DATES[0], "sam"): (25, "not qualified", False),  # his activation comes later
        (DATES[1], "rae"): (55, "pql", False),
        (DATES[1], "quin"): (5, "not qualified", True),
        (DATES[1], "sam"): (55, "pql", True),
        (DATES[2], "rae"): (55, "pql", False),  # everyone else has bought by T
    }


def test_precision_recall_and_lead_time(result: ModelBacktest) -> None:
    summary = result.summary
    assert (summary["entity_dates"], summary["positives"]) == (8, 3)
    flagged = summary["flagged"]
    assert flagged["entity_dates"] == 5  # pat once, rae three times, sam once
    assert flagged["precision"] == 2 / 5
    assert flagged["lift"] == pytest.approx((2 / 5) / (3 / 8))
    assert (flagged["converters"], flagged["converters_flagged"]) == (3, 2)  # quin was missed
    assert flagged["recall"] == pytest.approx(2 / 3)
    assert flagged["lead_time_days_median"] == 4.5  # pat 4 days, sam 5 days
    assert summary["tiers"]["not qualified"]["conversions"] == 1
    # positives 55, 5, 55 against negatives 55, 5, 25, 55, 55: a 55 beats 5 and 25 and ties
    # three times (3.5 each), the 5 ties once (0.5): 7.5 of 15 pairs
    assert summary["roc_auc"] == 0.5


def test_pql_backtest_writes_a_json_and_an_html_report(store: Store, tmp_path: Path) -> None:
    from tests.cli.test_cli import pql

    h = History()
    signup(h, "pat", T - 40 * DAY, employees=250, industry="Software")
    activate(h, "pat", T - 39 * DAY)
    h.track("pat", "Subscription Started", T - 10 * DAY)
    h.load(store, tmp_path)
    store.close()
    args = ["backtest", "--model", "pillars", "--db", str(tmp_path / "test.duckdb")]
    done = pql(*args, "--from", "2026-02-15", "--to", "2026-03-01", "--out", str(tmp_path / "r"))
    assert done.returncode == 0, done.stderr
    assert "pillars: 3 dates" in done.stdout and "weighted-110" in done.stdout
    report = (tmp_path / "r" / "backtest.json").read_text()
    assert '"model": "pillars"' in report and '"weighted-70"' in report
    assert (tmp_path / "r" / "backtest.html").read_text().startswith("<!doctype html>")
    backwards = pql(*args, "--from", "2026-03-01", "--to", "2026-02-01")
    assert backwards.returncode == 1 and "--to is before --from" in backwards.stderr
