"""What an embedded store keeps beside its event log: what every scoring run would otherwise
find by a pass over the whole log.

Identity is read from the log (:mod:`pqlkit.events.identity`), and every scoring run starts
from things a pass over the whole log finds (20M events: about a second each) for a few
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
* ``trait_calls``: ``f_raw, f_user, f_ts, f_mid, f_at, email, title, name`` — every call that
  gave a person an e-mail, a title or a name (:func:`pqlkit.triggers.asof.trait_calls`), what
  a trigger reads of who a person was when an event arrived. Appended to, never rewritten.
* ``group_calls``: ``group_id, timestamp, message_id, arrival, domain, website, traits`` —
  every ``group`` call (:func:`pqlkit.events.identity.group_calls`): which account claims a
  domain, when an account was first seen, and its traits (employees, industry…) as of any
  time. Appended to as well.
* ``sender_facts``: per sender, its first and last call, first sign-up, latest group and
  latest e-mail
  (:func:`pqlkit.events.identity.sender_facts` of the whole log). Each is a minimum, a maximum
  or the value at a maximum, so they merge exactly; as of T they are the log's for every id
  whose last call is before T (all of them when scoring now), and :func:`senders` reads the
  log's calls before T only for the others.
* ``rare_events``: every ``track`` event, all of its columns, whose name is rare in the log
  (``rare_names``: at most ``RARE_SHARE`` of the events when the name was last classified;
  ``event_counts``: each track name's count, summed at every fold). A name becomes rare at
  the fold that finds it at most 1 % of the log, its older events copied then, and stops
  being rare above twice that. What triggers and milestones look for (a paywall hit, an
  invitation, a purchase) is typically rare: reading 314k scattered hits out of 20M events
  decompresses nearly every block of every column read, the copy is a few percent of the log.
* ``sender_days``, ``sender_runs`` and ``event_days``: each sender's facts per UTC day, its
  runs of activity and its count of each track event per day, what a frame of many dates
  reads instead of the log (:mod:`pqlkit.store.kept_activity`).
* ``kept_cover``: ``covered`` — the events folded in are those with a ``rowid`` below it.
  The log is only ever appended to, and DuckDB numbers the rows a transaction appends on
  from the table's last when it commits (transactions in the order of their commits).

:func:`pairs`, :func:`sightings`, :func:`trait_calls`, :func:`group_calls`,
:func:`senders` and :func:`rare_events` give the kept rows
together with those of the events appended since the last fold (a server's, while it runs), so
what a run reads is always the log's, whenever it was folded. :func:`fold` brings them all up
to the log in one transaction: after an import, when a store is opened for writing, and when
the tables are made (migrations 10 to 13). Other engines (Postgres, a warehouse read in place)
read the log each time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pqlkit.events import identity
from pqlkit.events.identity import ACCOUNT_COLUMNS, link_calls, sender_facts
from pqlkit.store import kept_activity as activity
from pqlkit.store.connection import EVENTS_CATALOG, has_events_catalog, has_table
from pqlkit.store.kept_activity import EVENT_DAYS, SENDER_DAYS, SENDER_RUNS
from pqlkit.triggers.arrival import arrival_of

if TYPE_CHECKING:
    from datetime import datetime

    import ibis.expr.types as ir
    from ibis.backends.sql import SQLBackend

PAIRS = "linked_pairs"
SIGHTINGS = "first_sightings"
TRAIT_CALLS = "trait_calls"
GROUP_CALLS = "group_calls"
SENDERS = "sender_facts"
RARE_EVENTS = "rare_events"
RARE_NAMES = "rare_names"
EVENT_COUNTS = "event_counts"
COVER = "kept_cover"
_TABLES = {
    "pairs": PAIRS,
    "sightings": SIGHTINGS,
    "traits": TRAIT_CALLS,
    "groups": GROUP_CALLS,
    "senders": SENDERS,
    "rare": RARE_EVENTS,
    "rare_names": RARE_NAMES,
    "counts": EVENT_COUNTS,
    "days": SENDER_DAYS,
    "runs": SENDER_RUNS,
    "event_days": EVENT_DAYS,
    "cover": COVER,
}
RARE_SHARE = 0.01  # a track name this share of the log or less is kept apart (above 2x: not)
# DuckDB numbers the rows a transaction appended from 36,028,797,018,960,000 until it commits
# (then on from the table's last row, in the order of commits): no table has this many rows
LOCAL_ROWS = 1 << 50

_DDL = (
    "CREATE TABLE IF NOT EXISTS {pairs} (from_id VARCHAR NOT NULL, to_id VARCHAR NOT NULL, "
    "linked_at TIMESTAMP NOT NULL, f_at TIMESTAMP NOT NULL, f_mid VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {sightings} (f_raw VARCHAR NOT NULL, f_user BOOLEAN NOT NULL, "
    "f_ts TIMESTAMP NOT NULL, f_at TIMESTAMP NOT NULL, f_mid VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {traits} (f_raw VARCHAR NOT NULL, f_user BOOLEAN NOT NULL, "
    "f_ts TIMESTAMP NOT NULL, f_mid VARCHAR NOT NULL, f_at TIMESTAMP NOT NULL, email VARCHAR, "
    "title VARCHAR, name VARCHAR)",
    "CREATE TABLE IF NOT EXISTS {groups} (group_id VARCHAR NOT NULL, "
    '"timestamp" TIMESTAMP NOT NULL, message_id VARCHAR NOT NULL, arrival TIMESTAMP NOT NULL, '
    "domain VARCHAR, website VARCHAR, traits JSON)",
    "CREATE TABLE IF NOT EXISTS {senders} (sender VARCHAR NOT NULL, has_user BOOLEAN NOT NULL, "
    '"first" TIMESTAMP NOT NULL, "last" TIMESTAMP NOT NULL, signed TIMESTAMP, grp VARCHAR, '
    "grp_at TIMESTAMP, mail VARCHAR, mail_at TIMESTAMP)",
    "CREATE TABLE IF NOT EXISTS {rare} AS SELECT * FROM {events} LIMIT 0",
    "CREATE TABLE IF NOT EXISTS {rare_names} (event VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {counts} (event VARCHAR NOT NULL, n BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS {cover} (covered BIGINT NOT NULL)",
    *activity.DDL,
)


def create(backend: SQLBackend) -> None:
    """Make the kept tables beside a DuckDB store's event log and fold the log into them; a
    table added since the store was last folded is first filled from the events covered."""
    if getattr(backend, "name", "") != "duckdb":
        return
    con, catalog = backend.con, _catalog(backend)
    refs = {name: _ref(catalog, table) for name, table in {**_TABLES, "events": "events"}.items()}
    new = [table for table in _FOLDED if not has_table(con, catalog, table)]
    for statement in _DDL:
        con.execute(statement.format(**refs))
    found = con.execute(f"SELECT count(*) FROM {refs['cover']}").fetchone()
    if not found or not found[0]:
        con.execute(f"INSERT INTO {refs['cover']} VALUES (0)")
    covered = _covered(con, catalog)
    if covered and new:
        _in_transaction(con, lambda: _bring(backend, catalog, new, 0, covered))
    fold(backend)


def pairs(events: ir.Table) -> ir.Table | None:
    """The pairs of every call in ``events`` (``from_id, to_id, linked_at, f_at, f_mid``) when
    ``events`` is a DuckDB store's own log, kept; else ``None``."""
    backend = _kept_for(events)
    return None if backend is None else backend.sql(_pairs_sql(backend, _catalog(backend)))


