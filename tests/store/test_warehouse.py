"""Warehouse mode: Segment's warehouse tables scored in place, with the scores of the event store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlglot

from pqlkit.errors import ConfigError
from pqlkit.model.loader import load
from pqlkit.scoring.run import score_events
from pqlkit.simulate import SimulationConfig, generate, write
from pqlkit.store.connection import connect, locate
from pqlkit.store.store import Store
from pqlkit.store.warehouse import events_sql, segment_events
from tests.engines import postgres_database, require_postgres
from tests.history import History, iso
from tests.scoring.test_pillars import DAY, T, activate, signup
from tests.segment_warehouse import load_segment_schema

PILLARS = load("pillars")


def segment_database(
    request: pytest.FixtureRequest, schema: str, calls: list[dict[str, Any]]
) -> str:
    """The URL of a Postgres holding ``calls`` in Segment's tables under ``schema``."""
    worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
    url = postgres_database(require_postgres(), worker)
    load_segment_schema(url, schema, calls)
    return url


@contextmanager
def warehouse(
    request: pytest.FixtureRequest, schema: str, calls: list[dict[str, Any]]
) -> Iterator[Any]:
    """A connection to a Postgres holding ``calls`` in Segment's tables under ``schema``."""
    backend = connect(locate(segment_database(request, schema, calls)), read_only=True)
    try:
        yield backend
    finally:
        backend.disconnect()


def scores(events: Any, as_of: Any = T) -> dict[str, tuple[float, str, str]]:
    run = score_events(events, PILLARS, as_of)
    return {r["entity_id"]: (r["score"], r["tier"], r["breakdown"]) for r in run.rows()}


@pytest.mark.postgres
def test_a_hot_user_scores_the_same_from_segments_tables(
    request: pytest.FixtureRequest, store: Store, tmp_path: Path
) -> None:
    h = History()
    signup(h, "ada", T - 28 * DAY, employees=250, industry="Software")
    activate(h, "ada", T - 27 * DAY)
    h.sessions("ada", 7, T - 10 * DAY)
    h.repeat("ada", "Report Created", 5, T - 20 * DAY, DAY)
    h.track("ada", "Paywall Hit", T - 2 * DAY)
    h.track("ada", "Enterprise Feature Viewed", T - 2 * DAY, feature="SSO")
    h.page("ada", "Pricing", T - DAY)
    with warehouse(request, "segment_app", h.calls) as backend:
        events = segment_events(backend, "segment_app")
        in_place = scores(events)
        kinds = events.group_by("type").aggregate(n=events.count()).execute()
    assert in_place["ada"][:2] == (115, "hot")  # 30 + 30 + 25 + 30 (paywall 15, enterprise 15)
    assert in_place == scores(h.load(store, tmp_path).events)  # breakdowns included
    assert dict(zip(kinds["type"], kinds["n"], strict=True)) == {
        "identify": 1,
        "group": 1,
        "track": 1 + 3 + 7 + 5 + 2,
        "page": 1,
    }


@pytest.mark.postgres
@pytest.mark.slow
def test_a_simulated_company_scores_identically_in_place_and_in_the_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    files = write(generate(SimulationConfig(accounts=25, days=60, seed=7)), tmp_path, "jsonl")
    with Store.open(tmp_path / "store.duckdb") as store:
        from pqlkit.events.importers import ingest_file

        ingest_file(store, files.events_path)
        stored = store.events.to_pyarrow().to_pylist()
        as_of = max(row["timestamp"] for row in stored) - timedelta(days=3)
        expected = scores(store.events, as_of)
    calls = [_as_call(row) for row in stored]
    with warehouse(request, "segment_sim", calls) as backend:
        actual = scores(segment_events(backend, "segment_sim"), as_of)
    assert len(expected) > 20
    assert actual == expected


def _as_call(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event back as the Segment call the warehouse destination would have loaded."""
    call = {
        "type": row["type"],
        "messageId": row["message_id"],
        "timestamp": iso(row["timestamp"]),
        "userId": row["user_id"],
        "anonymousId": row["anonymous_id"],
        "event": row["event"],
        "name": row["name"],
        "groupId": row["group_id"],
        "previousId": row["previous_id"],
    }
    for key in ("properties", "traits", "context"):
        call[key] = orjson.loads(row[key]) if row[key] else None
    return call


def test_the_query_reads_per_event_tables_for_properties() -> None:
    import ibis.expr.datatypes as dt

    base = {"id": dt.string, "timestamp": dt.Timestamp(timezone="UTC"), "user_id": dt.string}
    event = {"event": dt.string, "event_text": dt.string}
    catalog = {
        "tracks": {**base, **event, "context_ip": dt.string},
        "paywall_hit": {**base, **event, "feature": dt.string},
        "identifies": {**base, "email": dt.string, "employees": dt.int64},
    }
    sql = events_sql(catalog, "prod", "postgres")
    assert "JSON_BUILD_OBJECT('feature', \"feature\")" in sql
    assert "JSON_BUILD_OBJECT('email', \"email\", 'employees', \"employees\")" in sql
    assert "NOT \"event\" IN ('paywall_hit')" in sql  # tracks rows of other events only
    assert "JSON_BUILD_OBJECT('ip', \"context_ip\")" in sql
    for dialect, read in [
        ("snowflake", "snowflake"),
        ("bigquery", "bigquery"),
        ("pyspark", "spark"),
    ]:
        sqlglot.parse_one(events_sql(catalog, "prod", dialect), read=read)


def test_a_schema_without_segment_tables_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"no Segment tables in schema 'prod'.*--schema"):
        events_sql({"orders": {}}, "prod", "postgres")
    with pytest.raises(ConfigError, match="not clickhouse"):
        events_sql({}, "prod", "clickhouse")


@pytest.mark.postgres
def test_pql_score_reads_the_warehouse_and_keeps_the_ledger_in_the_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from tests.cli.test_cli import pql

    h = History()
    signup(h, "bea", T - 10 * DAY, employees=80)
    activate(h, "bea", T - 9 * DAY)
    url = segment_database(request, "segment_cli", h.calls)
    store = tmp_path / "ledger.duckdb"
    args = ["score", "--model", "pillars", "--as-of", "2026-03-01", "--db", str(store)]
    done = pql(*args, "--warehouse", url, "--schema", "segment_cli")
    assert done.returncode == 0, done.stderr
    assert "bea" in done.stdout and "1 users scored" in done.stdout
    with Store.open(store, read_only=True) as ledger:
        assert ledger.table("scores_ledger").count().execute() == 1
    wrong = pql(*args, "--warehouse", url, "--schema", "nothing_here")
    assert wrong.returncode == 1
    assert "no Segment tables in schema 'nothing_here'" in wrong.stderr
