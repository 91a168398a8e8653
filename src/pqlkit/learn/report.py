"""The backtest as JSON and as one self-contained HTML page (inline SVG, no scripts)."""

from __future__ import annotations

import html
from typing import Any

from pqlkit.learn.backtest import ModelBacktest

WIDTH, HEIGHT, PAD = 560, 220, 40


def as_json(primary: ModelBacktest, others: list[ModelBacktest]) -> dict[str, Any]:
    return {
        "model": primary.model,
        "entity": primary.entity,
        "summary": primary.summary,
        "compared": {b.model: b.summary for b in others},
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _comparison_rows(backtests: list[ModelBacktest]) -> str:
    rows = []
    for b in backtests:
        s, f = b.summary, b.summary["flagged"]
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(cell))}</td>"
                for cell in (
                    b.model,
                    f"{f['per_date']:.1f}",
                    _pct(f["precision"]),
                    _pct(f["recall"]),
                    _num(f["lead_time_days_median"], 1),
                    _num(f["lift"], 2),
                    _num(s["roc_auc"]),
                    _num(s["pr_auc"]),
                )
            )
            + "</tr>"
        )
    return "".join(rows)


def _bars(
    values: list[float], labels: list[str], title: str, line: list[float | None] | None
) -> str:
    """Bars for ``values``; an optional line (0–1 scale, right axis) over them."""
    top = max(values, default=0) or 1
    n = max(len(values), 1)
    step = (WIDTH - 2 * PAD) / n
    parts = [
        f'<svg width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{html.escape(title)}">'
    ]
    parts.append(f'<text x="{PAD}" y="14" font-size="12">{html.escape(title)}</text>')
    for i, value in enumerate(values):
        h = (HEIGHT - 2 * PAD) * value / top
        x = PAD + i * step
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{HEIGHT - PAD - h:.1f}" width="{max(step - 4, 1):.1f}" '
            f'height="{h:.1f}" fill="#7aa6c2"><title>{html.escape(labels[i])}: {value:g}</title></rect>'
        )
        if n <= 16 or i % max(n // 8, 1) == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{HEIGHT - PAD + 14}" font-size="9" '
                f'text-anchor="middle">{html.escape(labels[i])}</text>'
            )
    if line is not None:
        peak = max((v for v in line if v is not None), default=0) or 1
        points = [
            (PAD + (i + 0.5) * step, HEIGHT - PAD - (HEIGHT - 2 * PAD) * v / peak)
            for i, v in enumerate(line)
            if v is not None
        ]
        if points:
            parts.append(
                f'<text x="{WIDTH - PAD}" y="{PAD - 4}" font-size="9" text-anchor="end" '
                f'fill="#c0504d">line top = {100 * peak:.1f}%</text>'
            )
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="#c0504d" stroke-width="2"/>'
            )
    parts.append(
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#333"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _calibration(deciles: list[dict[str, float]]) -> str:
    """Mean score (x) against the observed conversion rate (y) per decile."""
    if not deciles:
        return ""
    xs = [d["mean_score"] for d in deciles]
    ys = [d["conversion_rate"] for d in deciles]
    lo, hi = min(xs), max(xs)
    span = (hi - lo) or 1
    top = max(ys) or 1
    parts = [f'<svg width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="calibration">']
    parts.append(
        f'<text x="{PAD}" y="14" font-size="12">conversion rate by mean score (deciles)</text>'
    )
    for x, y in zip(xs, ys, strict=True):
        cx = PAD + (WIDTH - 2 * PAD) * (x - lo) / span
        cy = HEIGHT - PAD - (HEIGHT - 2 * PAD) * y / top
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="#4f81bd">'
            f"<title>score {x:.1f}: {100 * y:.1f}%</title></circle>"
        )
    parts.append(
        f'<text x="{PAD}" y="{HEIGHT - 8}" font-size="9">score {lo:g}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" font-size="9" text-anchor="end">{hi:g}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def as_html(primary: ModelBacktest, others: list[ModelBacktest]) -> str:
    s = primary.summary
    by_date = s["by_date"]
    base = s["base_rate"] or 0
    tier_rows = "".join(
        f"<tr><td>{tier}</td><td>{t['per_date']:.1f}</td><td>{t['conversions']}</td>"
        f"<td>{_pct(t['conversion_rate'])}</td><td>{_num(t['lift'], 2)}</td></tr>"
        for tier, t in s["tiers"].items()
    )
    volume = _bars(
        [float(d["flagged"]) for d in by_date],
        [d["date"][:10] for d in by_date],
        "PQLs per date (bars) and their conversion rate (line)",
        [d["flagged_conversion_rate"] for d in by_date],
    )
    lift = _bars(
        [d["conversion_rate"] / base if base else 0.0 for d in s["deciles"]],
        [f"D{d['decile']}" for d in s["deciles"]],
        "lift over the base rate by score decile (D1 = highest scores)",
        None,
    )
    f = s["flagged"]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>pqlkit backtest: {html.escape(primary.model)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:60em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.25em .6em;text-align:right}}
td:first-child,th:first-child{{text-align:left}}</style></head><body>
<h1>Backtest of <code>{html.escape(primary.model)}</code></h1>
<p>{s["dates"]} dates, {s["entity_dates"]:,} {html.escape(primary.entity)}-dates scored using only
earlier events; a conversion counts when it happened within {s["horizon_days"]:g} days after the date.
Base rate {_pct(s["base_rate"])}. Flagged (PQL or hot): precision {_pct(f["precision"])},
recall {_pct(f["recall"])} of {f["converters"]:,} converters, median lead time
{_num(f["lead_time_days_median"], 1)} days, lift {_num(f["lift"], 2)}; ROC-AUC {_num(s["roc_auc"])},
PR-AUC {_num(s["pr_auc"])}.</p>
<h2>By tier</h2>
<table><tr><th>tier</th><th>per date</th><th>conversions</th><th>conversion rate</th><th>lift</th></tr>
{tier_rows}</table>
<h2>Over time</h2>{volume}
<h2>By score</h2>{lift}{_calibration(s["deciles"])}
<h2>Compared with the templates</h2>
<table><tr><th>model</th><th>flagged per date</th><th>precision</th><th>recall</th>
<th>lead time (days)</th><th>lift</th><th>ROC-AUC</th><th>PR-AUC</th></tr>
{_comparison_rows([primary, *others])}</table>
</body></html>
"""
