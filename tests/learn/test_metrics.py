"""The ranking metrics on cases small enough to check by hand."""

from __future__ import annotations

import numpy as np
import pytest

from pqlkit.learn import metrics
from pqlkit.learn.metrics import average_precision, average_ranks, deciles, roc_auc


def test_a_perfect_ranking_has_auc_1_and_a_reversed_one_0() -> None:
    assert roc_auc([3, 2, 1], [True, False, False]) == 1.0
    assert roc_auc([1, 2, 3], [True, False, False]) == 0.0


def test_ties_count_half() -> None:
    assert roc_auc([5, 5, 5, 5], [True, False, True, False]) == 0.5
    # the positive ties with one negative and beats the other: (1 + 0.5) / 2
    assert roc_auc([2, 2, 1], [True, False, False]) == 0.75


def test_tied_values_share_their_average_rank() -> None:
    import numpy as np

    ranks = average_ranks(np.array([7.0, 3.0, 7.0, 1.0, 3.0, 7.0]))
    assert ranks.tolist() == [5.0, 2.5, 5.0, 1.0, 2.5, 5.0]  # 1 | 3, 3 → 2.5 | 7 × 3 → 5
    assert average_ranks(np.array([2.0])).tolist() == [1.0]


def test_auc_needs_both_classes() -> None:
    assert roc_auc([1, 2], [False, False]) is None
    assert average_precision([1, 2], [False, False]) is None


def test_average_precision_takes_whole_ties_as_one_threshold() -> None:
    assert average_precision([3, 2, 1], [True, True, False]) == 1.0
    assert average_precision([3, 2, 1], [False, False, True]) == pytest.approx(1 / 3)
    assert average_precision([1, 1, 1, 1], [True, False, True, False]) == 0.5


def test_deciles_go_from_the_highest_scores_down() -> None:
    groups = deciles(list(range(20)), [n >= 18 for n in range(20)])
    assert [g["count"] for g in groups] == [2] * 10
    assert groups[0]["mean_score"] == 18.5 and groups[0]["conversion_rate"] == 1.0
    assert groups[-1]["conversion_rate"] == 0.0


def test_a_bootstrap_resample_scores_as_the_rows_it_picked() -> None:
    # each resample counts a row as often as it was picked: the same AUC and average precision
    # as computing them on the picked rows, ties and repeats included
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 6, 300).astype(float)
    labels = rng.random(300) < scores / 10
    picks = [rng.integers(0, 300, 300) for _ in range(50)] + [np.zeros(300, dtype=int)]
    aucs, aps = metrics.bootstrap(scores, labels, picks)
    expected = [
        (metrics.roc_auc(scores[p], labels[p]), metrics.average_precision(scores[p], labels[p]))
        for p in picks
    ]
    kept = [(a, p) for a, p in expected if a is not None and p is not None]
    assert len(kept) == 50  # the resample of one row only has one class: left out
    assert list(zip(aucs, aps, strict=True)) == kept
