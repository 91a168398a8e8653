"""The linked pairs an embedded store keeps beside its log: what a pass over the log would find.

Each pair of ids a call linked is kept with its earliest timestamp, its earliest arrival and the
smallest message id arriving then, folded in as events are imported. What a run reads adds the
pairs of the events appended since the last fold, so it is always the log's.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pqlkit.model.loader import load
from pqlkit.scoring.run import score_events
from pqlkit.store import linked_pairs, migrations
from pqlkit.store.store import Store
from pqlkit.triggers import asof
from tests.triggers.streams import Stream

T0 = datetime(2026, 3, 2, 9)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def pairs(store: Store) -> list[dict[str, Any]]:
    table = asof.link_pairs(store.events, T0 + 30 * DAY)
    rows = table.to_pyarrow().to_pylist()
    return sorted(rows, key=lambda r: (r["from_id"], r["to_id"]))


def kept_rows(store: Store) -> int:
    con = store.duckdb()
    (covered,) = con.execute(f"SELECT covered FROM {linked_pairs.COVER}").fetchone() or (0,)
    return int(covered)


def test_a_pair_is_kept_with_its_first_link_by_timestamp_and_by_arrival(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    # anon-1 → ann, first made at 9:00 by a call that reached the store only at 12:00 …
    s.identify("ann", T0, T0 + 3 * HOUR, anonymous="anon-1")
    # … and again at 10:00 by two calls that both arrived at 11:00: the first to arrive
    tied = [
        s.track("ann", "Report Created", T0 + HOUR, T0 + 2 * HOUR, anonymous="anon-1")
        for _ in range(2)
    ]
    s.alias("old-bob", "bob", T0 + DAY)  # an alias links the previous id
    s.identify("cat", T0, anonymous="cat")  # one id named twice links nothing
    s.load(store, tmp_path)

    assert kept_rows(store) == 5  # the import folded every event in
    assert pairs(store) == [
        {
            "from_id": "anon-1",
            "to_id": "ann",
            "linked_at": T0,
            "f_at": T0 + 2 * HOUR,
            "f_mid": min(tied),  # arrival ties go by message id
        },
        {
            "from_id": "old-bob",
            "to_id": "bob",
            "linked_at": T0 + DAY,
            "f_at": T0 + DAY,
            "f_mid": s.calls[3]["messageId"],
        },
    ]


def test_events_appended_since_the_last_fold_are_read_with_the_kept_pairs(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.identify("ann", T0 + HOUR, anonymous="anon-1")
    s.load(store, tmp_path)
    later = Stream()  # stored as the server's loader stores them: not folded
    later.identify("ann", T0, T0 + 5 * HOUR, anonymous="anon-1")  # an earlier link, later
    late_mid = later.identify("dan", T0 + 2 * HOUR, anonymous="anon-9")
    later.store(store)
    assert kept_rows(store) == 1

    expected = [
        {"from_id": "anon-1", "to_id": "ann", "linked_at": T0, "f_at": T0 + HOUR},
        {"from_id": "anon-9", "to_id": "dan", "linked_at": T0 + 2 * HOUR, "f_at": T0 + 2 * HOUR},
    ]
    assert [{k: r[k] for k in expected[0]} for r in pairs(store)] == expected
    assert pairs(store)[1]["f_mid"] == late_mid

    assert linked_pairs.fold(store.backend) == 2  # the next fold takes them in
    assert kept_rows(store) == 3
    assert [{k: r[k] for k in expected[0]} for r in pairs(store)] == expected


def test_the_pairs_read_are_the_log_s_whether_kept_or_found_in_it(
    store: Store, tmp_path: Path
) -> None:
    """A run on the store's own log reads the kept pairs; on any other table of events (here
    the log behind a filter that keeps every row) it finds them in the log: same scores,
    same alerts, as of any time."""
    s = Stream()
    for n, who in enumerate(["ann", "bob", "cat"]):
        anonymous = f"anon-{who}"
        s.page(None, "Pricing", T0 + n * HOUR, anonymous=anonymous)
        s.track(None, "Paywall Hit", T0 + n * HOUR + HOUR, anonymous=anonymous)
        s.identify(
            who, T0 + 2 * DAY, T0 + (3 - n) * DAY, anonymous=anonymous, email=f"{who}@acme.io"
        )
        s.track(who, "Paywall Hit", T0 + 4 * DAY + n * HOUR)
        s.track(who, "Invite Sent", T0 + 4 * DAY + n * HOUR, anonymous=anonymous)
    s.alias("anon-cat", "ann", T0 + DAY)  # anon-cat was ann's first, by timestamp
    s.load(store, tmp_path)
    pillars = load("pillars")
    everything = store.events.filter(store.events.message_id.notnull())
    assert linked_pairs.read(everything) is None
    for moment in (T0 + 2 * DAY, T0 + 3 * DAY + HOUR, T0 + 10 * DAY):
        kept, found = (
            score_events(store.events, pillars, moment),
            score_events(everything, pillars, moment),
        )
        assert kept.alerts == found.alerts
        assert kept.rows() == found.rows()
    assert kept.alerts  # the paywall hits fired


def test_folding_inside_a_transaction_that_appended_events_is_refused(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.identify("ann", T0, anonymous="anon-1")
    con = store.duckdb()
    con.execute("BEGIN TRANSACTION")
    try:
        s.store(store)
        with pytest.raises(RuntimeError, match="inside a transaction that appended events"):
            linked_pairs.fold(store.backend)
    finally:
        con.execute("ROLLBACK")


def test_a_store_from_before_the_kept_pairs_gains_them_folded_when_opened(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        s = Stream()
        s.identify("ann", T0, anonymous="anon-1")
        s.store(store)  # the log as an older pqlkit left it: no kept pairs
        con = store.duckdb()
        con.execute(f"DROP TABLE {linked_pairs.PAIRS}")
        con.execute(f"DROP TABLE {linked_pairs.COVER}")
        con.execute(f"DELETE FROM {migrations.MIGRATIONS_TABLE} WHERE version = 10")
        assert linked_pairs.read(store.events) is None
    with Store.open(path) as store:
        assert kept_rows(store) == 1
        assert [(r["from_id"], r["to_id"]) for r in pairs(store)] == [("anon-1", "ann")]
