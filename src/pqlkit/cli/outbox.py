"""`pql outbox`: see what waits for a destination, send dead letters again, or drop them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from pqlkit.cli.options import db_option

if TYPE_CHECKING:
    from pqlkit.destinations.outbox import Status

outbox_app = typer.Typer(
    help=(
        "The outbox of deliveries to destinations (Slack, CRMs, webhooks): list rows, retry or "
        "drop dead letters (through the running server when one owns the store)."
    ),
    no_args_is_help=True,
)

STATUS_HELP = "pending, delivered or dead."


@outbox_app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help=STATUS_HELP),
    destination: str | None = typer.Option(None, "--destination", help="One destination's rows."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many rows, oldest first."),
    as_json: bool = typer.Option(False, "--json", help="Rows as JSON lines on standard output."),
    db: str | None = db_option(),
) -> None:
    """Rows oldest first with their attempts and last error; a count per destination first."""
    import orjson
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.destinations.operators import outbox_service

    console = CliConsole()
    chosen = _status(status)
    with outbox_service(db) as outbox:
        counts = outbox.counts()
        rows = outbox.list(chosen, destination, limit)
    if as_json:
        for row in rows:
            typer.echo(orjson.dumps(row).decode())
        return
    if not counts:
        console.err.print("the outbox is empty")
        return
    summary = Table("destination", "pending", "delivered", "dead", box=None)
    for name in sorted({d for d, _ in counts}):
        summary.add_row(
            name, *(str(counts.get((name, s), 0)) for s in ("pending", "delivered", "dead"))
        )
    console.out.print(summary)
    if not rows:
        console.err.print("no rows match")
        return
    for row in rows:
        tries = f"{row['attempts']} attempt{'s' if row['attempts'] != 1 else ''}"
        when = {
            "pending": f"next {_short(row['next_attempt_at'])}",
            "delivered": f"delivered {_short(row['delivered_at'])}",
            "dead": f"dead since {_short(row['dead_at'])}",
        }[row["status"]]
        console.out.print(
            f"{row['id']}  {row['destination']}  {row['kind']}  {row['status']}  {tries}  "
            f"created {_short(row['created_at'])}  {when}",
            soft_wrap=True,
        )
        if row["last_error"]:
            console.out.print(f"    {row['last_error']}", soft_wrap=True)


@outbox_app.command("retry")
def retry(
    ids: list[str] = typer.Argument(
        None, help="Row ids (ob_…); none: every dead row (of --destination)."
    ),
    destination: str | None = typer.Option(
        None, "--destination", help="Only this destination's rows."
    ),
    db: str | None = db_option(),
) -> None:
    """Send dead rows again: back to pending, due now, with a fresh count of attempts."""
    from pqlkit.cli.console import CliConsole
    from pqlkit.destinations.operators import outbox_service

    with outbox_service(db) as outbox:
        changed = outbox.retry(ids or [], destination)
    CliConsole().err.print(_changed(changed, "back to pending"))


@outbox_app.command("drop")
def drop(
    ids: list[str] = typer.Argument(
        None, help="Row ids (ob_…); none: every dead row (of --destination)."
    ),
    destination: str | None = typer.Option(
        None, "--destination", help="Only this destination's rows."
    ),
    yes: bool = typer.Option(False, "--yes", help="Drop every dead row without naming ids."),
    db: str | None = db_option(),
) -> None:
    """Delete dead rows for good (only dead ones: pending rows are still being delivered)."""
    from pqlkit.cli.console import CliConsole
    from pqlkit.destinations.operators import outbox_service
    from pqlkit.errors import ConfigError

    if not ids and not yes:
        raise ConfigError(
            "name the rows to drop (pql outbox list --status dead), or pass --yes to drop every dead row"
        )
    with outbox_service(db) as outbox:
        changed = outbox.drop(ids or [], destination)
    CliConsole().err.print(_changed(changed, "dropped"))


@outbox_app.command("deliver")
def deliver(
    destinations: str = typer.Option(
        "destinations.yaml",
        "--destinations",
        help="The destinations file (see docs/destinations.md).",
    ),
    max_seconds: float = typer.Option(
        60.0, "--max-seconds", min=0, help="Stop after this long even if rows are still due."
    ),
    db: str | None = db_option(),
) -> None:
    """Deliver what is due now, at each destination's pace, then stop (when no server runs:
    pql serve delivers by itself)."""
    import time

    from pqlkit.cli.console import CliConsole
    from pqlkit.destinations.config import load_destinations
    from pqlkit.destinations.delivery import DeliveryReport, DeliveryState, deliver_due
    from pqlkit.destinations.outbox import Outbox
    from pqlkit.errors import StoreBusyError
    from pqlkit.store.store import Store
    from pqlkit.times import utc_now

    console = CliConsole()
    config = load_destinations(destinations)
    built = config.build()
    state, total = DeliveryState(), DeliveryReport()
    started = time.monotonic()
    try:
        with Store.open(db) as store:
            outbox = Outbox(store)
            while True:
                total += deliver_due(store, built, utc_now(), state)
                due = [d for d in built if outbox.due(d.name, utc_now(), 1)]
                if not due or time.monotonic() - started >= max_seconds:
                    break
                time.sleep(0.5)
            left = sum(n for (_, status), n in outbox.counts().items() if status == "pending")
    except StoreBusyError:
        raise StoreBusyError(
            str(db or "the store"), "a running pql serve, which delivers the outbox itself"
        ) from None
    finally:
        for destination in built:
            destination.close()
    console.err.print(
        f"delivered {total.delivered}, to retry {total.retried}, dead {total.dead}; "
        f"{left} pending in the outbox"
    )


def _status(status: str | None) -> Status | None:
    from pqlkit.destinations.outbox import STATUSES
    from pqlkit.errors import ConfigError

    if status is not None and status not in STATUSES:
        raise ConfigError(f"--status: {status!r} is not one of {', '.join(STATUSES)}")
    return status


def _short(moment: str | None) -> str:
    return "" if not moment else moment.replace("T", " ")[:16]


def _changed(count: int, what: str) -> str:
    if count == 0:
        return "no dead rows matched (pql outbox list --status dead shows them)"
    return f"{count} row{'s' if count != 1 else ''} {what}"


def register(app: typer.Typer) -> None:
    app.add_typer(outbox_app, name="outbox")
