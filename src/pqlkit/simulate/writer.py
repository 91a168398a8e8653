"""Write a simulation to files: the events (Parquet or Segment JSONL) and the ground truth.

Parquet keeps the store's column layout. JSONL writes what Segment itself exports: one object per
line with camelCase keys (``type``, ``messageId``, ``event``, ``name``, ``userId``,
``anonymousId``, ``groupId``, ``previousId``, ``timestamp`` in ISO-8601 with a ``Z``) and
``properties``, ``traits`` and ``context`` as nested objects, each key present only when it has a
value for that call. DuckDB builds the lines in parallel from the Arrow table (the JSON columns
are already JSON text, so they are spliced in, not re-parsed) and streams them to the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyarrow.parquet as pq

from pqlkit.errors import SimulationError
from pqlkit.simulate.simulation import Simulation

EVENTS_PARQUET = "events.parquet"
EVENTS_JSONL = "events.jsonl"
TRUTH_USERS = "truth_users.parquet"
TRUTH_ACCOUNTS = "truth_accounts.parquet"

# (Segment key, column, how the value is written)
_JSONL_KEYS: tuple[tuple[str, str, str], ...] = (
    ("type", "type", "string"),
    ("messageId", "message_id", "string"),
    ("event", "event", "string"),
    ("name", "name", "string"),
    ("userId", "user_id", "string"),
    ("anonymousId", "anonymous_id", "string"),
    ("groupId", "group_id", "string"),
    ("previousId", "previous_id", "string"),
    ("timestamp", "timestamp", "time"),
    ("properties", "properties", "json"),
    ("traits", "traits", "json"),
    ("context", "context", "json"),
)


@dataclass(frozen=True)
class SimulationFiles:
    """Where a simulation was written, and how many rows each file holds."""

    events_path: Path
    users_path: Path
    accounts_path: Path
    format: Literal["parquet", "jsonl"]
    events: int
    users: int
    accounts: int


def _jsonl_line_sql() -> str:
    parts = []
    for i, (key, column, how) in enumerate(_JSONL_KEYS):
        lead = "{" if i == 0 else ","
        if how == "string":
            value = f"to_json({column})::VARCHAR"
        elif how == "time":
            value = f"'\"' || strftime({column}, '%Y-%m-%dT%H:%M:%S.%gZ') || '\"'"
        else:
            value = column
        parts.append(f"coalesce('{lead}\"{key}\":' || {value}, '')")
    # "type" is never null, so the first key always opens the object
    return " || ".join(parts) + " || '}'"


def _write_jsonl(sim: Simulation, path: Path) -> None:
    import duckdb

    with duckdb.connect() as con:
        con.execute("SET preserve_insertion_order = true")
        con.register("sim_events", sim.events)
        # the lines are complete JSON text: write them verbatim, one per line (no CSV quoting;
        # \x1e and \x1f never occur in the generated text)
        con.execute(
            f"COPY (SELECT {_jsonl_line_sql()} AS line FROM sim_events) TO '{_sql_path(path)}' "
            "(FORMAT csv, HEADER false, DELIMITER '\x1f', QUOTE '\x1e', ESCAPE '\x1e')"
        )


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def write(sim: Simulation, directory: Path, fmt: Literal["parquet", "jsonl"]) -> SimulationFiles:
    """Write ``events.parquet`` or ``events.jsonl``, ``truth_users.parquet`` and
    ``truth_accounts.parquet`` into ``directory`` (created if missing)."""
    if fmt not in ("parquet", "jsonl"):
        raise SimulationError(f"unknown format {fmt!r}: use 'parquet' or 'jsonl'")
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SimulationError(f"cannot create output directory {directory}: {exc}") from exc
    if fmt == "parquet":
        events_path = directory / EVENTS_PARQUET
        pq.write_table(sim.events, events_path, compression="zstd", row_group_size=500_000)
    else:
        events_path = directory / EVENTS_JSONL
        _write_jsonl(sim, events_path)
    users_path = directory / TRUTH_USERS
    accounts_path = directory / TRUTH_ACCOUNTS
    pq.write_table(sim.users, users_path, compression="zstd")
    pq.write_table(sim.accounts, accounts_path, compression="zstd")
    return SimulationFiles(
        events_path=events_path,
        users_path=users_path,
        accounts_path=accounts_path,
        format=fmt,
        events=sim.events.num_rows,
        users=sim.users.num_rows,
        accounts=sim.accounts.num_rows,
    )