def sightings(events: ir.Table) -> ir.Table | None:
    """The first sightings of every sender in ``events`` (``f_raw, f_user, f_ts, f_at,
    f_mid``) when ``events`` is a DuckDB store's own log, kept; else ``None``.

    With every call past the cover, not only its first sightings (reducing them costs more
    than reading them): the earliest of a sender's calls that had arrived by any moment is
    the same among them."""
    backend = _kept_for(events)
    if backend is None:
        return None
    return backend.sql(_sighting_calls_sql(backend, _catalog(backend)))


def trait_calls(events: ir.Table) -> ir.Table | None:
    """Every call in ``events`` that gave a person an e-mail, title or name
    (:func:`pqlkit.triggers.asof.trait_calls`) when ``events`` is a DuckDB store's own log,
    kept; else ``None``."""
    backend = _kept_for(events)
    if backend is None:
        return None
    catalog = _catalog(backend)
    columns = ", ".join(_TRAIT_COLUMNS)
    return backend.sql(
        f"SELECT {columns} FROM {_ref(catalog, TRAIT_CALLS)} UNION ALL "
        f"SELECT {columns} FROM ({_trait_calls_sql(backend, catalog)})"
    )


def group_calls(events: ir.Table) -> ir.Table | None:
    """Every group call in ``events`` (:func:`pqlkit.events.identity.group_calls`, with
    ``message_id``, ``arrival`` and ``traits``) when ``events`` is a DuckDB store's own log,
    kept; else ``None``."""
    backend = _kept_for(events)
    if backend is None:
        return None
    catalog = _catalog(backend)
    columns = ", ".join(f'"{c}"' for c in _GROUP_COLUMNS)
    return backend.sql(
        f"SELECT {columns} FROM {_ref(catalog, GROUP_CALLS)} UNION ALL "
        f"SELECT {columns} FROM ({_group_calls_sql(backend, catalog)})"
    )


