"""The scores ledger keeps a row only when a score or tier changes, and knows when a PQL began."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pqlkit.model.loader import load
from pqlkit.scoring import ledger
from pqlkit.scoring.run import score_events
from pqlkit.store.store import Store
from tests.engines import engine_events
from tests.history import History
from tests.scoring.test_pillars import DAY, T, signup

PILLARS = load("pillars")
MINUTE = timedelta(minutes=1)


def test_only_changes_are_recorded_and_pql_since_is_when_the_run_began(
    store: Store, tmp_path: Path
) -> None:
    h = History()
    signup(h, "ann", T - 30 * DAY, employees=60)  # firmographic 10
    for n, step in enumerate(("Project Created", "Data Source Connected", "Dashboard Created")):
        h.track("ann", step, T - 29 * DAY + n * 10 * MINUTE)  # activation 30, in one session
    h.sessions("ann", 10, T - 12 * DAY)  # 3+ sessions from T-10d: usage 10, later 20
    h.load(store, tmp_path)
    days = [T - 20 * DAY, T - 19 * DAY, T - 9 * DAY, T - 8 * DAY, T]
    writes = [
        ledger.record(store, score_events(engine_events(store), PILLARS, day)).changed
        for day in days
    ]
    rows = store.table("scores_ledger").order_by("as_of").to_pyarrow().to_pylist()
    assert [(r["as_of"], r["score"], r["tier"]) for r in rows] == [
        (T - 20 * DAY, 40.0, "not qualified"),  # 30 + 10, no sessions in the last 14 days
        (T - 9 * DAY, 50.0, "pql"),  # 3 sessions: +10
        (T, 60.0, "pql"),  # 10 sessions within 14 days: +20
    ]
    assert writes == [1, 0, 1, 0, 1]
    assert ledger.pql_since(store, "pillars", "user", T) == {"ann": T - 9 * DAY}
    assert ledger.pql_since(store, "pillars", "user", T - 10 * DAY) == {}


def test_breakdowns_are_stored_once_by_content(store: Store, tmp_path: Path) -> None:
    h = History()
    for user in ("bo", "cy"):
        signup(h, user, T - 30 * DAY)  # identical histories, identical breakdowns
    h.load(store, tmp_path)
    ledger.record(store, score_events(engine_events(store), PILLARS, T))
    assert store.table("scores_ledger").count().execute() == 2
    assert store.table("breakdowns").count().execute() == 1


def test_a_ledger_written_a_slice_at_a_time_holds_every_row_and_breakdown_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server writes a round's changes a slice at a time between its loader's batches (so
    its alerts never wait behind a whole round): here one row a slice, one slice a call."""
    monkeypatch.setattr(ledger, "SLICE_ROWS", 1)
    h = History()
    for user in ("bo", "cy"):
        signup(h, user, T - 30 * DAY)  # identical histories, identical breakdowns
    signup(h, "di", T - 30 * DAY, employees=60)  # firmographic 10: a breakdown of her own
    h.load(store, tmp_path)
    writes = ledger.changes(store, score_events(engine_events(store), PILLARS, T))
    assert [writes.write(store, seconds=0) for _ in range(3)] == [True, True, False]
    assert (writes.done.scored, writes.done.changed) == (3, 3)
    rows = store.table("scores_ledger").order_by("entity_id").to_pyarrow().to_pylist()
    assert [(r["entity_id"], r["score"]) for r in rows] == [("bo", 0.0), ("cy", 0.0), ("di", 10.0)]
    assert store.table("breakdowns").count().execute() == 2


def test_backfill_dates_step_up_to_the_scoring_time() -> None:
    assert ledger.backfill_dates(T - 3 * DAY, T, DAY) == [T - 3 * DAY, T - 2 * DAY, T - DAY]


def test_a_scoring_run_leaves_no_temporary_tables_behind(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "zed", T - 5 * DAY)
    events = engine_events(h.load(store, tmp_path))
    for day in (T - DAY, T):
        score_events(events, PILLARS, day)
    backend = events._find_backend()
    if backend.name == "duckdb":
        left = backend.raw_sql("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    elif backend.name == "postgres":
        with backend._safe_raw_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname LIKE 'pg_temp%'"
        ) as cursor:
            left = cursor.fetchall()
    else:
        left = []  # Spark: cached frames belong to the session
    assert [name for (name,) in left if str(name).startswith("_pql_")] == []
