"""Versioned schema migrations, applied in order when a store is opened for writing.

Each migration has a number and a function of the Ibis backend; the applied numbers are kept
in ``pqlkit_migrations``. Add a migration at the end, never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pqlkit.store import schema

if TYPE_CHECKING:
    from ibis.backends.sql import SQLBackend

MIGRATIONS_TABLE = "pqlkit_migrations"


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[SQLBackend], None]


def _create_event_log(backend: SQLBackend) -> None:
    backend.create_table("events", schema=schema.EVENTS)
    backend.create_table("ingest_runs", schema=schema.INGEST_RUNS)
    backend.create_table("rejects", schema=schema.REJECTS)
    backend.create_table("entity_tables", schema=schema.ENTITY_TABLES)


def _create_scores_ledger(backend: SQLBackend) -> None:
    backend.create_table("scores_ledger", schema=schema.SCORES_LEDGER)
    backend.create_table("breakdowns", schema=schema.BREAKDOWNS)


def _create_server_tables(backend: SQLBackend) -> None:
    backend.create_table("api_keys", schema=schema.API_KEYS)
    backend.create_table("server_log_checkpoint", schema=schema.SERVER_LOG_CHECKPOINT)


def _create_alerts(backend: SQLBackend) -> None:
    backend.create_table("alerts", schema=schema.ALERTS_V4)


def _create_outbox(backend: SQLBackend) -> None:
    """Written as SQL: the primary key is what makes enqueuing the same key twice a no-op
    (``INSERT … ON CONFLICT DO NOTHING``), and ibis creates tables without constraints."""
    if getattr(backend, "name", "") != "postgres":
        backend.raw_sql(schema.OUTBOX_DDL)  # DuckDB answers with its connection: keep it open
        return
    for statement in (
        schema.OUTBOX_DDL,
        "CREATE INDEX outbox_due ON outbox (status, destination, next_attempt_at)",
    ):
        backend.raw_sql(statement).close()


def _create_feedback(backend: SQLBackend) -> None:
    backend.create_table("feedback", schema=schema.FEEDBACK)


def _create_routing(backend: SQLBackend) -> None:
    backend.create_table("account_owners", schema=schema.ACCOUNT_OWNERS)
    backend.create_table("assignments", schema=schema.ASSIGNMENTS)
    backend.create_table("routing_cursors", schema=schema.ROUTING_CURSORS)


def _create_crm_read_back(backend: SQLBackend) -> None:
    """The CRM's touches and sync cursors; where an alert's first touch came from."""
    backend.create_table("crm_touches", schema=schema.CRM_TOUCHES)
    backend.create_table("crm_syncs", schema=schema.CRM_SYNCS)
    statement = "ALTER TABLE alerts ADD COLUMN first_touch_source VARCHAR"
    if getattr(backend, "name", "") != "postgres":
        backend.raw_sql(statement)
    else:
        backend.raw_sql(statement).close()


EVENT_LOG_TABLES = ("events", "rejects", "ingest_runs", "server_log_checkpoint")


def _event_log_apart(backend: SQLBackend) -> None:
    """An embedded store's event log moves to its own file (see :mod:`pqlkit.store.connection`).

    Each table is copied, then dropped from the main file: a crash between the two leaves the
    main file's table, and the next run copies it again. Other engines keep one database."""
    from pqlkit.store.connection import EVENTS_CATALOG, has_events_catalog, has_table

    if getattr(backend, "name", "") != "duckdb":
        return
    con = backend.con
    if not has_events_catalog(con):
        return
    main = backend.current_catalog
    for table in EVENT_LOG_TABLES:
        if not has_table(con, main, table):
            continue
        con.execute(
            f'CREATE OR REPLACE TABLE {EVENTS_CATALOG}.main."{table}" AS '
            f'SELECT * FROM "{main}".main."{table}"'
        )
        con.execute(f'DROP TABLE "{main}".main."{table}"')


def _keep_identity(backend: SQLBackend) -> None:
    """See :mod:`pqlkit.store.kept`: made and filled from the log on DuckDB (a table added
    since the tables were made, from the events they cover)."""
    from pqlkit.store import kept

    kept.create(backend)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "event log, ingest runs, rejects and entity tables", _create_event_log),
    Migration(2, "scores ledger and breakdowns", _create_scores_ledger),
    Migration(3, "API keys and the ingest server's log checkpoint", _create_server_tables),
    Migration(4, "alerts from triggers", _create_alerts),
    Migration(5, "the outbox of deliveries to destinations", _create_outbox),
    Migration(6, "sales feedback", _create_feedback),
    Migration(7, "account owners, lead assignments and round-robin cursors", _create_routing),
    Migration(
        8,
        "CRM read-back: touches, sync cursors, an alert's first-touch source",
        _create_crm_read_back,
    ),
    Migration(
        9,
        "the embedded store's event log in a file of its own (its checkpoints block no alert)",
        _event_log_apart,
    ),
    Migration(
        10,
        "the log's linked pairs and first sightings kept beside it (embedded store)",
        _keep_identity,
    ),
    Migration(
        11,
        "the calls giving people's traits, the group calls, each sender's facts kept too",
        _keep_identity,
    ),
    Migration(
        12,
        "the track events of rare names kept apart (what triggers and milestones look for)",
        _keep_identity,
    ),
    Migration(
        13,
        "each sender's facts per day and runs of activity kept (dates' members and sessions)",
        _keep_identity,
    ),
    Migration(
        14,
        "each sender's count of each track event per day kept (counts at many dates)",
        _keep_identity,
    ),
)

CURRENT_VERSION = MIGRATIONS[-1].version


def applied_version(backend: SQLBackend) -> int:
    if MIGRATIONS_TABLE not in backend.list_tables():
        return 0
    value = backend.table(MIGRATIONS_TABLE).version.max().execute()
    return int(value) if value is not None else 0


def migrate(backend: SQLBackend) -> list[Migration]:
    """Bring the store to the current schema; return the migrations applied now."""
    import ibis

    if MIGRATIONS_TABLE not in backend.list_tables():
        backend.create_table(
            MIGRATIONS_TABLE,
            schema=ibis.schema(
                {"version": "int64", "description": "string", "applied_at": "timestamp"}
            ),
        )
    current = applied_version(backend)
    done = []
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        migration.apply(backend)
        backend.insert(
            MIGRATIONS_TABLE,
            [
                {
                    "version": migration.version,
                    "description": migration.description,
                    "applied_at": datetime.now(UTC).replace(tzinfo=None),
                }
            ],
        )
        done.append(migration)
    return done
