"""Ranking and rate metrics, in NumPy (no scikit-learn needed for these)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


def roc_auc(scores: npt.ArrayLike, labels: npt.ArrayLike) -> float | None:
    """Area under the ROC curve (ties count half); None without both classes."""
    import numpy as np

    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    if positives == 0 or negatives == 0:
        return None
    ranks = average_ranks(s)
    return float((ranks[y].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def average_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, ties sharing their average rank."""
    import numpy as np

    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]]  # where a run of tied values starts
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(values)]
    group = np.cumsum(new) - 1  # each sorted value's run
    ranks = np.empty(len(values), dtype=float)
    ranks[order] = ((starts + 1 + ends) / 2)[group]
    return ranks


def average_precision(scores: npt.ArrayLike, labels: npt.ArrayLike) -> float | None:
    """PR-AUC as average precision; tied scores form one threshold. None without positives."""
    import numpy as np

    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=bool)
    total = int(y.sum())
    if total == 0:
        return None
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    # the last index of every distinct score: thresholds include whole ties
    ends = np.flatnonzero(np.r_[s[1:] != s[:-1], True])
    hits = np.cumsum(y)[ends]
    precision = hits / (ends + 1)
    recall_gain = np.diff(np.r_[0, hits]) / total
    return float((precision * recall_gain).sum())


def deciles(scores: npt.ArrayLike, labels: npt.ArrayLike) -> list[dict[str, float]]:
    """Ten equal groups by score, best first: mean score, conversion rate, count."""
    import numpy as np

    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=bool)
    order = np.argsort(-s, kind="stable")
    groups: list[np.ndarray] = [g for g in np.array_split(order, 10) if len(g)]
    return [
        {
            "decile": n + 1,
            "count": len(g),
            "mean_score": float(s[g].mean()),
            "conversion_rate": float(y[g].mean()),
        }
        for n, g in enumerate(groups)
    ]
