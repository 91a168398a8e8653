"""Append staged events to the store, once each.

A staged relation holds the event columns without ``source`` and ``loaded_at``. Rows whose
``message_id`` is already stored are skipped with an anti-join limited to stored events within
``DEDUPE_MARGIN`` of the batch's time range: DuckDB prunes the rest of the table by its
min/max statistics, so the check does not grow with the history, only with the events stored
within the margin (measured: +16 ms per million of them for a 1,000-row batch). A retried call
keeps its messageId and its timestamp — clock-skew correction moves the copies apart only by the
difference in their network delays — and a re-imported file repeats its timestamps exactly, so
an hour is generous. (The server also answers retries within a day from its messageId window,
whatever their timestamps; this check covers what the window forgot, e.g. after a restart.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from pqlkit.store.schema import EVENT_COLUMNS, EVENTS

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.store.store import Store

DEDUPE_MARGIN = timedelta(hours=1)


def append_events(store: Store, staged: ir.Table, source: str | None) -> int:
    """Insert the staged rows not yet stored; return how many were inserted.

    ``staged`` must live on the store's own backend and have unique message ids. ``source`` is
    stamped on every row; ``None`` keeps the staged ``source`` column (rows from several API keys).
    """
    import ibis

    new = fresh_rows(store, staged)
    if new is None:
        return 0
    events = store.events
    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    stamps = {"loaded_at": ibis.literal(loaded_at)}
    if source is not None:
        stamps["source"] = ibis.literal(source)
    rows = new.mutate(**stamps)
    rows = rows.select(*EVENT_COLUMNS)
    before = int(events.count().execute())
    if store.is_duckdb:
        store.backend.insert("events", rows)
    else:
        _insert_casting_json(store, rows)
    return int(store.events.count().execute()) - before


def fresh_rows(store: Store, staged: ir.Table) -> ir.Table | None:
    """The staged rows whose ``message_id`` is not stored yet (``None``: nothing is staged)."""
    import ibis

    bounds = staged.aggregate(lo=staged.timestamp.min(), hi=staged.timestamp.max()).execute()
    lo, hi = bounds["lo"].iloc[0], bounds["hi"].iloc[0]
    if lo is None or lo != lo:  # no rows (NaT)
        return None
    events = store.events
    window = events.filter(
        events.timestamp.between(
            ibis.literal(lo.to_pydatetime() - DEDUPE_MARGIN),
            ibis.literal(hi.to_pydatetime() + DEDUPE_MARGIN),
        )
    ).select("message_id")
    return staged.anti_join(window, "message_id")


def _insert_casting_json(store: Store, rows: ir.Table) -> None:
    """INSERT … SELECT with JSON columns cast explicitly.

    Rows that came through Arrow carry JSON as text, and ibis casts JSON back to text on
    Postgres, so the cast is written here.
    """
    import sqlglot.expressions as sge

    backend = store.backend
    dialect = backend.dialect
    source = sge.to_identifier("s")
    values = []
    for name, dtype in EVENTS.items():
        column: sge.Expression = sge.column(name, table=source, quoted=True)
        if dtype.is_json():
            column = sge.Cast(this=column, to=sge.DataType.build("JSON"))
        values.append(column)
    subquery = sge.maybe_parse(backend.compile(rows), dialect=dialect)
    insert = sge.insert(
        sge.select(*values).from_(subquery.subquery(source)),
        sge.table_("events", quoted=True),
        columns=list(EVENTS.names),
    )
    with backend._safe_raw_sql(insert.sql(dialect)):
        pass
