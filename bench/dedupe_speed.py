"""Benchmark: which rows of a loaded batch are new — the index of recent messageIds against the
scan of the event log it replaced, in the same run, as the events within the dedupe margin grow.

    python -m bench.dedupe_speed [--sizes 100000,1000000,4000000] [--batches 200]

For each size, a store holds that many events timed within the last hour (as a server at a
sustained rate would; random ids, as SDKs make them), and batches of 300 new rows are checked by
``unstored_rows``: without the index (one DuckDB statement: an anti-join of the batch with every
event within an hour of it) and with it (``pqlkit.server.recent_ids``: hashes in memory). Every
other batch also repeats one stored id (an SDK's retry), which the index sends to the store:
reported apart. Both ways must find the same rows.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

BATCH = 300


def batch(message_ids: list[str]) -> pa.Table:
    """A request's rows as the loader stages them."""
    from pqlkit.events.spec import parse_call
    from pqlkit.server.records import RequestRecord, row_values, rows_table
    from pqlkit.times import utc_now

    now = utc_now()
    call = {"type": "track", "event": "Signed In", "userId": "u1"}
    rows = tuple(
        row_values(parse_call({**call, "messageId": m}).to_row(received_at=now))
        for m in message_ids
    )
    staged, _ = rows_table([RequestRecord("req", "api:server:k_1", now, rows, ())])
    return staged


def main() -> None:
    from pqlkit.server.batch_writes import unstored_rows
    from pqlkit.server.recent_ids import from_store
    from pqlkit.store.store import Store
    from pqlkit.times import utc_now

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,4000000")
    parser.add_argument("--batches", type=int, default=200)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pqlkit-dedupe-bench-"))
    print(f"batches of {BATCH} new rows, {options.batches} each way; medians in ms")
    print(
        f"{'events in the last hour':>24}{'scan':>8}{'index':>8}{'ratio':>8}"
        f"{'scan, retry':>13}{'index, retry':>14}{'index built in':>16}"
    )
    try:
        for size in (int(s) for s in options.sizes.split(",")):
            now = utc_now()
            with Store.open(work / f"s{size}.duckdb") as store:
                store.duckdb().execute(
                    "INSERT INTO events (message_id, type, event, user_id, timestamp, "
                    "received_at, source) SELECT md5('old-' || i), 'track', 'Signed In', 'u' || (i % "
                    "5000), ?::TIMESTAMP - to_microseconds((i * 3600000000 // ?)::BIGINT), ?, "
                    "'bench' FROM range(?) t(i)",
                    [now, size, now, size],
                )
                started = time.perf_counter()
                index = from_store(store, utc_now())
                build = time.perf_counter() - started
                took: dict[tuple[str, bool], list[float]] = {
                    (way, retry): [] for way in ("scan", "index") for retry in (False, True)
                }
                for n in range(options.batches):
                    retry = n % 2 == 1
                    ids = [uuid.uuid4().hex for _ in range(BATCH)]
                    ids += [hashlib.md5(f"old-{n}".encode()).hexdigest()] if retry else []
                    staged = batch(ids)
                    results = {}
                    for way, recent in (("scan", None), ("index", index)):
                        started = time.perf_counter()
                        fresh = unstored_rows(
                            store, staged, utc_now(), lambda lo, hi: set(), recent
                        )
                        took[way, retry].append(time.perf_counter() - started)
                        results[way] = fresh.column("message_id").to_pylist()
                    if results["scan"] != results["index"] or len(results["scan"]) != BATCH:
                        raise SystemExit(f"the two ways differ at batch {n}")
                ms = {key: statistics.median(values) * 1000 for key, values in took.items()}
                scan, indexed = ms["scan", False], ms["index", False]
                print(
                    f"{size:>24,}{scan:>8.2f}{indexed:>8.2f}{scan / indexed:>7.1f}x"
                    f"{ms['scan', True]:>13.2f}{ms['index', True]:>14.2f}{build:>14.2f} s"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
