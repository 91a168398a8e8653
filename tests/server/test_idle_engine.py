"""Engine work of the server's scoring rounds runs on a thread that takes only idle CPU."""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pqlkit.server.idle_engine import IdleEngine
from pqlkit.store.store import Store

SCHED_IDLE = 5  # Linux's policy number


def test_work_runs_on_the_engine_thread_and_its_errors_reach_the_caller() -> None:
    engine = IdleEngine()
    try:
        ran_on: list[str] = []
        engine.run(lambda: ran_on.append(threading.current_thread().name))
        expected = "pqlkit-engine" if sys.platform == "linux" else threading.current_thread().name
        assert ran_on == [expected]

        def fails() -> None:
            raise ValueError("the statement failed")

        with pytest.raises(ValueError, match="the statement failed"):
            engine.run(fails)
        engine.run(lambda: ran_on.append("again"))  # a failure does not stop the thread
        assert ran_on[-1] == "again"
    finally:
        engine.close()
    assert not [t for t in threading.enumerate() if t.name == "pqlkit-engine"]


@pytest.mark.skipif(sys.platform != "linux", reason="SCHED_IDLE is Linux's")
def test_the_engine_thread_runs_under_sched_idle() -> None:
    engine = IdleEngine()
    try:
        policies: list[int] = []
        engine.run(lambda: policies.append(policy_of(threading.get_native_id())))
        assert policies == [SCHED_IDLE]
        assert engine.idle
        assert policy_of(threading.get_native_id()) != SCHED_IDLE  # the caller's is its own
    finally:
        engine.close()


def policy_of(native_id: int) -> int:
    """A thread of this process's scheduling policy (field 41 of its stat)."""
    stat = Path(f"/proc/self/task/{native_id}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[38])


@pytest.mark.skipif(sys.platform != "linux", reason="the idle thread is Linux's")
def test_work_starved_of_idle_cpu_is_cancelled_and_the_next_runs_on_the_caller() -> None:
    """A query still running after ``patience`` is interrupted (DuckDB's own interrupt);
    the caller is told, and for ``hold`` seconds work runs on its thread."""
    import duckdb

    from pqlkit.server.idle_engine import Starved

    con = duckdb.connect()
    engine = IdleEngine(patience=0.2, cancel=con.interrupt, hold=3600)
    try:
        endless = "SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3"

        def count() -> None:
            con.execute(endless).fetchall()

        with pytest.raises(Starved, match=r"waited 0\.2 s for idle CPU"):
            engine.run(count)
        ran_on: list[str] = []
        engine.run(lambda: ran_on.append(threading.current_thread().name))
        assert ran_on == [threading.current_thread().name]
        assert con.execute("SELECT 42").fetchall() == [(42,)]  # the connection still works
    finally:
        engine.close()
        con.close()


@pytest.mark.skipif(sys.platform != "linux", reason="the idle thread is Linux's")
def test_a_round_starved_of_idle_cpu_is_scored_on_the_scoring_thread(
    store: Store, tmp_path: Path
) -> None:
    """With no patience at all, the round's engine work is cancelled at once — and the round
    is scored anyway, on the caller's thread, as are the next ones."""
    from datetime import timedelta

    from pqlkit.console import SilentConsole
    from pqlkit.model.loader import load
    from pqlkit.scoring.prepared import prepare
    from pqlkit.server.scheduled import ScheduledScoring
    from tests.history import History
    from tests.scoring.test_pillars import signup

    now = datetime.now(UTC).replace(tzinfo=None)
    h = History()
    signup(h, "ann", now - timedelta(days=30), employees=60)
    h.load(store, tmp_path)
    loaded = load("pillars")
    scoring = ScheduledScoring(store, loaded, 60, SilentConsole(), alerts=list)
    prepared = prepare(store.events, loaded)
    engine = IdleEngine(patience=0, cancel=store.duckdb().interrupt)
    try:
        done = scoring._round(store, prepared, engine)
        assert (done.scored, done.changed) == (1, 1)
        ran_on: list[str] = []
        engine.run(lambda: ran_on.append(threading.current_thread().name))
        assert ran_on == [threading.current_thread().name]
    finally:
        engine.close()
