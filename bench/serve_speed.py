"""Benchmark: `pql serve` on loopback — ingest throughput and latency, and alert latency while
scheduled scoring runs — each beside its limit measured in the same run.

    python -m bench.serve_speed [--seconds 10] [--store-events 1000000] [--routing]

1. `/v1/batch` throughput (100 events a request, durability on: every 200 is fsync'd) and
   p50/p99 latency at increasing concurrency, beside the same requests to a no-op FastAPI
   endpoint on the same uvicorn (the framework's limit) and beside a raw DuckDB insert of the
   same rows, one insert per request (the store's limit for acknowledging after a write).
2. `/v1/track` p99 at 500 requests/s, open loop (latency from each request's scheduled time,
   so a stall counts for every request it delays), beside the no-op endpoint at the same rate.
   Then (Linux) the server process's CPU per event at a fixed 10,000 events/s of batches, beside
   the no-op endpoint's: a figure the machine's speed moves less than wall-clock rates.
3. Alert latency: with the `pillars` model and `--score-every` on a store of simulated history,
   background batches at half the measured maximum, and a "Paywall Hit" from a new user every
   50 ms once the background load has run for two seconds (each generator starts at a set
   time, after its process has imported what it uses): event received → alert detected (the
   alert's ``detected_at`` minus its event's ``received_at``, both stamped by the server:
   when the loader took the event's batch), and received → alert and outbox row committed (the
   server's own timing, ``GET /healthz``). With ``--routing`` the routing template sits beside
   the model, so each alert is also routed (path, owner, deadline, the person's context) in
   the transaction that commits it.

The load generator runs on the same 2-core machine, as the issue's goals demand.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
from fastapi import FastAPI, Request
from starlette.responses import Response

from pqlkit.store.files import copy_store

BATCH_EVENTS = 100
CONCURRENCY = (1, 4, 16)
TRACK_RATE = 500
CPU_RATE = 10_000  # events/s of batches while the server's CPU is measured
GENERATOR_START = 2.0  # seconds: a spawned load generator's imports are done by then
WARM_UP = 2.0  # seconds of background load before the paywall hits begin


# -- the servers under test -----------------------------------------------------------------


def noop_app() -> FastAPI:
    """A FastAPI app that reads the body and answers as the ingest API does, doing nothing."""
    app = FastAPI()

    async def noop(request: Request) -> Response:
        await request.body()
        return Response(b'{"success":true}', media_type="application/json")

    for path in ("/v1/batch", "/v1/track"):
        app.add_api_route(path, noop, methods=["POST"])
    return app


class Process:
    def __init__(self, args: list[str], ready_url: str) -> None:
        self.log = tempfile.NamedTemporaryFile(prefix="serve-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(ready_url, timeout=1).status_code < 500:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"{args} did not start: {Path(self.log.name).read_text()[-2000:]}")

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(120)
        return Path(self.log.name).read_text()


def cpu_seconds(process: Process) -> float:
    """The process's CPU time so far, user and system, all threads (Linux)."""
    fields = Path(f"/proc/{process.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_event(process: Process, url: str, key: str, seconds: float) -> float:
    """Microseconds of the server's CPU per event while batches arrive at ``CPU_RATE``."""
    before = cpu_seconds(process)
    r = in_process(
        "open_loop", url, key, seconds, CPU_RATE / BATCH_EVENTS, _BatchBodies(), "/v1/batch"
    )
    time.sleep(1)  # what the server does after the last answer (loading) counts too
    events = len(r["lat"]) * BATCH_EVENTS
    return (cpu_seconds(process) - before) / max(events, 1) * 1e6


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_noop() -> tuple[Process, str]:
    port = free_port()
    code = (
        "import uvicorn; from bench.serve_speed import noop_app; "
        f"uvicorn.run(noop_app(), host='127.0.0.1', port={port}, log_level='warning')"
    )
    url = f"http://127.0.0.1:{port}"
    return Process([sys.executable, "-c", code], f"{url}/docs"), url


def start_pqlkit(db: Path, *options: str) -> tuple[Process, str, str, str]:
    """`pql serve` on ``db`` with a write and a read key: the process, URL, write, read key."""
    from pqlkit.server.keys import create_key
    from pqlkit.store.store import Store

    with Store.open(db) as store:
        write = create_key(store, "write-server").secret
        read = create_key(store, "read").secret
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-m", "pqlkit", "serve", "--db", str(db), "--port", str(port)]
    args += ["--rate-limit", "0", *options]
    return Process(args, f"{url}/healthz"), url, write, read


def routed_model(work: Path) -> str:
    """The pillars template as a file with the routing template beside it: the server routes
    each alert (owner, path, deadline, context) in the transaction that records it."""
    from pqlkit.model.templates import template_text
    from pqlkit.routing.config import template_text as routing_text

    folder = work / "models"
    folder.mkdir()
    (folder / "routing.yaml").write_text(routing_text())
    model = folder / "pillars.yaml"
    model.write_text(template_text("pillars"))
    return str(model)


# -- load ---------------------------------------------------------------------------------


def batch_body(prefix: str, number: int) -> bytes:
    now = datetime.now(UTC).isoformat()
    calls = [
        {
            "type": "track",
            "userId": f"load_{prefix}_{i % 50}",
            "event": "Report Created",
            "properties": {"n": i, "kind": "weekly"},
            "messageId": f"{prefix}-{number}-{i}",
            "timestamp": now,
        }
        for i in range(BATCH_EVENTS)
    ]
    return orjson.dumps({"batch": calls})


def auth(key: str) -> dict[str, str]:
    token = base64.b64encode(f"{key}:".encode()).decode()
    return {"Authorization": f"Basic {token}", "Content-Type": "application/json"}


class RawClient:
    """A minimal HTTP/1.1 keep-alive client over asyncio streams: a pool of connections, each
    request written as prepared bytes. A fraction of httpx's CPU per request, so that the load
    generator, on the same two cores, measures the server rather than itself."""

    def __init__(self, url: str, key: str, connections: int) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.host, self.port, self.size = host, int(port), connections
        self.headers = "".join(f"{name}: {value}\r\n" for name, value in auth(key).items())
        self.pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = (
            asyncio.Queue()
        )

    async def __aenter__(self) -> RawClient:
        for _ in range(self.size):
            self.pool.put_nowait(await asyncio.open_connection(self.host, self.port))
        return self

    async def __aexit__(self, *exc: object) -> None:
        while not self.pool.empty():
            _, writer = self.pool.get_nowait()
            writer.close()

    async def post(self, path: str, body: bytes) -> int:
        reader, writer = await self.pool.get()
        try:
            head = (
                f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\n{self.headers}"
                f"Content-Length: {len(body)}\r\n\r\n"
            )
            writer.write(head.encode() + body)
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            return int(status_line.split()[1])
        finally:
            self.pool.put_nowait((reader, writer))


async def closed_loop(url: str, key: str, seconds: float, concurrency: int) -> dict[str, Any]:
    """``concurrency`` clients each sending batches back to back."""
    latencies: list[float] = []
    errors = 0
    prefix = uuid.uuid4().hex[:8]
    counter = iter(range(10**9))
    deadline = time.perf_counter() + seconds
    async with RawClient(url, key, concurrency) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                body = batch_body(prefix, next(counter))
                started = time.perf_counter()
                if await client.post("/v1/batch", body) == 200:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "events": len(latencies) * BATCH_EVENTS,
        "seconds": elapsed,
        "lat": latencies,
        "errors": errors,
    }