def senders(events: ir.Table, as_of: datetime) -> ir.Table | None:
    """:func:`~pqlkit.events.identity.sender_facts` of ``events`` before ``as_of`` when
    ``events`` is a DuckDB store's own log: the kept facts of the ids whose last call is
    before ``as_of``, and the log's calls before it for the others (none when scoring now: no
    pass over the log); else ``None``."""
    import ibis

    backend = _kept_for(events)
    if backend is None:
        return None
    every = backend.sql(_senders_sql(backend, _catalog(backend)))
    moment = ibis.literal(as_of, type="timestamp")
    quiet = every.filter(every["last"] < moment)
    active = every.filter(every["last"] >= moment).select(a_sender="sender", a_user="has_user")
    calls = events.select(*ACCOUNT_COLUMNS).filter(events.timestamp < moment)
    calls = calls.semi_join(
        active,
        [
            calls.user_id.coalesce(calls.anonymous_id) == active.a_sender,
            calls.user_id.notnull() == active.a_user,
        ],
    )
    return ibis.union(quiet, sender_facts(calls), distinct=False)


def sender_days(events: ir.Table) -> ir.Table | None:
    """Each sender's facts per UTC day (:mod:`pqlkit.store.kept_activity`) when ``events`` is a
    DuckDB store's own log: the kept days with those of the calls past the cover (a key may
    come twice); else ``None``."""
    return _with_tail(events, SENDER_DAYS, activity.days)


def sender_runs(events: ir.Table) -> ir.Table | None:
    """Each sender's runs of activity (:mod:`pqlkit.events.runs`, at
    :data:`~pqlkit.events.runs.RUN_GAP`) when ``events`` is a DuckDB store's own log: the
    kept runs, chained again with the calls past the cover; else ``None``."""
    return _with_tail(events, SENDER_RUNS, activity.runs)


def event_days(events: ir.Table) -> ir.Table | None:
    """Each sender's count of each track event per UTC day (:mod:`pqlkit.store.kept_activity`)
    when ``events`` is a DuckDB store's own log: the kept counts with those of the calls past
    the cover (a key may come twice); else ``None``."""
    return _with_tail(events, EVENT_DAYS, activity.event_days)


def _with_tail(
    events: ir.Table, table: str, merge: Callable[[ir.Table, ir.Table], ir.Table]
) -> ir.Table | None:
    """``merge`` of the kept ``table`` and the calls past the cover, on a store's own log."""
    backend = _kept_for(events)
    if backend is None:
        return None
    catalog = _catalog(backend)
    return merge(backend.sql(f"SELECT * FROM {_ref(catalog, table)}"), _tail(backend, catalog))


