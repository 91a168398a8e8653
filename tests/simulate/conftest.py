"""Simulations shared by the simulator's tests (generated once per test session)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt
import pytest

from pqlkit.simulate import Simulation, SimulationConfig, SimulationFiles, generate, write

FREE_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me",
             "gmx.de")  # fmt: skip


@pytest.fixture(scope="session")
def sim() -> Simulation:
    """A mid-sized company: enough accounts for rates and rankings to be stable."""
    return generate(SimulationConfig(accounts=800, seed=7))


@pytest.fixture(scope="session")
def lean_db() -> Iterator[duckdb.DuckDBPyConnection]:
    """A bigger company without rich context, for statistics that need many conversions."""
    lean = generate(SimulationConfig(accounts=2500, seed=8, rich_context=False))
    con = duckdb.connect()
    con.register("ev", lean.events)
    con.register("tu", lean.users)
    con.register("ta", lean.accounts)
    yield con
    con.close()


@pytest.fixture(scope="session")
def db(sim: Simulation) -> Iterator[duckdb.DuckDBPyConnection]:
    """The simulation's tables in DuckDB: ``ev``, ``tu`` (truth users), ``ta`` (truth accounts)."""
    con = duckdb.connect()
    con.register("ev", sim.events)
    con.register("tu", sim.users)
    con.register("ta", sim.accounts)
    yield con
    con.close()


@pytest.fixture(scope="session")
def jsonl_files(sim: Simulation, tmp_path_factory: pytest.TempPathFactory) -> SimulationFiles:
    return write(sim, tmp_path_factory.mktemp("jsonl"), "jsonl")


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return con.sql(sql).fetchall()


def one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    found = con.sql(sql).fetchone()
    assert found is not None
    return found[0]


def auc(scores: npt.ArrayLike, labels: npt.ArrayLike) -> float:
    """Area under the ROC curve (ties count half), without scikit-learn."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    _, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
    average_rank = np.cumsum(counts) - (counts - 1) / 2.0
    ranks = average_rank[inverse]
    positives, negatives = int(y.sum()), int((~y).sum())
    return float((ranks[y].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def written(path: Path) -> bytes:
    return path.read_bytes()