async def open_loop(
    url: str, key: str, seconds: float, rate: float, body: Any, path: str, start_at: float = 0.0
) -> dict[str, Any]:
    """Requests started at a fixed rate; latency from each one's scheduled start. The first is
    due at ``start_at`` (a ``time.time()``), or at once if that has passed."""
    latencies: list[float] = []
    errors = 0
    count = int(seconds * rate)
    async with RawClient(url, key, 64) as client:
        await asyncio.sleep(max(0.0, start_at - time.time()))
        origin = time.perf_counter() + 0.05

        async def one(n: int) -> None:
            nonlocal errors
            scheduled = origin + n / rate
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            if await client.post(path, body(n)) == 200:
                latencies.append(time.perf_counter() - scheduled)
            else:
                errors += 1

        tasks = []
        for n in range(count):  # start each a little before its time, not all at once
            await asyncio.sleep(max(0.0, origin + n / rate - 0.02 - time.perf_counter()))
            tasks.append(asyncio.create_task(one(n)))
        await asyncio.gather(*tasks)
    return {"requests": count, "lat": latencies, "errors": errors}


def _run(coroutine_name: str, args: tuple[Any, ...], results: Any) -> None:
    results.put(asyncio.run(globals()[coroutine_name](*args)))


def started(coroutine_name: str, *args: Any) -> Callable[[], dict[str, Any]]:
    """Start a load coroutine in its own process (the generator must not share our GIL); call
    what this returns to wait for the coroutine's result."""
    spawn = multiprocessing.get_context("spawn")
    results: Any = spawn.Queue()
    process = spawn.Process(target=_run, args=(coroutine_name, args, results))
    process.start()

    def result() -> dict[str, Any]:
        outcome: dict[str, Any] = results.get()
        process.join()
        return outcome

    return result


