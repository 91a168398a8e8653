"""Python's cyclic garbage collector, paused while pqlkit makes many objects at once.

Each time the objects made since the last collection reach a count, Python collects; every
few of those walks the whole heap — in a process holding Ibis, sqlglot and DuckDB, 0.2 s each.
A scoring run makes objects by the hundred thousand (compiled queries, alerts, rows) and set off
four such walks on one date of 20M events, about a second of the run (bench/RESULTS.md); a
``rows()`` of 186k users took 2.98 s with collections, 0.83 s without. Paused, the few cycles a
run makes wait for the next collection after it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0  # blocks inside paused(), on any thread
_enabled = False  # whether the collector ran before the first of them


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block; the collector as it was once no block of any thread
    holds it paused (threads scoring at once pause it together). Not for a generator's body:
    it would stay paused while the generator's caller runs."""
    global _holders, _enabled
    with _lock:
        if not _holders:
            _enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if not _holders and _enabled:
                gc.enable()


@contextmanager
def collecting_beside() -> Iterator[None]:
    """A collection on a thread of its own while the block runs: for a block that waits on an
    engine's threads, Python's lock released, after making many objects paused (a compiled
    query's sqlglot trees are cycles). Collected as the pause ends instead, they held up the
    caller: 0.5 s after the query of 12 dates on 20M events (bench/RESULTS.md)."""
    if not _enabled:  # the caller keeps it off
        yield
        return
    collecting = threading.Thread(target=gc.collect, name="pqlkit-collect")
    collecting.start()
    try:
        yield
    finally:
        collecting.join()
