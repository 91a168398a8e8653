"""Golden SQL per dialect: the compiled SQL is reviewed as a diff, and every dialect parses it.

Regenerate with ``pytest tests/compile --update-snapshots`` and review the diff.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pqlkit.compile.render import render_sql
from pqlkit.model.loader import load

SNAPSHOTS = Path(__file__).parents[1] / "snapshots" / "sql"
AS_OF = datetime(2026, 4, 1)
DIALECTS = ("duckdb", "postgres", "pyspark", "snowflake", "bigquery", "clickhouse", "trino")
MODELS = ("pillars", "account-threshold")


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("model", MODELS)
def test_compiled_sql_matches_its_snapshot(
    request: pytest.FixtureRequest, model: str, dialect: str
) -> None:
    if dialect == "pyspark":
        pytest.importorskip("pyspark")
    sql = render_sql(load(model).model, AS_OF, dialect)
    path = SNAPSHOTS / f"{model}.{dialect}.sql"
    if request.config.getoption("--update-snapshots") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((sql + "\n").encode())
    # bytes, not text: the SQL holds a literal carriage return (TRIM's whitespace set)
    assert (sql + "\n").encode() == path.read_bytes(), (
        f"{path} differs: review and --update-snapshots"
    )


@pytest.mark.parametrize("dialect", DIALECTS)
def test_no_dialect_gets_asof_joins(dialect: str) -> None:
    if dialect == "pyspark":
        pytest.importorskip("pyspark")
    sql = render_sql(load("pillars").model, AS_OF, dialect).upper()
    assert "ASOF" not in sql
