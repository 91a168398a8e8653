"""Fixtures: the store (embedded DuckDB always; Postgres when PQLKIT_TEST_POSTGRES is set), an
injected clock, and a hand-off as the server would make one for a paywall alert."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pqlkit.destinations.handoff import AlertInfo, HandOff, Owner
from pqlkit.store.store import Store
from tests.engines import operational_store

START = datetime(2026, 3, 2, 9, 0, 0)


class Clock:
    """Simulated time: naive UTC datetimes; ``unix()`` for the webhook's signature."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current

    def unix(self) -> float:
        return (self.current - datetime(1970, 1, 1)).total_seconds()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from operational_store(request, tmp_path, "dest")


def paywall_handoff(
    entity_id: str = "usr_42",
    email: str = "dana@acme.io",
    fired_at: datetime = START,
    **changes: object,
) -> HandOff:
    values: dict[str, object] = {
        "entity_id": entity_id,
        "entity_kind": "user",
        "email": email,
        "name": "Dana Whitfield",
        "title": "VP Engineering",
        "company": "Acme",
        "domain": "acme.io",
        "score": 87.0,
        "tier": "hot",
        "reasons": ("Invited 6 teammates this week (+20)", "Connected 3 data sources (+15)"),
        "key_actions": ("created 12 dashboards this week", "hit the paywall on Exports twice"),
        "triggers": ("paywall_hit",),
        "alert": AlertInfo(
            trigger="paywall_hit",
            fired_at=fired_at,
            deadline=fired_at + timedelta(hours=1),
            evidence=("msg_1", "msg_2"),
            alert_id=f"al_{entity_id}_{fired_at:%H%M%S}",
        ),
        "pql_since": datetime(2026, 2, 20),
        "path": "high-intent",
        "owner": Owner(id="7001", email="sam@seller.example", slack_id="U0SAM", name="Sam Rep"),
        "talking_points": ("Ask how the 12 dashboards are shared across the team",),
        "model": "pillars",
    }
    values.update(changes)
    return HandOff(**values)  # type: ignore[arg-type]
