"""Table schemas of the store.

``events`` is the one event log: every Segment call, every imported export row and every row of
an imported entity table (as an ``identify`` or ``group`` call) lands here once, deduplicated by
``message_id``. Identity links and traits are read from it through views (see
:mod:`pqlkit.events.identity`), so nothing is ever rewritten; an embedded store keeps the pairs
of ids its calls linked beside it (:mod:`pqlkit.store.kept`).

All timestamps are naive ``TIMESTAMP`` values in UTC; JSON columns hold the call's
``properties``, ``traits`` and ``context`` objects as JSON text.
"""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.schema as sch

EVENT_TYPES = ("track", "identify", "group", "page", "screen", "alias")

EVENTS: sch.Schema = ibis.schema(
    {
        "message_id": dt.String(nullable=False),
        "type": dt.String(nullable=False),
        "event": dt.string,  # track: the event name
        "name": dt.string,  # page / screen: the page name ("Pricing")
        "user_id": dt.string,
        "anonymous_id": dt.string,
        "group_id": dt.string,  # group: groupId; other calls: context.groupId
        "previous_id": dt.string,  # alias: the id being merged into user_id
        "timestamp": dt.Timestamp(nullable=False),  # when it happened, clock-skew corrected
        "original_timestamp": dt.timestamp,  # the client's own clock
        "sent_at": dt.timestamp,
        "received_at": dt.timestamp,
        "properties": dt.json,
        "traits": dt.json,
        "context": dt.json,
        "source": dt.string,  # "file:<name>", "table:<name>", "api:server:<key id>", "api:browser:<key id>"
        "loaded_at": dt.timestamp,
    }
)

# What an importer hands to the store before source and loaded_at are stamped on it.
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENTS.names)

INGEST_RUNS: sch.Schema = ibis.schema(
    {
        "run_id": dt.string,
        "source": dt.string,
        "format": dt.string,
        "started_at": dt.timestamp,
        "finished_at": dt.timestamp,
        "rows_read": dt.int64,
        "inserted": dt.int64,
        "duplicates": dt.int64,
        "rejected": dt.int64,
    }
)

REJECTS: sch.Schema = ibis.schema(
    {
        "run_id": dt.string,
        "source": dt.string,
        "line": dt.int64,  # 1-based line (files) or index in a batch (API)
        "field": dt.string,
        "reason": dt.string,
        "raw": dt.string,  # the offending record, truncated to 2 KB
        "rejected_at": dt.timestamp,
    }
)

ENTITY_TABLES: sch.Schema = ibis.schema(
    {
        "source": dt.string,  # "table:<file name>"
        "entity": dt.string,  # user | account
        "id_column": dt.string,
        "outcome_column": dt.string,
        "as_of": dt.timestamp,  # when the table's traits are known from
        "rows": dt.int64,
    }
)

SCORES_LEDGER: sch.Schema = ibis.schema(
    {
        "model": dt.string,
        "model_hash": dt.string,
        "entity_type": dt.string,
        "entity_id": dt.string,
        "as_of": dt.timestamp,  # the scoring time at which this score or tier began
        "score": dt.float64,
        "tier": dt.string,
        "breakdown_hash": dt.string,
        "recorded_at": dt.timestamp,
    }
)

BREAKDOWNS: sch.Schema = ibis.schema({"breakdown_hash": dt.string, "breakdown": dt.string})

API_KEYS: sch.Schema = ibis.schema(
    {
        "key_id": dt.String(nullable=False),  # public: "k_" + the first hex digits of the hash
        "kind": dt.String(nullable=False),  # write-server | write-browser | read
        "label": dt.string,
        "key_hash": dt.String(nullable=False),  # sha256 of the key; the key itself is never kept
        "created_at": dt.Timestamp(nullable=False),
        "revoked_at": dt.timestamp,
    }
)

# How far the ingest server's log has been loaded into ``events``: one row per log, written in
# the same transaction as the rows it covers.
SERVER_LOG_CHECKPOINT: sch.Schema = ibis.schema(
    {
        "log_id": dt.String(nullable=False),
        "segment": dt.Int64(nullable=False),
        "byte_offset": dt.Int64(nullable=False),
        "loaded_at": dt.Timestamp(nullable=False),
    }
)

# Alerts: fired triggers, one row per (entity, trigger, firing message id) — ``alert_id`` is a
# digest of those three, so finding the same alert again (a replay, a batch run after the
# server) never adds a row. ``detected_at`` is when pqlkit found it; ``fired_at`` the firing
# event's timestamp; ``deadline`` = fired_at + the trigger's respond_within.
ALERTS_V4: sch.Schema = ibis.schema(
    {
        "alert_id": dt.String(nullable=False),
        "model": dt.String(nullable=False),
        "entity_id": dt.String(nullable=False),
        "trigger": dt.String(nullable=False),
        "fired_at": dt.Timestamp(nullable=False),
        "message_id": dt.String(nullable=False),
        "deadline": dt.Timestamp(nullable=False),
        "key": dt.String(nullable=False),  # what was counted: the user, account or domain
        "user_id": dt.String(nullable=False),  # whose event fired it
        "evidence": dt.String(nullable=False),  # JSON array of the counted events' message ids
        "detected_at": dt.Timestamp(nullable=False),
        "status": dt.String(nullable=False),  # open | touched | closed
        "first_touch_at": dt.timestamp,
    }
)
# Migration 8 adds where the first touch came from: "feedback:<source>" or "crm:<destination>".
ALERTS: sch.Schema = ibis.schema({**ALERTS_V4.fields, "first_touch_source": dt.string})

