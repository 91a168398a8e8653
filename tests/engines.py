"""The engines the conformance suite runs on: DuckDB always; Postgres and Spark when available.

Postgres: ``PQLKIT_TEST_POSTGRES`` names a database the tests may wipe (``make test`` starts a
throwaway server with scripts/postgres.sh and sets it). Spark: runs when pyspark and Java are
installed. In CI (``CI=true``) a missing engine fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from pqlkit.store.store import Store

POSTGRES_URL = os.environ.get("PQLKIT_TEST_POSTGRES")
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_postgres() -> str:
    if POSTGRES_URL:
        return POSTGRES_URL
    if IN_CI:
        pytest.fail("PQLKIT_TEST_POSTGRES is not set: CI runs the Postgres conformance suite")
    pytest.skip("Postgres conformance: set PQLKIT_TEST_POSTGRES (make test does)")


def wipe_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


def require_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if IN_CI:
            pytest.fail("pyspark is not installed: CI runs the Spark conformance suite")
        pytest.skip("Spark conformance: pip install 'pqlkit[spark]'")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if IN_CI:
            pytest.fail("no Java: CI runs the Spark conformance suite")
        pytest.skip("Spark conformance: needs Java")


def postgres_database(url: str, worker: str) -> str:
    """A database of its own for this pytest-xdist worker (tests on it wipe it freely)."""
    import psycopg

    if worker in ("", "master"):
        return url
    base, _, name = url.rpartition("/")
    mine = f"{name}_{worker}"
    with psycopg.connect(url, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (mine,)).fetchone()
        if found is None:
            conn.execute(f'CREATE DATABASE "{mine}"')
    return f"{base}/{mine}"


class SparkStore(Store):
    """A DuckDB store whose events are scored by a local Spark (for the conformance suite).

    Events are ingested into DuckDB as always, then handed to Spark as a temporary view.
    """

    spark: Any = None

    def engine_events(self) -> Any:
        from pqlkit.store import spark

        arrow = self.backend.table("events").to_pyarrow()
        self.spark._session.createDataFrame(arrow).createOrReplaceTempView("events")
        return spark.events(self.spark)


def engine_events(store: Store) -> Any:
    """The events table of ``store`` on the engine the test runs on."""
    return store.engine_events() if isinstance(store, SparkStore) else store.events


def operational_store(request: Any, tmp_path: Any, name: str) -> Iterator[Store]:
    """A store for operational state (alerts, outbox, feedback …) on the fixture's engine:
    an embedded DuckDB file, or a Postgres database of the suite's own (``name``), so that test
    runs of other suites on this machine never wipe it."""
    if request.param == "duckdb":
        with Store.open(tmp_path / f"{name}.duckdb") as opened:
            yield opened
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", name)
    url = postgres_database(require_postgres(), f"{name}_{worker}")
    wipe_postgres(url)
    with Store.open(url) as opened:
        yield opened
