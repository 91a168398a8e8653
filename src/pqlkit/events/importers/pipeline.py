"""One file through parse → check → stage → append, with its report."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import orjson

from pqlkit.console import Console, SilentConsole
from pqlkit.errors import ConfigError, InputError
from pqlkit.events.importers import formats, tabular
from pqlkit.events.importers.progress import track_query
from pqlkit.events.importers.report import ImportReport, Reject
from pqlkit.events.importers.rules import stage_sql
from pqlkit.store import kept
from pqlkit.store.append import append_events
from pqlkit.store.schema import EVENT_COLUMNS

if TYPE_CHECKING:
    import duckdb

    from pqlkit.store.store import Store

T = TypeVar("T")
_COMPRESSED = (".gz", ".zst")
_counter = itertools.count()


def _stem_suffix(path: Path) -> str:
    name = path.name.lower()
    for ext in _COMPRESSED:
        name = name.removesuffix(ext)
    return Path(name).suffix


def detect_format(path: Path) -> str:
    """The format of a file from its extension, and for JSON lines from its first record."""
    suffix = _stem_suffix(path)
    if suffix == ".parquet":
        return "parquet"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        first = _first_record(path)
        if isinstance(first, dict):
            if "event_type" in first:
                return "amplitude"
            props = first.get("properties")
            if "type" not in first and isinstance(props, dict) and "distinct_id" in props:
                return "mixpanel"
        return "segment"
    raise ConfigError(
        f"{path}: cannot tell the format from the extension {suffix or '(none)'}: "
        f"pass --format ({', '.join(formats.FORMATS)})"
    )


def _first_record(path: Path) -> object:
    import gzip

    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    try:
                        return orjson.loads(line)
                    except orjson.JSONDecodeError:
                        return None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return None


@contextmanager
def _workspace(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    """DuckDB to parse in: the store itself when embedded, else a private in-memory one."""
    if store.is_duckdb:
        yield store.duckdb()
        return
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'; SET enable_progress_bar_print = false")
    try:
        yield con
    finally:
        con.close()


def _parsed_sql(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    fmt: str,
    mapping: formats.ColumnMapping,
    missing: tuple[str, ...],
    name: str,
) -> tuple[str, list[Reject]]:
    if fmt == "segment":
        return formats.segment_sql(path), []
    if fmt == "amplitude":
        return formats.amplitude_sql(path), []
    if fmt == "mixpanel":
        return formats.mixpanel_sql(path), []
    if fmt in ("csv", "parquet"):
        relation = (
            tabular.read_csv(con, path, name, missing)
            if fmt == "csv"
            else tabular.read_parquet(con, path, name)
        )
        resolved = mapping.resolve(relation.columns)
        if (
            "user_id" not in resolved
            and "anonymous_id" not in resolved
            and "group_id" not in resolved
        ):
            raise ConfigError(
                f"{path}: no user column found (columns: {', '.join(relation.columns)}); "
                "name it with --map user_id=COLUMN"
            )
        if "ts" not in resolved:
            raise ConfigError(
                f"{path}: no timestamp column found (columns: {', '.join(relation.columns)}); "
                "name it with --map timestamp=COLUMN"
            )
        select = formats.tabular_select(resolved, relation.columns, mapping.default_type)
        sql = (
            f"(SELECT * REPLACE (coalesce(cast_error, parse_error) AS parse_error) FROM "
            f"(SELECT cast_error, {select} FROM {relation.table}))"
        )
        source = str(path)
        rejects = [
            Reject(source, line, col or None, msg) for line, col, msg in relation.reader_rejects
        ]
        return sql, rejects
    raise ConfigError(f"--format: unknown format {fmt!r} (formats: {', '.join(formats.FORMATS)})")


Parser = Callable[["duckdb.DuckDBPyConnection", str], tuple[str, list[Reject]]]
"""Given the workspace and a unique name, SQL of the parsed relation and the reader's rejects."""


