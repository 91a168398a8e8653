"""Parameterised SQL on the operational tables (owners, assignments, cursors).

These are small lookups made per routing run and per alert batch — inside the loader's
transaction on the server — so they go straight to the transactional store (embedded DuckDB
or Postgres) as prepared statements: compiling an Ibis expression costs far more here than
running the query.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pqlkit.errors import ConfigError

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.store.store import Store


def query(store: Store, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    if store.is_duckdb:
        cursor = store.duckdb().execute(sql, list(params))
        return cursor.fetchall() if cursor.description else []
    if getattr(store.backend, "name", "") != "postgres":
        raise ConfigError(
            "routing keeps owners and assignments in a transactional store (an embedded DuckDB "
            f"file or Postgres), not in {store.location}"
        )
    with store.backend.con.cursor() as cursor:
        cursor.execute(sql.replace("?", "%s"), list(params))
        return list(cursor.fetchall()) if cursor.description else []


def marks(values: Sequence[Any]) -> str:
    """``?, ?, ?`` for an ``IN (…)`` list of ``values``."""
    return ", ".join("?" for _ in values)


def insert(store: Store, table: str, rows: pa.Table) -> None:
    """Append ``rows`` to ``table``: on DuckDB one plain ``INSERT … VALUES`` statement (an Ibis
    insert reads the table's schema and compiles first); elsewhere Ibis's."""
    if not rows.num_rows:
        return
    if not store.is_duckdb:
        store.backend.insert(table, rows)
        return
    listed = ", ".join(f'"{c}"' for c in rows.column_names)
    row = "(" + marks(rows.column_names) + ")"
    records = rows.to_pylist()
    for start in range(0, len(records), 500):  # a routing run's thousands of leads in parts
        part = records[start : start + 500]
        store.duckdb().execute(
            f"INSERT INTO {table} ({listed}) VALUES " + ", ".join(row for _ in part),
            [value for record in part for value in record.values()],
        )
