"""The loader: committed records reach the store in batches, exactly once, however the server
stopped — the rows and the log position after them are one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pqlkit.events.spec import parse_call
from pqlkit.server.config import ServerConfig
from pqlkit.server.loader import Loader, read_checkpoint
from pqlkit.server.log import DurableLog, LogPosition
from pqlkit.server.log_writer import LogWriter
from pqlkit.server.recent_ids import from_store
from pqlkit.server.recent_records import RecentRecords
from pqlkit.server.records import RejectedCall, RequestRecord, row_values, rows_table
from pqlkit.server.runtime import Runtime
from pqlkit.store.store import Store
from pqlkit.times import utc_now
from pqlkit.triggers.identity_state import IdentityState

NOW = utc_now().replace(microsecond=0) - timedelta(minutes=30)  # within the index of recent ids


def record(
    *message_ids: str,
    source: str = "api:server:k_000000000001",
    rejects: int = 0,
    at: datetime | None = None,
) -> RequestRecord:
    call = {"type": "track", "event": "Signed In", "userId": "usr_1"}
    if at is not None:
        call["timestamp"] = at.isoformat() + "Z"
    rows = tuple(
        row_values(parse_call({**call, "messageId": m}).to_row(received_at=NOW))
        for m in message_ids
    )
    bad = tuple(
        RejectedCall(i, "userId", "userId or anonymousId is required", "{}") for i in range(rejects)
    )
    return RequestRecord("req", source, NOW, rows, bad)


class Parts:
    """A store, a log and its writer and loader, as a server holds them: the loader takes the
    records the writer holds in memory, or (``in_memory=False``) reads each back from the log;
    ``indexed``: new rows are found with the index of recent messageIds, as the server does."""

    def __init__(self, path: Path, in_memory: bool = True, indexed: bool = False) -> None:
        self.path = path
        self.in_memory = in_memory
        self.indexed = indexed
        self.closed = False
        self.store = Store.open(path / "s.duckdb")
        self.log = DurableLog.open(path / "s.duckdb.log")
        checkpoint = read_checkpoint(self.store, self.log.log_id)
        self.writer = LogWriter(self.log, checkpoint.segment + 1)
        self.writer.recent = RecentRecords(size=lambda r: len(r.rows)) if in_memory else None
        self.writer.start()
        self.loader = Loader(
            self.log,
            lambda: self.writer.committed,
            max_rows=3,
            recent=self.writer.recent,
            recent_ids=from_store(self.store, utc_now()) if indexed else None,
        )
        self.loader.resume(self.store)

    def append(self, written: RequestRecord) -> LogPosition:
        return self.writer.append_blocking(written.encode(), written)

    def stored(self) -> list[tuple[str, str]]:
        return (
            self.store.duckdb()
            .execute("SELECT message_id, source FROM events ORDER BY message_id")
            .fetchall()
        )

    def crash(self) -> None:
        """Stop without the final load, as kill -9 would (the OS releases files and locks)."""
        if self.closed:
            return
        self.closed = True
        self.writer.close()
        self.store.close()
        self.log.close()


@pytest.fixture(params=["held in memory", "read from the log", "with the index of recent ids"])
def parts(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Parts]:
    opened = Parts(
        tmp_path,
        in_memory=request.param != "read from the log",
        indexed=request.param == "with the index of recent ids",
    )
    yield opened
    opened.crash()


def test_records_reach_the_store_with_the_source_of_their_key(parts: Parts) -> None:
    parts.append(record("a", "b"))
    parts.append(record("c", source="api:browser:k_000000000002"))
    results = parts.loader.load_all(parts.store)
    assert parts.stored() == [
        ("a", "api:server:k_000000000001"),
        ("b", "api:server:k_000000000001"),
        ("c", "api:browser:k_000000000002"),
    ]
    assert sum(r.inserted for r in results) == 3
    assert read_checkpoint(parts.store, parts.log.log_id) == parts.writer.committed


def test_a_batch_holds_at_most_max_rows_and_each_moves_the_checkpoint(parts: Parts) -> None:
    for i in range(4):
        parts.append(record(f"{i}-x", f"{i}-y"))
    first = parts.loader.load_batch(parts.store)
    assert first is not None and (first.records, first.inserted) == (2, 4)  # 2 rows each, 3 max
    assert (
        read_checkpoint(parts.store, parts.log.log_id) == first.checkpoint < parts.writer.committed
    )
    assert len(parts.loader.load_all(parts.store)) == 1
    assert len(parts.stored()) == 8
    assert parts.loader.load_batch(parts.store) is None  # nothing new


def test_the_same_message_id_in_two_records_is_stored_once(parts: Parts) -> None:
    parts.append(record("a"))
    parts.append(record("a", "b"))
    result = parts.loader.load_all(parts.store)[0]
    assert (result.inserted, result.duplicates) == (2, 1)
    parts.append(record("b"))  # a retry after it was loaded
    assert parts.loader.load_all(parts.store)[0].inserted == 0
    assert [m for m, _ in parts.stored()] == ["a", "b"]


def test_a_message_id_on_its_way_to_the_store_is_not_stored_twice(parts: Parts) -> None:
    """The event writer on its own thread, as in the server: a batch waits while the store
    refuses it (its log checkpoint table moved away); the next batch repeats one of its
    messageIds and counts it as stored. Once the store takes them, each is there once."""
    from pqlkit.server.scheduled import second_handle
    from pqlkit.server.served_log import ServedLog

    handle = second_handle(parts.store)
    parts.loader.events.start(handle)
    try:
        con = parts.store.duckdb()
        con.execute("ALTER TABLE server_log_checkpoint RENAME TO checkpoint_away")
        parts.append(record("a", "b"))
        assert parts.loader.load_batch(parts.store) is not None  # handed over, not stored
        parts.append(record("b", "c"))
        assert parts.loader.load_batch(parts.store) is not None
        assert parts.stored() == [] and parts.loader.events.held() == 2
        held = parts.loader.events.held_rows()
        none = held[0].slice(0, 0)

        def routing_reads() -> list[str]:  # the store's events and the rows it does not hold
            log = ServedLog(parts.store, held, none, IdentityState())
            return sorted([m for m, _ in parts.stored()] + log.pending()["message_id"].to_pylist())

        assert routing_reads() == ["a", "b", "c"]  # each event once
        con.execute("ALTER TABLE checkpoint_away RENAME TO server_log_checkpoint")
        parts.loader.load_all(parts.store)
        assert [m for m, _ in parts.stored()] == ["a", "b", "c"]
        assert parts.loader.checkpoint == parts.writer.committed
        assert routing_reads() == ["a", "b", "c"]  # the batches since stored: still once
    finally:
        parts.loader.events.stop()
        handle.close()


def test_batches_waiting_for_the_writer_are_stored_together(parts: Parts) -> None:
    """The writer thread, held up, finds three batches waiting and stores them in fewer
    transactions than batches: every row once, every reject (a field named in one, none in another), and the
    checkpoint after the last."""
    from pqlkit.server.scheduled import second_handle

    handle = second_handle(parts.store)
    parts.loader.events.start(handle)
    try:
        con = parts.store.duckdb()
        con.execute("ALTER TABLE server_log_checkpoint RENAME TO checkpoint_away")
        parts.append(record("a", "b", rejects=1))
        parts.append(record("b", "c"))
        parts.append(
            RequestRecord("req", "api:server:k_1", NOW, (), (RejectedCall(0, None, "bad", None),))
        )
        parts.append(record("d"))
        parts.append(record("e", "f"))
        parts.append(record("g"))
        while parts.loader.load_batch(parts.store) is not None:
            pass
        assert parts.loader.events.held() == 3  # batches of at most 3 rows
        con.execute("ALTER TABLE checkpoint_away RENAME TO server_log_checkpoint")
        parts.loader.events.drain()
        # one transaction; two if a try under way when the store came back had taken two
        assert parts.loader.events.writes < 3
        assert [m for m, _ in parts.stored()] == ["a", "b", "c", "d", "e", "f", "g"]
        fields = con.execute("SELECT field FROM rejects ORDER BY field NULLS LAST").fetchall()
        assert fields == [("userId",), (None,)]
        assert read_checkpoint(parts.store, parts.log.log_id) == parts.writer.committed
    finally:
        parts.loader.events.stop()
        handle.close()


def test_the_writer_gathers_batches_for_a_while_and_a_drain_cuts_it_short(parts: Parts) -> None:
    """Batches handed over within the writer's gathering time are stored in one transaction;
    a drain (a query that needs them, the server stopping) does not wait the time out."""
    import time

    from pqlkit.server.event_writer import EventWriter
    from pqlkit.server.scheduled import second_handle

    parts.loader.events = EventWriter(parts.log, parts.loader.checkpoint, gather_seconds=60)
    handle = second_handle(parts.store)
    parts.loader.events.start(handle)
    try:
        for i in range(3):
            parts.append(record(f"{i}-x", f"{i}-y", f"{i}-z"))
            assert parts.loader.load_batch(parts.store) is not None
        assert parts.stored() == [] and parts.loader.events.held() == 3
        started = time.monotonic()
        parts.loader.events.drain()
        assert time.monotonic() - started < 30
        assert parts.loader.events.writes == 1
        assert len(parts.stored()) == 9
        assert read_checkpoint(parts.store, parts.log.log_id) == parts.writer.committed
    finally:
        parts.loader.events.stop()
        handle.close()


@pytest.mark.parametrize("indexed", [False, True], ids=["scan", "index of recent ids"])
def test_a_batch_stored_while_its_ids_are_checked_counts_as_stored(
    tmp_path: Path, indexed: bool
) -> None:
    """The event writer may store a held batch at any moment: asked which ids are on their way
    first and the store second, a batch stored in between is found by one or the other."""
    from pqlkit.server.batch_writes import unstored_rows, write_batch

    with Store.open(tmp_path / "s.duckdb") as store:
        index = from_store(store, utc_now()) if indexed else None
        first, _ = rows_table([record("a", "b")])
        fresh = unstored_rows(store, first, utc_now(), lambda low, high: set(), index)
        retry, _ = rows_table([record("b")])

        def stored_just_now(low: datetime, high: datetime) -> set[str]:
            write_batch(store, first, fresh, None, "log", LogPosition(1, 1), utc_now(), [])
            return set()  # no longer held: the writer is done with it

        assert unstored_rows(store, retry, utc_now(), stored_just_now, index).num_rows == 0


def test_a_retry_whose_clock_correction_moved_it_is_still_stored_once(parts: Parts) -> None:
    parts.append(record("a", at=NOW - timedelta(minutes=5)))
    parts.loader.load_all(parts.store)
    # the SDK retried later, after a restart emptied the server's messageId window: the
    # client-clock correction gave the copy a timestamp 40 s away from the first
    parts.append(record("a", at=NOW - timedelta(minutes=5) + timedelta(seconds=40)))
    assert parts.loader.load_all(parts.store)[0].inserted == 0
    assert [m for m, _ in parts.stored()] == ["a"]


def test_a_retry_older_than_the_index_of_recent_ids_is_found_in_the_store(
    parts: Parts,
) -> None:
    long_ago = NOW - timedelta(hours=6)  # before the index's start: the store is asked
    parts.append(record("a", "b", at=long_ago))
    parts.loader.load_all(parts.store)
    parts.append(record("b", "c", at=long_ago + timedelta(seconds=5)))
    assert parts.loader.load_all(parts.store)[0].inserted == 1
    assert [m for m, _ in parts.stored()] == ["a", "b", "c"]


def test_the_store_s_ids_are_found_alike_among_few_rows_and_many(parts: Parts) -> None:
    """``stored_ids`` looks a few ids up by a list of parameters and many as a table joined to
    the events: the same rule (the id, within the batch's bounds) either way."""
    import pyarrow as pa

    from pqlkit.server.batch_writes import FEW_IDS, stored_ids

    for i in range(5):
        parts.append(record(f"s{i}a", f"s{i}b"))
    parts.loader.load_all(parts.store)
    ids = [f"s{i}{half}" for i in range(5) for half in "ab"] + [f"n{i}" for i in range(FEW_IDS)]
    rows = pa.table(
        {"message_id": ids, "timestamp": pa.array([NOW] * len(ids), pa.timestamp("us"))}
    )
    stored = {f"s{i}{half}" for i in range(5) for half in "ab"}
    assert rows.num_rows > FEW_IDS and stored_ids(parts.store, rows) == stored
    assert stored_ids(parts.store, rows.slice(4, 10)) == {"s2a", "s2b", "s3a", "s3b", "s4a", "s4b"}
    later = rows.set_column(1, "timestamp", pa.array([NOW + timedelta(days=30)] * len(ids)))
    assert stored_ids(parts.store, later) == set() == stored_ids(parts.store, later.slice(0, 9))


def test_rejected_calls_go_to_the_rejects_table_with_the_rows(parts: Parts) -> None:
    parts.append(record("a", rejects=2))
    parts.loader.load_all(parts.store)
    rejects = (
        parts.store.duckdb()
        .execute("SELECT run_id, source, line, field FROM rejects ORDER BY line")
        .fetchall()
    )
    assert rejects == [
        ("req", "api:server:k_000000000001", 0, "userId"),
        ("req", "api:server:k_000000000001", 1, "userId"),
    ]


def test_a_load_that_fails_before_its_commit_stores_nothing_and_is_retried_once(
    parts: Parts,
) -> None:
    parts.append(record("a", "b"))
    con = parts.store.duckdb()
    con.execute(
        "ALTER TABLE server_log_checkpoint RENAME TO checkpoint_away"
    )  # the checkpoint write will fail
    with pytest.raises(Exception, match="server_log_checkpoint"):
        parts.loader.load_batch(parts.store)
    assert parts.stored() == []  # the inserted rows were rolled back with it
    con.execute("ALTER TABLE checkpoint_away RENAME TO server_log_checkpoint")
    parts.loader.load_all(parts.store)
    assert [m for m, _ in parts.stored()] == ["a", "b"]


def test_loaded_segments_are_deleted(parts: Parts) -> None:
    parts.append(record("a"))
    parts.crash()
    again = Parts(parts.path, parts.in_memory, parts.indexed)  # a new run writes a new segment
    again.append(record("b"))
    assert len(again.log.segments()) == 2
    again.loader.load_all(again.store)
    assert again.log.segments() == [again.writer.committed.segment]
    again.crash()


def test_a_restart_after_a_crash_loads_what_was_left_and_nothing_twice(parts: Parts) -> None:
    parts.append(record("a", "b"))
    parts.loader.load_all(parts.store)  # loaded and checkpointed …
    parts.append(record("c"))  # … this one acknowledged but not loaded
    parts.crash()
    again = Parts(parts.path, parts.in_memory, parts.indexed)
    assert again.loader.checkpoint < again.writer.committed
    again.loader.load_all(again.store)
    assert [m for m, _ in again.stored()] == ["a", "b", "c"]
    again.crash()


def test_even_a_lost_checkpoint_stores_nothing_twice(parts: Parts) -> None:
    parts.append(record("a", "b"))
    parts.loader.load_all(parts.store)
    parts.store.duckdb().execute("DELETE FROM server_log_checkpoint")  # as if never written
    parts.loader.resume(parts.store)
    assert parts.loader.checkpoint == LogPosition(0, 0)
    parts.loader.load_all(parts.store)
    assert [m for m, _ in parts.stored()] == ["a", "b"]


def test_a_runtime_closing_cleanly_loads_everything_acknowledged(tmp_path: Path) -> None:
    runtime = Runtime.open(ServerConfig(db=str(tmp_path / "s.duckdb"), load_interval=60))
    runtime.start()
    for i in range(5):
        runtime.writer.append_blocking(record(f"m{i}").encode())
    runtime.close()
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.events.count().execute() == 5


def test_records_the_writer_holds_are_loaded_without_reading_the_log_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = Parts(tmp_path)
    parts.append(record("a"))
    parts.loader.load_all(parts.store)  # the run's first record: its segment is read once
    parts.append(record("b", "c"))
    parts.append(record("d"))

    def unreadable(*args: object) -> None:
        raise AssertionError("the loader read the log back")

    monkeypatch.setattr(parts.log, "read", unreadable)
    results = parts.loader.load_all(parts.store)
    assert [m for m, _ in parts.stored()] == ["a", "b", "c", "d"]
    assert read_checkpoint(parts.store, parts.log.log_id) == parts.writer.committed
    assert [r.records for r in results] == [2]  # a batch ends at the record reaching 3 rows
    parts.crash()


def test_past_its_bound_the_writer_holds_nothing_more_and_the_loader_reads_the_log(
    tmp_path: Path,
) -> None:
    parts = Parts(tmp_path)
    assert parts.writer.recent is not None
    parts.writer.recent.max_size = 2  # rows
    for i in range(4):
        parts.append(record(f"m{i}"))
    assert len(parts.writer.recent) == 2
    parts.loader.load_all(parts.store)
    assert [m for m, _ in parts.stored()] == ["m0", "m1", "m2", "m3"]
    parts.append(record("m4"))  # held again, and taken from memory
    parts.loader.load_all(parts.store)
    assert len(parts.stored()) == 5
    parts.crash()


def test_the_loader_waits_for_the_writer_only_past_its_bound_of_rows(
    parts: Parts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer held up (a checkpoint of the event log) does not hold up the loader — the next
    batches' alerts — until the rows on their way reach ``MAX_HELD_ROWS``; then it waits, and
    goes on once the writer has stored them. Every row once."""
    import threading

    from pqlkit.server import event_writer
    from pqlkit.server.scheduled import second_handle

    monkeypatch.setattr(event_writer, "MAX_HELD_ROWS", 40)
    events = parts.loader.events
    write, release = events.write, threading.Event()

    def held_up(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return write(*args, **kwargs)  # type: ignore[arg-type]

    events.write = held_up  # type: ignore[method-assign]
    handle = second_handle(parts.store)
    events.start(handle)
    try:
        for i in range(45):
            parts.append(record(f"m{i:02}"))
        for _ in range(14):  # 42 rows in batches of 3: the last taken with 39 on their way
            assert parts.loader.load_batch(parts.store) is not None
        assert events.held() == 14 and parts.stored() == []
        loading = threading.Thread(target=parts.loader.load_all, args=(parts.store,))
        loading.start()
        loading.join(0.5)
        assert loading.is_alive() and events.held() == 14  # past the bound: it waits
        release.set()
        loading.join(10)
        assert not loading.is_alive()
        assert [m for m, _ in parts.stored()] == [f"m{i:02}" for i in range(45)]
    finally:
        release.set()
        events.stop()
        handle.close()


def test_a_write_under_way_when_a_drain_begins_does_not_end_it_by_failing(parts: Parts) -> None:
    """A drain that gives up on failure gives up on a write it began itself: one under way
    before it (begun when the store could not take it yet) may fail, and the next succeeds."""
    import threading

    from pqlkit.server.scheduled import second_handle

    events = parts.loader.events
    write = events.write
    entered, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def first_fails_late(*args: object, **kwargs: object) -> None:
        calls.append(len(calls))
        if len(calls) == 1:
            entered.set()
            release.wait(10)
            raise RuntimeError("the store could not take it then")
        write(*args, **kwargs)  # type: ignore[arg-type]

    events.write = first_fails_late  # type: ignore[method-assign]
    handle = second_handle(parts.store)
    events.start(handle)
    try:
        parts.append(record("a", "b"))
        assert parts.loader.load_batch(parts.store) is not None
        assert entered.wait(10)  # the write is under way
        threading.Timer(0.2, release.set).start()  # ...and fails once the drain has begun
        parts.loader.load_all(parts.store)  # drains: must not raise
        assert [m for m, _ in parts.stored()] == ["a", "b"] and len(calls) == 2
    finally:
        events.stop()
        handle.close()
