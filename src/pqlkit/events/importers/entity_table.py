"""Per-user or per-account tables of traits (and an outcome): the spreadsheet a team exports.

Each row becomes one ``identify`` (users) or ``group`` (accounts) call whose traits are the row's
other columns, typed as the file's columns were inferred, with values declared missing left
out. The calls are dated ``as_of`` (default: now), so traits from a table are known from then on.
A row's message id is a hash of its content: re-importing the same table adds nothing, and a
changed row adds a new, later fact. The table's id and outcome columns are remembered in
``entity_tables`` for the learning commands.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pqlkit.console import Console
from pqlkit.errors import ConfigError, InputError
from pqlkit.events.importers import tabular
from pqlkit.events.importers.formats import quote_ident, sql_string
from pqlkit.events.importers.pipeline import detect_format, run_import
from pqlkit.events.importers.report import ImportReport, Reject

if TYPE_CHECKING:
    import duckdb

    from pqlkit.store.store import Store

Entity = Literal["user", "account"]
TABLE_MISSING = ("", "null", "NULL")


def import_entity_table(
    store: Store,
    path: Path,
    *,
    entity: Entity,
    id_column: str,
    outcome: str | None = None,
    missing: tuple[str, ...] = TABLE_MISSING,
    as_of: datetime | None = None,
    exclude: tuple[str, ...] = (),
    console: Console | None = None,
) -> ImportReport:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if entity not in ("user", "account"):
        raise ConfigError(f"--entity: {entity!r} is not user or account")
    fmt = detect_format(path)
    if fmt not in ("csv", "parquet"):
        raise ConfigError(f"{path}: an entity table must be CSV or Parquet, not {fmt}")
    moment = (as_of or datetime.now(UTC)).replace(tzinfo=None)

    def parse(con: duckdb.DuckDBPyConnection, name: str) -> tuple[str, list[Reject]]:
        relation = (
            tabular.read_csv(con, path, name, missing)
            if fmt == "csv"
            else tabular.read_parquet(con, path, name)
        )
        _check_columns(path, relation.columns, id_column, outcome, exclude)
        traits = [c for c in relation.columns if c != id_column and c not in exclude]
        packed = ", ".join(f"{sql_string(c)}: {quote_ident(c)}" for c in traits)
        # to_json drops nothing; json_strip_nulls-like behaviour via a struct of non-null values
        # is not portable, so missing values are written as JSON null and read as missing.
        traits_json = f"CAST(to_json({{{packed}}}) AS JSON)" if traits else "CAST('{}' AS JSON)"
        ident = quote_ident(id_column)
        id_text = f"NULLIF(TRIM(CAST({ident} AS VARCHAR)), '')"
        first_line = f"min(line_no) OVER (PARTITION BY {id_text})"
        kind = "identify" if entity == "user" else "group"
        who = "user_id" if entity == "user" else "group_id"
        duplicate = (
            f"CASE WHEN {id_text} IS NOT NULL AND line_no <> {first_line} "
            f"THEN 'duplicate {id_column} ''' || {id_text} || ''' (first at line ' "
            f"|| {first_line} || ')' END"
        )
        missing_id = f"CASE WHEN {id_text} IS NULL THEN 'the id column {id_column} is empty' END"
        sql = f"""(
          SELECT line_no, raw, NULL AS size,
            coalesce(cast_error, {missing_id}, {duplicate}) AS parse_error,
            '{kind}' AS type,
            'table-' || md5('{entity}|' || coalesce({id_text}, '') || '|'
                            || CAST({traits_json} AS VARCHAR)) AS message_id,
            NULL AS event, NULL AS name,
            {id_text if who == "user_id" else "NULL"} AS user_id, NULL AS anonymous_id,
            {id_text if who == "group_id" else "NULL"} AS group_id, NULL AS previous_id,
            TIMESTAMP '{moment.isoformat(sep=" ")}' AS ts, NULL AS original_ts,
            NULL AS sent_at, NULL AS received_at,
            NULL AS properties, {traits_json} AS traits, NULL AS context
          FROM {relation.table})"""
        rejects = [
            Reject(str(path), line, col or None, msg) for line, col, msg in relation.reader_rejects
        ]
        return sql, rejects

    report = run_import(store, path, fmt, parse, source=f"table:{path.name}", console=console)
    _remember(store, path, entity, id_column, outcome, moment, report)
    return report


def _check_columns(
    path: Path, columns: list[str], id_column: str, outcome: str | None, exclude: tuple[str, ...]
) -> None:
    from difflib import get_close_matches

    for option, name in (
        ("--id-column", id_column),
        ("--outcome", outcome),
        *(("--exclude", e) for e in exclude),
    ):
        if name is None or name in columns:
            continue
        close = get_close_matches(name, columns, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else f" Columns: {', '.join(columns)}"
        raise ConfigError(f"{option}: {path.name} has no column {name!r}.{hint}")
    if outcome is not None and outcome in exclude:
        raise ConfigError(f"--outcome {outcome!r} is also excluded")


def _remember(
    store: Store,
    path: Path,
    entity: str,
    id_column: str,
    outcome: str | None,
    moment: datetime,
    report: ImportReport,
) -> None:
    import pyarrow as pa

    store.backend.insert(
        "entity_tables",
        pa.table(
            {
                "source": [f"table:{path.name}"],
                "entity": [entity],
                "id_column": [id_column],
                "outcome_column": pa.array([outcome], pa.string()),
                "as_of": pa.array([moment], pa.timestamp("us")),
                "rows": pa.array([report.rows_read - report.rejected], pa.int64()),
            }
        ),
    )
