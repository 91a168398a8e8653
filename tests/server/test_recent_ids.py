"""The index of recent messageIds: complete from ``since`` on, so an id it does not hold is new;
bounded in time and in size, with ``since`` moving past what it forgets."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from pqlkit.server.recent_ids import RecentIds, from_store, hashes, micros
from pqlkit.store.store import Store

NOW = datetime(2026, 3, 1, 12, 0)


def add(index: RecentIds, ids: list[str], at: datetime, now: datetime = NOW) -> None:
    times = np.full(len(ids), micros(at), dtype=np.int64)
    index.add(hashes(ids), times, now)


def held(index: RecentIds, ids: list[str]) -> list[bool]:
    return index.maybe(hashes(ids)).tolist()


def test_every_id_added_is_found_and_no_other_through_many_merges() -> None:
    index = RecentIds(NOW - timedelta(hours=3))
    rng = random.Random(7)
    added: list[str] = []
    for batch in range(400):  # 400 batches of 500: sorted runs made and merged many times
        ids = [f"m{batch}-{i}-{rng.random()}" for i in range(500)]
        add(index, ids, NOW - timedelta(seconds=rng.randrange(3600)))
        added += ids
    assert len(index) == len(added) == 200_000
    assert all(held(index, added))
    assert not any(held(index, [f"never-{i}" for i in range(10_000)]))


def test_a_batch_is_covered_only_from_the_start_of_the_index_on() -> None:
    index = RecentIds(NOW - timedelta(hours=3))
    assert index.covers(NOW - timedelta(hours=3))
    assert not index.covers(NOW - timedelta(hours=3, microseconds=1))


def test_an_id_timed_before_the_start_is_not_kept() -> None:
    index = RecentIds(NOW - timedelta(hours=3))
    add(index, ["old"], NOW - timedelta(hours=4))
    add(index, ["new"], NOW - timedelta(hours=1))
    assert held(index, ["old", "new"]) == [False, True]


def test_ids_older_than_three_hours_are_forgotten_and_the_start_moves_on() -> None:
    index = RecentIds(NOW - timedelta(hours=3))
    add(index, ["early"], NOW - timedelta(hours=2))
    add(index, ["later"], NOW)
    later = NOW + timedelta(hours=2)  # "early" is now 4 h old, "later" 2 h
    add(index, [], later, now=later)
    assert index.since == later - timedelta(hours=3)
    assert held(index, ["early", "later"]) == [False, True]


def test_past_its_limit_the_oldest_ids_go_and_the_start_moves_past_them() -> None:
    index = RecentIds(NOW - timedelta(hours=3), limit=1_000)
    for minute in range(15):  # 1,500 ids, 100 a minute
        add(index, [f"{minute}-{i}" for i in range(100)], NOW - timedelta(minutes=60 - minute))
    assert len(index) <= 1_000
    assert index.since > NOW - timedelta(minutes=60)
    assert not index.covers(NOW - timedelta(minutes=60))  # the oldest minute is gone …
    kept = [f"14-{i}" for i in range(100)]
    assert all(held(index, kept))  # … the newest stays


def test_from_a_store_the_recent_events_are_read(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        con = store.duckdb()
        for name, hours in (("ancient", 30), ("recent", 2), ("newest", 0)):
            con.execute(
                "INSERT INTO events (message_id, type, timestamp, received_at, source) "
                "VALUES (?, 'track', ?, ?, 'test')",
                [name, NOW - timedelta(hours=hours), NOW],
            )
        index = from_store(store, NOW)
        assert index.since == NOW - timedelta(hours=3)
        assert held(index, ["ancient", "recent", "newest"]) == [False, True, True]
        small = from_store(store, NOW, limit=1)  # only the newest fits: it starts after "recent"
        assert small.since == NOW - timedelta(hours=2) + timedelta(microseconds=1)
        assert held(small, ["recent", "newest"]) == [False, True]
