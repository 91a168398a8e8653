"""The Segment spec's rules as SQL, applied to every imported row inside DuckDB.

Each format turns its file into the same *parsed* relation (see :mod:`.formats`): a line or row
number, the raw text for reporting, and the Segment fields as text or JSON. :func:`stage_sql`
normalises that relation (empty ids are missing, clock skew is corrected, a missing messageId
becomes a content hash) and decides, per row, the first rule it breaks: its ``field`` and
``reason``. Rows with a reason are rejects; the others become ``events`` rows.

The rules are the ones :mod:`pqlkit.events.spec` applies to a single call.
"""

from __future__ import annotations

from pqlkit.events.spec import MAX_EVENT_BYTES
from pqlkit.store.schema import EVENT_TYPES

PARSED_COLUMNS = (
    "line_no",  # BIGINT: 1-based line (or row) number in the file
    "raw",  # VARCHAR: the line as written, for the rejects report
    "size",  # BIGINT: bytes of the call as written (NULL when not known)
    "parse_error",  # VARCHAR: why the line could not be read at all, else NULL
    "type",
    "message_id",
    "event",
    "name",
    "user_id",
    "anonymous_id",
    "group_id",
    "previous_id",
    "ts",  # text or TIMESTAMP: when it happened, as sent
    "original_ts",  # set when the source already corrected ts (Segment exports)
    "sent_at",
    "received_at",
    "properties",  # JSON
    "traits",  # JSON
    "context",  # JSON
)

_TYPES = ", ".join(EVENT_TYPES)
_TYPE_LIST = ", ".join(f"'{t}'" for t in EVENT_TYPES)


def _rules() -> list[tuple[str, str | None, str]]:
    """(condition, field, reason expression) in the order they are checked."""
    return [
        ("parse_error IS NOT NULL", None, "parse_error"),
        (
            f"size > {MAX_EVENT_BYTES}",
            None,
            f"'event is ' || size || ' bytes, over the {MAX_EVENT_BYTES}-byte (32 KB) limit'",
        ),
        ("type IS NULL", "type", "'type is required'"),
        (
            f"type NOT IN ({_TYPE_LIST})",
            "type",
            f"'unknown call type ''' || type || ''' (expected one of {_TYPES})'",
        ),
        (
            "type NOT IN ('alias', 'group') AND user_id IS NULL AND anonymous_id IS NULL",
            "userId",
            "'userId or anonymousId is required'",
        ),
        *(
            (
                f"regexp_matches({column}, '^[[{{]')",
                label,
                f"'{label} must be a string, not an object or array'",
            )
            for column, label in (
                ("user_id", "userId"),
                ("anonymous_id", "anonymousId"),
                ("group_id", "groupId"),
                ("event", "event"),
            )
        ),
        ("type = 'track' AND event IS NULL", "event", "'event is required in a track call'"),
        ("type = 'group' AND group_id IS NULL", "groupId", "'groupId is required in a group call'"),
        (
            "type = 'alias' AND previous_id IS NULL",
            "previousId",
            "'previousId is required in an alias call'",
        ),
        ("type = 'alias' AND user_id IS NULL", "userId", "'userId is required in an alias call'"),
        (
            "ts_text IS NOT NULL AND ts_v IS NULL",
            "timestamp",
            "'not an ISO-8601 date-time: ''' || ts_text || ''''",
        ),
        (
            "ts_v IS NULL AND received_v IS NULL",
            "timestamp",
            "'timestamp is required (the file has no receivedAt either)'",
        ),
        (
            "sent_text IS NOT NULL AND sent_v IS NULL",
            "sentAt",
            "'not an ISO-8601 date-time: ''' || sent_text || ''''",
        ),
        (
            "properties IS NOT NULL AND left(ltrim(CAST(properties AS VARCHAR)), 1) <> '{'",
            "properties",
            "'properties must be a JSON object'",
        ),
        (
            "traits IS NOT NULL AND left(ltrim(CAST(traits AS VARCHAR)), 1) <> '{'",
            "traits",
            "'traits must be a JSON object'",
        ),
        (
            "context IS NOT NULL AND left(ltrim(CAST(context AS VARCHAR)), 1) <> '{'",
            "context",
            "'context must be a JSON object'",
        ),
    ]


def _case(pick: str) -> str:
    branches = []
    for condition, field, reason in _rules():
        value = reason if pick == "reason" else (f"'{field}'" if field else "NULL")
        branches.append(f"WHEN {condition} THEN {value}")
    return "CASE " + " ".join(branches) + " END"


def _id(column: str) -> str:
    return f"NULLIF(TRIM(CAST({column} AS VARCHAR)), '')"


def _time(column: str) -> str:
    return f"TRY_CAST(TRY_CAST({column} AS TIMESTAMPTZ) AS TIMESTAMP)"


def stage_sql(parsed: str) -> str:
    """SQL selecting the staged rows of a parsed relation (a table name or a subquery)."""
    hashed = (
        "'hash-' || md5(concat_ws('|', type, event, name, user_id, anonymous_id, group_id, "
        "previous_id, ts_text, CAST(properties AS VARCHAR), CAST(traits AS VARCHAR)))"
    )
    corrected = (
        "CASE WHEN ts_v IS NOT NULL AND sent_v IS NOT NULL AND received_v IS NOT NULL "
        "AND original_v IS NULL THEN received_v - (sent_v - ts_v) "
        "ELSE coalesce(ts_v, received_v) END"
    )
    return f"""
    WITH p AS (SELECT * FROM {parsed}),
    n AS (
      SELECT line_no, raw, size, parse_error,
        lower({_id("type")}) AS type,
        {_id("message_id")} AS message_id,
        {_id("event")} AS event,
        {_id("name")} AS name,
        {_id("user_id")} AS user_id,
        {_id("anonymous_id")} AS anonymous_id,
        {_id("group_id")} AS group_id,
        {_id("previous_id")} AS previous_id,
        {_id("ts")} AS ts_text,
        {_id("sent_at")} AS sent_text,
        {_time("ts")} AS ts_v,
        {_time("original_ts")} AS original_v,
        {_time("sent_at")} AS sent_v,
        {_time("received_at")} AS received_v,
        CAST(properties AS JSON) AS properties,
        CAST(traits AS JSON) AS traits,
        CAST(context AS JSON) AS context
      FROM p
    )
    SELECT
      line_no,
      {_case("field")} AS field,
      {_case("reason")} AS reason,
      coalesce(message_id, {hashed}) AS message_id,
      type, event, name, user_id, anonymous_id, group_id, previous_id,
      {corrected} AS timestamp,
      coalesce(original_v, ts_v) AS original_timestamp,
      sent_v AS sent_at,
      received_v AS received_at,
      properties, traits, context,
      raw
    FROM n
    """
