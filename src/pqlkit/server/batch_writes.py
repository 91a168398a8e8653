"""The reads and writes of one loaded batch, per kind of store.

:func:`unstored_rows` gives the loader the rows of a batch the store does not hold yet
(``fresh``, in arrival order); the loader passes them to the triggers and then, through the event
writer, to :func:`write_batch`, which stores them with the batch's rejects and log position in
the caller's transaction. On the embedded DuckDB store the server owns the file, and the loader
has counted every batch stored or on its way: ``fresh`` is appended as it is, with a few
parameterised statements over Arrow views (a loaded batch is usually small, and the planning
Ibis does per statement, ~10 ms each here, would be most of the time between an event's
acknowledgement and its alert). Other engines may have other writers, so their append checks
the messageIds again (:mod:`pqlkit.store.append`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.routing.sql import marks
from pqlkit.server.log import LogPosition
from pqlkit.store.append import DEDUPE_MARGIN, append_events
from pqlkit.store.schema import EVENT_COLUMNS
from pqlkit.store.transaction import execute

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.server.recent_ids import RecentIds
    from pqlkit.store.store import Store

CHECKPOINT_TABLE = "server_log_checkpoint"
_names = itertools.count()
# Up to this many ids are looked up by a list of parameters (0.5-0.7 ms on the serving
# benchmark's store) rather than as a registered Arrow table joined to the events (3.1-3.4 ms).
FEW_IDS = 100
# A staged row ``s`` whose messageId the store holds within the batch's dedupe bounds.
_STORED = (
    "EXISTS (SELECT 1 FROM events e WHERE e.message_id = s.message_id "
    "AND e.timestamp BETWEEN ? AND ?)"
)


def write_batch(
    store: Store,
    staged: pa.Table,
    fresh: pa.Table,
    rejects: pa.Table | None,
    log_id: str,
    reached: LogPosition,
    loaded_at: datetime,
    leftovers: list[str],
) -> int:
    """Insert the batch's new rows, its rejects and the checkpoint; how many rows were inserted.

    ``staged``: the batch's rows; ``fresh``: those :func:`unstored_rows` found new, as
    ``events`` rows. ``leftovers``: names of stage tables a failed batch could not drop (a
    failed statement aborts a Postgres transaction, and nothing more runs in it); the next
    batch drops them.
    """
    if store.is_duckdb:
        return _duckdb(store, fresh, rejects, log_id, reached, loaded_at)
    return _ibis(store, staged, rejects, log_id, reached, loaded_at, leftovers)


def unstored_rows(
    store: Store,
    staged: pa.Table,
    loaded_at: datetime,
    held: Callable[..., set[str]],
    recent: RecentIds | None = None,
) -> pa.Table:
    """The rows of ``staged`` the store will take, as ``events`` rows stamped ``loaded_at``,
    in arrival order: those whose messageId neither the store holds within ``DEDUPE_MARGIN``
    of the batch's times nor ``held(low, high)`` names (the batches on their way to it). A
    read: on the embedded store no checkpoint of the event log holds it up.

    With ``recent`` (the index of the recent ids, :mod:`pqlkit.server.recent_ids`), a batch it
    covers is checked against the index, and only the ids it may hold against the store; the
    rows found new are added to it.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from pqlkit.server import recent_ids

    if not staged.num_rows:
        return _as_events(staged, set(), loaded_at)
    low, high = dedupe_bounds(staged)
    if recent is not None and recent.covers(low):
        maybe = recent.maybe(recent_ids.hashes(staged["message_id"].to_pylist()))
        known: set[str] = set()
        if maybe.any():  # a retry, most likely: asked of the store by id
            candidates = staged.filter(pa.array(maybe))
            ids = set(candidates["message_id"].to_pylist())
            on_the_way = held(low, high) & ids  # first: a batch stored since is in the store
            known = on_the_way | stored_ids(store, candidates, (low, high))
        fresh = _as_events(staged, known, loaded_at)
    elif store.is_duckdb:  # one statement: the batch's path to its alerts is short
        fresh = _unstored_duckdb(store, staged, loaded_at, (low, high), held(low, high))
    else:
        on_the_way = held(low, high)  # first: a batch stored since is in the store
        fresh = _as_events(staged, on_the_way | stored_ids(store, staged, (low, high)), loaded_at)
    if recent is not None and fresh.num_rows:
        times = pc.cast(fresh["timestamp"], pa.int64()).to_numpy()
        recent.add(recent_ids.hashes(fresh["message_id"].to_pylist()), times, loaded_at)
    return fresh