@dataclass(frozen=True)
class RareEvents:
    """The ``track`` events of the log whose name is rare or was never counted (every
    column): the kept ones and the log's past the cover. ``names``: the rare names;
    ``counted``: every name the counts have seen."""

    table: ir.Table
    names: frozenset[str]
    counted: frozenset[str]

    def hold(self, names: Iterable[str]) -> bool:
        """Whether ``table`` has every event of these names: each is rare or never counted
        (a name first seen past the cover is read there)."""
        return not (set(names) & self.counted) - self.names


def rare_events(events: ir.Table) -> RareEvents | None:
    """The events of rare names (:class:`RareEvents`) when ``events`` is a DuckDB store's own
    log; else ``None``. A reader that wants only events of names it :meth:`~RareEvents.hold`
    reads them here, and still tests the names itself."""
    backend = _kept_for(events)
    if backend is None:
        return None
    catalog, con = _catalog(backend), backend.con
    names = frozenset(
        str(n) for (n,) in con.execute(f"SELECT event FROM {_ref(catalog, RARE_NAMES)}").fetchall()
    )
    counted = frozenset(
        str(n)
        for (n,) in con.execute(f"SELECT event FROM {_ref(catalog, EVENT_COUNTS)}").fetchall()
    )
    tail = _tail(backend, catalog)
    named = tail.event.isin(sorted(names)) | ~tail.event.isin(sorted(counted))
    tail = tail.filter((tail.type == "track") & named)
    kept = backend.sql(f"SELECT * FROM {_ref(catalog, RARE_EVENTS)}")
    return RareEvents(kept.union(tail.select(*kept.columns)), names, counted)


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
    covered = _covered(con, catalog)
    found = con.execute(
        f"SELECT coalesce(max(rowid) + 1, 0) FROM {_ref(catalog, 'events')}"
    ).fetchone()
    assert found is not None
    rows = int(found[0])
    if rows >= LOCAL_ROWS:
        raise RuntimeError("kept tables folded inside a transaction that appended events")
    if rows <= covered:
        return 0

    def bring() -> None:
        _bring(backend, catalog, _FOLDED, covered, rows)
        con.execute(f"UPDATE {_ref(catalog, COVER)} SET covered = ?", [rows])

    _in_transaction(con, bring)
    return rows - covered


_FOLDED = (
    PAIRS,
    SIGHTINGS,
    TRAIT_CALLS,
    GROUP_CALLS,
    SENDERS,
    RARE_EVENTS,
    SENDER_DAYS,
    SENDER_RUNS,
    EVENT_DAYS,
)
_APPENDED = (TRAIT_CALLS, GROUP_CALLS)  # a row per call: the new calls are added to the rest
_MERGED = {  # the rows of the keys touched, replaced
    SENDER_DAYS: activity.fold_days,
    SENDER_RUNS: activity.fold_runs,
    EVENT_DAYS: activity.fold_event_days,
}
_TRAIT_COLUMNS = ("f_raw", "f_user", "f_ts", "f_mid", "f_at", "email", "title", "name")
_GROUP_COLUMNS = ("group_id", "timestamp", "message_id", "arrival", "domain", "website", "traits")


def _bring(backend: SQLBackend, catalog: str, tables: Sequence[str], start: int, upto: int) -> None:
    """Fold the events with ``start <= rowid < upto`` into ``tables``."""
    con = backend.con
    made = {
        PAIRS: lambda: _pairs_sql(backend, catalog, start, upto),
        SIGHTINGS: lambda: _sightings_sql(backend, catalog, start, upto),
        TRAIT_CALLS: lambda: _trait_calls_sql(backend, catalog, start, upto),
        GROUP_CALLS: lambda: _group_calls_sql(backend, catalog, start, upto),
        SENDERS: lambda: _senders_sql(backend, catalog, start, upto),
    }
    for table in tables:
        if table == RARE_EVENTS:
            _bring_rare(con, catalog, start, upto)
            continue
        if table in _MERGED:
            _MERGED[table](backend, _ref(catalog, table), _tail(backend, catalog, start, upto))
            continue
        query = made[table]()
        if table in _APPENDED:
            con.execute(f"INSERT INTO {_ref(catalog, table)} BY NAME {query}")
            continue
        merged = f"_pql_{table}_{upto}"
        con.execute(f"CREATE TEMPORARY TABLE {merged} AS {query}")
        con.execute(f"DELETE FROM {_ref(catalog, table)}")
        con.execute(f"INSERT INTO {_ref(catalog, table)} BY NAME SELECT * FROM {merged}")
        con.execute(f"DROP TABLE {merged}")


