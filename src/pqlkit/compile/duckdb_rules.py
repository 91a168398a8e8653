"""Rules of pqlkit's own for ibis's DuckDB compiler.

- The latest value by DuckDB's own ``arg_max``, not by an ordered aggregate. ibis 12 writes
  ``value.argmax(key)`` for DuckDB as ``first(value ORDER BY key DESC)``, which DuckDB runs by
  making a sort key for every row. Its ``arg_max_null`` (the value at the row of the greatest
  key, a null value included, rows with a null key ignored) is the same answer without the sort
  keys: 13–16 % less CPU for the many dates' members at 20M events (bench/RESULTS.md).
- A computed text tested against a few values (``properties.feature`` in a list) by a list's
  lookup, not ``IN``. DuckDB turns a short ``IN`` list beside another test into an ``OR`` of
  equalities, computing the text once for each: a property read out of the JSON four times,
  3x the time of ``list_contains`` on 871k events (bench/RESULTS.md). The answers are the same
  (a null text: null; values that are all literals, none null).

:func:`install` adds the rules to ibis's compiler; every DuckDB connection the store makes calls
it (``store.connection.session_defaults``), and so does ``render_sql`` for DuckDB's SQL.
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

    plain_in = DuckDBCompiler.visit_InValues

    def in_values(self: Any, op: Any, *, value: Any, options: Any) -> Any:
        if _looked_up(op):
            return self.f.list_contains(self.f.array(*options), value)
        return plain_in(self, op, value=value, options=options)

    DuckDBCompiler.visit_ArgMax = arg_max
    DuckDBCompiler.visit_ArgMin = arg_min
    DuckDBCompiler.visit_InValues = in_values
    DuckDBCompiler._pqlkit_arg_max = True


_FEW = 10  # a longer list DuckDB joins with the values (a hash table): left to it


def _looked_up(op: Any) -> bool:
    """Whether ``op`` (``InValues``) tests a computed text against a few literal values, none
    null."""
    import ibis.expr.operations as ops

    value, options = op.value, op.options
    return (
        value.dtype.is_string()
        and not isinstance(value, ops.Field)
        and 1 < len(options) <= _FEW
        and all(isinstance(o, ops.Literal) and o.value is not None for o in options)
    )
