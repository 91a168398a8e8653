"""`pql crm sync`: read back first touches and owners from HubSpot and Salesforce."""

from __future__ import annotations

from pathlib import Path

import typer

from pqlkit.cli.options import db_option

crm_app = typer.Typer(
    help="The CRM read-back: reps' first touches and record owners, from HubSpot and Salesforce.",
    no_args_is_help=True,
)


@crm_app.command("sync")
def sync(
    destinations: Path | None = typer.Option(
        None,
        "--destinations",
        help="The destinations.yaml whose hubspot and salesforce destinations are read (not "
        "needed while `pql serve` owns the store: it reads its own).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str | None = db_option(),
) -> None:
    """Read, from each HubSpot and Salesforce destination, what changed since the last sync:
    the reps' calls, e-mails and completed tasks on the leads pqlkit delivered — the first one
    after an alert fired is its first touch (source crm) — and the owners of those records,
    which routing then keeps. The cursor is kept in the store: a sync never redoes the last.
    `pql serve` runs one every --crm-sync-every.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.cli.score import owning_server
    from pqlkit.errors import ConfigError

    console = CliConsole()
    server = owning_server(db)
    if server is not None:
        from pqlkit.server.admin_client import AdminClient

        answer = AdminClient(server).request("POST", "/crm-sync", {}, timeout=None)
        results = list(answer["synced"])
    else:
        if destinations is None:
            raise ConfigError("--destinations is needed: which HubSpot or Salesforce to read")
        from pqlkit.destinations.config import load_destinations
        from pqlkit.sales.crm_sync import crm_destinations, sync_all
        from pqlkit.store.store import Store

        built = load_destinations(destinations).build()
        if not crm_destinations(built):
            raise ConfigError(f"{destinations}: no hubspot or salesforce destination to read")
        try:
            with Store.open(db) as store:
                results = [r.as_json() for r in sync_all(store, built)]
        finally:
            for destination in built:
                destination.close()
    if as_json:
        import orjson

        typer.echo(orjson.dumps({"synced": results}, option=orjson.OPT_INDENT_2).decode())
        return
    for r in results:
        console.info(
            f"{r['destination']}: {r['activities']} activities read since {r['since'][:16]}, "
            f"{r['touches']} on pqlkit's leads ({r['first_touches']} first touches), "
            f"{r['owners']} owners changed"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(crm_app, name="crm")
