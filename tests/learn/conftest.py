"""A small simulated company in a store, and a predictive model trained on it (once a session).

150 companies over 90 days (from 2026-01-01); `pql train` on pillars' signals as of every week
from 2026-01-15 to 2026-03-12 with a 14-day horizon. Small and fast, not a good model: tests
check the mechanics (the probability, its explanation, refusals), not the quality.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from pqlkit.events.importers import ingest_file
from pqlkit.simulate import SimulationConfig, generate, write
from pqlkit.store.files import copy_store
from pqlkit.store.store import Store
from tests.cli.test_cli import pql


@dataclass(frozen=True)
class Trained:
    db: Path  # the simulated store (copy it before writing to it)
    artifact: Path

    def store_copy(self, directory: Path) -> Path:
        target = directory / "store.duckdb"
        return copy_store(self.db, target)


@pytest.fixture(scope="session")
def simulated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("simulated")
    sim = generate(SimulationConfig(accounts=150, seed=7, days=90, rich_context=False))
    files = write(sim, directory, "parquet")
    db = directory / "simulated.duckdb"
    with Store.open(db) as store:
        ingest_file(store, files.events_path)
    return db


@pytest.fixture(scope="session")
def trained(simulated_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Trained:
    artifact = tmp_path_factory.mktemp("trained") / "pql-predictive.json"
    done = pql(
        "train",
        "--model",
        "pillars",
        "--from",
        "2026-01-15",
        "--to",
        "2026-03-12",
        "--every",
        "7d",
        "--horizon",
        "14d",
        "--db",
        str(simulated_db),
        "--out",
        str(artifact),
    )
    assert done.returncode == 0, done.stderr
    return Trained(simulated_db, artifact)
