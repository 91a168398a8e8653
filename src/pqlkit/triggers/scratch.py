"""Temporary tables made for one trigger evaluation, dropped together when it ends.

Each step of a batch evaluation reads the previous step's small result from a temporary table
(small plans on every engine); a backtest evaluates many dates on one connection, so the tables
go when the evaluation does.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

from pqlkit.compile.frame import drop_temporary, materialized

if TYPE_CHECKING:
    import ibis.expr.types as ir


class Scratch:
    def __init__(self) -> None:
        self.tables: list[tuple[Any, str]] = []  # (backend, name)

    def keep(self, expr: ir.Table, label: str) -> ir.Table:
        """``expr`` computed once into a temporary table, dropped with the others."""
        table, name = materialized(expr, label)
        self.tables.append((table._find_backend(), name))
        return table

    def drop(self) -> None:
        for backend, name in self.tables:
            drop_temporary(backend, name)
        self.tables.clear()

    def __enter__(self) -> Scratch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.drop()
