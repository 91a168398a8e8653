"""The lock file a running `pql serve` keeps beside an embedded store.

DuckDB lets one process open a database file for writing and then refuses every other process,
even read-only. The server therefore announces itself in ``<store>.server.json`` (its pid, where
its API listens and the token of its admin API) so that other commands can find it instead of
failing. The file is readable by its owner only (0600): whoever can read it may administer the
server, as whoever can read the store file may read everything in it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    url: str  # base URL of the running server's API
    admin_token: str = ""  # bearer token of its admin API (a new one each run)


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".server.json")


def write(store: Path, info: ServerInfo) -> Path:
    path = lock_path(store)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        json.dump({"pid": info.pid, "url": info.url, "admin_token": info.admin_token}, out)
    tmp.replace(path)
    return path


def remove(store: Path, *, pid: int | None = None) -> None:
    """Remove the lock file; with ``pid``, only when that process wrote it."""
    if pid is not None:
        try:
            if int(json.loads(lock_path(store).read_text())["pid"]) != pid:
                return
        except (OSError, ValueError, KeyError, TypeError):
            return
    lock_path(store).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read(store: Path) -> ServerInfo | None:
    """The running server that owns ``store``, if any (a stale file is ignored)."""
    path = lock_path(store)
    try:
        data = json.loads(path.read_text())
        info = ServerInfo(
            pid=int(data["pid"]), url=str(data["url"]), admin_token=str(data.get("admin_token", ""))
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if _alive(info.pid) else None


def describe_owner(store: Path) -> str | None:
    info = read(store)
    return f"pql serve (pid {info.pid}, {info.url})" if info else None
