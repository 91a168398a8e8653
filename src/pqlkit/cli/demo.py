"""`pql demo`: simulate a company, load it, and show what pqlkit knows about it."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import typer


def demo(
    directory: Path = typer.Option(
        Path("pqlkit-demo"), "--dir", help="Where the demo's files and store go."
    ),
    accounts: int = typer.Option(1500, "--accounts", help="Companies to simulate."),
    seed: int = typer.Option(7, "--seed", help="Simulator seed."),
) -> None:
    """Run the whole story on embedded defaults: simulate, ingest, score, and show the result."""
    from rich.panel import Panel
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.events.importers import ingest_file
    from pqlkit.events.overview import overview
    from pqlkit.model.loader import load
    from pqlkit.scoring.run import score_events
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
        assert facts.last is not None
        as_of = facts.last + timedelta(seconds=1)  # just after the last simulated event
        with console.progress("scoring with the pillars template", total=None):
            run = score_events(store.events, load("pillars"), as_of)

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

    tiers = run.table.column("tier").to_pylist()
    leads = Table("user", "score", "tier", "why", box=None)
    for row in run.rows(10):
        leads.add_row(
            str(row["entity_id"]), f"{row['score']:g}", str(row["tier"]), str(row["reasons"])
        )
    title = (
        f"Top PQLs (pillars template, as of {as_of:%Y-%m-%d %H:%M} UTC): "
        f"{tiers.count('hot'):,} hot, {tiers.count('pql'):,} PQL of {len(tiers):,} free users"
    )
    out.print(Panel(leads, title=title, expand=False))
    recent = [a for a in run.alerts if a.fired_at >= as_of - timedelta(days=7)]
    alerts = Table("fired at", "user", "trigger", "respond by", box=None)
    for alert in sorted(recent, key=lambda a: a.fired_at, reverse=True)[:10]:
        alerts.add_row(
            f"{alert.fired_at:%Y-%m-%d %H:%M}",
            alert.entity_id,
            alert.trigger,
            f"{alert.deadline:%Y-%m-%d %H:%M}",
        )
    out.print(Panel(alerts, title=f"Hot alerts in the last 7 days: {len(recent):,}", expand=False))
    first = run.rows(1)[0]["entity_id"] if len(run) else "USER"
    out.print(
        f"done in {time.monotonic() - started:.0f} s. Explore:\n"
        f"  pql explain {first} --model pillars --as-of '{as_of:%Y-%m-%d %H:%M:%S}' --db {store_path}\n"
        f"  pql score --model weighted-110 --as-of '{as_of:%Y-%m-%d %H:%M:%S}' --db {store_path}\n"
        f"  pql status --db {store_path}\n"
        f"ground truth (true conversion probabilities): {files.users_path} / {files.accounts_path}",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
