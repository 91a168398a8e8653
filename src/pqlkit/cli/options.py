"""Options shared by several commands."""

from __future__ import annotations

import typer

DB_HELP = (
    "The store: a DuckDB file path (default pqlkit.duckdb) or an engine URL such as "
    "postgres://user@host/db."
)


def db_option() -> str | None:
    return typer.Option(None, "--db", envvar="PQLKIT_DB", help=DB_HELP, show_default=False)  # type: ignore[no-any-return]