def _bring_rare(con: Any, catalog: str, start: int, upto: int) -> None:
    """Fold the events with ``start <= rowid < upto`` into the rare events: count each track
    name, classify the names again (rare at ``RARE_SHARE`` of the log or less, no longer at
    more than twice that), drop the events of names no longer rare, copy the older events of
    names newly rare, and add the new events of every rare name."""
    events, counts = _ref(catalog, "events"), _ref(catalog, EVENT_COUNTS)
    rare, names = _ref(catalog, RARE_EVENTS), _ref(catalog, RARE_NAMES)
    span = f"rowid >= {start} AND rowid < {upto}"
    if not start:  # made from the whole log: nothing counted or copied before counts
        for table in (counts, rare, names):
            con.execute(f"DELETE FROM {table}")
    merged = f"_pql_counts_{upto}"
    con.execute(
        f"CREATE TEMPORARY TABLE {merged} AS SELECT event, sum(n)::BIGINT AS n FROM ("
        f"SELECT event, n FROM {counts} UNION ALL SELECT event, count(*) FROM {events} "
        f"WHERE {span} AND type = 'track' AND event IS NOT NULL GROUP BY event) GROUP BY event"
    )
    con.execute(f"DELETE FROM {counts}")
    con.execute(f"INSERT INTO {counts} SELECT event, n FROM {merged}")
    con.execute(f"DROP TABLE {merged}")
    tally = dict(con.execute(f"SELECT event, n FROM {counts}").fetchall())
    were = {name for (name,) in con.execute(f"SELECT event FROM {names}").fetchall()}
    are = {e for e in were if tally.get(e, 0) <= 2 * RARE_SHARE * upto} | {
        e for e, n in tally.items() if n <= RARE_SHARE * upto
    }
    if were - are:
        con.execute(f"DELETE FROM {rare} WHERE event IN (SELECT unnest(?))", [sorted(were - are)])
    if start and are - were:  # the older events of names rare from now on
        con.execute(
            f"INSERT INTO {rare} SELECT * FROM {events} WHERE rowid < {start} "
            "AND type = 'track' AND event IN (SELECT unnest(?))",
            [sorted(are - were)],
        )
    if are:
        con.execute(
            f"INSERT INTO {rare} SELECT * FROM {events} WHERE {span} "
            "AND type = 'track' AND event IN (SELECT unnest(?))",
            [sorted(are)],
        )
    con.execute(f"DELETE FROM {names}")
    if are:
        con.execute(f"INSERT INTO {names} SELECT unnest(?)", [sorted(are)])


def _in_transaction(con: Any, work: Callable[[], None]) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        work()
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _covered(con: Any, catalog: str) -> int:
    found = con.execute(f"SELECT covered FROM {_ref(catalog, COVER)}").fetchone()
    assert found is not None
    return int(found[0])


