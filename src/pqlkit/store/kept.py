"""What an embedded store keeps beside its event log: the linked pairs and the first sightings.

Identity is read from the log (:mod:`pqlkit.events.identity`), and every scoring run starts
from two things a pass over the whole log finds (20M events: about a second each) for a few
hundred thousand rows. A DuckDB store keeps them:

* ``linked_pairs``: ``from_id, to_id, linked_at, f_at, f_mid`` — every pair of ids a call
  linked, with the earliest timestamp of a call linking it, the earliest arrival of one and
  the smallest message id arriving then (:mod:`pqlkit.triggers.arrival`). Each is a minimum
  over the calls, so the pairs as of any time T are the kept rows with ``linked_at < T`` (by
  timestamp) or ``f_at < T`` (by arrival), exactly.
* ``first_sightings``: ``f_raw, f_user, f_ts, f_at, f_mid`` — per sender (the userId, else the
  anonymousId; ``f_user``: whether the call carried a userId), the calls that, in arrival
  order, were earlier (by timestamp) than every call of that sender and kind before them.
  When an id was first seen by the calls that had arrived at any moment is the earliest of
  those that had arrived (the first to arrive of the earliest calls is one of them), so a
  trigger's "seen first" reads them instead of the log (:func:`pqlkit.triggers.asof.earliest`).
* ``kept_cover``: ``covered`` — the events folded in are those with a ``rowid`` below it.
  The log is only ever appended to, and DuckDB numbers the rows a transaction appends on
  from the table's last when it commits (transactions in the order of their commits).

:func:`pairs` and :func:`sightings` give the kept rows together with those of the events
appended since the last fold (a server's, while it runs), so what a run reads is always the
log's, whenever it was folded. :func:`fold` brings both up to the log in one transaction:
after an import, when a store is opened for writing, and once when the tables are made
(migration 10). Other engines (Postgres, a warehouse read in place) read the log each time.
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
SIGHTINGS = "first_sightings"
COVER = "kept_cover"
_TABLES = {"pairs": PAIRS, "sightings": SIGHTINGS, "cover": COVER}
# DuckDB numbers the rows a transaction appended from 36,028,797,018,960,000 until it commits
# (then on from the table's last row, in the order of commits): no table has this many rows
LOCAL_ROWS = 1 << 50

_DDL = (
    "CREATE TABLE IF NOT EXISTS {pairs} (from_id VARCHAR NOT NULL, to_id VARCHAR NOT NULL, "
    "linked_at TIMESTAMP NOT NULL, f_at TIMESTAMP NOT NULL, f_mid VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {sightings} (f_raw VARCHAR NOT NULL, f_user BOOLEAN NOT NULL, "
    "f_ts TIMESTAMP NOT NULL, f_at TIMESTAMP NOT NULL, f_mid VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {cover} (covered BIGINT NOT NULL)",
)


def create(backend: SQLBackend) -> None:
    """Make the kept tables beside a DuckDB store's event log and fold the log into them."""
    if getattr(backend, "name", "") != "duckdb":
        return
    con, catalog = backend.con, _catalog(backend)
    refs = {name: _ref(catalog, table) for name, table in _TABLES.items()}
    for statement in _DDL:
        con.execute(statement.format(**refs))
    found = con.execute(f"SELECT count(*) FROM {refs['cover']}").fetchone()
    if not found or not found[0]:
        con.execute(f"INSERT INTO {refs['cover']} VALUES (0)")
    fold(backend)


def pairs(events: ir.Table) -> ir.Table | None:
    """The pairs of every call in ``events`` (``from_id, to_id, linked_at, f_at, f_mid``) when
    ``events`` is a DuckDB store's own log, kept; else ``None``."""
    backend = _kept_for(events)
    return None if backend is None else backend.sql(_pairs_sql(backend, _catalog(backend)))


def sightings(events: ir.Table) -> ir.Table | None:
    """The first sightings of every sender in ``events`` (``f_raw, f_user, f_ts, f_at,
    f_mid``) when ``events`` is a DuckDB store's own log, kept; else ``None``."""
    backend = _kept_for(events)
    return None if backend is None else backend.sql(_sightings_sql(backend, _catalog(backend)))


