"""`pql serve` as a user runs it: owns the store, announces itself beside it, stops cleanly."""

from __future__ import annotations

import signal
import socket
from pathlib import Path

import httpx
import pytest

from pqlkit.server.keys import create_key
from pqlkit.store import server_lock
from pqlkit.store.store import Store
from tests.server.conftest import track
from tests.server.process import ServeProcess, pql


def with_key(db: Path) -> str:
    with Store.open(db) as store:
        return create_key(store, "write-server").secret


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_loads_everything_acknowledged_and_frees_the_store_when_stopped(
    tmp_path: Path, sig: int
) -> None:
    db = tmp_path / "s.duckdb"
    key = with_key(db)
    with ServeProcess(db, "--port", "0", "--model", "pillars") as serving:
        serving.wait_ready()
        assert serving.url.startswith("http://127.0.0.1:")
        batch = {"batch": [track(f"usr_{i}", messageId=f"m{i}") for i in range(100)]}
        assert httpx.post(f"{serving.url}/v1/batch", json=batch, auth=(key, "")).status_code == 200
        assert serving.stop(sig) == 0
    assert f"listening on {serving.url}" in serving.stderr
    assert "100 events loaded into the store" in serving.stderr
    assert "Traceback" not in serving.stderr
    assert not server_lock.lock_path(db).exists()
    with Store.open(db) as store:  # free again, and holding every event
        assert store.events.count().execute() == 100


def test_a_second_server_on_the_same_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with ServeProcess(db, "--port", "0") as first:
        first.wait_ready()
        second = pql("serve", "--db", str(db), "--port", "0")
        assert second.returncode == 1
        assert f"in use by pql serve (pid {first.process.pid}, {first.url})" in second.stderr
        assert first.stop() == 0


def test_a_model_that_does_not_exist_is_a_one_line_error(tmp_path: Path) -> None:
    result = pql("serve", "--db", str(tmp_path / "s.duckdb"), "--model", "pilars")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "error: pilars: no such model file or template. Did you mean 'pillars'?"
    )
    assert not server_lock.lock_path(tmp_path / "s.duckdb").exists()


def test_a_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = pql("serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port))
    assert result.returncode == 1
    assert (
        result.stderr.strip() == f"error: cannot listen on 127.0.0.1:{port}: Address already in use"
    )


def test_an_engine_url_needs_a_log_directory() -> None:
    result = pql("serve", "--db", "postgres://pql@127.0.0.1:1/none")
    assert result.returncode == 1
    assert (
        "--log-dir is needed: the store postgres://pql:***@127.0.0.1:1/none is not a local file"
        in result.stderr
    )
