"""`pql discover` and `pql backtest`: what predicts conversion, and how a model would have done."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from pqlkit.cli.model import MODEL_HELP, _parse_time
from pqlkit.cli.options import db_option, schema_option, warehouse_option

if TYPE_CHECKING:
    from pqlkit.model.loader import LoadedModel


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
    from pqlkit.cli.score import events_of
    from pqlkit.errors import ConfigError
    from pqlkit.learn.backtest import backtest as run_backtest
    from pqlkit.learn.backtest import dates_between
    from pqlkit.learn.report import as_html, as_json
    from pqlkit.model.loader import load
    from pqlkit.model.templates import TEMPLATES
    from pqlkit.scoring.job import duration as _duration
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


def discover(
    model: str = typer.Option(
        "pillars", "--model", help="Whose conversion definition to use. " + MODEL_HELP
    ),
    lead: str = typer.Option(
        "7d", "--lead", help="Observe converters this long before they converted."
    ),
    by: str | None = typer.Option(
        None,
        "--by",
        help="Repeat per value of this trait (e.g. country, plan).",
        show_default=False,
    ),
    table: str | None = typer.Option(
        None,
        "--table",
        help="Analyse an imported entity table (its file name) against its outcome column "
        "instead of the events.",
        show_default=False,
    ),
    top: int = typer.Option(20, "--top", help="How many signals to show."),
    alpha: float = typer.Option(0.05, "--alpha", help="False discovery rate for significance."),
    out: Path | None = typer.Option(None, "--out", help="Write every tested signal to FILE.json."),
    db: str | None = db_option(),
) -> None:
    """Find the actions and traits that separate converters from the rest, before they convert.

    Converters are observed --lead before converting, everyone else at a matched age; every
    event and page (ever, in the last 7/14/30 days), trait value, and "N times within D days of
    the start" magic number is tested: prevalence among converters and others, conversion rate
    with it, lift, a 95% interval, and a q-value corrected for the number of signals tested.
    """
    import orjson

    from pqlkit.learn.discover import discover as run_discover
    from pqlkit.learn.discover import discover_table
    from pqlkit.model.loader import load
    from pqlkit.scoring.job import duration as _duration
    from pqlkit.scoring.output import atomic_write_text
    from pqlkit.store.store import Store

    with Store.open(db, read_only=True) as store:
        if table is not None:
            found = discover_table(store.events, store.table("entity_tables"), table, alpha=alpha)
        else:
            loaded = load(model)
            end = store.events.timestamp.max().execute().to_pydatetime()
            found = run_discover(
                store.events, loaded.model, end, _duration("--lead", lead), alpha=alpha, segment=by
            )
    report = []
    for d in found:
        n, converters = len(d.observations.entity_ids), int(d.observations.converted.sum())
        title = f"segment {d.segment}" if d.segment else "everyone"
        typer.echo(
            f"{title}: {n:,} observed, {converters:,} converted; {len(d.results)} signals tested, "
            f"{len(d.significant)} significant (false discovery rate {alpha:g})"
        )
        if not d.significant:
            typer.echo(
                "  nothing separates converters from the rest here: do not build rules on "
                "these signals"
            )
        for r in d.significant[:top]:
            low_high = r.rate_ratio_interval
            ci = f"{low_high[0]:.2f}–{low_high[1]:.2f}" if low_high else "–"
            flags = f"  [{'; '.join(r.flags)}]" if r.flags else ""
            typer.echo(
                f"  {r.signal[:58]:<58} {100 * r.prevalence_converters:5.1f}% vs "
                f"{100 * r.prevalence_others:5.1f}%  lift {r.lift or 0:4.2f}  ratio CI {ci}  "
                f"q {r.q_value:.1g}{flags}"
            )
        report.append(
            {
                "segment": d.segment,
                "observed": n,
                "converted": converters,
                "signals": [
                    {
                        "signal": r.signal,
                        "prevalence_converters": r.prevalence_converters,
                        "prevalence_others": r.prevalence_others,
                        "rate_with": r.rate_with,
                        "rate_without": r.rate_without,
                        "lift": r.lift,
                        "rate_ratio_ci95": r.rate_ratio_interval,
                        "p_value": r.p_value,
                        "q_value": r.q_value,
                        "significant": r.significant,
                        "rules_of_thumb": r.flags,
                    }
                    for r in d.results
                ],
            }
        )
    if out is not None:
        atomic_write_text(out, orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
        typer.echo(f"wrote {out}")


def calibrate(
    model: str = typer.Option(..., "--model", help=MODEL_HELP),
    capacity: str = typer.Option(
        ..., "--capacity", help="PQLs sales can work: 150/week, 30/day, or a number per week."
    ),
    target: float | None = typer.Option(
        None,
        "--target-conversion",
        help="The PQL conversion rate to reach (default: the seeds' 15%, the bottom of the "
        "healthy 15-40% band).",
        show_default=False,
    ),
    start: str | None = typer.Option(
        None,
        "--from",
        help="First backtest date (default: 12 weeks before --to).",
        show_default=False,
    ),
    end: str | None = typer.Option(
        None,
        "--to",
        help="Last backtest date (default: the last event minus --horizon, so outcomes are known).",
        show_default=False,
    ),
    every: str = typer.Option("7d", "--every", help="Step between backtest dates."),
    horizon: str = typer.Option("30d", "--horizon", help="How soon a conversion must follow."),
    out: Path | None = typer.Option(
        None,
        "--out",
        help="The calibrated model file (default: NAME-calibrated.yaml).",
        show_default=False,
    ),
    db: str | None = db_option(),
) -> None:
    """Choose the PQL threshold that gives sales the volume it can handle at a conversion rate
    worth its time: backtests the model, shows the trade-off, warns when no threshold meets both,
    and writes a calibrated copy of the model file (printing the diff).
    """
    import difflib
    from datetime import timedelta

    from pqlkit.errors import ConfigError
    from pqlkit.learn.backtest import backtest as run_backtest
    from pqlkit.learn.backtest import dates_between
    from pqlkit.learn.calibrate import choose, curve, with_threshold
    from pqlkit.model.loader import load, load_text
    from pqlkit.scoring.job import duration as _duration
    from pqlkit.scoring.output import atomic_write_text
    from pqlkit.store.store import Store

    loaded = load(model)
    per_week = _per_week(capacity)
    step, window = _duration("--every", every), _duration("--horizon", horizon)
    with Store.open(db, read_only=True) as store:
        events = store.events
        last = (
            _parse_time(end) if end else events.timestamp.max().execute().to_pydatetime() - window
        )
        last = last.replace(hour=0, minute=0, second=0, microsecond=0) if not end else last
        first = _parse_time(start) if start else last - 11 * timedelta(days=7)
        if last < first:
            raise ConfigError("--to is before --from")
        result = run_backtest(events, loaded, dates_between(first, last, step), window)
    options = curve(result, loaded.model, step)
    choice = choose(options, per_week, target)
    typer.echo(f"{'threshold':>9}  {'PQLs/week':>9}  {'conversion':>10}  {'recall':>6}")
    for o in options:
        mark = "  <- chosen" if choice.option is not None and o == choice.option else ""
        rate = "–" if o.conversion_rate is None else f"{100 * o.conversion_rate:.1f}%"
        recall = "–" if o.recall is None else f"{100 * o.recall:.0f}%"
        typer.echo(f"{o.threshold:9g}  {o.per_week:9.1f}  {rate:>10}  {recall:>6}{mark}")
    for warning in choice.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if choice.option is None:
        raise typer.Exit(1)
    tiers = loaded.model.tiers
    assert tiers is not None
    pql = choice.option.threshold
    hot = tiers.hot
    if hot is not None and pql >= hot:
        hot = pql + (hot - tiers.pql if hot > tiers.pql else 20)
        if loaded.model.type == "predictive":  # a probability
            hot = min(round(hot, 2), 0.99)
    new_text = with_threshold(loaded.text, loaded.lines, pql, hot if hot != tiers.hot else None)
    target_path = out or Path(f"{loaded.model.name}-calibrated.yaml")
    if loaded.model.type == "predictive":
        new_text = _artifact_beside(new_text, loaded, target_path)
    load_text(new_text, str(target_path))  # still a valid model
    diff = difflib.unified_diff(
        loaded.text.splitlines(keepends=True),
        new_text.splitlines(keepends=True),
        fromfile=loaded.source,
        tofile=str(target_path),
    )
    typer.echo("".join(diff), nl=False)
    atomic_write_text(target_path, new_text)
    typer.echo(f"wrote {target_path}: PQL at {pql:g} ({choice.option.per_week:.1f} a week)")


def _artifact_beside(text: str, loaded: LoadedModel, target: Path) -> str:
    """A predictive model's ``artifact:`` still pointing at the artifact from ``target``."""
    import os

    reference = loaded.model.artifact
    line = loaded.lines.get(("artifact",))
    if reference is None or line is None or Path(reference).is_absolute():
        return text
    artifact = (Path(loaded.source).parent / reference).resolve()
    moved = os.path.relpath(artifact, target.resolve().parent)
    if moved == reference:
        return text
    lines = text.splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace(reference, moved, 1)
    return "".join(lines)


