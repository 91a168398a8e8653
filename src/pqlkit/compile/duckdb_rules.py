"""The latest value on DuckDB by its own ``arg_max``, not by an ordered aggregate.

ibis 12 writes ``value.argmax(key)`` for DuckDB as ``first(value ORDER BY key DESC)``, which
DuckDB runs by making a sort key for every row. Its ``arg_max_null`` (the value at the row of
the greatest key, a null value included, rows with a null key ignored) is the same answer
without the sort keys: 13–16 % less CPU for the many dates' members at 20M events
(bench/RESULTS.md). :func:`install` adds the rule to ibis's compiler; every DuckDB connection
the store makes calls it (``store.connection.session_defaults``), and so does
``render_sql`` for DuckDB's SQL.
"""

from __future__ import annotations

from typing import Any


def install() -> None:
    from ibis.backends.sql.compilers.duckdb import DuckDBCompiler

    if getattr(DuckDBCompiler, "_pqlkit_arg_max", False):
        return

    def arg_max(self: Any, op: Any, *, arg: Any, key: Any, where: Any) -> Any:
        return self.agg.arg_max_null(arg, key, where=where)

    def arg_min(self: Any, op: Any, *, arg: Any, key: Any, where: Any) -> Any:
        return self.agg.arg_min_null(arg, key, where=where)

    DuckDBCompiler.visit_ArgMax = arg_max
    DuckDBCompiler.visit_ArgMin = arg_min
    DuckDBCompiler._pqlkit_arg_max = True
