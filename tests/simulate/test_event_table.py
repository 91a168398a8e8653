"""The event table has the store's schema and holds well-formed Segment calls."""

from __future__ import annotations

import json

import duckdb
import numpy as np

from pqlkit.simulate import EVENT_SCHEMA, Simulation
from pqlkit.simulate import reference as ref
from tests.simulate.conftest import one, rows

STORE_COLUMNS = [
    "message_id", "type", "event", "name", "user_id", "anonymous_id", "group_id", "previous_id",
    "timestamp", "original_timestamp", "sent_at", "received_at", "properties", "traits",
    "context", "source", "loaded_at",
]  # fmt: skip


def test_the_columns_are_the_store_schema_in_order(sim: Simulation) -> None:
    assert sim.events.column_names == STORE_COLUMNS
    assert sim.events.schema.equals(EVENT_SCHEMA)


def test_events_are_sorted_by_time_and_message_ids_are_unique(sim: Simulation) -> None:
    t = sim.events["timestamp"].to_numpy().astype("int64")
    assert np.all(np.diff(t) >= 0)
    ids = sim.events["message_id"]
    assert len(set(ids.to_pylist())) == len(ids)


def test_each_call_type_fills_its_own_fields(db: duckdb.DuckDBPyConnection) -> None:
    assert {t for (t,) in rows(db, "select distinct type from ev")} == {
        "track", "page", "identify", "group", "alias",
    }  # fmt: skip
    bad = """
        select count(*) from ev where
            (type = 'track') <> (event is not null)
         or (type = 'page') <> (name is not null)
         or (type = 'alias') <> (previous_id is not null)
         or (type in ('identify', 'group')) <> (traits is not null)
         or (type in ('track', 'page')) <> (properties is not null)
         or (type = 'group' and group_id is null)
         or (type = 'alias' and previous_id <> anonymous_id)
         or (user_id is null and type <> 'page')
         or anonymous_id is null
    """
    assert one(db, bad) == 0


def test_json_columns_are_objects_and_context_names_the_group(
    db: duckdb.DuckDBPyConnection,
) -> None:
    sample = rows(db, "select properties, traits, context, group_id from ev using sample 3000")
    for properties, traits, context, group_id in sample:
        for text in (properties, traits):
            assert text is None or isinstance(json.loads(text), dict)
        parsed = json.loads(context)
        assert parsed["library"]["name"] in ("analytics.js", "analytics-node")
        assert parsed.get("groupId") == group_id


def test_identify_and_group_calls_carry_the_documented_traits(
    db: duckdb.DuckDBPyConnection,
) -> None:
    identify = json.loads(one(db, "select traits from ev where type = 'identify' limit 1"))
    assert {"email", "name", "title", "role", "created_at"} <= identify.keys()
    group = json.loads(one(db, "select traits from ev where type = 'group' limit 1"))
    assert {"name", "domain", "employees", "industry", "region", "plan"} <= group.keys()
    plans = {
        p
        for (p,) in rows(
            db, "select distinct json_extract_string(traits, '$.plan') from ev where type='group'"
        )
    }
    assert plans == {"free", "trial", "paid"}


def test_enterprise_feature_views_name_the_feature(db: duckdb.DuckDBPyConnection) -> None:
    features = rows(
        db,
        "select distinct json_extract_string(properties, '$.feature') from ev where event = 'Enterprise Feature Viewed'",
    )
    assert {f for (f,) in features} == {"SSO", "SCIM", "Audit Log", "Admin Settings"}


def test_the_segment_b2b_spec_events_and_intent_pages_are_all_there(
    db: duckdb.DuckDBPyConnection,
) -> None:
    events = {e for (e,) in rows(db, "select distinct event from ev where event is not null")}
    assert {
        "Signed Up", "Signed In", "Invite Sent", "Account Added User", "Trial Started",
        "Trial Ended", "Account Created", "Onboarding Completed", "Paywall Hit",
        "Checkout Started", "Subscription Started", "Enterprise Feature Viewed", "Report Created",
    } <= events  # fmt: skip
    pages = {p for (p,) in rows(db, "select distinct name from ev where type = 'page'")}
    assert {"Pricing", "Billing", "Upgrade", "Docs", "Dashboard"} <= pages


def test_reference_data_needs_no_json_escaping() -> None:
    texts = [
        *ref.FIRST_NAMES, *ref.LAST_NAMES, *ref.COMPANY_WORDS, *ref.COMPANY_SUFFIXES,
        *(t.title for t in ref.TITLES), *(name for name, _ in ref.INDUSTRIES),
        *(c.user_agent for c in ref.CLIENTS),
    ]  # fmt: skip
    for text in texts:
        assert json.dumps(text) == f'"{text}"' and text.isascii()