def _per_week(text: str) -> float:
    from pqlkit.errors import ConfigError
    from pqlkit.model.durations import per_week

    try:
        return per_week(text)
    except ValueError as exc:
        raise ConfigError(f"--capacity: {exc}") from None


def train(
    model: str | None = typer.Option(
        None, "--model", help="Whose signals to learn from. " + MODEL_HELP, show_default=False
    ),
    start: str | None = typer.Option(
        None, "--from", help="The first date of the training rows (UTC).", show_default=False
    ),
    end: str | None = typer.Option(
        None, "--to", help="The last date of the test rows (UTC).", show_default=False
    ),
    every: str = typer.Option("7d", "--every", help="Step between dates."),
    horizon: str = typer.Option("30d", "--horizon", help="How soon a conversion must follow."),
    at_age: str | None = typer.Option(
        None,
        "--at-age",
        help="Cohorts: observe each entity once, when it is this old (e.g. 7d after its first "
        "call, within one --every), so that later cohorts test.",
        show_default=False,
    ),
    feedback: bool = typer.Option(
        True,
        "--feedback/--no-feedback",
        help="Count a rep's 'converted' feedback (pql feedback, POST /v1/feedback) as a "
        "conversion at its time, beside the model's conversion events.",
    ),
    table: str | None = typer.Option(
        None,
        "--table",
        help="Learn from an imported entity table (its file name) and its outcome column "
        "instead of the events; judged by cross-validation.",
        show_default=False,
    ),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds (with --table)."),
    scores: Path | None = typer.Option(
        None,
        "--scores",
        help="With --table: write each entity's held-out probability and top reasons to FILE.csv.",
        show_default=False,
    ),
    out: Path = typer.Option(
        Path("pql-predictive.json"), "--out", help="Where to write the trained model artifact."
    ),
    db: str | None = db_option(),
) -> None:
    """Train gradient boosting (LightGBM) and logistic regression on the model's point-in-time
    signals, split by time (earlier dates train, the last third tests), and report ROC-AUC,
    PR-AUC (95% bootstrap intervals), top-decile lift, Brier score and calibration beside the
    rules' own score. Writes the LightGBM model with its metadata to --out.

    With --at-age, each entity is one row, observed when it is that old: the earlier cohorts
    train and the later ones test, all compared at the same age.

    With --table, learn from an imported entity table's traits against its outcome column,
    judged by stratified k-fold cross-validation (mean and spread of ROC-AUC and PR-AUC).
    """
    from dataclasses import asdict

    from pqlkit.cli.console import CliConsole
    from pqlkit.errors import ConfigError
    from pqlkit.learn import dataset as training
    from pqlkit.learn.backtest import dates_between
    from pqlkit.learn.train import (
        FEW_CONVERSIONS,
        Artifact,
        evaluate,
        fit_lightgbm,
        fit_logistic,
        split_by_time,
        versions,
    )
    from pqlkit.model.loader import load
    from pqlkit.sales import feedback as sales_feedback
    from pqlkit.scoring.job import duration as _duration
    from pqlkit.store.store import Store

    if table is not None:
        if folds < 2:
            raise ConfigError(f"--folds: {folds} is too few; cross-validation needs 2 or more")
        _train_table(table, folds, scores, out, db)
        return
    if model is None or start is None or end is None:
        missing = [o for o, v in (("--model", model), ("--from", start), ("--to", end)) if not v]
        raise ConfigError(f"{', '.join(missing)} needed (or --table to learn from an entity table)")
    console = CliConsole()
    loaded = load(model)
    first, last = _parse_time(start), _parse_time(end)
    if last < first:
        raise ConfigError("--to is before --from")
    window, step = _duration("--horizon", horizon), _duration("--every", every)
    dates = dates_between(first, last, step)
    ages = None
    if at_age is not None:
        youngest = _duration("--at-age", at_age)
        ages = (youngest, youngest + step)
    with (
        Store.open(db, read_only=True) as store,
        console.progress(f"computing signals as of {len(dates)} dates", total=len(dates)) as bar,
    ):
        reported = sales_feedback.conversions(store) if feedback else {}
        data, levels = training.build(
            store.events, loaded, dates, window, bar.advance, ages=ages, reported=reported
        )
    if reported:
        typer.echo(f"{len(reported):,} conversions reported by sales (pql feedback) count too")
    train_rows, test_rows, first_test = split_by_time(data, window)
    if int(train_rows.labels.sum()) == 0 or int(test_rows.labels.sum()) == 0:
        raise ConfigError("no conversions in the training or the test dates: widen --from/--to")
    booster = fit_lightgbm(train_rows)
    logistic = fit_logistic(train_rows)
    results = {
        "lightgbm": evaluate(booster.predict(test_rows.features), test_rows.labels),
        "logistic": evaluate(logistic.predict_proba(test_rows.features)[:, 1], test_rows.labels),
        "rules score": evaluate(test_rows.rule_scores, test_rows.labels, probabilities=False),
    }
    conversions = int(train_rows.labels.sum())
    typer.echo(
        f"train: {len(train_rows.labels):,} rows ({conversions:,} conversions) from dates before "
        f"{first_test:%Y-%m-%d}; test: {len(test_rows.labels):,} rows "
        f"({int(test_rows.labels.sum()):,} conversions) from {first_test:%Y-%m-%d}"
    )

    def ci(bounds: tuple[float, float] | None) -> str:
        return f"[{bounds[0]:.3f}, {bounds[1]:.3f}]" if bounds else ""

    for name, r in results.items():
        lift = "–" if r.top_decile_lift is None else f"{r.top_decile_lift:.2f}"
        brier = "" if r.brier is None else f"  Brier {r.brier:.4f}"
        typer.echo(
            f"  {name:<12} ROC-AUC {r.roc_auc or 0:.3f} {ci(r.roc_auc_ci):<16}  "
            f"PR-AUC {r.pr_auc or 0:.3f} {ci(r.pr_auc_ci):<16}  top-decile lift {lift}{brier}"
        )
    if conversions < FEW_CONVERSIONS:
        typer.echo(
            f"warning: only {conversions:,} conversions to learn from (fewer than "
            f"{FEW_CONVERSIONS:,}): a threshold model sales trusts beats a complex model they "
            "ignore; treat these numbers with care",
            err=True,
        )
    best = results["lightgbm"].roc_auc or 0
    if best < 0.55:
        typer.echo(
            "the trained model is no better than chance on the test dates: the signals do not "
            "predict conversion here",
            err=True,
        )
    artifact = Artifact(
        model=loaded.model.name,
        model_hash=loaded.hash,
        signals=list(loaded.model.signals),
        features=data.names,
        levels=levels,
        trained_from=min(train_rows.dates).isoformat(),
        trained_to=max(train_rows.dates).isoformat(),
        tested_from=first_test.isoformat(),
        horizon_days=window.total_seconds() / 86400,
        data_hash=data.fingerprint(),
        metrics={name: asdict(r) for name, r in results.items()},
        versions=versions(),
        booster=booster.model_to_string(),
    )
    artifact.save(out)
    console.info(f"wrote {out}")


