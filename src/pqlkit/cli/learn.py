"""`pql backtest`: how a model would have done on the past, without looking ahead."""

from __future__ import annotations

from pathlib import Path

import typer

from pqlkit.cli.model import MODEL_HELP, _parse_time
from pqlkit.cli.options import db_option, schema_option, warehouse_option


def backtest(
    model: str = typer.Option(..., "--model", help=MODEL_HELP),
    start: str = typer.Option(..., "--from", help="The first scoring date (UTC)."),
    end: str = typer.Option(..., "--to", help="The last scoring date (UTC)."),
    every: str = typer.Option("7d", "--every", help="Step between scoring dates."),
    horizon: str = typer.Option(
        "30d", "--horizon", help="A conversion counts when it happens this soon after a date."
    ),
    compare: list[str] = typer.Option(
        [],
        "--compare",
        help="Also backtest these models (repeatable); default: every template scoring the "
        "same entity. --compare none for no comparison.",
    ),
    out: Path = typer.Option(
        Path("backtest"), "--out", help="Directory for backtest.json and backtest.html."
    ),
    db: str | None = db_option(),
    warehouse: str | None = warehouse_option(),
    schema: str | None = schema_option(),
) -> None:
    """Score the model as of every date from --from to --to using only earlier events, then
    judge it by who converted within --horizon: PQLs per date, conversion rate, precision,
    recall, lead time and lift per tier, ROC-AUC and PR-AUC of the score, conversion by score
    decile, and the same for the templates. Writes backtest.json and a self-contained
    backtest.html.
    """
    import orjson

    from pqlkit.cli.console import CliConsole
    from pqlkit.cli.score import _duration, events_of
    from pqlkit.errors import ConfigError
    from pqlkit.learn.backtest import backtest as run_backtest
    from pqlkit.learn.backtest import dates_between
    from pqlkit.learn.report import as_html, as_json
    from pqlkit.model.loader import load
    from pqlkit.model.templates import TEMPLATES
    from pqlkit.scoring.output import atomic_write_text
    from pqlkit.store.store import Store

    console = CliConsole()
    loaded = load(model)
    first, last = _parse_time(start), _parse_time(end)
    if last < first:
        raise ConfigError("--to is before --from")
    dates = dates_between(first, last, _duration("--every", every))
    window = _duration("--horizon", horizon)
    if compare == ["none"]:
        names: list[str] = []
    elif compare:
        names = compare
    else:
        names = [n for n in TEMPLATES if n != loaded.model.name]
    others = [load(n) for n in names]
    others = [o for o in others if o.model.entity == loaded.model.entity or compare]
    runs = len(dates) * (1 + len(others))
    with (
        Store.open(db, read_only=True) as store,
        events_of(store, warehouse, schema) as events,
        console.progress(f"scoring {runs} model-dates", total=runs) as bar,
    ):
        primary = run_backtest(events, loaded, dates, window, bar.advance)
        compared = [run_backtest(events, o, dates, window, bar.advance) for o in others]
    out.mkdir(parents=True, exist_ok=True)
    report = as_json(primary, compared)
    atomic_write_text(
        out / "backtest.json", orjson.dumps(report, option=orjson.OPT_INDENT_2).decode()
    )
    atomic_write_text(out / "backtest.html", as_html(primary, compared))
    s = primary.summary

    def pct(x: float | None) -> str:
        return "–" if x is None else f"{100 * x:.1f}%"

    typer.echo(
        f"{loaded.model.name}: {len(dates)} dates, {s['entity_dates']:,} {loaded.model.entity}-dates, "
        f"base rate {pct(s['base_rate'])}"
    )
    for b in [primary, *compared]:
        bf = b.summary["flagged"]
        auc = b.summary["roc_auc"]
        typer.echo(
            f"  {b.model:<18} PQLs/date {bf['per_date']:8.1f}  precision {pct(bf['precision']):>6}  "
            f"recall {pct(bf['recall']):>6}  lift {bf['lift'] or 0:5.2f}  "
            f"ROC-AUC {'–' if auc is None else f'{auc:.3f}'}"
        )
    console.info(f"wrote {out / 'backtest.json'} and {out / 'backtest.html'}")


def register(app: typer.Typer) -> None:
    app.command("backtest")(backtest)
