"""Scoring specifications run on every engine: the same events, the same scores.

``store`` is parametrized: the embedded DuckDB store always; Postgres (events ingested into a
Postgres store) and Spark (events ingested into DuckDB, then handed to a local Spark session)
when available, and always in CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pqlkit.store.store import Store
from tests.engines import (
    SparkStore,
    postgres_database,
    require_postgres,
    require_spark,
    wipe_postgres,
)

ENGINES = [
    "duckdb",
    pytest.param("postgres", marks=pytest.mark.postgres),
    pytest.param(
        "spark",
        marks=[
            pytest.mark.spark,
            # py4j leaves its sockets to the garbage collector
            pytest.mark.filterwarnings("ignore::ResourceWarning"),
            pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
        ],
    ),
]


@pytest.fixture(scope="session")
def spark_backend() -> Any:
    require_spark()
    from pqlkit.store.spark import connect

    backend = connect()
    backend._session.conf.set("spark.sql.shuffle.partitions", "1")  # tiny data: one task
    return backend


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    engine = request.param
    if engine == "postgres":
        worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
        url = postgres_database(require_postgres(), worker)
        wipe_postgres(url)
        with Store.open(url) as opened:
            yield opened
    elif engine == "spark":
        spark = request.getfixturevalue("spark_backend")
        with SparkStore.open(tmp_path / "test.duckdb") as opened:
            assert isinstance(opened, SparkStore)
            opened.spark = spark
            yield opened
    else:
        with Store.open(tmp_path / "test.duckdb") as opened:
            yield opened


@pytest.fixture(scope="session")
def simulated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small simulated company (150 accounts, 90 days from 2026-01-01) in a DuckDB store."""
    from pqlkit.events.importers import ingest_file
    from pqlkit.simulate import SimulationConfig, generate, write

    directory = tmp_path_factory.mktemp("simulated")
    sim = generate(SimulationConfig(accounts=150, seed=11, days=90, rich_context=False))
    files = write(sim, directory, "parquet")
    db = directory / "simulated.duckdb"
    with Store.open(db) as store:
        ingest_file(store, files.events_path)
    return db
