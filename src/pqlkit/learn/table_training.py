"""Train on an imported entity table: its traits against its outcome, judged by cross-validation.

A table of leads has no dates to split by, so the learners are judged by stratified k-fold
cross-validation: each fold is held out once, the model trained on the others scores it, and
the report is the mean and spread of ROC-AUC and PR-AUC over the folds. The artifact is then
trained on every row.

Traits become features the way :mod:`pqlkit.learn.dataset` encodes text signals: numbers as
they are, yes/no as 1/0, text as one column per frequent value (``Lead Source=Google``), a
missing value NaN. A text trait whose value on most rows is on no other row names things
(e-mail, company) and is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pqlkit.errors import ConfigError
from pqlkit.learn import metrics
from pqlkit.learn.dataset import MAX_LEVELS
from pqlkit.learn.train import SEED

if TYPE_CHECKING:
    import numpy as np

    from pqlkit.learn.entity_table import EntityTable

NAMING_SHARE = 0.5  # a text trait whose value is unique on more rows than this share names them


@dataclass(frozen=True)
class Encoded:
    features: np.ndarray  # rows × columns, float, NaN = missing
    names: list[str]
    levels: dict[str, list[str]]  # text trait → its one-hot values
    numeric: list[str]  # traits used as numbers (yes/no included)


def encode_traits(traits: list[dict[str, Any]], layout: Encoded | None = None) -> Encoded:
    """The feature matrix of ``traits``; with ``layout``, the columns of an earlier encoding."""
    import numpy as np

    if layout is None:
        numeric, levels = _layout(traits)
    else:
        numeric, levels = layout.numeric, layout.levels
    names: list[str] = []
    columns: list[np.ndarray] = []
    for name in numeric:
        names.append(name)
        columns.append(np.array([_number(row.get(name)) for row in traits], dtype=float))
    for name, values in levels.items():
        cells = [row.get(name) for row in traits]
        for level in values:
            names.append(f"{name}={level}")
            columns.append(
                np.array([np.nan if c is None else float(str(c) == level) for c in cells])
            )
    matrix = np.column_stack(columns) if columns else np.zeros((len(traits), 0))
    return Encoded(matrix, names, levels, numeric)


def _layout(traits: list[dict[str, Any]]) -> tuple[list[str], dict[str, list[str]]]:
    seen: dict[str, list[Any]] = {}
    for row in traits:
        for name, value in row.items():
            seen.setdefault(name, []).append(value)
    numeric: list[str] = []
    levels: dict[str, list[str]] = {}
    for name in sorted(seen):
        values = seen[name]
        if all(isinstance(v, int | float) for v in values):  # bool is an int
            numeric.append(name)
            continue
        counts: dict[str, int] = {}
        for v in values:
            counts[str(v)] = counts.get(str(v), 0) + 1
        if sum(1 for c in counts.values() if c == 1) > NAMING_SHARE * len(values):
            continue  # most rows have a value of their own: it names them
        levels[name] = sorted(counts, key=lambda v: (-counts[v], v))[:MAX_LEVELS]
    return numeric, levels


def _number(value: Any) -> float:
    if value is None:
        return float("nan")
    return float(value)


@dataclass(frozen=True)
class FoldScores:
    """One learner's held-out scores over the folds."""

    roc_auc: list[float]
    pr_auc: list[float]

    @property
    def mean_roc_auc(self) -> float:
        return sum(self.roc_auc) / len(self.roc_auc)

    @property
    def sd_roc_auc(self) -> float:
        mean = self.mean_roc_auc
        spread = sum((a - mean) ** 2 for a in self.roc_auc) / max(1, len(self.roc_auc) - 1)
        return float(spread**0.5)

    @property
    def mean_pr_auc(self) -> float:
        return sum(self.pr_auc) / len(self.pr_auc)


@dataclass(frozen=True)
class CrossValidation:
    folds: int
    scores: dict[str, FoldScores]  # learner → its scores over the folds
    held_out: np.ndarray  # per row, LightGBM's probability from the fold that did not see it
    reasons: list[list[dict[str, Any]]]  # per row, that model's top contributions


def cross_validate(
    encoded: Encoded, labels: np.ndarray, folds: int = 5, progress: Any = None
) -> CrossValidation:
    """Stratified ``folds``-fold ROC-AUC and PR-AUC of LightGBM and logistic regression."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from pqlkit.learn.train import explain, fit_lightgbm_matrix, fit_logistic_matrix

    y = labels.astype(bool)
    smaller = int(min(y.sum(), (~y).sum()))
    if smaller < folds:
        raise ConfigError(
            f"{folds}-fold cross-validation needs at least {folds} converted and {folds} "
            f"unconverted rows; the table has {int(y.sum())} and {int((~y).sum())}"
        )
    scores: dict[str, tuple[list[float], list[float]]] = {
        "lightgbm": ([], []),
        "logistic": ([], []),
    }
    held_out = np.zeros(len(y))
    reasons: list[list[dict[str, Any]]] = [[] for _ in range(len(y))]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train, test in splitter.split(encoded.features, y):
        x_train, y_train = encoded.features[train], y[train]
        x_test, y_test = encoded.features[test], y[test]
        booster = fit_lightgbm_matrix(x_train, y_train)
        held_out[test] = booster.predict(x_test)
        for i, why in zip(test, explain(booster, x_test, encoded.names), strict=True):
            reasons[i] = why
        predicted = {
            "lightgbm": held_out[test],
            "logistic": fit_logistic_matrix(x_train, y_train).predict_proba(x_test)[:, 1],
        }
        for name, p in predicted.items():
            auc = metrics.roc_auc(p, y_test)
            ap = metrics.average_precision(p, y_test)
            if auc is not None and ap is not None:
                scores[name][0].append(auc)
                scores[name][1].append(ap)
        if progress is not None:
            progress()
    return CrossValidation(
        folds,
        {name: FoldScores(aucs, aps) for name, (aucs, aps) in scores.items()},
        held_out,
        reasons,
    )


def features_of(table: EntityTable) -> Encoded:
    encoded = encode_traits(table.traits)
    if not encoded.names:
        raise ConfigError(f"{table.source}: no trait to learn from besides {table.outcome!r}")
    return encoded
