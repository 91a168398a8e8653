"""The garbage collector stays paused while any thread scores, and runs again after the last."""

from __future__ import annotations

import gc
import threading

from pqlkit import collector


def test_the_collector_runs_again_only_when_the_last_thread_s_pause_ends() -> None:
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector.paused():
            entered.set()
            leave.wait(5)

    assert gc.isenabled()
    worker = threading.Thread(target=other)
    with collector.paused():
        worker.start()
        assert entered.wait(5)
    assert not gc.isenabled()  # the other thread still scores
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_paused_before_stays_paused() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
