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
        help=f"{MODEL_HELP} Its triggers fire alerts on every event (GET /v1/alerts).",
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
    score_every: str | None = typer.Option(
        None,
        "--score-every",
        help="Score every entity on this interval (e.g. 30s, 15m, 1h) and write the scores ledger that "
        "/v1/leads reads; needs --model.",
    ),
    engine_threads: int | None = typer.Option(
        None,
        "--engine-threads",
        min=1,
        help="DuckDB worker threads while serving (default: 1 with --score-every, so that a "
        "scoring round leaves the other cores to ingest and real-time alerts; else one per core).",
    ),
    rate_limit: float = typer.Option(
        500.0, "--rate-limit", help="Requests per second per API key (0: no limit); more get 429."
    ),
    rate_burst: float = typer.Option(
        1000.0, "--rate-burst", help="Requests an API key may send at once."
    ),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request."),
    destinations: Path | None = typer.Option(
        None,
        "--destinations",
        help="A destinations.yaml: deliver the outbox (alerts, leads) to Slack, CRMs, webhooks "
        "(see docs/destinations.md).",
    ),
    crm_sync_every: str = typer.Option(
        "10m",
        "--crm-sync-every",
        help="Read back from the HubSpot and Salesforce destinations on this interval: reps' "
        "first calls, e-mails and completed tasks become the alerts' first touches, and record "
        "owners the owners routing keeps (0: never; `pql crm sync` runs one).",
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
    every = None
    if score_every is not None:
        from pqlkit.model.durations import parse_duration

        try:
            text = score_every.strip()
            seconds = text.removesuffix("s")
            every = (
                float(seconds)
                if text.endswith("s") and seconds.replace(".", "", 1).isdigit()
                else parse_duration(text).total_seconds()
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--score-every") from None
    crm_every = _seconds(crm_sync_every, "--crm-sync-every")
    config = ServerConfig(
        db=db,
        host=host,
        port=port,
        model=model,
        score_every=every,
        engine_threads=engine_threads,
        log_dir=log_dir,
        cors_origins=tuple(cors_origin),
        rate_limit=rate_limit,
        rate_burst=rate_burst,
        access_log=access_log,
        destinations=destinations,
        crm_sync_every=crm_every,
    )
    result = run_server(config, console)
    console.info(f"pql serve: stopped; {result.loaded_rows:,} events loaded into the store")


def _seconds(text: str, option: str) -> float:
    """``0``, ``30s``, ``15m``, ``1h`` … as seconds."""
    from pqlkit.model.durations import parse_duration

    value = text.strip()
    if value in ("0", "0s", "off"):
        return 0.0
    number = value.removesuffix("s")
    try:
        if value.endswith("s") and number.replace(".", "", 1).isdigit():
            return float(number)
        return parse_duration(value).total_seconds()
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
