"""Which allocator Arrow's buffers come from in pqlkit's own processes (``pql``, its server).

Arrow's default on Linux, mimalloc, was slow to hand out the large buffers of a scoring run's
texts in a process that had just run a big DuckDB query: ``ScoreRun.rows()`` for 186k users
took 1.9 s the first time and 0.8 s the second, in 82k page faults either way; with jemalloc
0.8–0.9 s the first time, and ``pql score`` on 20M events 17.9–18.0 s instead of 19.4–19.8 s
with 0.2 GB less peak memory (bench/RESULTS.md). A library caller's process is its own: only
pqlkit's entry points choose, and an ``ARROW_DEFAULT_MEMORY_POOL`` already set wins.
"""

from __future__ import annotations

import os
import sys

VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"  # read when pyarrow is imported


def prefer_jemalloc() -> None:
    """Name jemalloc as Arrow's pool unless the environment names one — before pyarrow is
    imported; on Linux only, whose pyarrow wheels are built with it (elsewhere Arrow would
    warn and keep its default)."""
    if sys.platform == "linux":
        os.environ.setdefault(VARIABLE, "jemalloc")
