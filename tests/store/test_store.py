"""The store: found by path or URL, migrated once, and never opened twice behind DuckDB's back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pytest

from pqlkit.errors import ConfigError, StoreBusyError, StoreError
from pqlkit.store import migrations, server_lock
from pqlkit.store.connection import EVENTS_CATALOG, locate
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
        assert {"entity_tables", "alerts", "outbox"} <= set(store.backend.list_tables())
        assert set(migrations.EVENT_LOG_TABLES) <= set(
            store.backend.list_tables(database=(EVENTS_CATALOG, "main"))
        )


def test_an_embedded_store_keeps_its_event_log_in_a_file_beside_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.files == (tmp_path / "s.duckdb", tmp_path / "s.events.duckdb")
        store.backend.insert("events", _events(["m1"]))  # found by its plain name
        assert store.events.count().execute() == 1
    assert (tmp_path / "s.events.duckdb").exists()


def test_a_store_of_one_file_is_split_when_opened_and_keeps_its_events(tmp_path: Path) -> None:
    path = _one_file_store(tmp_path / "old.duckdb", ["m1", "m2"])
    with Store.open(path) as store:
        assert store.events.count().execute() == 2
        assert "events" not in store.backend.list_tables()
    with Store.open(path, read_only=True) as store:
        assert sorted(store.events.message_id.execute()) == ["m1", "m2"]


def test_a_split_cut_short_by_a_crash_is_finished_once(tmp_path: Path) -> None:
    """A crash after the events were copied to the event log file and before they left the
    main file: the next open copies them again over the copy, never adding them twice."""
    import duckdb

    path = _one_file_store(tmp_path / "old.duckdb", ["m1", "m2"])
    con = duckdb.connect(str(path))  # the first half of migration 9, then the crash
    con.execute(f"ATTACH '{tmp_path / 'old.events.duckdb'}' AS {EVENTS_CATALOG}")
    con.execute(f"CREATE TABLE {EVENTS_CATALOG}.main.events AS SELECT * FROM old.main.events")
    con.close()
    with Store.open(path) as store:
        assert sorted(store.events.message_id.execute()) == ["m1", "m2"]
        assert "events" not in store.backend.list_tables()


def test_a_store_whose_event_log_file_is_missing_says_so(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.duckdb").close()
    (tmp_path / "s.events.duckdb").unlink()
    with pytest.raises(StoreError, match=r"no event log: .*s\.events\.duckdb is missing"):
        Store.open(tmp_path / "s.duckdb", read_only=True)


def _one_file_store(path: Path, ids: list[str]) -> Path:
    """A store as pqlkit made it before migration 9: one file, holding events ``ids``."""
    import ibis

    backend = ibis.duckdb.connect(str(path))
    columns = {"version": "int64", "description": "string", "applied_at": "timestamp"}
    backend.create_table(migrations.MIGRATIONS_TABLE, schema=ibis.schema(columns))
    for migration in (m for m in migrations.MIGRATIONS if m.version < 9):
        migration.apply(backend)
        backend.insert(migrations.MIGRATIONS_TABLE, [_applied(migration.version)])
    backend.insert("events", _events(ids))
    backend.disconnect()
    return path


def _events(ids: list[str]) -> pa.Table:
    from pqlkit.store.schema import EVENTS

    rows = {name: [None] * len(ids) for name in EVENTS.names}
    rows |= {"message_id": ids, "type": ["track"] * len(ids), "event": ["Signed Up"] * len(ids)}
    rows |= {"timestamp": [datetime(2026, 1, 1)] * len(ids)}
    return pa.Table.from_pydict(rows, schema=EVENTS.to_pyarrow())


def _applied(version: int) -> dict[str, object]:
    return {"version": version, "description": "", "applied_at": datetime(2026, 1, 1)}


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
