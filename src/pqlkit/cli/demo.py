"""`pql demo`: simulate a company, load it, and show what pqlkit knows about it."""

from __future__ import annotations

import time
from pathlib import Path

import typer


def demo(
    directory: Path = typer.Option(
        Path("pqlkit-demo"), "--dir", help="Where the demo's files and store go."
    ),
    accounts: int = typer.Option(1500, "--accounts", help="Companies to simulate."),
    seed: int = typer.Option(7, "--seed", help="Simulator seed."),
) -> None:
    """Run the whole story on embedded defaults: simulate, ingest, and show the result."""
    from rich.panel import Panel
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.events.importers import ingest_file
    from pqlkit.events.overview import overview
    from pqlkit.simulate import SimulationConfig, generate, write
    from pqlkit.store.store import Store

    console = CliConsole()
    started = time.monotonic()
    directory.mkdir(parents=True, exist_ok=True)
    with console.progress("simulating a product-led SaaS company", total=None):
        sim = generate(SimulationConfig(accounts=accounts, seed=seed))
        files = write(sim, directory, "parquet")
    console.info(f"simulated {files.events:,} events → {files.events_path}")
    store_path = directory / "pqlkit.duckdb"
    with Store.open(store_path) as store:
        report = ingest_file(store, files.events_path, console=console)
        console.info(
            f"stored {report.inserted:,} new events ({report.duplicates:,} already there, "
            f"{report.rejected} rejected) → {store_path}"
        )
        facts = overview(store)

    out = console.out
    summary = Table(box=None, show_header=False)
    for label, value in facts.summary_rows():
        summary.add_row(f"[bold]{label}[/bold]", value)
    out.print(Panel(summary, title="What pqlkit knows", expand=False))

    users = Table("user", "email", "account", "events", "active days", "last seen", box=None)
    for row in facts.top_users:
        users.add_row(
            str(row["user_id"]),
            str(row["email"] or "–"),
            str(row["account_id"] or "–"),
            f"{row['events']:,}",
            str(row["active_days"]),
            f"{row['last_seen']:%Y-%m-%d}",
        )
    out.print(Panel(users, title="Most active users", expand=False))

    accounts_table = Table("account", "name", "domain", "users", "events", box=None)
    for row in facts.top_accounts:
        accounts_table.add_row(
            str(row["account_id"]),
            str(row["name"] or "–"),
            str(row["domain"] or "–"),
            str(row["users"]),
            f"{row['events']:,}",
        )
    out.print(Panel(accounts_table, title="Most active accounts", expand=False))

    events_table = Table("event", "count", box=None)
    for name, count in facts.top_events:
        events_table.add_row(name, f"{count:,}")
    out.print(Panel(events_table, title="Top events", expand=False))
    out.print(
        f"done in {time.monotonic() - started:.0f} s. Explore: "
        f"[bold]pql status --db {store_path}[/bold]; "
        f"ground truth in {files.users_path.name} / {files.accounts_path.name}."
    )


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
