"""Per-key rate limits: over its limit a key gets 429 with Retry-After and nothing is stored;
other keys are not slowed down; an SDK backs off and delivers everything."""

from __future__ import annotations

from pathlib import Path

from pqlkit.server.config import ServerConfig
from pqlkit.server.rate_limit import RateLimiter
from tests.server.conftest import basic, running_server, track


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_the_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2, burst=3, clock=clock)
    assert [limiter.acquire("k") for _ in range(3)] == [0, 0, 0]
    assert limiter.acquire("k") == 0.5  # one token every half second
    assert limiter.acquire("other") == 0  # each key has its own bucket
    clock.now += 0.5
    assert limiter.acquire("k") == 0
    assert limiter.acquire("k") > 0
    assert RateLimiter(rate=0, burst=1).acquire("k") == 0  # off


def test_a_key_over_its_limit_gets_429_and_nothing_is_stored(tmp_path: Path) -> None:
    config = ServerConfig(db=str(tmp_path / "s.duckdb"), port=0, rate_limit=0.5, rate_burst=2)
    with running_server(config) as server:
        noisy, quiet = server.new_key(), server.new_key()
        answers = [
            server.client.post("/v1/track", json=track(messageId=f"m{i}"), headers=basic(noisy))
            for i in range(3)
        ]
        assert [a.status_code for a in answers] == [200, 200, 429]
        refused = answers[2]
        assert refused.headers["Retry-After"] == "2"
        assert refused.json()["code"] == "rate_limited"
        other = server.client.post("/v1/track", json=track(messageId="q"), headers=basic(quiet))
        assert other.status_code == 200
        assert sorted(server.events().message_id) == ["m0", "m1", "q"]


def test_the_segment_sdk_backs_off_and_delivers_everything(tmp_path: Path) -> None:
    from segment.analytics import Client

    config = ServerConfig(db=str(tmp_path / "s.duckdb"), port=0, rate_limit=5, rate_burst=1)
    with running_server(config) as server:
        key = server.new_key()
        errors: list[Exception] = []
        client = Client(
            key,
            host=server.url,
            upload_size=10,
            max_retries=10,
            on_error=lambda e, _: errors.append(e),
        )
        for i in range(100):
            client.track(f"usr_{i % 5}", "Report Created", {"n": i})
        client.flush()
        client.join()
        stored = server.events()
        assert errors == [] and len(stored) == 100 and stored.message_id.is_unique
        assert server.runtime.rate_limiter.refused > 0  # it was slowed down, and lost nothing