# The outbox: what must reach a destination (Slack, a CRM, a webhook), kept until it has.
# ``id`` is a digest of (destination, idempotency_key), so enqueuing the same key for the same
# destination twice is a no-op. ``status``: pending → delivered, or dead after too many attempts
# or too long (an operator can retry or drop it). ``payload`` is JSON text (a hand-off);
# ``progress`` JSON text of the steps a multi-step delivery has done (a CRM record's id), so a
# retry does not repeat them; ``last_error`` never holds a secret. DuckDB: the primary key is
# the only index, so updates of the other columns stay in place.
OUTBOX_DDL = """
CREATE TABLE outbox (
    id VARCHAR NOT NULL PRIMARY KEY,
    destination VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    idempotency_key VARCHAR NOT NULL,
    payload VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_attempt_at TIMESTAMP,
    last_error VARCHAR,
    progress VARCHAR,
    delivered_at TIMESTAMP,
    dead_at TIMESTAMP
)
"""

# Sales feedback on leads, with who and when (``label``: good | not-ready | converted | lost |
# touched). ``source``: "api:<key id>" or "cli".
FEEDBACK: sch.Schema = ibis.schema(
    {
        "feedback_id": dt.String(nullable=False),
        "entity_id": dt.String(nullable=False),
        "label": dt.String(nullable=False),
        "note": dt.string,
        "by": dt.string,
        "at": dt.Timestamp(nullable=False),
        "alert_id": dt.string,
        "source": dt.String(nullable=False),
        "recorded_at": dt.Timestamp(nullable=False),
    }
)

# Routing (migration 7). All three are append-only: the latest row wins, nothing is updated.
# ``account_owners``: who owns an account (or a user) by role — owner, ae, csm, am — imported
# from CSV (``pql owners import``) or read back from the CRM; an empty owner_id clears a role.
ACCOUNT_OWNERS: sch.Schema = ibis.schema(
    {
        "account_id": dt.String(nullable=False),
        "role": dt.String(nullable=False),
        "owner_id": dt.string,
        "email": dt.string,
        "name": dt.string,
        "slack_id": dt.string,
        "source": dt.String(nullable=False),  # "csv:<file name>", "crm:<destination>"
        "updated_at": dt.Timestamp(nullable=False),
    }
)
# ``assignments``: every routed lead — its path, owner, why, and the response deadline.
ASSIGNMENTS: sch.Schema = ibis.schema(
    {
        "entity_id": dt.String(nullable=False),
        "entity_kind": dt.String(nullable=False),
        "model": dt.String(nullable=False),
        "path": dt.String(nullable=False),
        "owner_id": dt.string,  # null: a path without a rep (self-serve)
        "owner_email": dt.string,
        "owner_name": dt.string,
        "team": dt.string,
        "reason": dt.String(nullable=False),
        "assigned_at": dt.Timestamp(nullable=False),
        "sla_due": dt.timestamp,
        "handoff_key": dt.String(nullable=False),  # the hand-off's idempotency key
        "source": dt.String(nullable=False),  # route | alert
    }
)
# ``routing_cursors``: each team's round-robin position (the latest row per team counts).
ROUTING_CURSORS: sch.Schema = ibis.schema(
    {
        "team": dt.String(nullable=False),
        "position": dt.Int64(nullable=False),
        "moved_at": dt.Timestamp(nullable=False),
    }
)

# CRM read-back (migration 8). ``crm_touches``: a rep's activity on a lead's CRM record — a
# call, an e-mail or a completed task — one row per CRM activity (``touch_id`` =
# destination:object:id), whatever the number of syncs that saw it. ``crm_syncs``: one row per
# sync of a destination; the latest row's ``cursor`` is where the next sync starts reading.
CRM_TOUCHES: sch.Schema = ibis.schema(
    {
        "touch_id": dt.String(nullable=False),
        "destination": dt.String(nullable=False),
        "entity_id": dt.String(nullable=False),
        "kind": dt.String(nullable=False),  # call | email | task
        "record_id": dt.string,  # the CRM record touched (contact, lead)
        "owner_id": dt.string,  # who did it, in the CRM
        "at": dt.Timestamp(nullable=False),
        "synced_at": dt.Timestamp(nullable=False),
    }
)
CRM_SYNCS: sch.Schema = ibis.schema(
    {
        "destination": dt.String(nullable=False),
        "cursor": dt.Timestamp(nullable=False),  # activities modified from here on are unread
        "synced_at": dt.Timestamp(nullable=False),
        "touches": dt.Int64(nullable=False),
        "first_touches": dt.Int64(nullable=False),
        "owners": dt.Int64(nullable=False),
    }
)
