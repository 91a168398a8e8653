"""The server on a Postgres store: the log beside it (--log-dir), rows and checkpoint in one
Postgres transaction, keys read from the store."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pqlkit.server.config import ServerConfig
from pqlkit.server.loader import Loader
from pqlkit.store.store import Store
from tests.engines import postgres_database, require_postgres, wipe_postgres
from tests.server.conftest import running_server, track

pytestmark = pytest.mark.postgres


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> str:
    worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
    url = postgres_database(require_postgres(), worker)
    wipe_postgres(url)
    return url


def count(store: Store) -> int:
    return int(store.events.count().execute())


def test_events_reach_postgres_once_across_a_restart(postgres_url: str, tmp_path: Path) -> None:
    config = ServerConfig(db=postgres_url, log_dir=tmp_path / "log", port=0)
    batch = {"batch": [track(f"usr_{i}", messageId=f"m{i}") for i in range(20)]}
    with running_server(config) as server:
        key = server.new_key()
        assert server.client.post("/v1/batch", json=batch, auth=(key, "")).status_code == 200
        assert (
            server.runtime.store_thread.submit(
                lambda s: (server.runtime.loader.load_all(s), count(s))[1]
            ).result(30)
            == 20
        )
    with running_server(config) as server:  # a new run, the same log and store
        answer = server.client.post("/v1/batch", json=batch, auth=(key, ""))
        assert answer.status_code == 200 and answer.json()["duplicates"] == 0  # a fresh window …
        assert (
            server.runtime.store_thread.submit(
                lambda s: (server.runtime.loader.load_all(s), count(s))[1]
            ).result(30)
            == 20
        )  # … the loader dedupes


def test_a_failed_load_on_postgres_stores_nothing(postgres_url: str, tmp_path: Path) -> None:
    config = ServerConfig(db=postgres_url, log_dir=tmp_path / "log", port=0)
    with running_server(config) as server:
        key = server.new_key()
        runtime = server.runtime

        def break_checkpoint(store: Store) -> None:  # the checkpoint write will fail
            store.backend.raw_sql(
                "ALTER TABLE server_log_checkpoint RENAME TO checkpoint_away"
            ).close()

        runtime.store_thread.submit(break_checkpoint).result(30)
        server.client.post(
            "/v1/batch",
            json={"batch": [track(messageId="a"), track(messageId="b")]},
            auth=(key, ""),
        )
        deadline = time.monotonic() + 10
        writer = runtime.loader.events  # stores each batch after its alerts
        while writer.last_error is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert "server_log_checkpoint" in (writer.last_error or "")

        def repair_then_load(store: Store) -> tuple[int, int]:
            after_failure = count(store)
            store.backend.raw_sql(
                "ALTER TABLE checkpoint_away RENAME TO server_log_checkpoint"
            ).close()
            loader: Loader = runtime.loader
            loader.load_all(store)
            return after_failure, count(store)

        assert runtime.store_thread.submit(repair_then_load).result(30) == (0, 2)
