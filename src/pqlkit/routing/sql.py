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
