"""Write scored rows to CSV, Parquet or JSON lines, chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pqlkit.errors import ConfigError

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def write_table(table: pa.Table, path: Path) -> str:
    """Write ``table`` (output rows) whole or not at all, as the file's extension says."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ConfigError(f"--out {path}: write to .csv, .parquet or .jsonl")
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


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
