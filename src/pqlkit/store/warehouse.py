"""Warehouse mode: score the tables Segment's warehouse destination writes, where they are.

Segment (and RudderStack) load every call into a schema per source: ``tracks`` (one row per
track call, no properties), one table per event named by the event's slug (``paywall_hit``)
with each property as a column, ``identifies`` and ``groups`` with each trait as a column,
``pages``, ``screens`` and ``aliases``. :func:`segment_events` reads such a schema as pqlkit's
``events`` relation — one ``UNION ALL`` query, nothing copied — so every model runs on it
unchanged:

- track calls come from the per-event tables (``event_text`` is the event's name, the other
  columns its properties); ``tracks`` rows of events without a table of their own come
  without properties;
- identifies and groups carry their trait columns as ``traits``; pages and screens their
  property columns as ``properties``; ``context_*`` columns become ``context``;
- ``id`` is the messageId; tz-aware timestamps are read in UTC (the session's zone).

Property and trait keys are the warehouse's column names: Segment writes them in snake_case
and flattens nested objects with ``_`` (``plan.name`` → ``plan_name``), so a model reading such
a key uses that spelling.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from pqlkit.errors import ConfigError
from pqlkit.store.schema import EVENT_COLUMNS, EVENTS

if TYPE_CHECKING:
    import ibis.expr.datatypes as dt
    import ibis.expr.types as ir
    from ibis.backends.sql import SQLBackend
    from sqlglot import exp

Catalog = Mapping[str, Mapping[str, "dt.DataType"]]  # table → column → type

CALL_TABLES = {
    "identifies": "identify",
    "groups": "group",
    "pages": "page",
    "screens": "screen",
    "aliases": "alias",
}
# Columns Segment writes on every table: never properties or traits.
SEGMENT_COLUMNS = frozenset(
    {
        "id",
        "received_at",
        "sent_at",
        "timestamp",
        "original_timestamp",
        "uuid_ts",
        "loaded_at",
        "user_id",
        "anonymous_id",
        "event",
        "event_text",
        "group_id",
        "previous_id",
        "channel",
    }
)
DIALECTS = ("duckdb", "postgres", "pyspark", "snowflake", "bigquery")


def segment_events(backend: SQLBackend, schema: str | None = None) -> ir.Table:
    """Segment's warehouse tables in ``schema`` as pqlkit's events relation (a query, no copy)."""
    names = backend.list_tables(database=schema) if schema else backend.list_tables()
    catalog = {
        name: dict(backend.table(name, database=schema).schema().items())
        for name in names
        if name in CALL_TABLES or name == "tracks" or not name.startswith(("_", "pql"))
    }
    dialect = backend.name
    sql = events_sql(catalog, schema, dialect)
    return backend.sql(sql, schema=EVENTS, dialect=_sqlglot_dialect(dialect))


@contextmanager
def open_segment(url: str, schema: str | None = None) -> Iterator[ir.Table]:
    """Connect read-only to the warehouse at ``url`` and yield its Segment events."""
    from pqlkit.store.connection import connect, locate

    backend = connect(locate(url), read_only=True)
    try:
        yield segment_events(backend, schema)
    finally:
        disconnect = getattr(backend, "disconnect", None)
        if disconnect is not None:
            disconnect()


def events_sql(catalog: Catalog, schema: str | None, dialect: str) -> str:
    """The ``UNION ALL`` query over a Segment schema described by ``catalog``."""
    from sqlglot import exp

    if dialect not in DIALECTS:
        raise ConfigError(
            f"warehouse mode reads Segment tables on {', '.join(DIALECTS)}, not {dialect}"
        )
    event_tables = sorted(
        name
        for name, columns in catalog.items()
        if name != "tracks" and {"id", "event", "event_text", "timestamp"} <= set(columns)
    )
    selects: list[exp.Select] = []
    for name in event_tables:
        selects.append(_select(catalog, schema, name, "track", dialect))
    if "tracks" in catalog:
        tracks = _select(catalog, schema, "tracks", "track", dialect, properties=False)
        if event_tables:
            slugs = [exp.Literal.string(name) for name in event_tables]
            tracks = tracks.where(exp.not_(exp.column("event", quoted=True).isin(*slugs)))
        selects.append(tracks)
    for name, call in CALL_TABLES.items():
        if name in catalog:
            selects.append(_select(catalog, schema, name, call, dialect))
    if not selects:
        where = f"schema {schema!r}" if schema else "the default schema"
        raise ConfigError(
            f"no Segment tables in {where}: expected tracks, identifies, groups, pages, "
            "aliases or per-event tables (check --schema)"
        )
    query: exp.Query = selects[0]
    for select in selects[1:]:
        query = exp.union(query, select, distinct=False)
    return query.sql(_sqlglot_dialect(dialect))


def _select(
    catalog: Catalog,
    schema: str | None,
    table: str,
    call: str,
    dialect: str,
    *,
    properties: bool = True,
) -> exp.Select:
    from sqlglot import exp

    columns = catalog[table]
    extra = [c for c in columns if c not in SEGMENT_COLUMNS and not c.startswith("context_")]
    context = [c for c in columns if c.startswith("context_")]
    payload = [c for c in extra if not (call in ("page", "screen") and c == "name")]
    as_properties = payload if call in ("track", "page", "screen") and properties else []
    as_traits = payload if call in ("identify", "group") else []

    def text(column: str | None) -> exp.Expression:
        if column is None or column not in columns:
            return exp.cast(exp.null(), "text")
        return exp.cast(exp.column(column, quoted=True), "text")

    def moment(column: str) -> exp.Expression:
        if column not in columns:
            return exp.cast(exp.null(), "timestamp")
        return exp.cast(exp.column(column, quoted=True), "timestamp")

    values: dict[str, exp.Expression] = {
        "message_id": text("id"),
        "type": exp.Literal.string(call),
        "event": text("event_text") if call == "track" else text(None),
        "name": text("name") if call in ("page", "screen") else text(None),
        "user_id": text("user_id"),
        "anonymous_id": text("anonymous_id"),
        "group_id": text("group_id" if "group_id" in columns else "context_group_id"),
        "previous_id": text("previous_id"),
        "timestamp": moment("timestamp"),
        "original_timestamp": moment("original_timestamp"),
        "sent_at": moment("sent_at"),
        "received_at": moment("received_at"),
        "properties": _json_object(as_properties, dialect),
        "traits": _json_object(as_traits, dialect),
        "context": _json_object(context, dialect, strip="context_"),
        "source": exp.Literal.string(f"warehouse:{table}"),
        "loaded_at": moment("uuid_ts" if "uuid_ts" in columns else "received_at"),
    }
    assert tuple(values) == EVENT_COLUMNS
    source = exp.table_(table, db=schema, quoted=True)
    return (
        exp.select(*(exp.alias_(value, name, quoted=True) for name, value in values.items()))
        .from_(source)
        .where(exp.column("timestamp", quoted=True).is_(exp.null()).not_())
    )


def _json_object(columns: Sequence[str], dialect: str, strip: str = "") -> exp.Expression:
    """A JSON object of ``columns`` (keys without ``strip``), NULL when there are none."""
    from sqlglot import exp

    if not columns:
        return exp.cast(exp.null(), "text" if dialect == "pyspark" else "json")
    pairs: list[exp.Expression] = []
    for column in columns:
        pairs += [exp.Literal.string(column.removeprefix(strip)), exp.column(column, quoted=True)]
    if dialect == "postgres":
        built = exp.Anonymous(this="JSON_BUILD_OBJECT", expressions=pairs)
        return exp.Anonymous(this="JSON_STRIP_NULLS", expressions=[built])
    if dialect == "duckdb":
        return exp.Anonymous(this="JSON_OBJECT", expressions=pairs)
    if dialect == "pyspark":  # to_json leaves out NULL fields
        return exp.Anonymous(
            this="TO_JSON", expressions=[exp.Anonymous(this="NAMED_STRUCT", expressions=pairs)]
        )
    if dialect == "snowflake":  # leaves out NULL values
        return exp.Anonymous(this="OBJECT_CONSTRUCT", expressions=pairs)
    return exp.Anonymous(this="JSON_OBJECT", expressions=pairs)  # bigquery


def _sqlglot_dialect(dialect: str) -> str:
    return "spark" if dialect == "pyspark" else dialect
