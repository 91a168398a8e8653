"""`pql validate`, `pql init` and `pql compile`: the model file as code."""

from __future__ import annotations

from pathlib import Path

import typer

from pqlkit.cli.options import db_option
from pqlkit.model.templates import TEMPLATES

MODEL_HELP = f"A model file, or a template name ({', '.join(TEMPLATES)})."
DIALECTS = ("duckdb", "postgres", "pyspark", "snowflake", "bigquery", "clickhouse", "trino")


def _known_events(db: str | None) -> set[str] | None:
    """Event names in the store, if there is one to read (for 'never seen' warnings)."""
    from pqlkit.errors import StoreError
    from pqlkit.store.connection import locate
    from pqlkit.store.store import Store

    location = locate(db)
    if location.path is not None and not location.path.exists():
        return None
    try:
        with Store.open(db, read_only=True) as store:
            events = store.events
            names = events.filter(events.type == "track").event.distinct().to_pyarrow()
    except StoreError:
        return None
    return {str(n) for n in names.to_pylist() if n is not None}


def validate(
    model: str = typer.Argument(..., help=MODEL_HELP),
    db: str | None = db_option(),
) -> None:
    """Check a model file: every problem at once, each with its line and a hint.

    Event names the store has never seen are warnings. Exit 1 on errors.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.model.loader import load

    console = CliConsole()
    loaded = load(model, known_events=_known_events(db))
    for warning in loaded.warnings:
        console.warn(str(warning).replace(": warning: ", ": ", 1))
    model_ = loaded.model
    scoring = (
        f"the trained model {model_.artifact} (extends {model_.extends})"
        if model_.type == "predictive"
        else f"{len(model_.layers)} layers"
    )
    console.out.print(
        f"{loaded.source}: valid {model_.type} model '{model_.name}' for {model_.entity}s: "
        f"{len(model_.signals)} signals, {scoring}, {len(model_.triggers)} triggers"
    )


def init(
    template: str = typer.Option("pillars", "--template", help="The template to start from."),
    out: Path | None = typer.Option(None, "--out", help="Where to write it (default: NAME.yaml)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write an editable copy of a template model."""
    from pqlkit.errors import ConfigError
    from pqlkit.model.issues import did_you_mean
    from pqlkit.model.templates import TEMPLATES, template_text

    if template not in TEMPLATES:
        listing = ", ".join(TEMPLATES)
        raise ConfigError(
            f"--template: no template {template!r}.{did_you_mean(template, list(TEMPLATES))} (templates: {listing})"
        )
    target = out or Path(f"{template}.yaml")
    if target.exists() and not force:
        raise ConfigError(f"{target} exists: choose --out or pass --force")
    target.write_text(template_text(template))
    typer.echo(f"wrote {target} ({TEMPLATES[template]}); check it with: pql validate {target}")


def compile_(
    model: str = typer.Option(..., "--model", help=MODEL_HELP),
    dialect: str = typer.Option("duckdb", "--dialect", help=f"SQL dialect: {', '.join(DIALECTS)}."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="The scoring time the SQL is written for (UTC, default now)."
    ),
    explain: bool = typer.Option(False, "--explain", help="Print each stage before the SQL."),
) -> None:
    """Print the SQL that scores the model, ready for a warehouse or a dbt model.

    The SQL reads a table named events with pqlkit's columns (see docs/store.md).
    """
    from pqlkit.compile.render import render_sql, stages
    from pqlkit.errors import ConfigError
    from pqlkit.model.loader import load
    from pqlkit.scoring.run import now

    if dialect not in DIALECTS:
        raise ConfigError(f"--dialect: {dialect!r} is not one of {', '.join(DIALECTS)}")
    loaded = load(model)
    moment = _parse_time(as_of) if as_of else now()
    if explain:
        typer.echo(stages(loaded))
    typer.echo(render_sql(loaded.model, moment, dialect))


def _parse_time(text: str):  # type: ignore[no-untyped-def]
    from pqlkit.errors import ConfigError
    from pqlkit.events.spec import parse_time

    try:
        return parse_time(text)
    except ValueError:
        raise ConfigError(f"--as-of: {text!r} is not a date or ISO-8601 time") from None


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("init")(init)
    app.command("compile")(compile_)
