"""Shared fixtures: a fresh embedded store per test, and a way to write events as JSON lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from pqlkit.store.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "test.duckdb") as opened:
        yield opened


def write_jsonl(path: Path, records: list[Any]) -> Path:
    """Write records (dicts, or raw strings written as they are) one per line."""
    with path.open("wb") as out:
        for record in records:
            line = record.encode() if isinstance(record, str) else orjson.dumps(record)
            out.write(line + b"\n")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="Rewrite the golden SQL snapshots under tests/snapshots/ instead of comparing.",
    )
