"""Write scored rows to CSV, Parquet or JSON lines, chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pqlkit.errors import ConfigError

FORMATS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def write_rows(rows: list[dict[str, Any]], path: Path, columns: tuple[str, ...]) -> str:
    import pyarrow as pa

    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ConfigError(f"--out {path}: write to .csv, .parquet or .jsonl")
    table = (
        pa.Table.from_pylist(rows, schema=schema_of(columns))
        if rows
        else schema_of(columns).empty_table()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    if kind == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, tmp)
    elif kind == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, tmp)
    else:
        import orjson

        with tmp.open("wb") as out:
            for row in table.to_pylist():
                out.write(orjson.dumps(row, option=orjson.OPT_NAIVE_UTC) + b"\n")
    tmp.replace(path)  # never a half-written file
    return kind


def schema_of(columns: tuple[str, ...]) -> Any:
    """The output columns' types: texts, but for the score and the times."""
    import pyarrow as pa

    types = {"score": pa.float64(), "as_of": pa.timestamp("us"), "pql_since": pa.timestamp("us")}
    return pa.schema([(name, types.get(name, pa.string())) for name in columns])


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
