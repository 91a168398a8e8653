"""Weighted choices, vectorised."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pqlkit.simulate.clock import F64, I64


def choice(rng: np.random.Generator, weights: Sequence[float] | F64, n: int) -> I64:
    """``n`` indices drawn with the given (unnormalised) weights."""
    p = np.asarray(weights, dtype=np.float64)
    cdf = np.cumsum(p / p.sum())
    drawn = np.searchsorted(cdf, rng.random(n), side="right")
    out: I64 = np.minimum(drawn, len(p) - 1).astype(np.int64)
    return out
