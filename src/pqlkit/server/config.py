"""How a server runs: where, on which store, with which limits and intervals."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from pqlkit.errors import ConfigError
from pqlkit.server.dedupe import DEFAULT_MAX_AGE_SECONDS, DEFAULT_MAX_IDS
from pqlkit.server.loader import DEFAULT_MAX_ROWS
from pqlkit.server.log_writer import DEFAULT_SEGMENT_BYTES
from pqlkit.store.connection import StoreLocation, locate

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8787


@dataclass(frozen=True)
class ServerConfig:
    db: str | None = None  # --db: a DuckDB file (the default) or an engine URL
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT  # 0: any free port (the lock file and the start-up line tell which)
    model: str | None = None  # the model whose triggers the server will evaluate
    log_dir: Path | None = None  # default: <store>.log beside an embedded store
    score_every: float | None = None  # seconds between scheduled scoring runs (needs a model)
    # DuckDB worker threads while serving (None: 1 with scheduled scoring, so that a round
    # leaves the other core to ingest and the alerts; else DuckDB's default, one per core)
    engine_threads: int | None = None
    load_interval: float = 0.2  # seconds between loader runs
    load_max_rows: int = DEFAULT_MAX_ROWS  # rows per load transaction
    key_refresh_interval: float = 5.0  # seconds; keys changed in the store by another process
    dedupe_max_ids: int = DEFAULT_MAX_IDS
    dedupe_max_age_seconds: float = DEFAULT_MAX_AGE_SECONDS
    segment_bytes: int = DEFAULT_SEGMENT_BYTES
    rate_limit: float = 500.0  # requests per second per key (Segment's guidance); 0: no limit
    rate_burst: float = 1000.0  # requests a key may send at once
    cors_origins: tuple[str, ...] = ()  # CORS is off unless origins are named
    access_log: bool = False
    destinations: Path | None = None  # destinations.yaml: where the outbox is delivered
    delivery_interval: float = 1.0  # seconds between delivery ticks
    crm_sync_every: float = 600.0  # seconds between CRM read-backs (HubSpot, Salesforce); 0: off
    admin_token: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)

    def duckdb_threads(self) -> int | None:
        """The DuckDB ``threads`` setting to serve with (``None``: leave DuckDB's)."""
        if self.engine_threads is not None:
            return self.engine_threads
        return 1 if self.score_every else None

    @property
    def location(self) -> StoreLocation:
        return locate(self.db)

    def log_directory(self) -> Path:
        """Where the log lives: --log-dir, or ``<store>.log`` beside an embedded store."""
        if self.log_dir is not None:
            return self.log_dir.expanduser().resolve()
        location = self.location
        if location.path is None:
            raise ConfigError(
                f"--log-dir is needed: the store {location} is not a local file, and the "
                "server keeps its durable log in a local directory"
            )
        return location.path.with_name(location.path.name + ".log")
