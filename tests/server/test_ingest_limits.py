"""Bodies within Segment's limits, after decompression: gzip read, bombs refused without inflating,
unparsable or oversized bodies refused with nothing stored."""

from __future__ import annotations

import gzip

import orjson
import pytest

from tests.server.conftest import RunningServer, basic, track

# -- bodies and limits -------------------------------------------------------------------------


def test_a_gzip_body_is_decompressed(server: RunningServer) -> None:
    key = server.new_key()
    body = gzip.compress(orjson.dumps({"batch": [track(messageId="g1"), track(messageId="g2")]}))
    answer = server.client.post(
        "/v1/batch", content=body, headers=basic(key) | {"Content-Encoding": "gzip"}
    )
    assert answer.status_code == 200 and answer.json()["accepted"] == 2
    assert list(server.events().message_id) == ["g1", "g2"]


def test_a_gzip_bomb_is_refused_without_inflating_it(server: RunningServer) -> None:
    key = server.new_key()
    bomb = gzip.compress(b'{"batch": [' + b" " * 50_000_000 + b"]}")  # 50 MB in ~50 KB
    assert len(bomb) < 100_000
    answer = server.client.post(
        "/v1/batch", content=bomb, headers=basic(key) | {"Content-Encoding": "gzip"}
    )
    assert answer.status_code == 413
    assert answer.json()["code"] == "payload_too_large"
    assert "decompressed body is over the 512000-byte (500 KB) limit" in answer.json()["message"]


def test_a_broken_gzip_body_is_400(server: RunningServer) -> None:
    key = server.new_key()
    answer = server.client.post(
        "/v1/batch", content=b"\x1f\x8bnot gzip", headers=basic(key) | {"Content-Encoding": "gzip"}
    )
    assert answer.status_code == 400 and answer.json()["code"] == "invalid_gzip"


def test_another_content_encoding_is_415(server: RunningServer) -> None:
    key = server.new_key()
    answer = server.client.post(
        "/v1/batch", content=b"{}", headers=basic(key) | {"Content-Encoding": "br"}
    )
    assert answer.status_code == 415


@pytest.mark.parametrize("body", [b"{not json", b"", b"[1, 2]", b'"text"'])
def test_a_body_that_is_not_a_json_object_is_400_and_nothing_is_stored(
    server: RunningServer, body: bytes
) -> None:
    key = server.new_key()
    answer = server.client.post("/v1/batch", content=body, headers=basic(key))
    assert answer.status_code == 400
    assert answer.json()["success"] is False and answer.json()["code"] == "invalid_json"
    assert server.events().empty and server.rejects().empty


def test_a_batch_that_is_not_a_list_is_400(server: RunningServer) -> None:
    key = server.new_key()
    answer = server.client.post("/v1/batch", json={"batch": {"type": "track"}}, headers=basic(key))
    assert (
        answer.status_code == 400 and answer.json()["message"] == "batch: must be a list of calls"
    )


def test_a_batch_over_500_kb_is_413_and_nothing_is_stored(server: RunningServer) -> None:
    key = server.new_key()
    calls = [track(f"usr_{i}", properties={"pad": "x" * 1000}) for i in range(600)]  # ~650 KB
    answer = server.client.post("/v1/batch", json={"batch": calls}, headers=basic(key))
    assert answer.status_code == 413
    assert answer.json()["limit"] == 512_000
    assert server.events().empty


def test_a_batch_over_500_kb_is_refused_even_without_content_length(server: RunningServer) -> None:
    key = server.new_key()
    calls = [track(f"usr_{i}", properties={"pad": "x" * 1000}) for i in range(600)]
    body = orjson.dumps({"batch": calls})
    chunks = (body[i : i + 65536] for i in range(0, len(body), 65536))  # chunked: no length
    answer = server.client.post("/v1/batch", content=chunks, headers=basic(key))
    assert answer.status_code == 413
    assert server.events().empty


def test_one_call_over_32_kb_is_413(server: RunningServer) -> None:
    key = server.new_key()
    answer = server.client.post(
        "/v1/track", json=track(properties={"pad": "x" * 33_000}), headers=basic(key)
    )
    assert answer.status_code == 413 and answer.json()["limit"] == 32_768
