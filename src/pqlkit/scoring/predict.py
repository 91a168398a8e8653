"""A predictive model's score: the trained artifact applied to the compiled signals.

The engine computes every signal as of T (the same compiled table as a rules model, so there
is no train/serve skew); the booster then runs once over the whole result (vectorised, in
LightGBM's C code, never per entity in Python). It adds to the table:

- ``score``: the probability of converting within the training horizon, rounded to 6 places;
- ``tier``: hot at or above ``tiers.hot`` (or with a live trigger), pql at or above ``tiers.pql``;
- ``c__<signal>``: each signal's contribution to the log-odds (LightGBM's per-feature
  contributions; a text signal's levels summed into one), and ``c__base``, the log-odds of
  an entity about whom nothing is known. ``c__base`` plus every ``c__<signal>`` is the log-odds
  of ``score``: the breakdown derives the probability exactly, as a rules breakdown adds up
  to the points.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from pqlkit.compile.points import HOT, NOT_QUALIFIED, PQL
from pqlkit.compile.signals import column
from pqlkit.errors import ConfigError
from pqlkit.model.loader import LoadedModel

if TYPE_CHECKING:
    import pyarrow as pa

BASE = "c__base"
DIGITS = 6
_BOOSTERS: dict[str, Any] = {}


def contribution_column(signal: str) -> str:
    return f"c__{signal}"


def _booster(booster_text: str) -> Any:
    """The artifact's LightGBM booster, parsed once per process."""
    import lightgbm as lgb

    key = hashlib.sha256(booster_text.encode()).hexdigest()
    if key not in _BOOSTERS:
        if len(_BOOSTERS) >= 4:
            _BOOSTERS.pop(next(iter(_BOOSTERS)))
        _BOOSTERS[key] = lgb.Booster(model_str=booster_text)
    return _BOOSTERS[key]


def predict(loaded: LoadedModel, table: pa.Table) -> pa.Table:
    """``table`` (compiled rows with the signal columns) with score, tier and contributions."""
    import numpy as np
    import pyarrow as pa

    from pqlkit.learn.dataset import encode

    artifact = loaded.artifact
    model = loaded.model
    assert artifact is not None and model.tiers is not None
    rows = table.select([column(n) for n in model.signals if column(n) in table.column_names])
    features, names, _ = encode(rows, loaded, artifact.levels)
    if names != artifact.features and sorted(names) == sorted(artifact.features):
        at = {name: i for i, name in enumerate(names)}  # the model's signals were reordered
        features = features[:, [at[name] for name in artifact.features]]
        names = artifact.features
    if names != artifact.features:
        raise ConfigError(
            f"{model.artifact}: its features ({len(artifact.features)}) differ from what "
            f"{model.extends}'s signals give now ({len(names)}): a signal's type changed; "
            f"retrain with pql train --model {model.extends}"
        )
    signals = list(model.signals)
    if len(features):
        contributions = np.asarray(_booster(artifact.booster).predict(features, pred_contrib=True))
    else:
        contributions = np.zeros((0, len(names) + 1))
    owner = [name if name in model.signals else name.split("=", 1)[0] for name in names]
    per_signal = np.zeros((len(names), len(signals)))
    for index, name in enumerate(owner):
        per_signal[index, signals.index(name)] = 1.0
    by_signal = contributions[:, :-1] @ per_signal
    log_odds = contributions.sum(axis=1)
    probability = np.round(1.0 / (1.0 + np.exp(-log_odds)), DIGITS)
    tiers = model.tiers
    tier = np.where(probability >= tiers.pql, PQL, NOT_QUALIFIED).astype(object)
    if tiers.hot is not None:
        tier[probability >= tiers.hot] = HOT
    if "triggered" in table.column_names:
        triggered = np.array(table.column("triggered").to_pylist(), dtype=bool)
        tier[triggered] = HOT
    columns: dict[str, Any] = {
        "score": pa.array(probability, pa.float64()),
        "tier": pa.array(list(tier), pa.string()),
        BASE: pa.array(contributions[:, -1], pa.float64()),
    }
    for index, name in enumerate(signals):
        columns[contribution_column(name)] = pa.array(by_signal[:, index], pa.float64())
    for name, values in columns.items():
        table = table.append_column(name, values)
    return table
