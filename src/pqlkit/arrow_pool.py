"""Which allocator Arrow's buffers come from in pqlkit's own processes (``pql``, its server),
and how long both jemallocs keep the memory a run frees.

Arrow's default on Linux, mimalloc, was slow to hand out the large buffers of a scoring run's
texts in a process that had just run a big DuckDB query: ``ScoreRun.rows()`` for 186k users
took 1.9 s the first time and 0.8 s the second, in 82k page faults either way; with jemalloc
0.8–0.9 s the first time, and ``pql score`` on 20M events 17.9–18.0 s instead of 19.4–19.8 s
with 0.2 GB less peak memory (bench/RESULTS.md).

Arrow's jemalloc gives the memory freed back to the system at once, DuckDB's own after about a
second; a run of many dates frees and takes again gigabytes between its steps (a query's, the
texts of one date's output and the next), each page faulted in anew — in a virtual machine
whose host takes freed pages back, at a cost that varies from run to run. Both keep it for
jemalloc's usual ten seconds: 12 weekly dates on 20M events scored and worded in 1.15M page
faults instead of 1.41M, 2.0 s of the system's time instead of 2.8 s, and 14.5–14.8 s
instead of 15.0–15.3 s, for 50–80 MB more peak memory (bench/RESULTS.md).

A library caller's process is its own: only pqlkit's entry points choose, and a variable
already set wins.
"""

from __future__ import annotations

import os
import sys

VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"  # read when pyarrow is imported
DECAY = "dirty_decay_ms:10000,muzzy_decay_ms:10000"  # freed memory kept ten seconds
KEEPING = ("JE_ARROW_MALLOC_CONF", "DUCKDB_JE_MALLOC_CONF")  # read as each jemalloc starts


def prefer_jemalloc() -> None:
    """Name jemalloc as Arrow's pool unless the environment names one — before pyarrow is
    imported; on Linux only, whose pyarrow wheels are built with it (elsewhere Arrow would
    warn and keep its default). And Arrow's and DuckDB's freed memory kept ten seconds (on
    Linux their wheels' allocators are jemalloc) — before either first allocates."""
    if sys.platform == "linux":
        os.environ.setdefault(VARIABLE, "jemalloc")
        for name in KEEPING:
            os.environ.setdefault(name, DECAY)
