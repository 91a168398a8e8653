"""`pql serve`: the Segment-compatible ingest server."""

from __future__ import annotations

from pathlib import Path

import typer

from pqlkit.cli.model import MODEL_HELP
from pqlkit.cli.options import db_option


def serve(
    db: str | None = db_option(),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."
    ),
    port: int = typer.Option(8787, "--port", help="Port to listen on (0: any free port)."),
    model: str | None = typer.Option(
        None,
        "--model",
        help=f"{MODEL_HELP} Checked at start; its triggers come in a later release.",
    ),
    log_dir: Path | None = typer.Option(
        None,
        "--log-dir",
        help="Directory of the durable ingest log (default: <store>.log beside a DuckDB store; "
        "required for an engine URL).",
    ),
    cors_origin: list[str] = typer.Option(
        [], "--cors-origin", help="A web origin allowed to call the API from browsers (repeatable)."
    ),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request."),
    destinations: Path | None = typer.Option(
        None,
        "--destinations",
        help="A destinations.yaml: deliver the outbox (alerts, leads) to Slack, CRMs, webhooks "
        "(see docs/destinations.md).",
    ),
) -> None:
    """Serve Segment's HTTP tracking API (/v1/track, /v1/batch …) on the store.

    Point a Segment or RudderStack SDK (or analytics.js) at http://HOST:PORT with a write key
    from `pql keys create --kind write`. An answer of 200 means the events are in an fsync'd
    log; a background loader moves them into the store within a second. The server owns the
    store while it runs (`pql keys` goes through it). Stop it with Ctrl-C or SIGTERM: it loads
    everything acknowledged before it exits.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.server.config import ServerConfig
    from pqlkit.server.run import serve as run_server

    console = CliConsole()
    config = ServerConfig(
        db=db,
        host=host,
        port=port,
        model=model,
        log_dir=log_dir,
        cors_origins=tuple(cors_origin),
        access_log=access_log,
        destinations=destinations,
    )
    result = run_server(config, console)
    console.info(f"pql serve: stopped; {result.loaded_rows:,} events loaded into the store")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
