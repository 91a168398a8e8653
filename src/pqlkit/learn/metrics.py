"""Ranking and rate metrics, in NumPy (no scikit-learn needed for these)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

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


def bootstrap(
    scores: npt.ArrayLike, labels: npt.ArrayLike, picks: Iterable[np.ndarray]
) -> tuple[list[float], list[float]]:
    """ROC-AUC and average precision of each resample (``picks``: indices into the rows, with
    repeats), the resamples where either is undefined left out.

    The rows are sorted once; a resample is the original order with each row counted as often
    as it was picked, so each costs a few passes instead of two sorts — and gives exactly the
    values :func:`roc_auc` and :func:`average_precision` give on ``scores[pick]``,
    ``labels[pick]`` (the sums are of whole counts).
    """
    import numpy as np

    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=bool)
    order = np.argsort(s, kind="stable")
    ordered = s[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])  # runs of tied scores
    positive = y[order]
    aucs: list[float] = []
    aps: list[float] = []
    for pick in picks:
        counts = np.bincount(pick, minlength=len(s))[order].astype(float)
        hits = np.add.reduceat(np.where(positive, counts, 0.0), starts)  # per run, ascending
        misses = np.add.reduceat(counts, starts) - hits
        positives, negatives = hits.sum(), misses.sum()
        if positives == 0 or negatives == 0:
            continue
        below = np.cumsum(misses) - misses  # negatives scored lower than each run
        aucs.append(float((hits * (below + misses / 2)).sum() / (positives * negatives)))
        picked = (hits + misses)[::-1] > 0  # from the highest score down, whole runs at a time
        down = hits[::-1][picked]
        precision = np.cumsum(down) / np.cumsum((hits + misses)[::-1][picked])
        aps.append(float((precision * (down / positives)).sum()))
    return aucs, aps


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
