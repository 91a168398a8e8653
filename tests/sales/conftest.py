from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pqlkit.store.store import Store
from tests.engines import postgres_database, require_postgres, wipe_postgres


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "duckdb":
        with Store.open(tmp_path / "sales.duckdb") as opened:
            yield opened
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    url = postgres_database(require_postgres(), f"sales_{worker}")
    wipe_postgres(url)
    with Store.open(url) as opened:
        yield opened
