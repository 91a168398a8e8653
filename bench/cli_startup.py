"""`pql --help` start-up time against a bare Python start, in the same run.

    python -m bench.cli_startup [--runs 10]

The goal is under half a second for `pql --help` on this machine; the bare interpreter is the
floor no Python command can beat.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _time(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    pql = str(Path(sys.executable).with_name("pql"))
    bare = _time([sys.executable, "-c", "pass"], args.runs)
    helps = _time([pql, "--help"], args.runs)
    print(
        f"python -c pass: {bare * 1000:.0f} ms; pql --help: {helps * 1000:.0f} ms "
        f"(median of {args.runs}); ratio {helps / bare:.1f}x; goal < 500 ms"
    )


if __name__ == "__main__":
    main()
