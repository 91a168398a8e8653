"""Options shared by several commands."""

from __future__ import annotations

import typer

DB_HELP = (
    "The store: a DuckDB file path (default pqlkit.duckdb, its events beside it in "
    "pqlkit.events.duckdb) or an engine URL such as postgres://user@host/db."
)


def db_option() -> str | None:
    return typer.Option(None, "--db", envvar="PQLKIT_DB", help=DB_HELP, show_default=False)  # type: ignore[no-any-return]


WAREHOUSE_HELP = (
    "Score events where they are: an engine URL (postgres://…, duckdb://…) holding the tables "
    "Segment's warehouse destination writes (tracks, identifies, groups, pages, one per event). "
    "The ledger still goes to --db."
)


def warehouse_option() -> str | None:
    return typer.Option(  # type: ignore[no-any-return]
        None, "--warehouse", envvar="PQLKIT_WAREHOUSE", help=WAREHOUSE_HELP, show_default=False
    )


def schema_option() -> str | None:
    return typer.Option(  # type: ignore[no-any-return]
        None,
        "--schema",
        help="The warehouse schema of the Segment source (default: the URL's).",
        show_default=False,
    )
