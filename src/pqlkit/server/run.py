"""`pql serve`'s process: own the store, bind, announce, serve with uvicorn, stop cleanly.

Start: the runtime opens first (a busy store or a bad model is a one-line error before anything
listens), then the socket is bound (port 0 picks a free port) and the lock file beside an
embedded store names this process, its URL and its admin token. Stop (SIGTERM or SIGINT):
uvicorn stops accepting and finishes the requests in flight, then the runtime writes what is
queued to the log, loads all of it into the store and closes the store; the lock file goes last,
so a command that finds no lock also finds the store free.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from pqlkit.console import Console, SilentConsole
from pqlkit.errors import ConfigError, StoreBusyError
from pqlkit.server.config import ServerConfig
from pqlkit.server.runtime import Runtime
from pqlkit.store import server_lock

GRACEFUL_SHUTDOWN_SECONDS = 10
GIL_SWITCH_SECONDS = 0.001


@dataclass(frozen=True)
class ServeResult:
    url: str
    loaded_rows: int  # events this run moved from the log into the store


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (``port`` 0: any free port)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ConfigError(f"--host {host}: {exc.strerror or exc}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def url_of(sock: socket.socket) -> str:
    """The URL local clients use to reach the socket (a wildcard address becomes loopback)."""
    host, port = sock.getsockname()[:2]
    if sock.family == socket.AF_INET6:
        host = "::1" if host == "::" else host
        return f"http://[{host}]:{port}"
    return f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}"


@contextmanager
def _stop_signals_before_uvicorn(stop: list[bool]) -> Iterator[None]:
    """Note SIGTERM/SIGINT that arrive before uvicorn takes them over (and the ones it raises
    again after its own shutdown), instead of dying without the final load."""

    def note(signum: int, frame: FrameType | None) -> None:
        stop.append(True)

    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def serve(config: ServerConfig, console: Console | None = None) -> ServeResult:
    """Run the server until SIGTERM or SIGINT."""
    import uvicorn

    from pqlkit.server.app import create_app

    console = console or SilentConsole()
    if config.model:
        # With a model the store thread evaluates real-time triggers: it hands the GIL back at
        # every DuckDB call and waits up to the switch interval to get it again while requests
        # and scoring compute. 1 ms rather than Python's 5 ms cut the alerts' p99 under load by
        # a third to a half; without a model Python's default keeps more throughput
        # (bench/RESULTS.md).
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
    location = config.location
    if location.path is not None:
        owner = server_lock.describe_owner(location.path)
        if owner is not None:
            raise StoreBusyError(str(location.path), owner)
    stop: list[bool] = []
    with _stop_signals_before_uvicorn(stop):
        runtime = Runtime.open(config, console)
        try:
            sock = bind(config.host, config.port)
            try:
                url = url_of(sock)
                if location.path is not None:
                    info = server_lock.ServerInfo(os.getpid(), url, config.admin_token)
                    server_lock.write(location.path, info)
                server = uvicorn.Server(
                    uvicorn.Config(
                        create_app(config, runtime=runtime, console=console),
                        lifespan="on",
                        ws="none",
                        log_level="info" if config.access_log else "warning",
                        access_log=config.access_log,
                        server_header=False,
                        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
                    )
                )
                model = f", model {config.model}" if config.model else ""
                console.info(
                    f"pql serve: listening on {url} (store {location}, "
                    f"log {runtime.log.directory}{model})"
                )
                if not stop:
                    server.run(sockets=[sock])
            finally:
                sock.close()
        finally:
            runtime.close()  # the final load, then the store is free
            if location.path is not None:
                server_lock.remove(location.path, pid=os.getpid())
    return ServeResult(url, runtime.loader.loaded_rows)
