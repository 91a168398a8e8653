"""Engine work of the server's scoring rounds runs on a thread that takes only idle CPU."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from pqlkit.server.idle_engine import IdleEngine

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
