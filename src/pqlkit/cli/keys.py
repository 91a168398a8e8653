"""`pql keys`: create, list and revoke the API's keys."""

from __future__ import annotations

import typer

from pqlkit.cli.options import db_option

keys_app = typer.Typer(
    help="Create, list and revoke API keys (through the running server when one owns the store).",
    no_args_is_help=True,
)


@keys_app.command("create")
def create(
    kind: str = typer.Option(..., "--kind", help="write (send events) or read (query the API)."),
    browser: bool = typer.Option(
        False, "--browser", help="A public write key for analytics.js in web pages."
    ),
    label: str | None = typer.Option(None, "--label", help="What the key is for."),
    db: str | None = db_option(),
) -> None:
    """Create a key and print it, once: only its hash is kept.

    The key alone goes to standard output (KEY=$(pql keys create --kind write)).
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.server.key_service import key_service
    from pqlkit.server.keys import key_kind

    console = CliConsole()
    chosen = key_kind(kind, browser=browser)
    with key_service(db) as keys:
        issued = keys.create(chosen, label)
    typer.echo(issued.secret)
    console.err.print(
        f"created {issued.key.kind} key {issued.key.key_id}"
        + (f" ({issued.key.label})" if issued.key.label else "")
        + ": this is the only time it is shown, keep it now.",
        soft_wrap=True,
    )


@keys_app.command("list")
def list_(db: str | None = db_option()) -> None:
    """List the keys: id, kind, label, when created, whether revoked (never the keys)."""
    from rich.table import Table

    from pqlkit.cli.console import CliConsole
    from pqlkit.server.key_service import key_service

    console = CliConsole()
    with key_service(db) as keys:
        found = keys.list()
    if not found:
        console.err.print("no keys yet: pql keys create --kind write")
        return
    table = Table("key", "kind", "label", "created (UTC)", "status", box=None)
    for key in found:
        status = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        table.add_row(
            key.key_id, key.kind, key.label or "", f"{key.created_at:%Y-%m-%d %H:%M}", status
        )
    console.out.print(table)


@keys_app.command("revoke")
def revoke(
    key_id: str = typer.Argument(..., help="The key's id (k_…), as pql keys list shows it."),
    db: str | None = db_option(),
) -> None:
    """Revoke a key: requests with it are refused from now on."""
    from pqlkit.cli.console import CliConsole
    from pqlkit.errors import ConfigError
    from pqlkit.server.key_service import key_service

    console = CliConsole()
    with key_service(db) as keys:
        key = keys.revoke(key_id)
    if key is None:
        raise ConfigError(f"no key {key_id} (pql keys list shows them)")
    console.err.print(f"revoked {key.kind} key {key.key_id}")


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
