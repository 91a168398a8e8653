"""Calibration: the lowest threshold sales can handle at a conversion rate worth its time."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pqlkit.errors import ConfigError
from pqlkit.learn.backtest import EntityDates, ModelBacktest, Scored
from pqlkit.learn.calibrate import choose, curve, with_threshold
from pqlkit.model.loader import load

WEEK = timedelta(days=7)
D1, D2 = datetime(2026, 3, 1), datetime(2026, 3, 8)


def scored(score: float, positive: bool, tier: str = "pql", date: datetime = D1) -> Scored:
    return Scored(date, f"e{score}-{positive}-{tier}-{date:%d}", score, tier, None, positive)


def two_weeks() -> ModelBacktest:
    rows = []
    for date in (D1, D2):
        rows += [scored(80, True, "hot", date), scored(80, False, "hot", date)]  # 50%
        rows += [scored(60, True, date=date)] + [scored(60, False, date=date) for _ in range(3)]
        rows += [scored(40, True, "not qualified", date)]
        rows += [scored(40, False, "not qualified", date) for _ in range(9)]
        rows += [scored(10, False, "hot", date)]  # hot by a trigger, whatever the threshold
    return ModelBacktest("pillars", "user", EntityDates.of(rows))


def test_each_threshold_gives_a_weekly_volume_and_a_conversion_rate() -> None:
    options = {o.threshold: o for o in curve(two_weeks(), load("pillars").model, WEEK)}
    assert sorted(options) == [10, 40, 60, 80]
    # at 60: the 80s and 60s (6 a week) plus the triggered 10 (1 a week); 2 of 7 convert
    assert (options[60].per_week, options[60].conversion_rate) == (7, 2 / 7)
    assert options[80].per_week == 3  # two 80s and the triggered one
    assert options[40].per_week == 17 and options[40].recall == 1.0


def test_the_lowest_threshold_within_capacity_and_above_15_percent() -> None:
    options = curve(two_weeks(), load("pillars").model, WEEK)
    assert choose(options, capacity=10).option.threshold == 60  # type: ignore[union-attr]
    assert choose(options, capacity=5).option.threshold == 80  # type: ignore[union-attr]
    stricter = choose(options, capacity=10, target=0.3)  # at 80, 1 of 3 converts
    assert stricter.option is not None and stricter.option.threshold == 80
    assert stricter.warnings == ()


def test_above_40_percent_the_threshold_is_called_too_tight() -> None:
    rows = [scored(90, True), scored(90, True), scored(90, False), scored(20, False)]
    rows += [scored(20, True)]
    options = curve(
        ModelBacktest("pillars", "user", EntityDates.of(rows)), load("pillars").model, WEEK
    )
    choice = choose(options, capacity=3)
    assert choice.option is not None and choice.option.threshold == 90
    assert "above 40% the threshold is likely too tight" in choice.warnings[0]


def test_a_warning_when_no_threshold_meets_both() -> None:
    options = curve(two_weeks(), load("pillars").model, WEEK)
    choice = choose(options, capacity=20, target=0.9)
    assert choice.option is not None
    assert "no threshold within 20 a week reaches 90% conversion" in choice.warnings[0]
    nothing = choose(options, capacity=0.5)
    assert nothing.option is None and "raise capacity" in nothing.warnings[0]


def test_a_threshold_model_has_nothing_to_calibrate() -> None:
    with pytest.raises(ConfigError, match="threshold model"):
        curve(two_weeks(), load("threshold").model, WEEK)


def test_a_predictive_model_is_calibrated_on_its_probability_to_two_digits() -> None:
    from pqlkit.model.schema import Model, Tiers

    model = Model.model_construct(name="p", type="predictive", tiers=Tiers(pql=0.2, hot=0.5))
    rows = [scored(0.623, True), scored(0.617, False), scored(0.31, True), scored(0.309, False)]
    rows += [scored(0.00627, False) for _ in range(6)]
    options = {
        o.threshold: o for o in curve(ModelBacktest("p", "user", EntityDates.of(rows)), model, WEEK)
    }
    assert sorted(options) == [0.0062, 0.3, 0.31, 0.61, 0.62]
    assert (options[0.61].per_week, options[0.61].conversion_rate) == (2, 0.5)
    assert (options[0.3].per_week, options[0.3].recall) == (4, 1.0)


def test_the_new_model_changes_only_the_thresholds() -> None:
    loaded = load("pillars")
    text = with_threshold(loaded.text, loaded.lines, 65, 85)
    changed = [
        (a, b) for a, b in zip(loaded.text.splitlines(), text.splitlines(), strict=True) if a != b
    ]
    assert changed == [("  pql: 50", "  pql: 65"), ("  hot: 70", "  hot: 85")]


def test_pql_calibrate_writes_a_calibrated_copy_and_shows_the_diff(tmp_path: Path) -> None:
    from pqlkit.store.store import Store
    from tests.cli.test_cli import pql
    from tests.history import History
    from tests.scoring.test_pillars import DAY, T, activate, signup

    h = History()
    for n in range(6):
        user = f"w{n}"
        signup(h, user, T - 40 * DAY, employees=250 if n < 3 else 10, industry="Software")
        activate(h, user, T - 39 * DAY)
        if n < 2:
            h.track(user, "Subscription Started", T - 10 * DAY)
    with Store.open(tmp_path / "s.duckdb") as store:
        h.load(store, tmp_path)
    out = tmp_path / "mine.yaml"
    args = [
        "calibrate",
        "--model",
        "pillars",
        "--capacity",
        "21/week",
        "--db",
        str(tmp_path / "s.duckdb"),
    ]
    done = pql(
        *args, "--from", "2026-02-15", "--to", "2026-02-15", "--horizon", "10d", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    # on 2026-02-15 the three big-company users score 55 and two of them buy within 10 days;
    # the three small ones score 35: the lowest threshold above 15% within 21 a week is 35
    assert "-  pql: 50\n+  pql: 35" in done.stdout
    assert "pql: 35" in out.read_text() and "# The three-pillar PQL model" in out.read_text()
    bad = pql(*args, "--capacity", "lots")
    assert bad.returncode == 1 and "--capacity: 'lots'" in bad.stderr