def _tail(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> ir.Table:
    """The events past the cover (from ``start`` and below ``upto`` when given)."""
    first = f"(SELECT covered FROM {_ref(catalog, COVER)})" if start is None else str(start)
    below = "" if upto is None else f" AND rowid < {upto}"
    return backend.sql(f"SELECT * FROM {_ref(catalog, 'events')} WHERE rowid >= {first}{below}")


def _pairs_sql(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> str:
    """The kept pairs merged with those of the events past the cover."""
    tail = _tail(backend, catalog, start, upto)
    calls = link_calls(tail, ts=tail.timestamp, arrival=arrival_of(tail), mid=tail.message_id)
    return (
        "SELECT from_id, to_id, min(linked_at) AS linked_at, "
        "struct_extract(min(arrived), 'a') AS f_at, struct_extract(min(arrived), 'm') AS f_mid "
        f"FROM (SELECT from_id, to_id, linked_at, {{'a': f_at, 'm': f_mid}} AS arrived "
        f"FROM {_ref(catalog, PAIRS)} UNION ALL "
        f"SELECT from_id, to_id, ts, {{'a': arrival, 'm': mid}} FROM ({backend.compile(calls)})"
        ") GROUP BY from_id, to_id"
    )


def _sighting_calls_sql(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> str:
    """The kept first sightings with every call past the cover."""
    from pqlkit.triggers.asof import CALL_COLUMNS, calls

    tail = _tail(backend, catalog, start, upto)
    sent = tail.mutate(raw=tail.user_id.coalesce(tail.anonymous_id), arrival=arrival_of(tail))
    said = calls(sent.filter(sent.raw.notnull()))
    columns = ", ".join(CALL_COLUMNS)
    return (
        f"SELECT {columns} FROM {_ref(catalog, SIGHTINGS)} UNION ALL "
        f"SELECT {columns} FROM ({backend.compile(said)})"
    )


def _sightings_sql(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> str:
    """The kept first sightings with the calls past the cover, reduced to the first sightings:
    a call earlier than every call of its sender and kind that arrived before it."""
    from pqlkit.triggers.asof import CALL_COLUMNS

    columns = ", ".join(CALL_COLUMNS)
    # only a call that arrived by the first to arrive of the sender's earliest calls can be a
    # first sighting (that one is): the window orders those few, not every call
    return (
        f"WITH calls AS ({_sighting_calls_sql(backend, catalog, start, upto)}), "
        "lows AS (SELECT f_raw, f_user, min({'t': f_ts, 'a': f_at, 'm': f_mid}) AS low "
        "FROM calls GROUP BY f_raw, f_user), "
        "candidates AS (SELECT c.* FROM calls c JOIN lows l USING (f_raw, f_user) "
        "WHERE c.f_at < l.low.a OR (c.f_at = l.low.a AND c.f_mid <= l.low.m)) "
        f"SELECT {columns} FROM (SELECT *, min(f_ts) OVER (PARTITION BY f_raw, f_user "
        "ORDER BY f_at, f_mid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS seen_before "
        "FROM candidates) WHERE seen_before IS NULL OR f_ts < seen_before"
    )


def _trait_calls_sql(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> str:
    """The calls past the cover that gave a person an e-mail, a title or a name."""
    from pqlkit.triggers.asof import trait_calls

    tail = _tail(backend, catalog, start, upto)
    said = trait_calls(
        tail.mutate(raw=tail.user_id.coalesce(tail.anonymous_id), arrival=arrival_of(tail)),
        names=True,
    )
    said = said.filter(said.email.notnull() | said.title.notnull() | said["name"].notnull())
    return str(backend.compile(said.select(*_TRAIT_COLUMNS)))


def _group_calls_sql(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> str:
    """The group calls past the cover."""
    tail = _tail(backend, catalog, start, upto)
    calls = identity.group_calls(
        tail, message_id=tail.message_id, arrival=arrival_of(tail), traits=tail.traits
    )
    return str(backend.compile(calls.select(*_GROUP_COLUMNS)))


def _senders_sql(
    backend: SQLBackend, catalog: str, start: int | None = None, upto: int | None = None
) -> str:
    """The kept facts of each sender merged with those of the events past the cover."""
    facts = sender_facts(_tail(backend, catalog, start, upto))
    return (
        'SELECT sender, has_user, min("first") AS "first", max("last") AS "last", '
        "min(signed) AS signed, arg_max(grp, grp_at) AS grp, max(grp_at) AS grp_at, "
        "arg_max(mail, mail_at) AS mail, max(mail_at) AS mail_at "
        f"FROM (SELECT * FROM {_ref(catalog, SENDERS)} UNION ALL BY NAME "
        f"SELECT * FROM ({backend.compile(facts)})) GROUP BY sender, has_user"
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