def _train_table(name: str, folds: int, scores: Path | None, out: Path, db: str | None) -> None:
    import csv
    import io

    from pqlkit.cli.console import CliConsole
    from pqlkit.learn.dataset import fingerprint
    from pqlkit.learn.entity_table import read_entity_table
    from pqlkit.learn.table_training import cross_validate, features_of
    from pqlkit.learn.train import FEW_CONVERSIONS, Artifact, fit_lightgbm_matrix, versions
    from pqlkit.scoring.output import atomic_write_text
    from pqlkit.store.store import Store

    console = CliConsole()
    with Store.open(db, read_only=True) as store:
        table = read_entity_table(store.events, store.table("entity_tables"), name)
    encoded = features_of(table)
    conversions = int(table.converted.sum())
    typer.echo(
        f"{table.source}: {len(table.entity_ids):,} {table.entity}s ({conversions:,} converted, "
        f"outcome {table.outcome!r}); {len(encoded.names)} features; {folds}-fold stratified "
        "cross-validation"
    )
    with console.progress(f"cross-validating {folds} folds", total=folds) as bar:
        validation = cross_validate(encoded, table.converted, folds, bar.advance)
    for learner, r in validation.scores.items():
        typer.echo(
            f"  {learner:<10} ROC-AUC {r.mean_roc_auc:.3f} ± {r.sd_roc_auc:.3f}  "
            f"PR-AUC {r.mean_pr_auc:.3f}  (folds: {', '.join(f'{a:.3f}' for a in r.roc_auc)})"
        )
    if conversions < FEW_CONVERSIONS:
        typer.echo(
            f"warning: only {conversions:,} conversions to learn from (fewer than "
            f"{FEW_CONVERSIONS:,}): a threshold model sales trusts beats a complex model they "
            "ignore; treat these numbers with care",
            err=True,
        )
    if validation.scores["lightgbm"].mean_roc_auc < 0.55:
        typer.echo(
            "the trained model is no better than chance: these traits do not predict the outcome",
            err=True,
        )
    booster = fit_lightgbm_matrix(encoded.features, table.converted)
    moment = table.as_of.isoformat()
    artifact = Artifact(
        model=table.source,
        model_hash="",
        signals=[*encoded.numeric, *encoded.levels],
        features=encoded.names,
        levels=encoded.levels,
        trained_from=moment,
        trained_to=moment,
        tested_from="",
        horizon_days=0.0,
        data_hash=fingerprint(encoded.features, table.converted, encoded.names),
        metrics={
            learner: {
                "folds": folds,
                "roc_auc": r.roc_auc,
                "pr_auc": r.pr_auc,
                "mean_roc_auc": r.mean_roc_auc,
                "sd_roc_auc": r.sd_roc_auc,
                "mean_pr_auc": r.mean_pr_auc,
            }
            for learner, r in validation.scores.items()
        },
        versions=versions(),
        booster=booster.model_to_string(),
        source=table.source,
    )
    artifact.save(out)
    console.info(f"wrote {out}")
    if scores is not None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["entity_id", "probability", "converted", "reasons"])
        ranked = sorted(range(len(table.entity_ids)), key=lambda i: -float(validation.held_out[i]))
        for i in ranked:
            why = "; ".join(
                f"{_reason(r['signal'], r['value'], encoded.levels)} ({r['contribution']:+.2f})"
                for r in validation.reasons[i]
            )
            writer.writerow(
                [
                    table.entity_ids[i],
                    f"{validation.held_out[i]:.4f}",
                    int(table.converted[i]),
                    why,
                ]
            )
        atomic_write_text(scores, buffer.getvalue())
        console.info(f"wrote {scores} (each probability from the fold that did not see the row)")


def _reason(feature: str, value: float | None, levels: dict[str, list[str]]) -> str:
    """``Occupation is Student`` for a one-hot column, ``Minutes = 12`` for a number."""
    trait, _, level = feature.partition("=")
    if level and level in levels.get(trait, []):
        if value is None:
            return f"{trait} missing"
        return f"{trait} is {level}" if value else f"{trait} is not {level}"
    return f"{feature} missing" if value is None else f"{feature} = {value:g}"


def register(app: typer.Typer) -> None:
    app.command("discover")(discover)
    app.command("backtest")(backtest)
    app.command("calibrate")(calibrate)
    app.command("train")(train)