def ingest_file(
    store: Store,
    path: Path,
    *,
    fmt: str | None = None,
    mapping: formats.ColumnMapping | None = None,
    missing: tuple[str, ...] = tabular.DEFAULT_MISSING,
    source: str | None = None,
    console: Console | None = None,
) -> ImportReport:
    """Import one file of events into the store and report what happened."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = fmt or detect_format(path)
    chosen = mapping or formats.ColumnMapping()

    def parse(con: duckdb.DuckDBPyConnection, name: str) -> tuple[str, list[Reject]]:
        return _parsed_sql(con, path, fmt, chosen, missing, name)

    return run_import(store, path, fmt, parse, source=source, console=console)


def run_import(
    store: Store,
    path: Path,
    fmt: str,
    parse: Parser,
    *,
    source: str | None = None,
    console: Console | None = None,
) -> ImportReport:
    """Parse a file with ``parse``, check every row, append the good ones, report the rest."""
    console = console or SilentConsole()
    source = source or f"file:{path.name}"
    run_id = uuid.uuid4().hex[:12]
    name = f"_pql_{run_id}_{next(_counter)}"
    started = datetime.now(UTC).replace(tzinfo=None)
    with _workspace(store) as con:
        stage = f"{name}_stage"
        try:
            parsed, reader_rejects = parse(con, name)
            track_query(
                con,
                console,
                f"reading {path.name}",
                f"""CREATE OR REPLACE TEMP TABLE {stage} AS
                SELECT * REPLACE (CASE WHEN reason IS NOT NULL THEN raw END AS raw)
                FROM ({stage_sql(parsed)})""",
            )
            return _append(
                store, con, stage, str(path), fmt, source, reader_rejects, run_id, started, console
            )
        finally:
            _drop_temporaries(con, name)


def _drop_temporaries(con: duckdb.DuckDBPyConnection, prefix: str) -> None:
    """Drop the temp tables and views an import made (all named after its run)."""
    for kind, catalog in (("VIEW", "duckdb_views()"), ("TABLE", "duckdb_tables()")):
        rows = con.execute(
            f"SELECT view_name FROM {catalog} WHERE temporary AND starts_with(view_name, ?)"
            if kind == "VIEW"
            else f"SELECT table_name FROM {catalog} WHERE temporary AND starts_with(table_name, ?)",
            [prefix],
        ).fetchall()
        for (object_name,) in rows:
            con.execute(f"DROP {kind} IF EXISTS {object_name}")


def _append(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    stage: str,
    path: str,
    fmt: str,
    source: str,
    reader_rejects: list[Reject],
    run_id: str,
    started: datetime,
    console: Console,
) -> ImportReport:
    blank = f"reason = '{formats.UNREADABLE}' AND trim(raw) = ''"
    rows_read = _scalar(con, f"SELECT count(*) FROM {stage} WHERE NOT coalesce({blank}, false)")
    rows_read += len(reader_rejects)
    rule_rejects = [
        Reject(
            path,
            int(line),
            field,
            formats.explain_unreadable(raw) if reason == formats.UNREADABLE else str(reason),
            raw[:2048] if raw is not None else None,
        )
        for line, field, reason, raw in con.execute(
            f"SELECT line_no, field, reason, raw FROM {stage} "
            "WHERE reason IS NOT NULL ORDER BY line_no"
        ).fetchall()
        if not (reason == formats.UNREADABLE and (raw or "").strip() == "")  # blank line
    ]
    rejects = tuple(sorted(reader_rejects + rule_rejects, key=lambda r: r.line))
    columns = [c for c in EVENT_COLUMNS if c not in ("source", "loaded_at")]
    valid = f"{stage}_valid"
    total, distinct = con.execute(
        f"SELECT count(*), count(DISTINCT message_id) FROM {stage} WHERE reason IS NULL"
    ).fetchone() or (0, 0)
    if total == distinct:
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW {valid} AS SELECT {', '.join(columns)} FROM {stage} "
            "WHERE reason IS NULL"
        )
    else:  # the file repeats some messageIds: keep the first line of each
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {valid} AS SELECT {', '.join(columns)} FROM {stage} "
            "WHERE reason IS NULL "
            "QUALIFY row_number() OVER (PARTITION BY message_id ORDER BY line_no) = 1"
        )

    def record(inserted: int) -> None:
        _record(
            store, run_id, source, fmt, started, rows_read, inserted, int(total) - inserted, rejects
        )

    try:
        with console.progress(f"storing {Path(path).name}"):
            if store.is_duckdb:  # the events and the run's record land together or not at all
                con.execute("BEGIN TRANSACTION")
                try:
                    inserted = append_events(store, store.backend.table(valid), source)
                    record(inserted)
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                kept.fold(store.backend)  # the identity the new events bring, kept
            else:
                arrow = con.execute(f"SELECT * FROM {valid}").to_arrow_table()
                store.backend.create_table(valid, arrow, temp=True, overwrite=True)
                try:
                    inserted = append_events(store, store.backend.table(valid), source)
                finally:
                    store.backend.drop_table(valid, force=True)
                record(inserted)
    finally:
        _drop_temporaries(con, valid)
    return ImportReport(
        source=path,
        format=fmt,
        rows_read=rows_read,
        inserted=inserted,
        duplicates=int(total) - inserted,
        rejects=rejects,
    )


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _record(
    store: Store,
    run_id: str,
    source: str,
    fmt: str,
    started: datetime,
    rows_read: int,
    inserted: int,
    duplicates: int,
    rejects: tuple[Reject, ...],
) -> None:
    import pyarrow as pa

    now = datetime.now(UTC).replace(tzinfo=None)
    store.backend.insert(
        "ingest_runs",
        pa.table(
            {
                "run_id": [run_id],
                "source": [source],
                "format": [fmt],
                "started_at": pa.array([started], pa.timestamp("us")),
                "finished_at": pa.array([now], pa.timestamp("us")),
                "rows_read": pa.array([rows_read], pa.int64()),
                "inserted": pa.array([inserted], pa.int64()),
                "duplicates": pa.array([duplicates], pa.int64()),
                "rejected": pa.array([len(rejects)], pa.int64()),
            }
        ),
    )
    if rejects:
        store.backend.insert(
            "rejects",
            pa.table(
                {
                    "run_id": [run_id] * len(rejects),
                    "source": [r.source for r in rejects],
                    "line": pa.array([r.line for r in rejects], pa.int64()),
                    "field": [r.field for r in rejects],
                    "reason": [r.reason for r in rejects],
                    "raw": [r.raw for r in rejects],
                    "rejected_at": pa.array([now] * len(rejects), pa.timestamp("us")),
                }
            ),
        )
