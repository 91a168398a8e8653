"""One transaction around several writes to the store, on the engines that have them here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pqlkit.store.store import Store


@contextmanager
def transaction(store: Store) -> Iterator[None]:
    """Everything written inside lands together or not at all.

    DuckDB: an explicit transaction on the store's connection. Postgres: psycopg's transaction
    block, inside which ibis's own statements become savepoints. Other engines are not places
    pqlkit keeps operational state (see DESIGN.md), so they get no transaction.
    """
    if store.is_duckdb:
        con = store.duckdb()
        con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        return
    connection = getattr(store.backend, "con", None)
    if getattr(store.backend, "name", "") == "postgres" and hasattr(connection, "transaction"):
        with connection.transaction():  # type: ignore[union-attr]
            yield
        return
    yield


def execute(store: Store, statement: str) -> None:
    """Run one statement that returns nothing (``DELETE``, ``UPDATE``), inside the current
    transaction if there is one (ibis's ``raw_sql`` would roll a Postgres transaction back
    itself on an error, which psycopg forbids inside a transaction block)."""
    if store.is_duckdb:
        store.duckdb().execute(statement)
        return
    if getattr(store.backend, "name", "") == "postgres":
        with store.backend.con.cursor() as cursor:
            cursor.execute(statement)
        return
    result = store.backend.raw_sql(statement)
    close = getattr(result, "close", None)
    if close is not None:
        close()
