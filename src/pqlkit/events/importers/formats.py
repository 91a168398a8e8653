"""Each supported file format as SQL that yields the *parsed* relation of :mod:`.rules`.

Line-oriented formats (Segment JSONL, Amplitude, Mixpanel) are read as lines of text with DuckDB's
CSV reader, numbered, and parsed once with ``json_transform``: DuckDB's JSON reader gives no line
numbers, and this path is as fast as it while pointing at the exact line of every bad record.
Compressed files (``.gz``, ``.zst``) are read as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import orjson

from pqlkit.errors import ConfigError

FORMATS = ("segment", "amplitude", "mixpanel", "csv", "parquet")

# Canonical column -> names a tabular file may use for it (first match wins).
TABULAR_ALIASES: dict[str, tuple[str, ...]] = {
    "message_id": ("message_id", "messageId", "messageid", "insert_id", "$insert_id", "event_id"),
    "type": ("type",),
    "event": ("event", "event_name", "event_type"),
    "name": ("name", "page_name"),
    "user_id": ("user_id", "userId", "userid"),
    "anonymous_id": ("anonymous_id", "anonymousId", "anonymousid", "device_id"),
    "group_id": ("group_id", "groupId", "groupid", "account_id"),
    "previous_id": ("previous_id", "previousId"),
    "ts": ("timestamp", "event_time", "time", "ts"),
    "original_ts": ("original_timestamp", "originalTimestamp"),
    "sent_at": ("sent_at", "sentAt"),
    "received_at": ("received_at", "receivedAt"),
    "properties": ("properties",),
    "traits": ("traits",),
    "context": ("context",),
}


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def lines_sql(path: Path) -> str:
    """Every line of a text file with its 1-based number; blank lines are NULL."""
    return (
        "(SELECT row_number() OVER () AS line_no, line FROM read_csv("
        f"{sql_string(str(path))}, columns={{'line': 'VARCHAR'}}, delim=chr(1), quote='', "
        "escape='', header=false, auto_detect=false, strict_mode=false, "
        "max_line_size=33554432))"
    )


def _json_shape(fields: dict[str, str]) -> str:
    return sql_string(orjson.dumps(fields).decode())


def _json_lines(path: Path, shape: dict[str, str], select: str) -> str:
    """Parse each line once into a struct ``s`` and select the parsed columns from it.

    A line that does not parse gets ``parse_error = 'unreadable'``; :func:`explain_unreadable`
    words the reason for those few lines only, so good lines are parsed once.
    """
    return f"""(
      SELECT line_no, line AS raw, strlen(line) AS size,
        CASE WHEN s IS NULL THEN 'unreadable'
             WHEN left(line, 1) <> '{{' AND NOT regexp_matches(line, '^[[:space:]]*[{{]')
             THEN 'must be a JSON object' END AS parse_error,
        {select}
      FROM (
        SELECT line_no, line, try(json_transform(line, {_json_shape(shape)})) AS s
        FROM {lines_sql(path)} WHERE line IS NOT NULL
      )
    )"""


UNREADABLE = "unreadable"


def explain_unreadable(line: str | None) -> str:
    """Why a line that ``json_transform`` refused could not be read."""
    try:
        value = orjson.loads(line or "")
    except orjson.JSONDecodeError as exc:
        return f"not valid JSON ({exc.args[0].split(':')[0]})" if exc.args else "not valid JSON"
    if not isinstance(value, dict):
        return "must be a JSON object"
    return (
        "a field has the wrong type (ids, names and times must be strings; "
        "properties, traits and context objects)"
    )


def segment_sql(path: Path) -> str:
    shape = {
        "type": "VARCHAR",
        "messageId": "VARCHAR",
        "event": "VARCHAR",
        "name": "VARCHAR",
        "userId": "VARCHAR",
        "anonymousId": "VARCHAR",
        "groupId": "VARCHAR",
        "previousId": "VARCHAR",
        "timestamp": "VARCHAR",
        "originalTimestamp": "VARCHAR",
        "sentAt": "VARCHAR",
        "receivedAt": "VARCHAR",
        "properties": "JSON",
        "traits": "JSON",
        "context": "JSON",
    }
    select = """
        s.type AS type, s.messageId AS message_id, s.event AS event,
        coalesce(s.name, CASE WHEN s.type IN ('page', 'screen')
                                THEN s.properties->>'name' END) AS name,
        s.userId AS user_id, s.anonymousId AS anonymous_id,
        coalesce(s.groupId, CASE WHEN contains(CAST(s.context AS VARCHAR), '"groupId"')
                                 THEN s.context->>'groupId' END) AS group_id,
        s.previousId AS previous_id,
        s.timestamp AS ts, s.originalTimestamp AS original_ts,
        s.sentAt AS sent_at, s.receivedAt AS received_at,
        s.properties AS properties, s.traits AS traits, s.context AS context"""
    return _json_lines(path, shape, select)


def amplitude_sql(path: Path) -> str:
    """Amplitude's export: one JSON event per line (``event_type``, ``user_id``, ``device_id``…).

    ``$identify`` events become identify calls (``user_properties`` are their traits),
    ``$groupidentify`` become group calls; the account is the first value of ``groups``.
    ``event_time`` is already corrected by Amplitude and is used as the timestamp.
    """
    shape = {
        "event_type": "VARCHAR",
        "user_id": "VARCHAR",
        "device_id": "VARCHAR",
        "event_time": "VARCHAR",
        "client_event_time": "VARCHAR",
        "event_properties": "JSON",
        "user_properties": "JSON",
        "group_properties": "JSON",
        "groups": "JSON",
        "$insert_id": "VARCHAR",
        "insert_id": "VARCHAR",
        "uuid": "VARCHAR",
    }
    first_group = (
        "CASE WHEN json_type(s.groups) = 'OBJECT' "
        "AND json_array_length(json_keys(s.groups)::JSON) > 0 "
        "THEN coalesce(json_extract_string(s.groups, '$.' || json_keys(s.groups)[1] || '[0]'), "
        "json_extract_string(s.groups, '$.' || json_keys(s.groups)[1])) END"
    )
    select = f"""
        CASE s.event_type WHEN '$identify' THEN 'identify'
             WHEN '$groupidentify' THEN 'group' ELSE 'track' END AS type,
        coalesce(s."$insert_id", s.insert_id, s.uuid) AS message_id,
        CASE WHEN s.event_type IN ('$identify', '$groupidentify') THEN NULL
             ELSE s.event_type END AS event,
        NULL AS name,
        s.user_id AS user_id, s.device_id AS anonymous_id,
        {first_group} AS group_id, NULL AS previous_id,
        s.event_time AS ts, s.event_time AS original_ts, NULL AS sent_at, NULL AS received_at,
        CASE WHEN s.event_type IN ('$identify', '$groupidentify') THEN NULL
             ELSE coalesce(s.event_properties, '{{}}') END AS properties,
        CASE WHEN s.event_type = '$groupidentify' THEN s.group_properties
             WHEN s.user_properties IS NOT NULL AND s.user_properties::VARCHAR <> '{{}}'
             THEN s.user_properties END AS traits,
        NULL AS context"""
    return _json_lines(path, shape, select)


def mixpanel_sql(path: Path) -> str:
    """Mixpanel's raw export: ``{"event": …, "properties": {"time", "distinct_id", …}}``.

    ``time`` is seconds (or milliseconds) since the epoch; ``$insert_id`` is the message id;
    ``$user_id`` / ``$device_id`` give the known and anonymous ids, else ``distinct_id`` does
    (a ``$device:`` prefix marks an anonymous one).
    """
    shape = {"event": "VARCHAR", "properties": "JSON"}
    time = "TRY_CAST(s.properties->>'time' AS DOUBLE)"
    distinct = "(s.properties->>'distinct_id')"
    select = f"""
        'track' AS type, (s.properties->>'$."$insert_id"') AS message_id, s.event AS event,
        NULL AS name,
        coalesce((s.properties->>'$."$user_id"'),
                 CASE WHEN {distinct} NOT LIKE '$device:%'
                           AND (s.properties->>'$."$device_id"') IS NULL
                      THEN {distinct} END) AS user_id,
        coalesce((s.properties->>'$."$device_id"'),
                 CASE WHEN {distinct} LIKE '$device:%' THEN substr({distinct}, 9) END)
          AS anonymous_id,
        NULL AS group_id, NULL AS previous_id,
        CASE WHEN {time} IS NULL THEN s.properties->>'time'
             WHEN {time} > 100000000000 THEN strftime(make_timestamp(CAST({time} * 1000 AS BIGINT)),
                                                       '%Y-%m-%dT%H:%M:%S.%fZ')
             ELSE strftime(make_timestamp(CAST({time} * 1000000 AS BIGINT)),
                           '%Y-%m-%dT%H:%M:%S.%fZ') END AS ts,
        NULL AS original_ts, NULL AS sent_at, NULL AS received_at,
        s.properties AS properties, NULL AS traits, NULL AS context"""
    return _json_lines(path, shape, select)


@dataclass(frozen=True)
class ColumnMapping:
    """How a tabular file's columns map to the Segment fields (``--map event=action,…``).

    Columns not mapped become the call's ``properties`` (``traits`` for identify and group).
    """

    columns: dict[str, str] = field(default_factory=dict)  # canonical -> file column
    default_type: str = "track"

    @classmethod
    def parse(cls, text: str | None, default_type: str = "track") -> ColumnMapping:
        columns: dict[str, str] = {}
        for item in (text or "").split(","):
            if not item.strip():
                continue
            if "=" not in item:
                raise ConfigError(f"--map: {item!r} is not FIELD=COLUMN")
            key, column = (part.strip() for part in item.split("=", 1))
            canonical = "ts" if key == "timestamp" else key
            if canonical not in TABULAR_ALIASES:
                known = ", ".join(k if k != "ts" else "timestamp" for k in TABULAR_ALIASES)
                raise ConfigError(f"--map: unknown field {key!r} (fields: {known})")
            columns[canonical] = column
        return cls(columns=columns, default_type=default_type)

    def resolve(self, available: list[str]) -> dict[str, str]:
        """canonical -> column, from the explicit mapping, else by conventional names."""
        resolved: dict[str, str] = {}
        lowered = {c.lower(): c for c in available}
        for canonical, names in TABULAR_ALIASES.items():
            if canonical in self.columns:
                column = self.columns[canonical]
                if column not in available:
                    raise ConfigError(
                        f"--map: column {column!r} is not in the file (columns: "
                        f"{', '.join(available)})"
                    )
                resolved[canonical] = column
                continue
            for name in names:
                if name.lower() in lowered:
                    resolved[canonical] = lowered[name.lower()]
                    break
        return resolved


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def tabular_select(resolved: dict[str, str], columns: list[str], default_type: str) -> str:
    """The parsed columns from a relation of typed columns plus ``line_no`` and ``raw``."""
    used = set(resolved.values())
    rest = [c for c in columns if c not in used and c not in ("line_no", "raw")]
    if rest:
        packed = ", ".join(f"{sql_string(c)}: {quote_ident(c)}" for c in rest)
        rest_json = f"CAST(to_json({{{packed}}}) AS JSON)"
    else:
        rest_json = "CAST('{}' AS JSON)"

    def col(canonical: str) -> str:
        return quote_ident(resolved[canonical]) if canonical in resolved else "NULL"

    type_expr = (
        f"coalesce({col('type')}, {sql_string(default_type)})"
        if "type" in resolved
        else sql_string(default_type)
    )
    props = col("properties") if "properties" in resolved else rest_json
    traits = col("traits") if "traits" in resolved else rest_json
    return f"""
        line_no, raw, NULL AS size, NULL AS parse_error,
        {type_expr} AS type, {col("message_id")} AS message_id, {col("event")} AS event,
        {col("name")} AS name, {col("user_id")} AS user_id, {col("anonymous_id")} AS anonymous_id,
        {col("group_id")} AS group_id, {col("previous_id")} AS previous_id,
        {col("ts")} AS ts, {col("original_ts")} AS original_ts, {col("sent_at")} AS sent_at,
        {col("received_at")} AS received_at,
        CASE WHEN lower({type_expr}) IN ('identify', 'group') THEN NULL ELSE {props} END
          AS properties,
        CASE WHEN lower({type_expr}) IN ('identify', 'group') THEN {traits} END AS traits,
        {col("context")} AS context"""
