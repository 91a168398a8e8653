"""Who may send: a write key by HTTP Basic (Segment's SDKs) or in the body (analytics.js); no key,
a wrong or revoked one, or a read key is refused before anything is stored."""

from __future__ import annotations

import orjson

from tests.server.conftest import RunningServer, basic, track

# -- keys --------------------------------------------------------------------------------------


def test_a_browser_key_in_the_body_authenticates_like_analytics_js(server: RunningServer) -> None:
    key = server.new_key("write-browser")
    body = orjson.dumps(track() | {"writeKey": key, "messageId": "m1"})
    answer = server.client.post("/v1/t", content=body, headers={"Content-Type": "text/plain"})
    assert answer.status_code == 200
    stored = server.events()
    assert stored.source.iloc[0].startswith("api:browser:k_")
    assert key not in stored.to_json()  # the key itself is never kept


def test_a_batch_with_the_key_in_its_body(server: RunningServer) -> None:
    key = server.new_key("write-browser")
    answer = server.client.post("/v1/b", json={"batch": [track(), track("usr_2")], "writeKey": key})
    assert answer.status_code == 200 and answer.json()["accepted"] == 2


def test_no_key_is_401_and_says_how_to_send_one(server: RunningServer) -> None:
    answer = server.client.post("/v1/track", json=track())
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == 'Basic realm="pqlkit"'
    assert answer.json() == {
        "success": False,
        "code": "unauthorized",
        "message": "no key: send a write key as the user name of HTTP Basic auth, or as writeKey in the body",
    }
    assert server.events().empty


def test_an_unknown_or_revoked_key_is_401(server: RunningServer) -> None:
    from pqlkit.server.keys import revoke_key

    key = server.new_key()
    key_id = server.runtime.keys.verify(key).key_id  # type: ignore[union-attr]
    assert (
        server.client.post("/v1/track", json=track(), headers=basic("pql_w_made-up")).status_code
        == 401
    )

    def revoke(store):  # type: ignore[no-untyped-def]
        revoke_key(store, key_id)
        server.runtime.keys.reload(store)

    server.runtime.store_thread.submit(revoke).result()
    answer = server.client.post("/v1/track", json=track(), headers=basic(key))
    assert answer.status_code == 401 and answer.json()["message"] == "unknown or revoked key"


def test_a_read_key_cannot_write(server: RunningServer) -> None:
    key = server.new_key("read")
    answer = server.client.post("/v1/batch", json={"batch": [track()]}, headers=basic(key))
    assert answer.status_code == 403
    assert "is a read key: it cannot send events" in answer.json()["message"]
    assert server.events().empty


def test_a_header_key_is_checked_before_the_body_is_read(server: RunningServer) -> None:
    answer = server.client.post("/v1/batch", content=b"{not json", headers=basic("pql_w_wrong"))
    assert answer.status_code == 401