def in_process(coroutine_name: str, *args: Any) -> dict[str, Any]:
    """Run a load coroutine in its own process and wait for its result."""
    return started(coroutine_name, *args)()


def track_body(n: int) -> bytes:
    return orjson.dumps(
        {
            "type": "track",
            "userId": f"tracker_{n % 200}",
            "event": "Report Created",
            "messageId": f"track-{uuid.uuid4().hex}",
            "timestamp": datetime.now(UTC).isoformat(),
        }
    )


def paywall_body(n: int) -> bytes:
    return orjson.dumps(
        {
            "type": "track",
            "userId": f"payer_{uuid.uuid4().hex[:12]}",
            "event": "Paywall Hit",
            "messageId": f"pay-{uuid.uuid4().hex}",
            "timestamp": datetime.now(UTC).isoformat(),
        }
    )


# -- the store's limit --------------------------------------------------------------------


def raw_duckdb_inserts(seconds: float) -> float:
    """Events/s of one DuckDB insert per request of the same 100 rows (the events schema)."""
    import pyarrow as pa

    from pqlkit.store.store import Store

    with (
        tempfile.TemporaryDirectory() as directory,
        Store.open(Path(directory) / "raw.duckdb") as store,
    ):
        con = store.duckdb()
        con.execute("CREATE TABLE raw AS SELECT * FROM events LIMIT 0")
        number, deadline, started = 0, time.perf_counter() + seconds, time.perf_counter()
        while time.perf_counter() < deadline:
            calls = orjson.loads(batch_body("raw", number))["batch"]
            rows = pa.table(
                {
                    "message_id": [c["messageId"] for c in calls],
                    "type": ["track"] * len(calls),
                    "event": [c["event"] for c in calls],
                    "user_id": [c["userId"] for c in calls],
                    "timestamp": pa.array(
                        [datetime.now(UTC).replace(tzinfo=None)] * len(calls), pa.timestamp("us")
                    ),
                    "properties": [orjson.dumps(c["properties"]).decode() for c in calls],
                }
            )
            con.register("incoming", rows)
            con.execute(
                "INSERT INTO raw (message_id, type, event, user_id, timestamp, properties) "
                "SELECT * FROM incoming"
            )
            con.unregister("incoming")
            number += 1
        return number * BATCH_EVENTS / (time.perf_counter() - started)


# -- report -------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


