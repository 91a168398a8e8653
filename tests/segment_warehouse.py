"""Write Segment calls as Segment's warehouse destination lays them out, for warehouse-mode tests.

``tracks`` holds every track call (``event`` = the slug, ``event_text`` = the name) and a table
per event slug holds the same rows with one column per property; ``identifies`` and ``groups``
hold trait columns; ``pages`` property columns; ``aliases`` the previous id. Nested objects are
flattened with ``_`` and keys are snake_cased, as Segment does; timestamps are
``timestamptz``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from typing import Any

import orjson

from pqlkit.events.spec import parse_time

TABLE_OF = {"identify": "identifies", "group": "groups", "page": "pages", "alias": "aliases"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def flatten(value: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{slug(key)}"
        if isinstance(item, dict):
            out.update(flatten(item, f"{name}_"))
        else:
            out[name] = item
    return out


def segment_rows(calls: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows per warehouse table for the given Segment calls."""
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for call in calls:
        at = parse_time(call["timestamp"])
        base = {
            "id": call["messageId"],
            "timestamp": at,
            "received_at": at,
            "original_timestamp": at,
            "uuid_ts": at,
            "user_id": call.get("userId"),
            "anonymous_id": call.get("anonymousId"),
            **flatten(call.get("context") or {}, "context_"),
        }
        kind = call["type"]
        if kind == "track":
            event = {"event": slug(call["event"]), "event_text": call["event"]}
            tables["tracks"].append({**base, **event})
            properties = flatten(call.get("properties") or {})
            tables[slug(call["event"])].append({**properties, **base, **event})
        elif kind in ("identify", "group"):
            traits = flatten(call.get("traits") or {})
            extra = {"group_id": call["groupId"]} if kind == "group" else {}
            tables[TABLE_OF[kind]].append({**traits, **base, **extra})
        elif kind == "page":
            properties = flatten(call.get("properties") or {})
            tables["pages"].append({**properties, **base, "name": call.get("name")})
        elif kind == "alias":
            tables["aliases"].append({**base, "previous_id": call["previousId"]})
    return tables


def _sql_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {bool} and kinds:
        return "boolean"
    if kinds <= {int} and kinds:
        return "bigint"
    if kinds <= {int, float} and kinds:
        return "double precision"
    if kinds <= {datetime} and kinds:
        return "timestamptz"
    return "text"


def _cell(value: Any, sql_type: str) -> Any:
    if value is None:
        return None
    if sql_type == "text" and not isinstance(value, str):
        return orjson.dumps(value).decode()
    if sql_type == "timestamptz":
        return value.isoformat() + "+00:00"
    return value


def load_segment_schema(url: str, schema: str, calls: list[dict[str, Any]]) -> None:
    """Create ``schema`` on the Postgres at ``url`` with Segment's tables for ``calls``."""
    import psycopg

    tables = segment_rows(calls)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
        for table, rows in tables.items():
            columns = sorted({c for row in rows for c in row})
            types = {c: _sql_type([row.get(c) for row in rows]) for c in columns}
            ddl = ", ".join(f'"{c}" {types[c]}' for c in columns)
            conn.execute(f'CREATE TABLE "{schema}"."{table}" ({ddl})')
            names = ", ".join(f'"{c}"' for c in columns)
            with conn.cursor().copy(f'COPY "{schema}"."{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([_cell(row.get(c), types[c]) for c in columns])
