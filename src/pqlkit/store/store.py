"""The :class:`Store`: an open, migrated connection and the tables pqlkit keeps in it."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pqlkit.errors import StoreError
from pqlkit.store import kept, migrations
from pqlkit.store.connection import (
    EVENTS_CATALOG,
    StoreLocation,
    connect,
    events_file,
    has_table,
    locate,
)

if TYPE_CHECKING:
    import duckdb
    import ibis.expr.types as ir
    from ibis.backends.sql import SQLBackend


class Store:
    """An Ibis connection to the store, migrated to the current schema."""

    def __init__(self, location: StoreLocation, backend: SQLBackend, read_only: bool) -> None:
        self.location = location
        self.backend = backend
        self.read_only = read_only

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
        location = locate(db)
        backend = connect(location, read_only=read_only)
        if read_only:
            if migrations.applied_version(backend) < migrations.CURRENT_VERSION:
                raise StoreError(
                    f"the store {location} has an older schema: run any writing command "
                    "(e.g. pql ingest) to migrate it"
                )
        else:
            migrations.migrate(backend)
            kept.fold(backend)  # what a server appended since (one query when nothing)
        if location.path is not None:
            _check_event_log(backend, location.path)
        return cls(location, backend, read_only)

    @property
    def files(self) -> tuple[Path, ...]:
        """The files of an embedded store (both, to copy or move it); none for other engines."""
        return self.location.files

    # -- tables ---------------------------------------------------------------------------------

    def table(self, name: str) -> ir.Table:
        return self.backend.table(name)

    @property
    def events(self) -> ir.Table:
        return self.backend.table("events")

    @property
    def is_duckdb(self) -> bool:
        return getattr(self.backend, "name", "") == "duckdb"

    def duckdb(self) -> duckdb.DuckDBPyConnection:
        """The raw DuckDB connection of an embedded store (for DuckDB's file readers)."""
        if not self.is_duckdb:
            raise StoreError(f"{self.location} is not a DuckDB store")
        return self.backend.con  # type: ignore[no-any-return]

    # -- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        disconnect = getattr(self.backend, "disconnect", None)
        if disconnect is not None:
            disconnect()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _check_event_log(backend: SQLBackend, path: Path) -> None:
    """An embedded store's event log file is there (copied with the main file, not without)."""
    if not has_table(backend.con, EVENTS_CATALOG, "events"):
        raise StoreError(
            f"the store {path} has no event log: {events_file(path)} is missing or empty "
            "(an embedded store is both files: copy or move them together)"
        )
