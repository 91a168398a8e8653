"""CSV and Parquet files read into a typed, numbered relation inside DuckDB.

CSV: the dialect and column types are sniffed, every value is read as text and cast to its
column's type, so a value that does not fit is a reject naming the line and the column instead
of a failed import. Rows DuckDB's reader itself cannot split (too many or too few fields) are
rejects too, with the line it reports. Line numbers count records (a quoted value spanning
several lines counts once). Parquet rows are numbered from 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pqlkit.errors import InputError
from pqlkit.events.importers.formats import quote_ident, sql_string

if TYPE_CHECKING:
    import duckdb

DEFAULT_MISSING = ("",)


@dataclass(frozen=True)
class TypedRelation:
    """A temp table or view: ``line_no``, ``raw``, ``cast_error`` and the file's typed columns."""

    table: str
    columns: list[str]
    reader_rejects: list[tuple[int, str, str]]  # (line, field or "", reason)


def _null_list(missing: tuple[str, ...]) -> str:
    return "[" + ", ".join(sql_string(v) for v in missing) + "]"


def read_csv(
    con: duckdb.DuckDBPyConnection, path: Path, table: str, missing: tuple[str, ...]
) -> TypedRelation:
    source = sql_string(str(path))
    nulls = _null_list(missing)
    try:
        sniffed = con.execute(
            f"SELECT Delimiter, Quote, Escape, HasHeader, Columns "
            f"FROM sniff_csv({source}, nullstr={nulls}, sample_size=20480, ignore_errors=true)"
        ).fetchone()
    except Exception as exc:
        raise InputError(f"{path}: cannot read as CSV: {exc}") from None
    assert sniffed is not None
    delim, quote, escape = ("" if v == "(empty)" else str(v) for v in sniffed[:3])
    header, columns = bool(sniffed[3]), list(sniffed[4])
    every = [c["name"] for c in columns]
    types = {c["name"]: c["type"] for c in columns}
    blank = _blank_unnamed(con, source, delim, quote, escape, header, every, nulls)
    names = [n for n in every if n not in blank]
    as_text = ", ".join(f"{sql_string(n)}: 'VARCHAR'" for n in every)
    rejects_table = f"{table}_reader_rejects"
    rejects_scan = f"{table}_reader_scans"
    con.execute(f"DROP TABLE IF EXISTS {rejects_table}; DROP TABLE IF EXISTS {rejects_scan}")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {table}_text AS
        SELECT row_number() OVER () AS k, * FROM read_csv({source},
          delim={sql_string(delim)}, quote={sql_string(quote)}, escape={sql_string(escape)},
          header={str(bool(header)).lower()}, columns={{{as_text}}}, auto_detect=false,
          nullstr={nulls}, store_rejects=true, rejects_table='{rejects_table}',
          rejects_scan='{rejects_scan}', max_line_size=33554432)"""
    )
    bad = con.execute(
        f"SELECT line, coalesce(column_name, ''), error_type || ': ' || error_message "
        f"FROM {rejects_table} ORDER BY line"
    ).fetchall()
    first = 2 if header else 1
    reader_rejects = [(int(line), str(col), str(msg)) for line, col, msg in bad]
    # The k-th row read is the k-th record line that the reader did not reject.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {table}_lines AS
        SELECT row_number() OVER (ORDER BY line) AS k, line FROM (
          SELECT range AS line FROM range({first}, {first} + (SELECT count(*) FROM {table}_text)
                                                   + (SELECT count(*) FROM {rejects_table}))
          WHERE range NOT IN (SELECT line FROM {rejects_table}))"""
    )
    casts, checks = [], []
    for name in names:
        ident = quote_ident(name)
        kind = types[name]
        if kind == "VARCHAR":
            casts.append(f"t.{ident} AS {ident}")
            continue
        casts.append(f"TRY_CAST(t.{ident} AS {kind}) AS {ident}")
        checks.append(
            f"WHEN t.{ident} IS NOT NULL AND TRY_CAST(t.{ident} AS {kind}) IS NULL "
            f"THEN 'column {name.replace(chr(39), chr(39) * 2)}: ''' || t.{ident} "
            f"|| ''' is not a valid {kind.lower()} like the rest of the column'"
        )
    cast_error = ("CASE " + " ".join(checks) + " END") if checks else "NULL::VARCHAR"
    row_text = " || ',' || ".join(f"coalesce(t.{quote_ident(n)}, '')" for n in names)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {table} AS
        SELECT l.line AS line_no, {row_text} AS raw, {cast_error} AS cast_error, {", ".join(casts)}
        FROM {table}_text t JOIN {table}_lines l USING (k) ORDER BY l.line"""
    )
    con.execute(f"DROP TABLE {table}_text; DROP TABLE {table}_lines")
    return TypedRelation(table, names, reader_rejects)


def _blank_unnamed(
    con: duckdb.DuckDBPyConnection,
    source: str,
    delim: str,
    quote: str,
    escape: str,
    header: bool,
    names: list[str],
    nulls: str,
) -> set[str]:
    """Unnamed columns with no value at all (a header ending in a comma makes one)."""
    unnamed = [n for n in names if re.fullmatch(r"column\d+", n)]
    if not unnamed or not header:
        return set()
    counts = ", ".join(f"count({quote_ident(n)})" for n in unnamed)
    row = con.execute(
        f"SELECT {counts} FROM read_csv({source}, delim={sql_string(delim)}, "
        f"quote={sql_string(quote)}, escape={sql_string(escape)}, header=true, "
        f"all_varchar=true, nullstr={nulls}, ignore_errors=true)"
    ).fetchone()
    return {name for name, count in zip(unnamed, row or (), strict=False) if count == 0}


def read_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> TypedRelation:
    source = sql_string(str(path))
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP VIEW {table} AS
            SELECT file_row_number + 1 AS line_no, NULL::VARCHAR AS raw,
                   NULL::VARCHAR AS cast_error, * EXCLUDE (file_row_number)
            FROM read_parquet({source}, file_row_number=true)"""
        )
    except Exception as exc:
        raise InputError(f"{path}: cannot read as Parquet: {exc}") from None
    described = con.execute(f"DESCRIBE {table}").fetchall()
    names = [row[0] for row in described if row[0] not in ("line_no", "raw", "cast_error")]
    return TypedRelation(table, names, [])
