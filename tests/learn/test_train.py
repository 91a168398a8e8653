"""Training: point-in-time rows that cannot see the outcome, a split by time, honest metrics."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from pqlkit.errors import ConfigError
from pqlkit.learn import dataset as training
from pqlkit.learn.dataset import Dataset
from pqlkit.learn.train import Artifact, evaluate, explain, fit_lightgbm, split_by_time
from pqlkit.model.loader import load_text
from pqlkit.store.store import Store
from tests.history import History
from tests.scoring.test_pillars import DAY, T

LEAKY = """
name: leaky
population: all
signals:
  reports: {count: {event: Report Created}}
  invoices: {count: {event: Invoice Paid}}
layers:
  usage:
    rules:
      - {signal: reports, at_least: 1, points: 10}
tiers: {pql: 10}
"""


def test_a_signal_of_what_follows_the_purchase_cannot_leak(store: Store, tmp_path: Path) -> None:
    h = History()
    for n in range(8):
        user = f"b{n}"
        h.identify(user, T - 30 * DAY, email=f"{user}@{user}.example")
        h.track(user, "Report Created", T - 29 * DAY)
        if n % 2 == 0:
            h.track(user, "Subscription Started", T - 12 * DAY)
            h.track(user, "Invoice Paid", T - 12 * DAY)  # only ever at or after buying
    model = load_text(LEAKY, "leaky.yaml")
    dates = [T - 20 * DAY, T - 15 * DAY]
    data, _ = training.build(h.load(store, tmp_path).events, model, dates, timedelta(days=10))
    assert int(data.labels.sum()) == 8  # four buyers, positive on both dates
    invoices = data.features[:, data.names.index("invoices")]
    assert (invoices[data.labels] == 0).all()  # no row can see the invoice of its purchase


ENCODED = """
name: encoded
population: all
signals:
  reports: {count: {event: Report Created}}
  set_up: {milestone: {steps: [Project Created]}}
  industry: {trait: {name: industry, of: account}}
layers:
  usage:
    rules:
      - {signal: reports, at_least: 1, points: 10}
