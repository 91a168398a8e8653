"""The official SDKs, with only their host pointed at pqlkit, deliver events that land in the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.server.conftest import RunningServer


def test_segment_s_python_sdk_delivers_every_call_type(server: RunningServer) -> None:
    from segment.analytics import Client

    key = server.new_key(label="backend")
    errors: list[Exception] = []
    client = Client(key, host=server.url, sync_mode=True, on_error=lambda e, _: errors.append(e))
    happened = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    client.identify("usr_1", {"email": "ada@acme.io", "title": "CTO"}, timestamp=happened)
    client.group("usr_1", "acc_1", {"name": "Acme", "employees": 250}, timestamp=happened)
    client.track("usr_1", "Invite Sent", {"invitee": "bob@acme.io"}, timestamp=happened)
    client.page("usr_1", name="Pricing", timestamp=happened)
    client.screen("usr_1", name="Home", timestamp=happened)
    client.alias("anon_1", "usr_1", timestamp=happened)
    client.flush()
    assert errors == []
    stored = server.events()
    assert sorted(stored.type) == ["alias", "group", "identify", "page", "screen", "track"]
    track = stored[stored.type == "track"].iloc[0]
    assert track.event == "Invite Sent" and json.loads(track.properties) == {
        "invitee": "bob@acme.io"
    }
    assert abs(track.timestamp.to_pydatetime() - happened.replace(tzinfo=None)) < timedelta(
        seconds=5
    )
    assert json.loads(track.context)["library"]["name"] == "analytics-python"
    assert stored[stored.type == "alias"].iloc[0].previous_id == "anon_1"
    assert stored.source.str.startswith("api:server:k_").all()


def test_segment_s_sdk_batches_in_the_background_and_retries_nothing_twice(
    server: RunningServer,
) -> None:
    from segment.analytics import Client

    key = server.new_key()
    client = Client(key, host=server.url, upload_size=50)
    for i in range(500):
        client.track(f"usr_{i % 20}", "Dashboard Created", {"n": i})
    client.flush()
    client.join()
    stored = server.events()
    assert len(stored) == 500 and stored.message_id.is_unique


def test_rudderstack_s_python_sdk_delivers_gzip_batches(server: RunningServer) -> None:
    from rudderstack.analytics import Client

    key = server.new_key(label="rudder")
    errors: list[Exception] = []
    client = Client(key, host=server.url, sync_mode=True, on_error=lambda e, _: errors.append(e))
    assert client.gzip  # RudderStack's SDK gzips by default
    client.identify("usr_2", {"email": "grace@initech.com"})
    client.track("usr_2", "Paywall Hit", {"feature": "sso"})
    client.group("usr_2", "acc_2", {"name": "Initech"})
    client.page("usr_2", category="Docs", name="Pricing")
    client.alias("anon_2", "usr_2")
    client.flush()
    assert errors == []
    stored = server.events()
    assert sorted(stored.type) == ["alias", "group", "identify", "page", "track"]
    assert stored[stored.type == "track"].iloc[0].event == "Paywall Hit"
    assert stored[stored.type == "page"].iloc[0]["name"] == "Pricing"


def test_an_sdk_with_a_wrong_key_is_told_why(server: RunningServer) -> None:
    from segment.analytics import Client
    from segment.analytics.request import APIError

    errors: list[Exception] = []
    client = Client(
        "pql_w_wrong",
        host=server.url,
        sync_mode=True,
        on_error=lambda e, _: errors.append(e),
        max_retries=0,
    )
    try:
        client.track("usr_1", "Signed In")
    except APIError as exc:  # sync mode raises
        errors.append(exc)
    assert errors and isinstance(errors[0], APIError)
    assert (errors[0].status, errors[0].code, errors[0].message) == (
        401,
        "unauthorized",
        "unknown or revoked key",
    )
    assert server.events().empty
