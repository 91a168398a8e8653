"""`pql suggest-weights`: points per rule from who converted, judged on held-out dates, written
back into the model file with nothing else changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from pqlkit.errors import ConfigError
from pqlkit.learn.weights import (
    Observations,
    features_of,
    score_with,
    suggest,
    with_points,
)
from pqlkit.model.loader import load_text
from tests.cli.test_cli import pql

SMALL = """\
name: small
signals:
  reports: {count: {event: Report Created}}
  invites: {count: {event: Invite Sent}}
  seats: {count: {event: Seat Added}}
layers:
  usage:
    cap: 40
    rules:
      - {signal: reports, at_least: 1, points: 10}  # reports, the real signal
      - signal: invites
        bands:
          - {from: 1, to: 2, points: 5}
          - {from: 3, points: 20}
  fit:
    rules:
      # seats: weaker than reports, but scored higher today
      - signal: seats
        at_least: 1
        points: 30
tiers: {pql: 20}
"""
WEEK = timedelta(days=7)


def observations(n: int = 4000) -> Observations:
    """reports triples-plus the odds of converting, seats doubles them, invites 1-2 do nothing,
    and nobody sends 3+ invites."""
    rng = np.random.default_rng(11)
    reports, invites, seats = (rng.random(n) < share for share in (0.5, 0.5, 0.3))
    odds = np.exp(-3.0 + 1.8 * reports + 0.8 * seats)
    labels = rng.random(n) < odds / (1 + odds)
    fired = np.column_stack([reports, invites, np.zeros(n), seats]).astype(float)
    dates = [datetime(2026, 1, 5) + WEEK * (i % 9) for i in range(n)]
    features = features_of(load_text(SMALL, "small.yaml").model)
    return Observations(features, fired, labels, dates, [f"u{i % 1500}" for i in range(n)])


def test_every_rule_and_every_band_is_a_feature() -> None:
    features = features_of(load_text(SMALL, "small.yaml").model)
    assert [(f.label, f.points, f.path) for f in features] == [
        ("reports", 10, ("layers", "usage", "rules", 0, "points")),
        ("invites 1-2", 5, ("layers", "usage", "rules", 1, "bands", 0, "points")),
        ("invites 3+", 20, ("layers", "usage", "rules", 1, "bands", 1, "points")),
        ("seats", 30, ("layers", "fit", "rules", 0, "points")),
    ]


def test_the_strongest_rule_gets_the_largest_points_and_the_rest_scale_or_are_flagged() -> None:
    loaded = load_text(SMALL, "small.yaml")
    result = suggest(loaded, observations(), timedelta(days=14), resamples=100)
    by_label = {s.feature.label: s for s in result.suggestions}
    assert by_label["reports"].suggested == 30  # the model's largest points today
    assert by_label["reports"].interval is not None and by_label["reports"].interval[0] > 0
    assert by_label["reports"].lift is not None and by_label["reports"].lift > 1.5
    assert 5 <= by_label["seats"].suggested < 30 and by_label["seats"].suggested % 5 == 0
    assert (by_label["invites 1-2"].suggested, by_label["invites 1-2"].flag) in (
        (0, "not significant"),
        (0, "not positive"),
    )
    assert (by_label["invites 3+"].suggested, by_label["invites 3+"].flag) == (0, "never fired")
    # judged on the last third of the dates, which the fit never saw
    assert result.first_test == datetime(2026, 1, 5) + 6 * WEEK
    assert result.test_rows == sum(1 for i in range(4000) if i % 9 >= 6)
    assert result.auc_now is not None and result.auc_suggested is not None
    assert result.auc_suggested > result.auc_now  # reports now outweighs seats


def test_scores_keep_caps_best_of_and_required_layers() -> None:
    text = SMALL.replace("    cap: 40\n", "    cap: 25\n    combine: best\n").replace(
        "tiers:", "require_layers: [fit]\ntiers:"
    )
    model = load_text(text, "small.yaml").model
    features = features_of(model)
    fired = np.array([[1, 1, 0, 1], [1, 0, 0, 0], [0, 1, 0, 1]], dtype=float)
    assert list(score_with(model, features, [10, 5, 20, 30], fired)) == [40, 0, 35]
    assert list(score_with(model, features, [30, 5, 20, 30], fired)) == [55, 0, 35]  # cap 25


def test_the_new_points_are_written_in_place_comments_and_layout_kept() -> None:
    loaded = load_text(SMALL, "small.yaml")
    result = suggest(loaded, observations(), timedelta(days=14), resamples=100)
    points = {s.feature.label: s.suggested for s in result.suggestions}
    text = with_points(loaded, result.suggestions)
    expected = (
        SMALL.replace("at_least: 1, points: 10}", "at_least: 1, points: 30}")
        .replace("to: 2, points: 5}", "to: 2, points: 0}")
        .replace("{from: 3, points: 20}", "{from: 3, points: 0}")
        .replace("        points: 30\n", f"        points: {points['seats']:g}\n")
    )
    assert text == expected
    assert load_text(text, "new.yaml").model.layers["usage"].rules[0].points == 30


def test_a_horizon_longer_than_the_history_and_bad_options_are_explained() -> None:
    loaded = load_text(SMALL, "small.yaml")
    data = observations()
    with pytest.raises(ConfigError, match="whole --horizon before the test period"):
        suggest(loaded, data, timedelta(days=90))
    with pytest.raises(ConfigError, match="--penalty: 'l3' is not l1 or l2"):
        suggest(loaded, data, timedelta(days=14), penalty="l3")
    with pytest.raises(ConfigError, match="--resamples: at least 20"):
        suggest(loaded, data, timedelta(days=14), resamples=5)


def test_pql_suggest_weights_on_a_simulated_company(simulated_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pillars-suggested.yaml"
    args = ["--from", "2026-01-15", "--to", "2026-03-12", "--horizon", "14d"]
    done = pql(
        "suggest-weights",
        "--model",
        "pillars",
        *args,
        "--resamples",
        "40",
        "--db",
        str(simulated_db),
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert "held-out ROC-AUC: current points 0." in done.stdout
    assert "--- template:pillars" in done.stdout and f"+++ {out}" in done.stdout
    changed = [
        line
        for line in done.stdout.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed and all("points:" in line for line in changed)  # nothing but points moved
    assert load_text(out.read_text(), str(out)).model.tiers is not None
    threshold = pql("suggest-weights", "--model", "threshold", *args, "--db", str(simulated_db))
    assert threshold.returncode == 1
    assert "threshold is a threshold model: suggest-weights sets the points" in threshold.stderr
