"""Every scoring specification runs on each engine: the scores must be identical."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pqlkit.store.store import Store
from tests.engines import require_postgres, wipe_postgres


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "duckdb":
        with Store.open(tmp_path / "test.duckdb") as opened:
            yield opened
        return
    url = require_postgres()
    wipe_postgres(url)
    with Store.open(url) as opened:
        yield opened
