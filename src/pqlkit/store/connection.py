"""Open the store: an Ibis connection chosen by URL.

``--db`` (or ``PQLKIT_DB``) takes a path to an embedded DuckDB file (the default,
``pqlkit.duckdb``) or any Ibis URL (``duckdb://…``, ``postgres://…``). The store is migrated to
the current schema when it is opened for writing.

An embedded store is two files: ``pqlkit.duckdb`` and, beside it, ``pqlkit.events.duckdb`` with
the event log (events, rejects, ingest runs, the server's log checkpoint), attached as the
catalog ``pql_events`` and found by unqualified names through the connection's search path.
DuckDB checkpoints each file on its own, and a checkpoint blocks every write to its file for
its duration (0.7-0.9 s at times when a server appends 35,000 events a second): in a file of their
own, the events' checkpoints do not hold up the alerts, their outbox rows and the ledger.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pqlkit.errors import ConfigError, StoreBusyError, StoreError
from pqlkit.store import server_lock

if TYPE_CHECKING:
    import duckdb
    from ibis.backends.sql import SQLBackend

DEFAULT_DB = "pqlkit.duckdb"
ENV_VAR = "PQLKIT_DB"
EVENTS_CATALOG = "pql_events"  # the attached file of an embedded store's event log


@dataclass(frozen=True)
class StoreLocation:
    """Where the store is: an embedded DuckDB file, or another engine's URL."""

    url: str
    path: Path | None  # the DuckDB file, when the store is embedded

    @property
    def embedded(self) -> bool:
        return self.path is not None

    @property
    def files(self) -> tuple[Path, ...]:
        """The files of an embedded store (what to copy to copy it)."""
        if self.path is None:
            return ()
        return (self.path, events_file(self.path))

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else _redact(self.url)


def events_file(path: Path) -> Path:
    """Where the event log of the store file ``path`` is: ``x.duckdb`` → ``x.events.duckdb``."""
    if path.suffix:
        return path.with_name(f"{path.stem}.events{path.suffix}")
    return path.with_name(f"{path.name}.events")


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


def locate(db: str | os.PathLike[str] | None = None) -> StoreLocation:
    """Resolve ``--db`` / ``PQLKIT_DB`` / the default into a location."""
    raw = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_DB
    if raw.startswith("duckdb://"):
        rest = raw.removeprefix("duckdb://")
        if rest in ("", ":memory:", "/:memory:"):
            return StoreLocation(url="duckdb://:memory:", path=None)
        return StoreLocation(url=raw, path=Path(rest).expanduser().resolve())
    if "://" in raw:
        scheme = raw.split("://", 1)[0]
        if not scheme.replace("+", "").isalnum():
            raise ConfigError(f"--db: {raw!r} is neither a file path nor an engine URL")
        return StoreLocation(url=raw, path=None)
    if raw == ":memory:":
        return StoreLocation(url="duckdb://:memory:", path=None)
    path = Path(raw).expanduser().resolve()
    return StoreLocation(url=f"duckdb://{path}", path=path)


def connect(location: StoreLocation, *, read_only: bool = False) -> SQLBackend:
    """An Ibis backend for the location; UTC session time zone on every engine."""
    import ibis

    if location.url == "duckdb://:memory:":
        backend = ibis.duckdb.connect(":memory:")
        backend.raw_sql(f"ATTACH ':memory:' AS {EVENTS_CATALOG}")
    elif location.path is not None:
        if read_only and not location.path.exists():
            raise StoreError(
                f"no store at {location.path}: import events first (pql ingest) "
                "or point --db at an existing store"
            )
        location.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            backend = ibis.duckdb.connect(str(location.path), read_only=read_only)
        except Exception as exc:  # duckdb.IOException; duckdb is imported lazily
            if "lock" in str(exc).lower():
                owner = server_lock.describe_owner(location.path)
                raise StoreBusyError(str(location.path), owner) from None
            raise StoreError(f"cannot open the store {location.path}: {exc}") from None
        attach_events(backend, location.path, read_only=read_only)
    else:
        try:
            backend = ibis.connect(location.url)
        except Exception as exc:
            raise StoreError(f"cannot connect to {location}: {exc}") from None
    session_defaults(backend)
    return backend


def attach_events(backend: SQLBackend, path: Path, *, read_only: bool) -> None:
    """Attach the event log file beside the store file ``path`` (created when writing).

    A store opened read-only that has no such file yet (its schema is older) is left as it
    is: opening it says to migrate it."""
    events = events_file(path)
    if read_only and not events.exists():
        return
    mode = " (READ_ONLY)" if read_only else ""
    try:
        backend.raw_sql(f"ATTACH '{_quoted(str(events))}' AS {EVENTS_CATALOG}{mode}")
    except Exception as exc:
        if "lock" in str(exc).lower():
            owner = server_lock.describe_owner(path)
            raise StoreBusyError(str(events), owner) from None
        raise StoreError(f"cannot open the store's event log {events}: {exc}") from None


def _quoted(text: str) -> str:
    return text.replace("'", "''")


def session_defaults(backend: object) -> None:
    """UTC everywhere; DuckDB never draws its own progress bar (the core never prints), and
    finds the event log's tables by their plain names (a setting of each connection)."""
    name = getattr(backend, "name", "")
    if name == "duckdb":
        from pqlkit.compile import duckdb_rules

        duckdb_rules.install()
        backend.raw_sql("SET TimeZone = 'UTC'")  # type: ignore[attr-defined]
        backend.raw_sql("SET enable_progress_bar = true")  # type: ignore[attr-defined]
        backend.raw_sql("SET enable_progress_bar_print = false")  # type: ignore[attr-defined]
        if has_events_catalog(backend.con):  # type: ignore[attr-defined]
            backend.raw_sql(  # type: ignore[attr-defined]
                f"SET search_path = 'main,{EVENTS_CATALOG}.main'"
            )
    elif name == "postgres":
        backend.raw_sql("SET TIME ZONE 'UTC'")  # type: ignore[attr-defined]


def another_connection(backend: SQLBackend) -> SQLBackend:
    """A second connection to an embedded store's database (a DuckDB cursor: its attached event
    log, its settings made again), for another thread: one DuckDB connection runs one query at a
    time. It sees what the first has committed, not its temporary tables."""
    import ibis

    other = ibis.duckdb.from_connection(backend.con.cursor())
    session_defaults(other)
    return other


def has_events_catalog(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the embedded store's event log file is attached to ``con``."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_databases() WHERE database_name = ?", [EVENTS_CATALOG]
    ).fetchone()
    return bool(found and found[0])


def has_table(con: duckdb.DuckDBPyConnection, database: str, table: str) -> bool:
    """Whether the attached ``database`` of ``con`` has ``table`` in its main schema."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND table_name = ? "
        "AND schema_name = 'main'",
        [database, table],
    ).fetchone()
    return bool(found and found[0])
