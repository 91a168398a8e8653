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
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block; the collector as it was after it. Not for a generator's
    body: it would stay paused while the generator's caller runs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
