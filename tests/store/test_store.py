"""The store: found by path or URL, migrated once, and never opened twice behind DuckDB's back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pqlkit.errors import ConfigError, StoreBusyError, StoreError
from pqlkit.store import migrations, server_lock
from pqlkit.store.connection import locate
from pqlkit.store.store import Store


def test_a_plain_path_is_an_embedded_duckdb_file(tmp_path: Path) -> None:
    location = locate(tmp_path / "x.duckdb")
    assert location.embedded and location.url == f"duckdb://{tmp_path / 'x.duckdb'}"


def test_the_environment_names_the_default_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PQLKIT_DB", str(tmp_path / "env.duckdb"))
    assert locate().path == tmp_path / "env.duckdb"


def test_an_engine_url_is_kept_and_its_password_never_shown() -> None:
    location = locate("postgres://pql:secret@localhost:5432/pqlkit")
    assert not location.embedded
    assert str(location) == "postgres://pql:***@localhost:5432/pqlkit"


def test_a_malformed_url_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="neither a file path nor an engine URL"):
        locate("bad scheme://x")


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    with Store.open(path) as store:
        applied = store.table(migrations.MIGRATIONS_TABLE).execute()
        assert list(applied.version) == [m.version for m in migrations.MIGRATIONS]
        assert {"events", "ingest_runs", "rejects", "entity_tables"} <= set(
            store.backend.list_tables()
        )


def test_reading_a_store_that_does_not_exist_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*: import events first"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_a_store_owned_by_a_running_server_names_the_server(tmp_path: Path) -> None:
    path = tmp_path / "owned.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
            " time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        server_lock.write(path, server_lock.ServerInfo(holder.pid, "http://127.0.0.1:8765"))
        with pytest.raises(StoreBusyError) as raised:
            Store.open(path)
        message = str(raised.value)
        assert f"in use by pql serve (pid {holder.pid}, http://127.0.0.1:8765)" in message
        assert "stop that process" in message
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    time.sleep(0.1)
    assert server_lock.read(path) is None  # the owner is gone: a stale lock file is ignored
    Store.open(path).close()


def test_a_stale_lock_file_names_nobody(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    server_lock.write(path, server_lock.ServerInfo(pid=2**22 + os.getpid(), url="http://x"))
    assert server_lock.read(path) is None