def fold(backend: SQLBackend) -> int:
    """Fold the events appended since the last fold into the kept tables; how many were folded.

    Runs in a transaction of its own on the store's connection (never inside one that appended
    rows it has not committed: those rows are numbered apart until the commit). Other engines
    keep nothing: nothing to do.
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
        raise RuntimeError("kept tables folded inside a transaction that appended events")
    if rows <= covered:
        return 0
    made = {
        PAIRS: _pairs_sql(backend, catalog, rows),
        SIGHTINGS: _sightings_sql(backend, catalog, rows),
    }
    con.execute("BEGIN TRANSACTION")
    try:
        for table, query in made.items():
            merged = f"_pql_{table}_{rows}"
            con.execute(f"CREATE TEMPORARY TABLE {merged} AS {query}")
            con.execute(f"DELETE FROM {_ref(catalog, table)}")
            con.execute(f"INSERT INTO {_ref(catalog, table)} BY NAME SELECT * FROM {merged}")
            con.execute(f"DROP TABLE {merged}")
        con.execute(f"UPDATE {_ref(catalog, COVER)} SET covered = ?", [rows])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return rows - covered


def _tail(backend: SQLBackend, catalog: str, upto: int | None) -> ir.Table:
    """The events past the cover (below ``upto``)."""
    below = "" if upto is None else f" AND rowid < {upto}"
    return backend.sql(
        f"SELECT * FROM {_ref(catalog, 'events')} "
        f"WHERE rowid >= (SELECT covered FROM {_ref(catalog, COVER)}){below}"
    )


def _pairs_sql(backend: SQLBackend, catalog: str, upto: int | None = None) -> str:
    """The kept pairs merged with those of the events past the cover."""
    tail = _tail(backend, catalog, upto)
    calls = link_calls(tail, ts=tail.timestamp, arrival=arrival_of(tail), mid=tail.message_id)
    return (
        "SELECT from_id, to_id, min(linked_at) AS linked_at, "
        "struct_extract(min(arrived), 'a') AS f_at, struct_extract(min(arrived), 'm') AS f_mid "
        f"FROM (SELECT from_id, to_id, linked_at, {{'a': f_at, 'm': f_mid}} AS arrived "
        f"FROM {_ref(catalog, PAIRS)} UNION ALL "
        f"SELECT from_id, to_id, ts, {{'a': arrival, 'm': mid}} FROM ({backend.compile(calls)})"
        ") GROUP BY from_id, to_id"
    )


def _sightings_sql(backend: SQLBackend, catalog: str, upto: int | None = None) -> str:
    """The kept first sightings with the calls past the cover, reduced to the first sightings:
    a call earlier than every call of its sender and kind that arrived before it."""
    from pqlkit.triggers.asof import CALL_COLUMNS, calls

    tail = _tail(backend, catalog, upto)
    sent = tail.mutate(raw=tail.user_id.coalesce(tail.anonymous_id), arrival=arrival_of(tail))
    said = calls(sent.filter(sent.raw.notnull()))
    columns = ", ".join(CALL_COLUMNS)
    # only a call that arrived by the first to arrive of the sender's earliest calls can be a
    # first sighting (that one is): the window orders those few, not every call
    return (
        f"WITH calls AS (SELECT {columns} FROM {_ref(catalog, SIGHTINGS)} UNION ALL "
        f"SELECT {columns} FROM ({backend.compile(said)})), "
        "lows AS (SELECT f_raw, f_user, min({'t': f_ts, 'a': f_at, 'm': f_mid}) AS low "
        "FROM calls GROUP BY f_raw, f_user), "
        "candidates AS (SELECT c.* FROM calls c JOIN lows l USING (f_raw, f_user) "
        "WHERE c.f_at < l.low.a OR (c.f_at = l.low.a AND c.f_mid <= l.low.m)) "
        f"SELECT {columns} FROM (SELECT *, min(f_ts) OVER (PARTITION BY f_raw, f_user "
        "ORDER BY f_at, f_mid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS seen_before "
        "FROM candidates) WHERE seen_before IS NULL OR f_ts < seen_before"
    )


def _kept_for(events: ir.Table) -> SQLBackend | None:
    """The backend of ``events`` when it is a DuckDB store's log with its tables kept."""
    import ibis.expr.operations as ops

    op = events.op()
    if not isinstance(op, ops.DatabaseTable) or op.name != "events":
        return None
    backend = events._find_backend()
    if getattr(backend, "name", "") != "duckdb":
        return None
    catalog = _catalog(backend)
    if not all(has_table(backend.con, catalog, name) for name in ("events", *_TABLES.values())):
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