@dataclass
class Line:
    what: str
    text: str


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--store-events", type=int, default=1_000_000)
    parser.add_argument(
        "--score-every", default="5m", help="interval of scheduled scoring (e.g. 1m)"
    )
    parser.add_argument(
        "--routing",
        action="store_true",
        help="route every alert as it fires (the routing template beside the pillars model)",
    )
    options = parser.parse_args()
    seconds = options.seconds
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    say(f"cores: {os.cpu_count()}; {seconds:g} s per measurement; batches of {BATCH_EVENTS} events")
    work = Path(tempfile.mkdtemp(prefix="pqlkit-serve-bench-"))
    try:
        # 1. throughput
        noop, noop_url = start_noop()
        served, url, write, _ = start_pqlkit(work / "ingest.duckdb")
        best = 0.0
        say(f"{'/v1/batch':<28}{'clients':>8}{'events/s':>12}{'p50 ms':>9}{'p99 ms':>9}")
        for clients in CONCURRENCY:
            for name, target in (("no-op FastAPI endpoint", noop_url), ("pql serve", url)):
                r = in_process("closed_loop", target, write, seconds, clients)
                rate = r["events"] / r["seconds"]
                if name == "pql serve":
                    best = max(best, rate)
                say(
                    f"{name:<28}{clients:>8}{rate:>12,.0f}{pct(r['lat'], 0.5):>9.1f}{pct(r['lat'], 0.99):>9.1f}"
                    + (f"  errors {r['errors']}" if r["errors"] else "")
                )
        say(f"{'raw DuckDB insert per request':<28}{'':>8}{raw_duckdb_inserts(seconds):>12,.0f}")
        # 2. /v1/track at 500 requests/s
        for name, target in (("no-op FastAPI endpoint", noop_url), ("pql serve", url)):
            r = in_process("open_loop", target, write, seconds, TRACK_RATE, track_body, "/v1/track")
            say(
                f"/v1/track at {TRACK_RATE}/s, {name:<24} p50 {pct(r['lat'], 0.5):6.1f} ms  "
                f"p99 {pct(r['lat'], 0.99):6.1f} ms  errors {r['errors']}"
            )
        if sys.platform == "linux":
            used = {}
            for name, process, target in (("no-op", noop, noop_url), ("pql serve", served, url)):
                used[name] = cpu_per_event(process, target, write, seconds)
            say(
                f"CPU per event at {CPU_RATE:,} events/s of batches: pql serve "
                f"{used['pql serve']:.1f} us, no-op endpoint {used['no-op']:.1f} us "
                f"({used['pql serve'] / used['no-op']:.1f}x)"
            )
        noop.stop()
        served.stop()
        say(f"max /v1/batch throughput of pql serve: {best:,.0f} events/s (goal >= 30,000)")
        # 3. alert latency under half load, with scheduled scoring
        from bench.score_speed import prepare

        data = prepare(
            Path(__file__).parent / "data" / f"serve-{options.store_events}",
            options.store_events,
            max(500, options.store_events // 350),
        )
        db = work / "alerts.duckdb"
        copy_store(data.store, db)
        model = routed_model(work) if options.routing else "pillars"
        served, url, write, read = start_pqlkit(
            db, "--model", model, "--score-every", options.score_every
        )
        half = best / 2 / BATCH_EVENTS  # requests per second
        # Both generators start at set times, after their processes have imported what they
        # use: the background load first, the paywall hits once it has run for WARM_UP
        # seconds (so neither generator's start-up is counted as the server's latency).
        begin = time.time() + GENERATOR_START
        background = started(
            "open_loop", url, write, seconds * 3, half, _BatchBodies(), "/v1/batch", begin
        )
        paywalls = started(
            "open_loop", url, write, seconds * 2, 20, paywall_body, "/v1/track", begin + WARM_UP
        )
        r = paywalls()
        loaded = background()
        time.sleep(2)
        alerts = httpx.get(f"{url}/v1/alerts?limit=1000", headers=auth(read), timeout=60).json()[
            "alerts"
        ]
        committed = httpx.get(f"{url}/healthz", timeout=60).json()["triggers"][
            "received_to_committed"
        ]
        log = served.stop()
        received = _received_at(db, [a["message_id"] for a in alerts])
        waits = [
            (
                datetime.fromisoformat(a["detected_at"].rstrip("Z")) - received[a["message_id"]]
            ).total_seconds()
            for a in alerts
            if a["message_id"] in received
        ]
        rounds = log.count("scheduled scoring:")
        say(
            f"alerts: {len(waits)} of {len(r['lat'])} paywall hits at 20/s, beside "
            f"{half * BATCH_EVENTS:,.0f} events/s of batches (their p99 "
            f"{pct(loaded['lat'], 0.99):.0f} ms, errors {loaded['errors']}); "
            f"scoring rounds during the run: {rounds}"
        )
        say(
            f"event received -> alert detected: p50 {pct(waits, 0.5):.1f} ms  "
            f"p99 {pct(waits, 0.99):.1f} ms (goal p99 <= 100 ms); "
            f"paywall POST p99 {pct(r['lat'], 0.99):.1f} ms"
        )
        say(
            f"event received -> alert and outbox row committed (the server's own count of "
            f"{committed.get('alerts', 0)}): p50 {committed.get('p50_ms', float('nan')):.1f} ms  "
            f"p99 {committed.get('p99_ms', float('nan')):.1f} ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(["", "```", *lines, "```"]))


class _BatchBodies:
    """Picklable body maker for the background load (unique message ids per request)."""

    def __init__(self) -> None:
        self.prefix = uuid.uuid4().hex[:8]

    def __call__(self, n: int) -> bytes:
        return batch_body(self.prefix, n)


def _received_at(db: Path, message_ids: list[str]) -> dict[str, datetime]:
    from pqlkit.store.store import Store

    with Store.open(db, read_only=True) as store:
        rows = (
            store.duckdb()
            .execute(
                "SELECT message_id, received_at FROM events WHERE message_id IN (SELECT unnest(?))",
                [message_ids],
            )
            .fetchall()
        )
    return dict(rows)


if __name__ == "__main__":
    main()