def _as_events(staged: pa.Table, known: set[str], loaded_at: datetime) -> pa.Table:
    """``staged`` but the rows of the ``known`` messageIds, as ``events`` rows stamped
    ``loaded_at``, in arrival order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = staged
    if known:
        keep = pc.invert(pc.is_in(rows["message_id"], pa.array(list(known), pa.string())))
        rows = rows.filter(keep)
    stamp = pa.array([loaded_at] * rows.num_rows, pa.timestamp("us"))
    rows = rows.append_column("loaded_at", stamp).select(list(EVENT_COLUMNS))
    return rows.sort_by([("received_at", "ascending"), ("message_id", "ascending")])


def _unstored_duckdb(
    store: Store,
    staged: pa.Table,
    loaded_at: datetime,
    bounds: tuple[datetime, datetime],
    on_the_way: set[str],
) -> pa.Table:
    """:func:`unstored_rows` on the embedded store, without the index: one statement."""
    con = store.duckdb()
    name = f"_pql_fresh_{next(_names)}"
    con.register(name, staged)
    try:
        values = ", ".join(
            "?::TIMESTAMP AS loaded_at" if column == "loaded_at" else f's."{column}"'
            for column in EVENT_COLUMNS
        )
        return con.execute(
            f"SELECT {values} FROM {name} s WHERE NOT {_STORED} "
            "AND NOT list_contains(?::VARCHAR[], s.message_id) "
            "ORDER BY s.received_at, s.message_id",
            [loaded_at, *bounds, sorted(on_the_way)],
        ).to_arrow_table()
    finally:
        con.unregister(name)


def stored_ids(
    store: Store, rows: pa.Table, bounds: tuple[datetime, datetime] | None = None
) -> set[str]:
    """The messageIds of ``rows`` the store holds, by the rule of :func:`unstored_rows`
    (within the ``bounds`` of the batch they are from: by default, their own)."""
    if not rows.num_rows:
        return set()
    low, high = bounds or dedupe_bounds(rows)
    if store.is_duckdb and rows.num_rows <= FEW_IDS:  # a retry, a routed person's rows
        ids = rows["message_id"].to_pylist()
        found = (
            store.duckdb()
            .execute(
                "SELECT message_id FROM events WHERE timestamp BETWEEN ? AND ? "
                f"AND message_id IN ({marks(ids)})",
                [low, high, *ids],
            )
            .fetchall()
        )
        return {row[0] for row in found}
    if store.is_duckdb:
        con = store.duckdb()
        name = f"_pql_stored_{next(_names)}"
        con.register(name, rows.select(["message_id"]))
        try:
            found = con.execute(
                f"SELECT s.message_id FROM {name} s WHERE {_STORED}", [low, high]
            ).fetchall()
        finally:
            con.unregister(name)
        return {row[0] for row in found}
    events = store.events
    ids = rows["message_id"].to_pylist()
    known: set[str] = set()
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        within = events.filter(events.message_id.isin(chunk) & events.timestamp.between(low, high))
        known.update(within.select("message_id").to_pyarrow()["message_id"].to_pylist())
    return known


def dedupe_bounds(staged: pa.Table) -> tuple[datetime, datetime]:
    """The times within which a stored event's messageId makes a staged row a duplicate."""
    import pyarrow.compute as pc

    bounds = pc.min_max(staged["timestamp"]).as_py()
    return bounds["min"] - DEDUPE_MARGIN, bounds["max"] + DEDUPE_MARGIN


def _duckdb(
    store: Store,
    fresh: pa.Table,
    rejects: pa.Table | None,
    log_id: str,
    reached: LogPosition,
    loaded_at: datetime,
) -> int:
    con = store.duckdb()
    name = f"_pql_batch_{next(_names)}"
    views = []
    try:
        if fresh.num_rows:
            con.register(name, fresh)
            views.append(name)
            columns = ", ".join(f'"{column}"' for column in EVENT_COLUMNS)
            con.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM {name}")
        if rejects is not None:
            con.register(f"{name}_rejects", rejects)
            views.append(f"{name}_rejects")
            listed = ", ".join(f'"{column}"' for column in rejects.column_names)
            con.execute(f"INSERT INTO rejects ({listed}) SELECT {listed} FROM {name}_rejects")
        moved = con.execute(
            f"UPDATE {CHECKPOINT_TABLE} SET segment = ?, byte_offset = ?, loaded_at = ? "
            "WHERE log_id = ? RETURNING log_id",
            [reached.segment, reached.offset, loaded_at, log_id],
        ).fetchall()
        if not moved:  # the log's first batch
            con.execute(
                f"INSERT INTO {CHECKPOINT_TABLE} (log_id, segment, byte_offset, loaded_at) "
                "VALUES (?, ?, ?, ?)",
                [log_id, reached.segment, reached.offset, loaded_at],
            )
        return int(fresh.num_rows)
    finally:
        for view in views:
            con.unregister(view)


def _ibis(
    store: Store,
    staged: pa.Table,
    rejects: pa.Table | None,
    log_id: str,
    reached: LogPosition,
    loaded_at: datetime,
    leftovers: list[str],
) -> int:
    import pyarrow as pa

    inserted = 0
    stage = f"_pql_server_load_{next(_names)}"
    while leftovers:  # stages of failed batches, dropped in a transaction that works
        store.backend.drop_table(leftovers.pop(), force=True)
    if staged.num_rows:
        store.backend.create_table(stage, staged, temp=True, overwrite=True)
        leftovers.append(stage)
        inserted = append_events(store, store.table(stage), None)
    if rejects is not None:
        store.backend.insert("rejects", rejects)
    execute(store, f"DELETE FROM {CHECKPOINT_TABLE} WHERE log_id = '{log_id}'")
    store.backend.insert(
        CHECKPOINT_TABLE,
        pa.table(
            {
                "log_id": [log_id],
                "segment": pa.array([reached.segment], pa.int64()),
                "byte_offset": pa.array([reached.offset], pa.int64()),
                "loaded_at": pa.array([loaded_at], pa.timestamp("us")),
            }
        ),
    )
    if staged.num_rows:
        store.backend.drop_table(leftovers.pop(), force=True)
    return inserted
