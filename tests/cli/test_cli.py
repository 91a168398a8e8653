"""The `pql` command: fast to start, one clear line on error, exit codes that mean something."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from tests.conftest import write_jsonl

GOLDEN = Path(__file__).parents[1] / "events" / "golden"


def pql(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pqlkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_help_starts_without_heavy_imports() -> None:
    probe = (
        "import sys; import pqlkit.cli.app; "
        "print(','.join(m for m in ('duckdb', 'pandas', 'ibis', 'pyarrow', 'numpy', 'sklearn', "
        "'lightgbm', 'pydantic') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert loaded.stdout.strip() == ""
    started = time.perf_counter()
    result = pql("--help")
    assert result.returncode == 0 and "ingest" in result.stdout
    assert time.perf_counter() - started < 5  # generous: the budget (0.5 s) is checked in bench/


@pytest.mark.skipif(sys.platform != "linux", reason="pql names jemalloc on Linux only")
def test_pql_takes_arrow_memory_from_jemalloc_unless_the_environment_says_otherwise() -> None:
    probe = (
        "import sys; from pqlkit.cli.app import main; sys.argv = ['pql', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}

    def pool(**extra: str) -> str:
        run = [sys.executable, "-c", probe]
        done = subprocess.run(run, capture_output=True, text=True, env={**env, **extra})
        assert done.returncode == 0, done.stderr
        return done.stdout.split()[-1]

    assert pool() == "jemalloc"
    assert pool(ARROW_DEFAULT_MEMORY_POOL="system") == "system"


@pytest.mark.skipif(sys.platform != "linux", reason="pql tunes jemalloc on Linux only")
def test_pql_keeps_freed_memory_ten_seconds_unless_the_environment_says_otherwise() -> None:
    names = ("JE_ARROW_MALLOC_CONF", "DUCKDB_JE_MALLOC_CONF")
    probe = (
        "import os, sys; from pqlkit.cli.app import main; sys.argv = ['pql', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('|'.join(os.environ.get(n, '-') for n in {names!r}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in names}

    def confs(**extra: str) -> list[str]:
        run = [sys.executable, "-c", probe]
        done = subprocess.run(run, capture_output=True, text=True, env={**env, **extra})
        assert done.returncode == 0, done.stderr
        return done.stdout.split()[-1].split("|")

    kept = "dirty_decay_ms:10000,muzzy_decay_ms:10000"
    assert confs() == [kept, kept]
    assert confs(DUCKDB_JE_MALLOC_CONF="dirty_decay_ms:0") == [kept, "dirty_decay_ms:0"]


def test_ingest_reports_and_exit_code_zero_when_all_is_well(tmp_path: Path) -> None:
    result = pql("ingest", str(GOLDEN / "segment.jsonl"), "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 0, result.stderr
    assert "segment.jsonl" in result.stdout and "7" in result.stdout


def test_rejected_records_give_exit_code_3_and_a_rejects_file(tmp_path: Path) -> None:
    good = {"type": "track", "event": "A", "userId": "u", "timestamp": "2026-01-01T00:00:00Z"}
    path = write_jsonl(tmp_path / "mixed.jsonl", [good, "{broken", good | {"event": "B"}])
    rejects = tmp_path / "rejects.jsonl"
    result = pql("ingest", str(path), "--db", str(tmp_path / "s.duckdb"), "--rejects", str(rejects))
    assert result.returncode == 3
    assert f"{path}:2: not valid JSON" in result.stderr
    record = orjson.loads(rejects.read_text().splitlines()[0])
    assert (record["file"], record["line"], record["raw"]) == (str(path), 2, "{broken")


def test_an_error_is_one_line_without_a_traceback(tmp_path: Path) -> None:
    result = pql("ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 1
    assert (
        result.stderr.strip() == f"error: {tmp_path / 'missing.jsonl'}: no such file or directory"
    )
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = pql("--debug", "ingest", str(tmp_path / "x.jsonl"), "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 1 and "Traceback" in result.stderr


def test_a_bad_option_value_is_explained(tmp_path: Path) -> None:
    result = pql(
        "ingest", str(GOLDEN / "events.csv"), "--map", "evnt=action", "--db", str(tmp_path / "d")
    )
    assert result.returncode == 1
    assert "unknown field 'evnt'" in result.stderr


def test_import_table_and_status(tmp_path: Path) -> None:
    table = tmp_path / "accounts.csv"
    table.write_text("account,domain,employees\nacme,acme.com,250\nglobex,globex.io,NA\n")
    db = str(tmp_path / "s.duckdb")
    result = pql(
        "import-table",
        str(table),
        "--entity",
        "account",
        "--id-column",
        "account",
        "--missing",
        "NA",
        "--db",
        db,
    )
    assert result.returncode == 0, result.stderr
    status = pql("status", "--db", db)
    assert status.returncode == 0, status.stderr
    assert "accounts" in status.stdout and "group 2" in status.stdout