tiers: {pql: 10}
"""


def test_features_numbers_as_they_are_yes_as_1_text_one_column_per_value_missing_as_nan() -> None:
    import pyarrow as pa

    model = load_text(ENCODED, "encoded.yaml")
    table = pa.table(
        {
            "s__reports": [3, 0, None, 7],
            "s__set_up": [True, False, True, None],
            "s__industry": ["Retail", "Software", None, "Software"],
        }
    )
    features, names, levels = training.encode(table, model)
    assert levels == {"industry": ["Software", "Retail"]}
    assert names == ["reports", "set_up", "industry=Software", "industry=Retail"]  # most first
    nan = np.nan
    expected = [[3, 1, 0, 1], [0, 0, 1, 0], [nan, 1, nan, nan], [7, nan, 1, 0]]
    np.testing.assert_array_equal(features, np.array(expected, dtype=float))
    again, _, _ = training.encode(table.slice(0, 1), model, {"industry": ["Software"]})
    np.testing.assert_array_equal(again, np.array([[3, 1, 0]], dtype=float))  # levels as given


def test_evaluation_with_intervals() -> None:
    rng = np.random.default_rng(1)
    labels = rng.random(2000) < 0.2
    perfect = evaluate(labels.astype(float), labels)
    assert perfect.roc_auc == 1.0 and perfect.brier == 0.0
    noisy = evaluate(
        np.where(labels, 0.6, 0.4) + rng.normal(0, 0.2, 2000), labels, probabilities=False
    )
    assert noisy.roc_auc_ci is not None
    assert noisy.roc_auc_ci[0] < (noisy.roc_auc or 0) < noisy.roc_auc_ci[1]
    assert noisy.top_decile_lift is not None and noisy.top_decile_lift > 1.5


def synthetic(signal: bool, n: int = 6000) -> Dataset:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(n, 3))
    odds = 1.5 * x[:, 0] - 1.0 * x[:, 1] * (x[:, 2] > 0) - 2.0
    labels = rng.random(n) < 1 / (1 + np.exp(-odds))
    if not signal:
        labels = rng.permutation(labels)
    dates = [datetime(2026, 1, 1) + timedelta(days=7 * (i % 9)) for i in range(n)]
    return Dataset(x, ["a", "b", "c"], labels, dates, [str(i) for i in range(n)], x[:, 0])


def test_boosting_learns_a_signal_and_finds_none_in_shuffled_outcomes() -> None:
    for signal, expected in ((True, (0.75, 1.0)), (False, (0.4, 0.6))):
        train, test, first_test = split_by_time(synthetic(signal), timedelta(days=14))
        assert max(train.dates) + timedelta(days=14) <= first_test <= min(test.dates)
        booster = fit_lightgbm(train)
        auc = evaluate(booster.predict(test.features), test.labels).roc_auc or 0
        assert expected[0] < auc < expected[1]
    top = explain(booster, test.features[:1], test.names, top=2)[0]
    assert len(top) <= 2 and {t["signal"] for t in top} <= {"a", "b", "c"}


def test_a_split_needs_dates_a_horizon_before_the_test() -> None:
    with pytest.raises(ConfigError, match="whole --horizon before the test period"):
        split_by_time(synthetic(True), timedelta(days=90))


def test_an_artifact_refuses_other_signals(tmp_path: Path) -> None:
    artifact = Artifact(
        "pillars", "h", ["a", "b"], ["a", "b"], {}, "", "", "", 30.0, "d", {}, {}, booster=""
    )
    artifact.save(tmp_path / "m.json")
    assert Artifact.load(tmp_path / "m.json", ["a", "b"]).model == "pillars"
    with pytest.raises(ConfigError, match="missing now: b; new: c"):
        Artifact.load(tmp_path / "m.json", ["a", "c"])


def test_cohort_rows_observe_every_entity_once_at_the_same_age(
    store: Store, tmp_path: Path
) -> None:
    h = History()
    starts = {"early": 40, "middle": 26, "late": 12, "newest": 3}  # days before T
    for user, days in starts.items():
        h.identify(user, T - days * DAY, email=f"{user}@{user}.example")
        h.track(user, "Report Created", T - (days - 1) * DAY)
    h.track("middle", "Subscription Started", T - 10 * DAY)
    model = load_text(LEAKY, "leaky.yaml")
    dates = [T - 35 * DAY, T - 28 * DAY, T - 21 * DAY, T - 14 * DAY, T - 7 * DAY, T]
    week = timedelta(days=7)
    data, _ = training.build(
        h.load(store, tmp_path).events, model, dates, timedelta(days=30), ages=(week, 2 * week)
    )
    seen = dict(zip(data.entity_ids, data.dates, strict=True))
    # each when 7 to 14 days old; "newest" is 3 days old at the last date: not yet observed
    assert seen == {"early": T - 28 * DAY, "middle": T - 14 * DAY, "late": T}
    assert dict(zip(data.entity_ids, data.labels.tolist(), strict=True)) == {
        "early": False,
        "middle": True,  # bought 4 days after it was observed
        "late": False,
    }


def test_a_deal_sales_reported_converted_is_a_positive_label(store: Store, tmp_path: Path) -> None:
    from pqlkit.sales.feedback import Feedback, conversions, record

    h = History()
    for user in ("signed", "crm_deal", "browsing"):
        h.identify(user, T - 30 * DAY, email=f"{user}@{user}.example")
        h.track(user, "Report Created", T - 29 * DAY)
    h.track("signed", "Subscription Started", T - 12 * DAY)
    events = h.load(store, tmp_path).events
    # the deal closed in the CRM: no purchase event, only the rep's word
    record(store, Feedback("crm_deal", "converted", by="sam@x.io", at=T - 11 * DAY), "cli")
    record(store, Feedback("browsing", "lost", by="sam@x.io", at=T - 11 * DAY), "cli")
    assert list(conversions(store)) == ["crm_deal"]
    model = load_text(LEAKY, "leaky.yaml")
    dates, horizon = [T - 20 * DAY, T - 15 * DAY], timedelta(days=10)
    labelled, _ = training.build(events, model, dates, horizon, reported=conversions(store))
    positive = {e for e, y in zip(labelled.entity_ids, labelled.labels, strict=True) if y}
    assert positive == {"signed", "crm_deal"}
    alone, _ = training.build(events, model, dates, horizon)
    assert {e for e, y in zip(alone.entity_ids, alone.labels, strict=True) if y} == {"signed"}
