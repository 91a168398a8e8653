from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pqlkit.store.store import Store
from tests.engines import operational_store


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from operational_store(request, tmp_path, "sales")
