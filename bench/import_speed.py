"""Import speed: `pql ingest` against DuckDB's own reader of the same file, in the same run.

    python -m bench.import_speed [--events 10000000] [--data bench/data]

Simulates a company (realistic Segment events with context, >= 1 KB each as JSON), writes it as
Parquet and as Segment JSONL, then for each file measures, into a fresh DuckDB file each time:

* raw:  CREATE TABLE AS SELECT * FROM read_parquet(...) / read_json(...)  — DuckDB's own reader
* pqlkit: ingest_file(...) — validation, line numbers for rejects, dedupe, the events schema
* pqlkit CLI: the whole `pql ingest` command from the shell, start-up included

and prints events/s and the ratio pqlkit / raw (the goal is >= 0.5). The process's allocators are
set as `pql` sets its own (:func:`pqlkit.arrow_pool.prefer_jemalloc`), for both readers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def _fresh(path: Path) -> Path:
    from pqlkit.store.files import remove_store

    remove_store(path)
    return path


def _raw(file: Path, reader: str, db: Path) -> float:
    import duckdb

    con = duckdb.connect(str(_fresh(db)))
    started = time.perf_counter()
    con.execute(f"CREATE TABLE raw AS SELECT * FROM {reader}('{file}')")
    con.execute("CHECKPOINT")
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def _ours(file: Path, db: Path) -> tuple[float, int]:
    from pqlkit.events.importers import ingest_file
    from pqlkit.store.connection import EVENTS_CATALOG, has_events_catalog
    from pqlkit.store.store import Store

    with Store.open(_fresh(db)) as store:
        started = time.perf_counter()
        report = ingest_file(store, file)
        store.backend.raw_sql("CHECKPOINT")
        if has_events_catalog(store.backend.con):  # the event log's own file, written too
            store.backend.raw_sql(f"CHECKPOINT {EVENTS_CATALOG}")
        elapsed = time.perf_counter() - started
    assert report.rejected == 0, report.rejects[:3]
    return elapsed, report.inserted


def _cli(file: Path, db: Path) -> float:
    pql = Path(sys.executable).with_name("pql")
    started = time.perf_counter()
    subprocess.run(
        [str(pql), "ingest", str(file), "--db", str(_fresh(db))],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--data", type=Path, default=Path("bench/data"))
    args = parser.parse_args()

    from pqlkit.arrow_pool import prefer_jemalloc

    prefer_jemalloc()  # the allocators as in `pql`'s process, for DuckDB's reader too

    from pqlkit.simulate import SimulationConfig, generate, write

    data: Path = args.data / f"import-{args.events}"
    data.mkdir(parents=True, exist_ok=True)
    parquet, jsonl = data / "events.parquet", data / "events.jsonl"
    if not (parquet.exists() and jsonl.exists()):
        started = time.perf_counter()
        sim = generate(SimulationConfig(target_events=args.events, seed=1))
        print(f"simulated {sim.events.num_rows:,} events in {time.perf_counter() - started:.1f} s")
        write(sim, data, "parquet")
        write(sim, data, "jsonl")
        del sim
    events = None
    db = data / "bench.duckdb"
    print(
        f"{'file':<16}{'size':>10}{'raw s':>9}{'pqlkit s':>10}{'cli s':>9}{'raw ev/s':>12}"
        f"{'pqlkit ev/s':>13}{'ratio':>8}"
    )
    for file, reader in ((parquet, "read_parquet"), (jsonl, "read_json")):
        raw = _raw(file, reader, db)
        ours, events = _ours(file, db)
        cli = _cli(file, db)
        size = file.stat().st_size / 2**30
        print(
            f"{file.name:<16}{size:>8.2f}GB{raw:>9.1f}{ours:>10.1f}{cli:>9.1f}"
            f"{events / raw:>12,.0f}{events / ours:>13,.0f}{raw / ours:>8.2f}"
        )
    _fresh(db)
    print(
        f"bytes per JSONL event: {jsonl.stat().st_size / (events or 1):,.0f}; "
        f"cores: {os.cpu_count()}; free disk: {shutil.disk_usage(data).free / 2**30:.0f} GB"
    )


if __name__ == "__main__":
    main()
