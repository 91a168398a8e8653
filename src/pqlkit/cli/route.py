"""`pql route` and `pql owners import`: send qualified leads to the right person, on time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from pqlkit.cli.options import db_option

owners_app = typer.Typer(
    help="Account owners (owner, ae, csm, am) that routing keeps: import them from CSV.",
    no_args_is_help=True,
)


def route(
    model: str = typer.Option(..., "--model", "-m", help="A model file or a template name."),
    routing: str | None = typer.Option(
        None,
        "--routing",
        help="The routing file (default: routing.yaml beside the model; template:default).",
    ),
    destinations: Path | None = typer.Option(
        None, "--destinations", help="destinations.yaml: where the hand-offs are queued."
    ),
    as_of: datetime | None = typer.Option(None, "--as-of", help="Score as of this time (UTC)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the routes; write nothing."),
    db: str | None = db_option(),
) -> None:
    """Score, route every PQL and hot lead to a path and an owner with an SLA deadline,
    record the assignments and queue the hand-offs (kind "lead"; "nurture" for self-serve)."""
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.cli.score import owning_server
    from pqlkit.errors import StoreError
    from pqlkit.model.loader import load
    from pqlkit.routing.job import routing_for, run_route
    from pqlkit.store.store import Store

    console = CliConsole()
    plan = routing_for(model, routing, set(load(model).model.signals))  # checked before the store
    if owning_server(db) is not None:
        raise StoreError(
            "pql serve owns the store: stop it to run pql route (routing through the server's "
            "admin API is not built yet); the server routes its own alerts"
        )
    config = None
    if destinations is not None:
        from pqlkit.destinations.config import load_destinations

        config = load_destinations(destinations)
    with Store.open(db, read_only=dry_run) as store:
        result = run_route(
            store,
            store.events,
            model,
            routing=plan,
            as_of=as_of,
            dry_run=dry_run,
            destinations=config,
            console=console,
        )
    table = Table(box=None)
    for name in ("entity", "tier", "score", "path", "owner", "due (UTC)", ""):
        table.add_column(name, no_wrap=True)
    table.add_column("why", overflow="fold")
    for lead in result.leads:
        a, h = lead.assignment, lead.handoff
        table.add_row(
            a.entity_id,
            h.tier or "",
            f"{h.score:g}" if h.score is not None else "",
            a.path,
            a.owner_name or a.owner_id or "—",
            f"{a.sla_due:%Y-%m-%d %H:%M}" if a.sla_due else "—",
            "new" if lead.new else "again",  # again: routed in this same state before
            a.reason,
        )
    console.out.print(table)
    verb = "would route" if result.dry_run else "routed"
    console.err.print(
        f"{verb} {len(result.leads)} lead(s) of {result.model} as of {result.as_of:%Y-%m-%d %H:%M}"
        + ("" if result.dry_run else f"; {result.recorded} new assignment(s) recorded"),
        soft_wrap=True,
    )


@owners_app.command("import")
def import_(
    file: Path = typer.Argument(
        ...,
        help="CSV: account_id, owner_id[, role, email, name, slack_id]; one row per account "
        "and role.",
    ),
    db: str | None = db_option(),
) -> None:
    """Append the file's owners (the latest import's row per account and role counts; an
    empty owner_id clears that role)."""
    from pqlkit.cli.console import CliConsole
    from pqlkit.cli.score import owning_server
    from pqlkit.errors import StoreError
    from pqlkit.routing.owners import import_owners, read_owners_csv
    from pqlkit.store.store import Store

    rows = read_owners_csv(file)
    if owning_server(db) is not None:
        raise StoreError("pql serve owns the store: stop it to import owners")
    with Store.open(db) as store:
        written = import_owners(store, rows, f"csv:{file.name}")
    CliConsole().err.print(f"imported {written} owner row(s) from {file}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("route")(route)
    app.add_typer(owners_app, name="owners")
