"""The :class:`Store`: an open, migrated connection and the tables pqlkit keeps in it."""

from __future__ import annotations

import os
from types import TracebackType
from typing import TYPE_CHECKING

from pqlkit.errors import StoreError
from pqlkit.store import migrations
from pqlkit.store.connection import StoreLocation, connect, locate

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
        return cls(location, backend, read_only)

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
