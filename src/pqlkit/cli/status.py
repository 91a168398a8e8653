"""`pql status`: what the store holds."""

from __future__ import annotations

import typer

from pqlkit.cli.options import db_option


def status(db: str | None = db_option()) -> None:
    """Show what the store holds: events by type, users, accounts, recent imports."""
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.events.overview import overview
    from pqlkit.store.store import Store

    console = CliConsole()
    with Store.open(db, read_only=True) as store:
        facts = overview(store)
    console.out.print(f"[bold]{store.location}[/bold]")
    table = Table("", "", box=None, show_header=False)
    for label, value in facts.summary_rows():
        table.add_row(label, value)
    console.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("status")(status)
