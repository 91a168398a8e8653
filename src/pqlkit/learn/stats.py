"""Does a yes/no signal separate converters from the rest? Rates, lift, intervals, tests.

For a signal and a set of entities labelled converted or not: prevalence among converters and
among the rest, the conversion rate with and without the signal, lift (rate with / base rate),
a 95% interval for the rate ratio (with / without, on the log scale), and a two-sided
two-proportion z-test. Many signals are tested at once, so p-values are corrected with
Benjamini–Hochberg (false discovery rate): a signal is *significant* when its q-value is below
``alpha``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

Z95 = 1.959963984540054
PREVALENT = 0.70  # the seeds: "present in 70%+ of conversions"
STRONG_LIFT = 2.0  # the seeds: "2x+ conversion rate"


@dataclass(frozen=True)
class Separation:
    signal: str
    with_converted: int  # a: converters with the signal
    with_total: int  # a + c
    converters: int  # a + b
    total: int  # n
    p_value: float
    q_value: float = 1.0
    significant: bool = False

    @property
    def prevalence_converters(self) -> float:
        return self.with_converted / self.converters if self.converters else 0.0

    @property
    def prevalence_others(self) -> float:
        others = self.total - self.converters
        return (self.with_total - self.with_converted) / others if others else 0.0

    @property
    def rate_with(self) -> float | None:
        return self.with_converted / self.with_total if self.with_total else None

    @property
    def rate_without(self) -> float | None:
        without = self.total - self.with_total
        return (self.converters - self.with_converted) / without if without else None

    @property
    def base_rate(self) -> float:
        return self.converters / self.total if self.total else 0.0

    @property
    def lift(self) -> float | None:
        rate = self.rate_with
        return rate / self.base_rate if rate is not None and self.base_rate else None

    @property
    def rate_ratio_interval(self) -> tuple[float, float] | None:
        """95% interval of (rate with) / (rate without), Katz's log method (0.5 added to empty cells)."""
        a = float(self.with_converted)
        c = self.with_total - a
        b = self.converters - a
        d = self.total - self.with_total - b
        if self.with_total == 0 or self.with_total == self.total:
            return None
        if 0 in (a, b, c, d):
            a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
        ratio = (a / (a + c)) / (b / (b + d))
        se = math.sqrt(1 / a - 1 / (a + c) + 1 / b - 1 / (b + d))
        return (ratio * math.exp(-Z95 * se), ratio * math.exp(Z95 * se))

    @property
    def flags(self) -> list[str]:
        """The seeds' rules of thumb this signal meets."""
        out = []
        if self.prevalence_converters >= PREVALENT:
            out.append("in 70%+ of conversions")
        ratio = self._rate_ratio()
        if ratio is not None and ratio >= STRONG_LIFT:
            out.append("2x+ conversion rate")
        return out

    def _rate_ratio(self) -> float | None:
        if self.rate_with is None or not self.rate_without:
            return None
        return self.rate_with / self.rate_without


def separation(name: str, present: np.ndarray, converted: np.ndarray) -> Separation:
    """The 2×2 table of ``present`` (bool per entity) against ``converted``."""
    import numpy as np

    a = int(np.count_nonzero(present & converted))
    with_total = int(np.count_nonzero(present))
    converters = int(np.count_nonzero(converted))
    total = len(converted)
    return Separation(
        name, a, with_total, converters, total, _two_proportion_p(a, with_total, converters, total)
    )


def _two_proportion_p(a: int, with_total: int, converters: int, total: int) -> float:
    """Two-sided p-value that the conversion rate with the signal equals the rate without."""
    without = total - with_total
    if with_total == 0 or without == 0 or converters in (0, total):
        return 1.0
    p1, p2 = a / with_total, (converters - a) / without
    pooled = converters / total
    se = math.sqrt(pooled * (1 - pooled) * (1 / with_total + 1 / without))
    if se == 0:
        return 1.0
    z = abs(p1 - p2) / se
    return math.erfc(z / math.sqrt(2))


def correct(results: list[Separation], alpha: float = 0.05) -> list[Separation]:
    """Benjamini–Hochberg q-values; ``significant`` when q < alpha. Order kept."""
    m = len(results)
    if m == 0:
        return []
    order = sorted(range(m), key=lambda i: results[i].p_value)
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, results[i].p_value * m / rank)
        q[i] = min(running, 1.0)
    return [replace(r, q_value=q[i], significant=q[i] < alpha) for i, r in enumerate(results)]
