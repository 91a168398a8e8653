"""The same config gives byte-identical data; another seed gives other data."""

from __future__ import annotations

from pathlib import Path

from pqlkit.simulate import SimulationConfig, generate, write

SMALL = SimulationConfig(accounts=120, seed=11, days=60)


def test_the_same_seed_gives_identical_tables() -> None:
    first, second = generate(SMALL), generate(SMALL)
    assert first.events.equals(second.events)
    assert first.users.equals(second.users)
    assert first.accounts.equals(second.accounts)


def test_the_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    for fmt in ("parquet", "jsonl"):
        a = write(generate(SMALL), tmp_path / f"a-{fmt}", fmt)
        b = write(generate(SMALL), tmp_path / f"b-{fmt}", fmt)
        assert a.events_path.read_bytes() == b.events_path.read_bytes()
        assert a.users_path.read_bytes() == b.users_path.read_bytes()
        assert a.accounts_path.read_bytes() == b.accounts_path.read_bytes()


def test_another_seed_gives_another_company() -> None:
    other = generate(SimulationConfig(accounts=120, seed=12, days=60))
    base = generate(SMALL)
    assert not other.events.equals(base.events)
    assert set(other.users["user_id"].to_pylist()).isdisjoint(base.users["user_id"].to_pylist())


def test_progress_is_reported_in_percent_up_to_100() -> None:
    seen: list[int] = []
    generate(SMALL, seen.append)
    assert seen[0] == 0
    assert seen[-1] == 100
    assert seen == sorted(seen)
