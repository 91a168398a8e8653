"""`pql suggest-weights`: points per rule from the data, the model still a points table."""

from __future__ import annotations

from pathlib import Path

import typer

from pqlkit.cli.model import MODEL_HELP, _parse_time
from pqlkit.cli.options import db_option, schema_option, warehouse_option


def suggest_weights(
    model: str = typer.Option(..., "--model", help="A points model. " + MODEL_HELP),
    start: str = typer.Option(..., "--from", help="The first date (UTC)."),
    end: str = typer.Option(..., "--to", help="The last date (UTC)."),
    every: str = typer.Option("7d", "--every", help="Step between dates."),
    horizon: str = typer.Option("30d", "--horizon", help="How soon a conversion must follow."),
    penalty: str = typer.Option(
        "l2", "--penalty", help="Regularisation: l2 (ridge) or l1 (lasso)."
    ),
    strength: float = typer.Option(
        1.0, "--strength", help="Regularisation strength (1/C): higher shrinks more."
    ),
    resamples: int = typer.Option(
        200, "--resamples", help="Bootstrap resamples for the coefficients' 95% intervals."
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        help="Write the model file with the suggested points (comments and layout kept) and "
        "print the diff.",
        show_default=False,
    ),
    db: str | None = db_option(),
    warehouse: str | None = warehouse_option(),
    schema: str | None = schema_option(),
) -> None:
    """Propose points per rule from who converted: each rule (each band of a banded rule) is a
    yes/no feature as of every date from --from to --to (only earlier events), a regularised
    logistic regression learns its weight on the earlier dates, and the weights are scaled so
    the strongest rule gets the model's largest points (multiples of 5, within the layer's cap).
    Rules whose weight is not positive or whose bootstrap 95% interval includes 0 get 0 and are
    flagged. Caps, tiers and everything else stay. Reports the held-out ROC-AUC (the last third
    of the dates) of the current and the suggested points.
    """
    import difflib

    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.cli.score import events_of
    from pqlkit.errors import ConfigError
    from pqlkit.learn.backtest import dates_between
    from pqlkit.learn.weights import observe, suggest, with_points
    from pqlkit.model.loader import load, load_text
    from pqlkit.scoring.job import duration as _duration
    from pqlkit.scoring.output import atomic_write_text
    from pqlkit.store.store import Store

    console = CliConsole()
    loaded = load(model)
    first, last = _parse_time(start), _parse_time(end)
    if last < first:
        raise ConfigError("--to is before --from")
    window = _duration("--horizon", horizon)
    dates = dates_between(first, last, _duration("--every", every))
    if loaded.model.type != "points":
        raise ConfigError(
            f"{loaded.model.name} is a {loaded.model.type} model: suggest-weights sets the "
            "points of a points model's rules"
        )
    with (
        Store.open(db, read_only=True) as store,
        events_of(store, warehouse, schema) as events,
        console.progress(f"which rules fired as of {len(dates)} dates", total=len(dates)) as bar,
    ):
        observations = observe(events, loaded, dates, window, bar.advance)
    with console.progress("fitting, with bootstrap intervals", total=None):
        result = suggest(
            loaded,
            observations,
            window,
            penalty=penalty,
            strength=strength,
            resamples=resamples,
        )
    table = Table(
        "layer", "rule", "now", "suggested", "weight [95% CI]", "fired", "lift", "note", box=None
    )
    for s in result.suggestions:
        ci = f" [{s.interval[0]:+.2f}, {s.interval[1]:+.2f}]" if s.interval else ""
        table.add_row(
            s.feature.layer,
            s.feature.label,
            f"{s.feature.points:g}",
            f"{s.suggested:g}",
            f"{s.coefficient:+.2f}{ci}",
            f"{100 * s.fired_share:.0f}%",
            "–" if s.lift is None else f"{s.lift:.2f}",
            s.flag or "",
        )
    console.out.print(table)

    def auc(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}"

    console.out.print(
        f"learned from {result.train_rows:,} {loaded.model.entity}-dates "
        f"({result.train_positives:,} converted within {horizon}) before "
        f"{result.first_test:%Y-%m-%d}; held out: {result.test_rows:,} from "
        f"{result.first_test:%Y-%m-%d} ({result.test_positives:,} converted)"
    )
    console.out.print(
        f"held-out ROC-AUC: current points {auc(result.auc_now)}, "
        f"suggested {auc(result.auc_suggested)}"
    )
    if (
        result.auc_now is not None
        and result.auc_suggested is not None
        and result.auc_suggested <= result.auc_now
    ):
        console.warn("the suggested points do not rank the held-out dates better: keep yours")
    if out is None:
        return
    new_text = with_points(loaded, result.suggestions)
    checked = load_text(new_text, str(out))  # still a valid model
    diff = difflib.unified_diff(
        loaded.text.splitlines(keepends=True),
        new_text.splitlines(keepends=True),
        fromfile=loaded.source,
        tofile=str(out),
    )
    typer.echo("".join(diff), nl=False)
    atomic_write_text(out, new_text)
    for warning in checked.warnings:
        console.warn(str(warning).replace(": warning: ", ": ", 1))
    console.info(
        f"wrote {out}; the scores' scale changed, so check the tiers: pql calibrate --model {out}"
    )


def register(app: typer.Typer) -> None:
    app.command("suggest-weights")(suggest_weights)
