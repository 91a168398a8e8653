"""The trigger history of many dates (:class:`~pqlkit.triggers.batch.History`), evaluated on a
second connection while the caller builds the dates' frame.

On a DuckDB store that keeps its tables (:mod:`pqlkit.store.kept`) the history reads only stored
tables, so a cursor of the same database evaluates it on another thread: its small queries and
its Python (the alerts, their cooldowns and evidence) run while the frame's large queries leave a
core idle. 12 weekly dates of ``pillars`` on 20M events: 16.1 → 15.7 s (bench/RESULTS.md).
Elsewhere (another engine, a table that is not a store's log) it is evaluated at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.triggers.batch import History

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.model.schema import Model


@contextmanager
def history(
    events: ir.Table, model: Model, until: datetime, *, pairs: ir.Table | None = None
) -> Iterator[Callable[[], History]]:
    """A function giving ``History(events, model, until, pairs=pairs)``, once it is ready.
    Leaving the block waits for the other thread (whose errors the function raises)."""
    elsewhere = _store_log_elsewhere(events) if model.triggers else None
    if elsewhere is None:
        found = History(events, model, until, pairs=pairs)
        yield lambda: found
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="pqlkit-triggers") as pool:
        yield pool.submit(_evaluated, elsewhere, model, until).result


def _store_log_elsewhere(events: ir.Table) -> ir.Table | None:
    """``events`` on a second connection, when it is a kept DuckDB store's log."""
    import ibis.expr.operations as ops

    from pqlkit.store import kept
    from pqlkit.store.connection import another_connection

    if kept.pairs(events) is None:  # not such a log: its history may read temporary tables
        return None
    op = events.op()
    assert isinstance(op, ops.DatabaseTable)
    space = op.namespace
    database = (space.catalog, space.database) if space.catalog else space.database
    return another_connection(events._find_backend()).table(op.name, database=database)


def _evaluated(events: ir.Table, model: Model, until: datetime) -> History:
    from pqlkit.triggers.asof import link_pairs

    try:
        return History(events, model, until, pairs=link_pairs(events, until))  # the kept pairs
    finally:
        events._find_backend().disconnect()
