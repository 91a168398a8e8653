"""Set the PQL threshold where sales capacity and conversion meet.

From a backtest (scores of past dates and who converted within the horizon), every candidate
threshold gives a weekly volume of PQLs and their conversion rate. Entities made hot by a
trigger count as PQLs whatever their score. The chosen threshold is the lowest (the most leads)
whose volume fits ``capacity`` per week and whose conversion rate reaches the target — by default
the seeds' healthy band, at least 15% (below: too loose; above 40%: so tight that sales misses
leads). When none fits both, the closest is proposed with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from pqlkit.errors import ConfigError
from pqlkit.learn.backtest import ModelBacktest
from pqlkit.model.schema import Model

TOO_LOOSE, TOO_TIGHT = 0.15, 0.40


@dataclass(frozen=True)
class Option:
    threshold: float
    per_week: float
    conversion_rate: float | None
    recall: float | None  # share of the positive entity-dates flagged


@dataclass(frozen=True)
class Choice:
    option: Option | None
    warnings: tuple[str, ...]
    curve: tuple[Option, ...]


def curve(result: ModelBacktest, model: Model, every: timedelta) -> list[Option]:
    """Volume per week and conversion for every threshold the scores allow (a predictive
    model's probabilities to two significant digits)."""
    import numpy as np

    if model.type not in ("points", "predictive") or model.tiers is None:
        raise ConfigError(
            f"{model.name} is a {model.type} model: calibrate sets a points or predictive "
            "model's score threshold"
        )
    hot = model.tiers.hot
    scored = result.scored
    dates = len(np.unique(scored.numbers("date")))
    weeks = max(dates * every / timedelta(days=7), 1e-9)
    scores = scored.numbers("score").astype(float)
    positive = scored.numbers("positive").astype(bool)
    # made hot by a trigger below the hot score: a PQL whatever the threshold
    always = scored.is_in("tier", ["hot"])
    if hot is not None:
        always &= scores < hot
    order = np.argsort(-scores[~always], kind="stable")
    ranked, hits_ranked = scores[~always][order], np.cumsum(positive[~always][order])
    extra, extra_hits = int(always.sum()), int((positive & always).sum())
    total_positive = int(positive.sum())
    candidates = scores[scores > 0]
    if model.type == "predictive":  # probabilities to two significant digits: 0.31, 0.0062
        scale = 10.0 ** (1 - np.floor(np.log10(candidates)))
        candidates = np.floor(np.round(candidates * scale, 9)) / scale
    out = []
    for threshold in np.unique(candidates):
        above = int(np.searchsorted(-ranked, -threshold, side="right"))  # scores >= threshold
        flagged = above + extra
        hits = (int(hits_ranked[above - 1]) if above else 0) + extra_hits
        out.append(
            Option(
                float(threshold),
                flagged / weeks,
                hits / flagged if flagged else None,
                hits / total_positive if total_positive else None,
            )
        )
    return out


def choose(options: list[Option], capacity: float, target: float | None = None) -> Choice:
    """The lowest threshold within capacity whose conversion reaches the target (or 15%)."""
    floor = TOO_LOOSE if target is None else target
    fits = [
        o
        for o in options
        if o.per_week <= capacity and o.conversion_rate is not None and o.conversion_rate >= floor
    ]
    warnings: list[str] = []
    if not options:
        warnings.append("nobody scored above 0 on the backtest dates: widen --from/--to")
        return Choice(None, tuple(warnings), ())
    if fits:
        best = min(fits, key=lambda o: o.threshold)
    else:
        within = [o for o in options if o.per_week <= capacity]
        if not within:
            warnings.append(
                f"no threshold keeps the volume within {capacity:g} a week (triggers alone may "
                "exceed it): raise capacity or tighten the triggers"
            )
            return Choice(None, tuple(warnings), tuple(options))
        best = max(within, key=lambda o: (o.conversion_rate or 0, -o.threshold))
        warnings.append(
            f"no threshold within {capacity:g} a week reaches {100 * floor:.0f}% conversion; "
            f"the best is {_pct(best.conversion_rate)} at {best.threshold:g}: the signals may "
            "not separate buyers well enough (see pql discover)"
        )
    rate = best.conversion_rate or 0
    if rate > TOO_TIGHT:
        warnings.append(
            f"{_pct(rate)} of these PQLs convert: above 40% the threshold is likely too tight "
            "and sales is missing leads it could win"
        )
    return Choice(best, tuple(warnings), tuple(options))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def with_threshold(
    text: str, lines: dict[tuple[str | int, ...], int], pql: float, hot: float | None
) -> str:
    """The model's text with ``tiers.pql`` (and ``tiers.hot`` if given) changed in place.

    Only the value on each key's line is replaced, so comments and layout stay as written.
    """
    import re

    out = text.splitlines(keepends=True)
    for key, value in (("pql", pql), ("hot", hot)):
        if value is None:
            continue
        line = lines.get(("tiers", key))
        if line is None:
            raise ConfigError(f"the model has no tiers.{key} line to change")
        new, count = re.subn(
            rf"(\b{key}\s*:\s*)[-+0-9.eE]+", rf"\g<1>{_plain(value)}", out[line - 1], count=1
        )
        if count != 1:
            raise ConfigError(f"line {line}: cannot find the value of tiers.{key} to change")
        out[line - 1] = new
    return "".join(out)


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
