"""`pql score` and `pql explain`: scores, tiers and every point's reason."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from pqlkit.cli.model import MODEL_HELP, _parse_time
from pqlkit.cli.options import db_option, schema_option, warehouse_option

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.store.store import Store


def score(
    model: str = typer.Option(..., "--model", help=MODEL_HELP),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Score as of this time (UTC; default now)."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Write every row to FILE.csv, .parquet or .jsonl."
    ),
    top: int = typer.Option(20, "--top", help="How many of the best rows to show."),
    entity: str | None = typer.Option(
        None,
        "--entity",
        help="user or account (default: the model's). A user model seen per account gives "
        "each account its best user's score, reasons and breakdown.",
        show_default=False,
    ),
    ledger: bool = typer.Option(
        True, "--ledger/--no-ledger", help="Record changes in the scores ledger."
    ),
    backfill: bool = typer.Option(
        False, "--backfill", help="First score every --every from --from up to --as-of."
    ),
    every: str = typer.Option("1d", "--every", help="Step of --backfill (e.g. 1d, 7d)."),
    since: str | None = typer.Option(
        None, "--from", help="Start of --backfill (default: the first event)."
    ),
    db: str | None = db_option(),
    warehouse: str | None = warehouse_option(),
    schema: str | None = schema_option(),
) -> None:
    """Score every user or account in the model's population, with a breakdown of every point.

    Rows: entity_id, entity_type, score, tier, triggers, reasons, breakdown (JSON: per rule the
    signal's value and the points, per layer the cap), as_of, model, pql_since (from the
    scores ledger: when the current run as a PQL began). With --backfill the ledger is filled
    from past events first, so "PQL since" is true from day one.
    """
    from dataclasses import replace

    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.model.loader import load
    from pqlkit.scoring import ledger as scores_ledger
    from pqlkit.scoring.output import write_rows
    from pqlkit.scoring.run import OUTPUT_COLUMNS, now, score_dates, score_events
    from pqlkit.store.store import Store

    console = CliConsole()
    loaded = load(model)
    per_account = _per_account(entity, loaded.model.entity)
    moment = _parse_time(as_of) if as_of else now()
    with (
        Store.open(db, read_only=not (ledger or backfill)) as store,
        events_of(store, warehouse, schema) as events,
    ):
        if backfill:
            step = _duration("--every", every)
            start = _parse_time(since) if since else scores_ledger.first_day(events)
            dates = scores_ledger.backfill_dates(start, moment, step)
            with console.progress(f"backfilling {len(dates)} dates", total=len(dates)) as bar:
                for past in score_dates(events, loaded, dates):
                    scores_ledger.record(store, past)
                    bar.advance()
        with console.progress("scoring", total=None):
            run = score_events(events, loaded, moment)
        if ledger or backfill:
            written = scores_ledger.record(store, run)
            started = scores_ledger.pql_since(store, loaded.model.name, loaded.model.entity, moment)
            run = replace(run, since=started)
            console.info(f"ledger: {written.changed:,} of {written.scored:,} entities changed")
    if per_account:
        from pqlkit.scoring.rollup import account_rows

        rows = account_rows(run)
    else:
        rows = run.rows()
    if out is not None:
        write_rows(rows, out, OUTPUT_COLUMNS)
        console.info(f"wrote {len(rows):,} rows to {out}")
    tiers = [row["tier"] for row in rows]
    counts = {tier: tiers.count(tier) for tier in ("hot", "pql", "not qualified")}
    table = Table("entity", "score", "tier", "reasons", box=None)
    for row in rows[:top]:
        table.add_row(
            str(row["entity_id"]), f"{row['score']:g}", str(row["tier"]), str(row["reasons"])
        )
    console.out.print(table)
    kind = "account" if per_account else loaded.model.entity
    console.out.print(
        f"{loaded.model.name} as of {run.as_of:%Y-%m-%d %H:%M} UTC: {len(rows):,} {kind}s scored, "
        f"{counts['hot']:,} hot, {counts['pql']:,} PQL, {counts['not qualified']:,} not qualified"
    )


def _per_account(entity: str | None, model_entity: str) -> bool:
    """Whether to show a user model per account (``--entity account``)."""
    from pqlkit.errors import ConfigError

    if entity is None or entity == model_entity:
        return False
    if entity not in ("user", "account"):
        raise ConfigError(f"--entity: {entity!r} is not 'user' or 'account'")
    if model_entity == "account":
        raise ConfigError(
            "--entity user: this model scores accounts; score users with a user model "
            "(e.g. --model pillars) or leave --entity out"
        )
    return True


@contextmanager
def events_of(store: Store, warehouse: str | None, schema: str | None) -> Iterator[ir.Table]:
    """The events to score: the store's, or Segment's tables in the warehouse, read in place."""
    if warehouse is None:
        if schema is not None:
            from pqlkit.errors import ConfigError

            raise ConfigError("--schema names a schema of --warehouse; give --warehouse too")
        yield store.events
        return
    from pqlkit.store.warehouse import open_segment

    with open_segment(warehouse, schema) as events:
        yield events


def _duration(option: str, text: str):  # type: ignore[no-untyped-def]
    from pqlkit.errors import ConfigError
    from pqlkit.model.durations import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise ConfigError(f"{option}: {exc}") from None


def explain(
    entity_id: str = typer.Argument(..., help="The user or account id."),
    model: str = typer.Option(..., "--model", help=MODEL_HELP),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Explain as of this time (UTC; default now)."
    ),
    db: str | None = db_option(),
    warehouse: str | None = warehouse_option(),
    schema: str | None = schema_option(),
) -> None:
    """Show how one user's or account's score comes about, signal by signal and rule by rule."""
    from pqlkit.model.loader import load
    from pqlkit.scoring.explain import explain_entity
    from pqlkit.store.store import Store

    loaded = load(model)
    moment = _parse_time(as_of) if as_of else None
    with (
        Store.open(db, read_only=True) as store,
        events_of(store, warehouse, schema) as events,
    ):
        text = explain_entity(events, loaded, entity_id, moment)
    typer.echo(text)


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.command("explain")(explain)
