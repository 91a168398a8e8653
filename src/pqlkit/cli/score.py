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

    from pqlkit.store.server_lock import ServerInfo
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
    from past events first, so "PQL since" is true from day one. While `pql serve` owns the
    store, the server runs the scoring (through its admin API).
    """
    import pyarrow.compute as pc
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.scoring.job import ScoreRequest, ScoreResult, run_score
    from pqlkit.scoring.output import write_table
    from pqlkit.store.store import Store

    console = CliConsole()
    request = ScoreRequest(
        model=model_reference(model),
        as_of=_parse_time(as_of) if as_of else None,
        entity=entity,
        ledger=ledger,
        backfill=backfill,
        every=every,
        since=_parse_time(since) if since else None,
    )
    server = owning_server(db) if warehouse is None else None
    if server is not None:
        from pqlkit.server.admin_client import AdminClient

        console.info(f"scoring through pql serve (pid {server.pid}), which owns the store")
        answer = AdminClient(server).request("POST", "/score", request.as_json(), timeout=None)
        result = ScoreResult.from_json(answer)
    else:
        with (
            Store.open(db, read_only=not (ledger or backfill)) as store,
            events_of(store, warehouse, schema) as events,
        ):
            result = run_score(store, events, request, console)
    if result.changed is not None:
        console.info(f"ledger: {result.changed:,} of {result.scored:,} entities changed")
    scored = result.table
    if out is not None:
        write_table(scored, out)
        console.info(f"wrote {scored.num_rows:,} rows to {out}")
    tiers = pc.value_counts(scored.column("tier")).to_pylist()
    counts = {tier["values"]: tier["counts"] for tier in tiers}
    counts = {tier: counts.get(tier, 0) for tier in ("hot", "pql", "not qualified")}
    table = Table("entity", "score", "tier", "reasons", box=None)
    for row in scored.slice(0, top).to_pylist():
        table.add_row(
            str(row["entity_id"]), f"{row['score']:g}", str(row["tier"]), str(row["reasons"])
        )
    console.out.print(table)
    console.out.print(
        f"{result.model} as of {result.as_of:%Y-%m-%d %H:%M} UTC: {scored.num_rows:,} {result.kind}s "
        f"scored, {counts['hot']:,} hot, {counts['pql']:,} PQL, "
        f"{counts['not qualified']:,} not qualified"
    )


def model_reference(model: str) -> str:
    """A model file as an absolute path (a server has its own working directory), or a
    template name as it is."""
    path = Path(model).expanduser()
    return str(path.resolve()) if path.exists() else model


def owning_server(db: str | None) -> ServerInfo | None:
    """The running `pql serve` that owns this embedded store, if one does."""
    from pqlkit.store import server_lock
    from pqlkit.store.connection import locate

    location = locate(db)
    return server_lock.read(location.path) if location.path is not None else None


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
    """Show how one user's or account's score comes about, signal by signal and rule by rule.

    While `pql serve` owns the store, the server explains (through its admin API)."""
    from pqlkit.model.loader import load
    from pqlkit.scoring.explain import explain_entity
    from pqlkit.store.store import Store

    moment = _parse_time(as_of) if as_of else None
    server = owning_server(db) if warehouse is None else None
    if server is not None:
        from pqlkit.server.admin_client import AdminClient

        body = {
            "entity_id": entity_id,
            "model": model_reference(model),
            "as_of": moment.isoformat() if moment else None,
        }
        typer.echo(AdminClient(server).request("POST", "/explain", body, timeout=None)["text"])
        return
    loaded = load(model)
    with (
        Store.open(db, read_only=True) as store,
        events_of(store, warehouse, schema) as events,
    ):
        text = explain_entity(events, loaded, entity_id, moment)
    typer.echo(text)


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.command("explain")(explain)
