"""Open the store: an Ibis connection chosen by URL.

``--db`` (or ``PQLKIT_DB``) takes a path to an embedded DuckDB file (the default,
``pqlkit.duckdb``) or any Ibis URL (``duckdb://…``, ``postgres://…``). The store is migrated to
the current schema when it is opened for writing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pqlkit.errors import ConfigError, StoreBusyError, StoreError
from pqlkit.store import server_lock

if TYPE_CHECKING:
    from ibis.backends.sql import SQLBackend

DEFAULT_DB = "pqlkit.duckdb"
ENV_VAR = "PQLKIT_DB"


@dataclass(frozen=True)
class StoreLocation:
    """Where the store is: an embedded DuckDB file, or another engine's URL."""

    url: str
    path: Path | None  # the DuckDB file, when the store is embedded

    @property
    def embedded(self) -> bool:
        return self.path is not None

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else _redact(self.url)


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


def locate(db: str | os.PathLike[str] | None = None) -> StoreLocation:
    """Resolve ``--db`` / ``PQLKIT_DB`` / the default into a location."""
    raw = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_DB
    if raw.startswith("duckdb://"):
        rest = raw.removeprefix("duckdb://")
        if rest in ("", ":memory:", "/:memory:"):
            return StoreLocation(url="duckdb://:memory:", path=None)
        return StoreLocation(url=raw, path=Path(rest).expanduser().resolve())
    if "://" in raw:
        scheme = raw.split("://", 1)[0]
        if not scheme.replace("+", "").isalnum():
            raise ConfigError(f"--db: {raw!r} is neither a file path nor an engine URL")
        return StoreLocation(url=raw, path=None)
    if raw == ":memory:":
        return StoreLocation(url="duckdb://:memory:", path=None)
    path = Path(raw).expanduser().resolve()
    return StoreLocation(url=f"duckdb://{path}", path=path)


def connect(location: StoreLocation, *, read_only: bool = False) -> SQLBackend:
    """An Ibis backend for the location; UTC session time zone on every engine."""
    import ibis

    if location.url == "duckdb://:memory:":
        backend = ibis.duckdb.connect(":memory:")
    elif location.path is not None:
        if read_only and not location.path.exists():
            raise StoreError(
                f"no store at {location.path}: import events first (pql ingest) "
                "or point --db at an existing store"
            )
        location.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            backend = ibis.duckdb.connect(str(location.path), read_only=read_only)
        except Exception as exc:  # duckdb.IOException; duckdb is imported lazily
            if "lock" in str(exc).lower():
                owner = server_lock.describe_owner(location.path)
                raise StoreBusyError(str(location.path), owner) from None
            raise StoreError(f"cannot open the store {location.path}: {exc}") from None
    else:
        try:
            backend = ibis.connect(location.url)
        except Exception as exc:
            raise StoreError(f"cannot connect to {location}: {exc}") from None
    session_defaults(backend)
    return backend


def session_defaults(backend: object) -> None:
    """UTC everywhere; DuckDB never draws its own progress bar (the core never prints)."""
    name = getattr(backend, "name", "")
    if name == "duckdb":
        backend.raw_sql("SET TimeZone = 'UTC'")  # type: ignore[attr-defined]
        backend.raw_sql("SET enable_progress_bar = true")  # type: ignore[attr-defined]
        backend.raw_sql("SET enable_progress_bar_print = false")  # type: ignore[attr-defined]
    elif name == "postgres":
        backend.raw_sql("SET TIME ZONE 'UTC'")  # type: ignore[attr-defined]
