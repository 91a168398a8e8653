"""The log's linked pairs, kept beside an embedded store's event log.

Identity is read from the log (:mod:`pqlkit.events.identity`): every pair of ids a call linked,
when it was first linked (by timestamp) and first arrived (by arrival, then message id; see
:mod:`pqlkit.triggers.arrival`). A scoring run needs those pairs, and finding them is a pass
over the whole log (20M events: two passes of about a second each) for what is a few hundred
thousand rows. So a DuckDB store keeps them:

* ``linked_pairs``: ``from_id, to_id, linked_at, f_at, f_mid`` — per pair, the earliest
  timestamp of a call linking it, the earliest arrival of one, and the smallest message id
  arriving then. Each is a minimum over the calls, so the pairs as of any time T are the kept
  rows with ``linked_at < T`` (by timestamp) or ``f_at < T`` (by arrival), exactly.
* ``linked_pairs_cover``: ``covered``, the events folded in are those with ``rowid`` below it.
  The log is only ever appended to, and DuckDB numbers the rows a transaction appends
  on from the table's last when it commits (transactions in the order of their commits).

:func:`read` gives the kept pairs together with those of the rows appended since they were
folded (a server's, while it runs), so what a run reads is always the log's, whenever it was
folded. :func:`fold` brings the kept pairs up to the log, in one transaction: after an import,
when a store is opened for writing, and once when the table is first made (migration 10).
Other engines (Postgres, a warehouse read in place) find the pairs in the log each time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pqlkit.events.identity import link_calls
from pqlkit.store.connection import EVENTS_CATALOG, has_events_catalog, has_table
from pqlkit.triggers.arrival import arrival_of

if TYPE_CHECKING:
    import ibis.expr.types as ir
    from ibis.backends.sql import SQLBackend

PAIRS = "linked_pairs"
COVER = "linked_pairs_cover"
# DuckDB numbers the rows a transaction appended from 36,028,797,018,960,000 until it commits
# (then on from the table's last row, in the order of commits): no table has this many rows
LOCAL_ROWS = 1 << 50

_DDL = (
    "CREATE TABLE IF NOT EXISTS {pairs} (from_id VARCHAR NOT NULL, to_id VARCHAR NOT NULL, "
    "linked_at TIMESTAMP NOT NULL, f_at TIMESTAMP NOT NULL, f_mid VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {cover} (covered BIGINT NOT NULL)",
)


def create(backend: SQLBackend) -> None:
    """Make the kept pairs beside a DuckDB store's event log and fold the log into them."""
    if getattr(backend, "name", "") != "duckdb":
        return
    con, catalog = backend.con, _catalog(backend)
    pairs, cover = _ref(catalog, PAIRS), _ref(catalog, COVER)
    for statement in _DDL:
        con.execute(statement.format(pairs=pairs, cover=cover))
    found = con.execute(f"SELECT count(*) FROM {cover}").fetchone()
    if not found or not found[0]:
        con.execute(f"INSERT INTO {cover} VALUES (0)")
    fold(backend)


def read(events: ir.Table) -> ir.Table | None:
    """The pairs of every call in ``events`` (``from_id, to_id, linked_at, f_at, f_mid``) when
    ``events`` is a DuckDB store's own log with its pairs kept; else ``None``."""
    backend = _kept_for(events)
    if backend is None:
        return None
    return backend.sql(_pairs_sql(backend, _catalog(backend)))


def fold(backend: SQLBackend) -> int:
    """Fold the events appended since the last fold into the kept pairs; how many were folded.

    Runs in a transaction of its own on the store's connection (never inside one that appended
    rows it has not committed: those rows are numbered apart until the commit). Other engines
    keep no pairs: nothing to do.
    """
    if getattr(backend, "name", "") != "duckdb":
        return 0
    con, catalog = backend.con, _catalog(backend)
    if not has_table(con, catalog, COVER):
        return 0  # a store not yet migrated (its migration folds)
    found = con.execute(
        f"SELECT (SELECT covered FROM {_ref(catalog, COVER)}), "
        f"(SELECT coalesce(max(rowid) + 1, 0) FROM {_ref(catalog, 'events')})"
    ).fetchone()
    assert found is not None
    covered, rows = int(found[0]), int(found[1])
    if rows >= LOCAL_ROWS:
        raise RuntimeError("linked pairs folded inside a transaction that appended events")
    if rows <= covered:
        return 0
    merged = f"_pql_linked_pairs_{rows}"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE TEMPORARY TABLE {merged} AS {_pairs_sql(backend, catalog, rows)}")
        con.execute(f"DELETE FROM {_ref(catalog, PAIRS)}")
        con.execute(f"INSERT INTO {_ref(catalog, PAIRS)} SELECT * FROM {merged}")
        con.execute(f"UPDATE {_ref(catalog, COVER)} SET covered = ?", [rows])
        con.execute(f"DROP TABLE {merged}")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return rows - covered


def _pairs_sql(backend: SQLBackend, catalog: str, upto: int | None = None) -> str:
    """The kept pairs merged with those of the events past the cover (below ``upto``)."""
    below = "" if upto is None else f" AND rowid < {upto}"
    tail = backend.sql(
        f"SELECT * FROM {_ref(catalog, 'events')} "
        f"WHERE rowid >= (SELECT covered FROM {_ref(catalog, COVER)}){below}"
    )
    calls = link_calls(tail, ts=tail.timestamp, arrival=arrival_of(tail), mid=tail.message_id)
    return (
        "SELECT from_id, to_id, min(linked_at) AS linked_at, "
        "struct_extract(min(arrived), 'a') AS f_at, struct_extract(min(arrived), 'm') AS f_mid "
        f"FROM (SELECT from_id, to_id, linked_at, {{'a': f_at, 'm': f_mid}} AS arrived "
        f"FROM {_ref(catalog, PAIRS)} UNION ALL "
        f"SELECT from_id, to_id, ts, {{'a': arrival, 'm': mid}} FROM ({backend.compile(calls)})"
        ") GROUP BY from_id, to_id"
    )


def _kept_for(events: ir.Table) -> SQLBackend | None:
    """The backend of ``events`` when it is a DuckDB store's log, its pairs kept."""
    import ibis.expr.operations as ops

    op = events.op()
    if not isinstance(op, ops.DatabaseTable) or op.name != "events":
        return None
    backend = events._find_backend()
    if getattr(backend, "name", "") != "duckdb":
        return None
    catalog = _catalog(backend)
    if not all(has_table(backend.con, catalog, name) for name in ("events", PAIRS, COVER)):
        return None
    if op.namespace.catalog not in (None, catalog) or op.namespace.database not in (None, "main"):
        return None
    return backend


def _catalog(backend: SQLBackend) -> str:
    """The catalog holding the event log: the attached log file, else the main database."""
    con = backend.con
    if has_events_catalog(con) and has_table(con, EVENTS_CATALOG, "events"):
        return EVENTS_CATALOG
    return str(backend.current_catalog)


def _ref(catalog: str, table: str) -> str:
    quoted = catalog.replace('"', '""')
    return f'"{quoted}".main."{table}"'
