"""`pql simulate`: write a synthetic PLG company's events and its ground truth."""

from __future__ import annotations

from pathlib import Path

import typer


def simulate(
    out: Path = typer.Option(Path("pqlkit-sim"), "--out", help="Directory to write into."),
    accounts: int = typer.Option(2000, "--accounts", help="Number of companies."),
    events: int | None = typer.Option(
        None, "--events", help="Aim for about this many events (scales users and activity)."
    ),
    days: int = typer.Option(120, "--days", help="Length of the simulated period."),
    seed: int = typer.Option(42, "--seed", help="Same seed, same company, byte for byte."),
    fmt: str = typer.Option("parquet", "--format", help="parquet or jsonl (Segment calls)."),
    lean: bool = typer.Option(
        False, "--lean", help="Leave out the realistic Segment context (smaller events)."
    ),
) -> None:
    """Simulate a product-led SaaS company: accounts, users, events, conversions.

    Writes events (Parquet or Segment JSONL) and truth_users / truth_accounts Parquet files
    with each entity's true conversion probability and outcome.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.errors import ConfigError
    from pqlkit.simulate import SimulationConfig, generate, write

    if fmt not in ("parquet", "jsonl"):
        raise ConfigError(f"--format: {fmt!r} is not parquet or jsonl")
    console = CliConsole()
    config = SimulationConfig(
        accounts=accounts, seed=seed, days=days, target_events=events, rich_context=not lean
    )
    with console.progress("simulating", total=None):
        sim = generate(config)
    with console.progress(f"writing {fmt}", total=None):
        files = write(sim, out, fmt)  # type: ignore[arg-type]
    typer.echo(
        f"simulated {files.events:,} events of {files.users:,} users at {files.accounts:,} "
        f"accounts\nwrote {files.events_path}, {files.users_path} and {files.accounts_path}"
    )


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)
