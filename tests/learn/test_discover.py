"""Discovery: the signals that separate converters, seen before they converted, and honest
silence when nothing does."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from pqlkit.learn.discover import discover, discover_table
from pqlkit.learn.entity_table import is_converted
from pqlkit.learn.stats import correct, separation
from pqlkit.model.loader import load
from pqlkit.store.store import Store
from tests.history import History
from tests.scoring.test_pillars import DAY, T


def test_a_two_by_two_table() -> None:
    present = np.array([True] * 30 + [False] * 70)
    converted = np.array([True] * 15 + [False] * 15 + [True] * 5 + [False] * 65)
    s = separation("shared a dashboard", present, converted)
    assert (s.prevalence_converters, s.prevalence_others) == (15 / 20, 15 / 80)
    assert (s.rate_with, s.rate_without, s.base_rate) == (0.5, 5 / 70, 0.2)
    assert s.lift == 2.5
    assert s.flags == ["in 70%+ of conversions", "2x+ conversion rate"]
    low, high = s.rate_ratio_interval or (0, 0)
    assert low < 7 < high  # the rate ratio is 0.5 / (5/70) = 7
    assert s.p_value < 1e-6


def test_benjamini_hochberg() -> None:
    from pqlkit.learn.stats import Separation

    tests = [Separation(str(p), 1, 2, 2, 4, p) for p in (0.01, 0.02, 0.03, 0.5)]
    q = [r.q_value for r in correct(tests)]
    assert q == pytest.approx([0.04, 0.04, 0.04, 0.5])
    assert [r.significant for r in correct(tests)] == [True, True, True, False]


def test_shuffled_outcomes_give_nothing_significant() -> None:
    rng = np.random.default_rng(11)
    features = rng.random((300, 2000)) < rng.random((300, 1))  # 300 signals of any prevalence
    converted = rng.random(2000) < 0.1  # unrelated to every signal
    results = correct([separation(str(i), f, converted) for i, f in enumerate(features)])
    assert not [r for r in results if r.significant]


def test_converters_are_seen_before_they_convert(store: Store, tmp_path: Path) -> None:
    h = History()
    for n in range(60):
        user, start = f"u{n}", T - 60 * DAY + n * timedelta(hours=5)
        h.identify(user, start, email=f"{user}@{user}.example")  # a company each
        h.track(user, "Signed Up", start)
        if n % 3 == 0:  # a third share a dashboard in their first days, and most of them buy
            h.track(user, "Dashboard Shared", start + 2 * DAY)
            if n % 9 != 0:
                h.track(user, "Subscription Started", start + 20 * DAY)
                h.track(user, "Invoice Paid", start + 21 * DAY)  # only ever after buying
        h.track(user, "Report Created", start + DAY)
    h.load(store, tmp_path)
    (found,) = discover(store.events, load("pillars").model, T, timedelta(days=7))
    assert int(found.observations.converted.sum()) == 13
    best = found.significant[0]
    assert best.signal.startswith("Dashboard Shared")
    assert best.prevalence_converters == 1.0 and best.prevalence_others == 7 / 47
    tested = {r.signal for r in found.results}
    assert not [s for s in tested if s.startswith("Invoice Paid")]  # never before converting
    assert not [r for r in found.results if r.significant and r.signal.startswith("Report")]


def test_an_entity_table_is_analysed_against_its_outcome(tmp_path: Path, store: Store) -> None:
    from pqlkit.events.importers.entity_table import import_entity_table

    rows = ["id,source,visits,converted"]
    for n in range(200):
        source = "Referral" if n % 4 == 0 else "Ads"
        converted = (n % 4 == 0 and n % 8 != 4) or n % 25 == 1
        rows.append(f"{n},{source},{n % 7},{'Yes' if converted else 'No'}")
    csv = tmp_path / "leads.csv"
    csv.write_text("\n".join(rows) + "\n")
    import_entity_table(store, csv, entity="user", id_column="id", outcome="converted")
    (found,) = discover_table(store.events, store.table("entity_tables"))
    assert len(found.observations.entity_ids) == 200
    assert found.significant[0].signal in ("source = Referral", "source = Ads")
    assert {r.signal for r in found.results if r.signal.startswith("converted")} == set()


def test_outcome_cells() -> None:
    assert [is_converted(v) for v in (1, 0, 2.5, True, "Yes", "no", "Converted", "")] == [
        True,
        False,
        True,
        True,
        True,
        False,
        True,
        False,
    ]


def test_pql_discover_says_so_when_nothing_separates(store: Store, tmp_path: Path) -> None:
    from tests.cli.test_cli import pql

    h = History()
    for n in range(30):
        user = f"v{n}"
        h.identify(user, T - 30 * DAY, email=f"{user}@{user}.example")
        h.track(user, "Report Created", T - (n % 10 + 1) * DAY)
        if n % 2:
            h.track(user, "Subscription Started", T - DAY)  # half buy, whatever they did
    h.load(store, tmp_path)
    store.close()
    done = pql("discover", "--db", str(tmp_path / "test.duckdb"), "--out", str(tmp_path / "d.json"))
    assert done.returncode == 0, done.stderr
    assert "0 significant" in done.stdout
    assert "nothing separates converters from the rest here" in done.stdout
    assert '"significant": false' in (tmp_path / "d.json").read_text()
