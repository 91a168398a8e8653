"""What an embedded store keeps beside its log: what a pass over the log would find.

Each pair of ids a call linked is kept with its earliest timestamp, its earliest arrival and the
smallest message id arriving then; each sender's first sightings (the calls earlier than every
call that arrived before them) are kept too; both folded in as events are imported. What a run
reads adds the events appended since the last fold, so it is always the log's.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pqlkit.compile.frame import scoring_frame
from pqlkit.events.runs import RUN_GAP, chained
from pqlkit.model.loader import load
from pqlkit.scoring.run import score_dates, score_events
from pqlkit.store import kept, kept_activity, migrations
from pqlkit.store.kept_activity import merged_days
from pqlkit.store.store import Store
from pqlkit.triggers import asof
from pqlkit.triggers.batch import evaluate
from tests.triggers.streams import Stream

T0 = datetime(2026, 3, 2, 9)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def pairs(store: Store) -> list[dict[str, Any]]:
    table = asof.link_pairs(store.events, T0 + 30 * DAY)
    rows = table.to_pyarrow().to_pylist()
    return sorted(rows, key=lambda r: (r["from_id"], r["to_id"]))


def kept_rows(store: Store) -> int:
    con = store.duckdb()
    (covered,) = con.execute(f"SELECT covered FROM {kept.COVER}").fetchone() or (0,)
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


def sightings(store: Store) -> list[tuple[str, bool, datetime, datetime]]:
    table = kept.sightings(store.events)
    assert table is not None
    rows = table.to_pyarrow().to_pylist()
    return sorted((r["f_raw"], r["f_user"], r["f_ts"], r["f_at"]) for r in rows)


def test_a_sender_s_first_sightings_are_its_calls_earlier_than_all_that_arrived_before(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.track("ann", "Report Created", T0 + 2 * HOUR)  # first to arrive: seen at 11:00
    s.track("ann", "Report Created", T0 + 3 * HOUR)  # later than it: never the first
    s.track("ann", "Report Created", T0 + HOUR, T0 + 5 * HOUR)  # 10:00, but arrived at 14:00
    s.track("ann", "Report Created", T0 + 4 * HOUR, T0 + 6 * HOUR)
    s.page(None, "Pricing", T0, anonymous="anon-1")  # an anonymous id's calls apart
    s.identify("ann", T0 + 30 * HOUR, anonymous="anon-1")  # carries a userId: ann's
    s.load(store, tmp_path)
    assert sightings(store) == [
        ("ann", True, T0 + HOUR, T0 + 5 * HOUR),
        ("ann", True, T0 + 2 * HOUR, T0 + 2 * HOUR),
        ("anon-1", False, T0, T0),
    ]
    later = Stream()  # appended after the fold: read with the kept ones, then folded
    later.track("ann", "Report Created", T0 - HOUR, T0 + 40 * HOUR)
    later.track(None, "Report Created", T0 + 50 * HOUR, anonymous="anon-1")
    later.store(store)
    expected = [
        ("ann", True, T0 - HOUR, T0 + 40 * HOUR),
        ("ann", True, T0 + HOUR, T0 + 5 * HOUR),
        ("ann", True, T0 + 2 * HOUR, T0 + 2 * HOUR),
        ("anon-1", False, T0, T0),
    ]
    # before the fold, every call past the cover is read (the earliest arrived is the same)
    assert sightings(store) == [*expected, ("anon-1", False, T0 + 50 * HOUR, T0 + 50 * HOUR)]
    assert kept.fold(store.backend) == 2
    assert sightings(store) == expected


def test_the_most_senior_user_of_a_domain_is_the_same_with_kept_sightings(
    store: Store, tmp_path: Path
) -> None:
    """Three users of one domain activate (pillars' domain_adoption: 3 within 14 days): the
    alert goes to the most senior then; two directors tie, and the one seen first wins — as
    known when the alert fired: eve's earliest call arrived after it."""
    s = Stream()
    s.identify("dee", T0 + HOUR, email="dee@acme.io", title="Director of Ops")
    s.identify("eve", T0 + 2 * HOUR, email="eve@acme.io", title="Director of Sales")
    s.track("eve", "Report Created", T0 - DAY, T0 + 10 * DAY)  # eve's earliest, arrived late
    s.identify("fay", T0 + 3 * HOUR, email="fay@acme.io", title="Analyst")
    for n, who in enumerate(["dee", "eve", "fay"]):
        s.track(who, "Dashboard Created", T0 + DAY + n * HOUR)
    s.load(store, tmp_path)
    pillars = load("pillars").model
    everything = store.events.filter(store.events.message_id.notnull())
    for moment in (T0 + 2 * DAY, T0 + 20 * DAY):
        stored = evaluate(store.events, pillars, moment)
        assert stored == evaluate(everything, pillars, moment)
    (alert,) = [a for a in stored if a.trigger == "domain_adoption"]
    assert alert.entity_id == "dee"  # eve was seen first only by a call that came later


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

    assert kept.fold(store.backend) == 2  # the next fold takes them in
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
    s.group("ann", "g-acme", T0 + DAY, employees=120, industry="Software")
    s.load(store, tmp_path)
    later = Stream()  # the account grows after the fold: read with the kept group calls
    later.group("bob", "g-acme", T0 + 3 * DAY, employees=250)
    later.store(store)
    pillars = load("pillars")
    everything = store.events.filter(store.events.message_id.notnull())
    assert kept.pairs(everything) is None
    for moment in (T0 + 2 * DAY, T0 + 3 * DAY + HOUR, T0 + 10 * DAY):
        stored, found = (
            score_events(store.events, pillars, moment),
            score_events(everything, pillars, moment),
        )
        assert stored.alerts == found.alerts
        assert stored.rows() == found.rows()
    assert stored.alerts  # the paywall hits fired
    (ann,) = [row for row in stored.rows() if row["entity_id"] == "ann"]
    assert "company size: 250 (+20)" in ann["reasons"]  # the group call after the fold
    assert "ICP industry: Software (+5)" in ann["reasons"]


def test_folding_inside_a_transaction_that_appended_events_is_refused(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.identify("ann", T0, anonymous="anon-1")
    con = store.duckdb()
    con.execute("BEGIN TRANSACTION")
    try:
        s.store(store)
        with pytest.raises(RuntimeError, match="folded inside a transaction that appended events"):
            kept.fold(store.backend)
    finally:
        con.execute("ROLLBACK")


def test_a_store_from_before_the_kept_pairs_gains_them_folded_when_opened(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        s = Stream()
        s.identify("ann", T0, anonymous="anon-1")
        s.store(store)  # the log as an older pqlkit left it: nothing kept
        con = store.duckdb()
        for table in (*kept._FOLDED, kept.RARE_NAMES, kept.EVENT_COUNTS, kept.COVER):
            con.execute(f"DROP TABLE {table}")
        con.execute(f"DELETE FROM {migrations.MIGRATIONS_TABLE} WHERE version >= 10")
        assert kept.pairs(store.events) is None
    with Store.open(path) as store:
        assert kept_rows(store) == 1
        assert [(r["from_id"], r["to_id"]) for r in pairs(store)] == [("anon-1", "ann")]


def test_a_store_kept_before_the_calls_and_sender_facts_gains_them_filled(
    tmp_path: Path,
) -> None:
    """Migration 11 adds three tables to a store whose pairs were kept already: they are
    filled from the events the cover had taken in, then folded with the others."""
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        s = Stream()
        s.identify("ann", T0, anonymous="anon-1", email="ann@acme.io")
        s.group("ann", "g-acme", T0, domain="acme.io")
        s.load(store, tmp_path)  # folded: covered
        con = store.duckdb()
        for table in (kept.TRAIT_CALLS, kept.GROUP_CALLS, kept.SENDERS):
            con.execute(f"DROP TABLE {table}")
        con.execute(f"DELETE FROM {migrations.MIGRATIONS_TABLE} WHERE version >= 11")
        later = Stream()
        later.track("ann", "Report Created", T0 + DAY)
        later.store(store)  # past the cover
    with Store.open(path) as store:
        assert kept_rows(store) == 3
        con = store.duckdb()
        assert con.execute(f"SELECT group_id, domain FROM {kept.GROUP_CALLS}").fetchall() == [
            ("g-acme", "acme.io")
        ]
        assert con.execute(f"SELECT f_raw, email FROM {kept.TRAIT_CALLS}").fetchall() == [
            ("ann", "ann@acme.io")
        ]
        assert con.execute(
            f'SELECT sender, has_user, "first", "last", mail FROM {kept.SENDERS}'
        ).fetchall() == [("ann", True, T0, T0 + DAY, "ann@acme.io")]


def calls_kept(store: Store) -> list[tuple[Any, ...]]:
    """The kept calls that gave a person's traits, then the group calls."""
    people, groups = kept.trait_calls(store.events), kept.group_calls(store.events)
    assert people is not None and groups is not None
    return sorted(
        (r["f_raw"], r["f_ts"], r["email"], r["title"], r["name"])
        for r in people.to_pyarrow().to_pylist()
    ) + sorted(
        (r["group_id"], r["timestamp"], r["domain"], r["website"])
        for r in groups.to_pyarrow().to_pylist()
    )


def test_the_calls_giving_traits_and_the_group_calls_are_kept_and_appended_to(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.identify("ann", T0, email="ann@acme.io", first_name="Ann", last_name="Lee")
    s.identify("ann", T0 + HOUR, plan="trial")  # no e-mail, title or name: not kept
    s.group("ann", "g-acme", T0 + HOUR, name="Acme")  # a group's traits are not a person's
    s.load(store, tmp_path)
    assert calls_kept(store) == [
        ("ann", T0, "ann@acme.io", None, "Ann Lee"),
        ("g-acme", T0 + HOUR, None, None),
    ]
    later = Stream()
    later.identify("bob", T0 + DAY, title="CTO")
    later.group("bob", "g-beta", T0 + DAY, website="https://beta.io")
    later.store(store)  # read with the kept ones before they are folded in, and after
    expected = [
        ("ann", T0, "ann@acme.io", None, "Ann Lee"),
        ("bob", T0 + DAY, None, "CTO", None),
        ("g-acme", T0 + HOUR, None, None),
        ("g-beta", T0 + DAY, None, "https://beta.io"),
    ]
    assert calls_kept(store) == expected
    assert kept.fold(store.backend) == 2
    assert calls_kept(store) == expected


def members(store: Store, events: Any, moment: datetime) -> list[dict[str, Any]]:
    frame = scoring_frame(events, load("pillars").model, moment)
    try:
        rows = frame.accounts.to_pyarrow().to_pylist()
    finally:
        frame.release()
    return sorted(rows, key=lambda r: r["m_user"])


def test_each_id_s_facts_are_kept_and_a_person_s_are_the_log_s_at_any_time(
    store: Store, tmp_path: Path
) -> None:
    """A person's first and last call, sign-up, account and e-mail come from the facts kept
    per id; as of a time before an id's last call, from the log's calls before it: the same
    members as the log gives, at every time, whether the events were folded in or not."""
    s = Stream()
    s.page(None, "Pricing", T0, anonymous="anon-1")  # ann's first call, anonymous
    s.identify("ann", T0 + HOUR, anonymous="anon-1", email="ann@old.io")
    s.track("ann", "Signed Up", T0 + HOUR)
    s.track("ann", "Report Created", T0 + DAY, group="g-acme")
    s.identify("ann", T0 + 2 * DAY, email="ann@acme.io")
    s.identify("bob", T0 + HOUR, email="bob@acme.io")  # no group: the domain's account
    s.group("cat", "g-acme", T0, domain="acme.io")
    s.page(None, "Pricing", T0, anonymous="anon-9")  # never linked: no one
    s.load(store, tmp_path)
    later = Stream()  # not folded yet
    later.track("ann", "Report Created", T0 + 3 * DAY, group="g-beta")
    later.identify("bob", T0 - HOUR, T0 + 3 * DAY, email="bob@beta.io")  # earlier, arrived late
    later.track("bob", "Signed Up", T0 + 4 * DAY)
    later.store(store)
    everything = store.events.filter(store.events.message_id.notnull())  # the log read
    moments = (T0 + 30 * 60 * timedelta(seconds=1), T0 + DAY + HOUR, T0 + 2 * DAY, T0 + 9 * DAY)
    for folded in (False, True):
        if folded:
            assert kept.fold(store.backend) == 3
        for moment in moments:
            assert members(store, store.events, moment) == members(store, everything, moment)
    ann, bob, cat = members(store, store.events, T0 + 9 * DAY)
    assert (ann["m_user"], ann["first_seen"], ann["last_seen"]) == ("ann", T0, T0 + 3 * DAY)
    assert (ann["account_id"], ann["email_domain"]) == ("g-beta", "acme.io")  # latest of each
    assert (bob["account_id"], bob["email_domain"]) == ("g-acme", "acme.io")  # claimed domain
    assert (ann["signed_up"], bob["signed_up"], cat["signed_up"]) == (T0 + HOUR, T0 + 4 * DAY, None)
    assert cat["account_id"] == "g-acme"
    (ann_then, *_) = members(store, store.events, T0 + DAY + HOUR)
    assert (ann_then["account_id"], ann_then["email_domain"]) == ("g-acme", "old.io")


def rare(store: Store) -> tuple[list[str], list[dict[str, Any]]]:
    """The rare names and their events as a run reads them, and checks they are the log's
    (with those of names never counted: read from past the cover)."""
    found = kept.rare_events(store.events)
    assert found is not None
    events = store.events
    named = events.event.isin(sorted(found.names) or [""])
    logged = events.filter(
        (events.type == "track") & (named | ~events.event.isin(sorted(found.counted) or [""]))
    )
    rows = sorted(found.table.to_pyarrow().to_pylist(), key=lambda r: r["message_id"])
    assert rows == sorted(logged.to_pyarrow().to_pylist(), key=lambda r: r["message_id"])
    return sorted(found.names), rows


def test_the_events_of_rare_names_are_kept_apart_and_follow_the_names_share(
    store: Store, tmp_path: Path
) -> None:
    """A track name that is at most 1 % of the log is rare: its events are kept apart, every
    column (those appended since the fold read from the log). A name past 2 % is no longer
    rare; one back at 1 % or less is rare again, its older events copied."""
    s = Stream()
    hits = [s.track("ann", "Paywall Hit", T0, plan="team")]
    for n in range(150):
        s.track("ann", "Report Created", T0 + n * HOUR)
    s.load(store, tmp_path)  # one paywall hit in 151 events: 0.7 %
    names, rows = rare(store)
    assert (names, [r["message_id"] for r in rows]) == (["Paywall Hit"], hits)
    assert rows[0]["properties"] == '{"plan":"team"}'  # as the log gives it

    later = Stream()
    hits += [later.track("bob", "Paywall Hit", T0 + DAY + n * HOUR) for n in range(4)]
    first = later.track("bob", "Subscription Started", T0 + 2 * DAY)  # a name new to the log
    later.store(store)  # not folded: read from the log
    assert [r["message_id"] for r in rare(store)[1]] == sorted([*hits, first])
    found = kept.rare_events(store.events)
    assert found is not None and found.hold(["Paywall Hit", "Subscription Started"])
    assert not found.hold(["Report Created"])

    kept.fold(store.backend)  # 5 of 156: 3.2 %, no longer rare; the purchase is
    names, rows = rare(store)
    assert (names, [r["message_id"] for r in rows]) == (["Subscription Started"], [first])

    more = Stream()
    for n in range(400):
        more.track("cy", "Report Created", T0 + 2 * DAY + n * HOUR)
    more.store(store)
    kept.fold(store.backend)  # 5 of 556: 0.9 %, rare again
    names, rows = rare(store)
    assert names == ["Paywall Hit", "Subscription Started"]
    assert [r["message_id"] for r in rows] == sorted([*hits, first])


def test_triggers_and_milestones_read_the_rare_events_as_they_would_the_log(
    store: Store, tmp_path: Path
) -> None:
    """pillars' triggers look for paywall hits, enterprise features, invitations and
    dashboards, its milestone for projects, data sources and dashboards, here rare among
    many reports (or never seen): the alerts and scores are those the log gives, with events
    folded in and events appended since."""
    s = Stream()
    for n, who in enumerate(["ann", "bob", "cat"]):
        s.identify(who, T0 + n * HOUR, email=f"{who}@acme.io", title="VP Sales")
        s.track(who, "Paywall Hit", T0 + DAY + n * HOUR)
        s.track(who, "Dashboard Created", T0 + DAY + n * HOUR)
        for k in range(120):
            s.track(who, "Report Created", T0 + k * HOUR)
    s.load(store, tmp_path)
    later = Stream()
    later.track("ann", "Invite Sent", T0 + 3 * DAY)
    for k in range(5):
        later.track("bob", "Invite Sent", T0 + 3 * DAY + k * HOUR)  # a burst: 5 in a week
    later.store(store)
    assert set(rare(store)[0]) >= {"Paywall Hit", "Dashboard Created"}
    pillars = load("pillars")
    everything = store.events.filter(store.events.message_id.notnull())
    for moment in (T0 + DAY + HOUR, T0 + 2 * DAY, T0 + 10 * DAY):
        stored = score_events(store.events, pillars, moment)
        found = score_events(everything, pillars, moment)
        assert (stored.alerts, stored.rows()) == (found.alerts, found.rows())
    fired = {(a.trigger, a.entity_id) for a in stored.alerts}
    assert {
        ("paywall_hit", "ann"),
        ("domain_adoption", "ann"),
        ("invitation_burst", "bob"),
    } <= fired


def runs_of(table: Any) -> list[tuple[str, bool, datetime, datetime]]:
    rows = table.to_pyarrow().to_pylist()
    return sorted((r["sender"], r["has_user"], r["first"], r["last"]) for r in rows)


def days_of(table: Any) -> list[dict[str, Any]]:
    rows = merged_days(table).to_pyarrow().to_pylist()
    return sorted(rows, key=lambda r: (r["sender"], r["has_user"], r["day"]))


def test_each_id_s_runs_of_activity_and_facts_per_day_are_kept_as_the_log_gives_them(
    store: Store, tmp_path: Path
) -> None:
    """A run lasts while no call comes more than 30 minutes after the one before (a gap of
    exactly 30 minutes keeps it going); identify, group and alias calls are no activity. A
    call that arrives late, between two runs, joins them, whether folded in or read past the
    cover; the facts per day are the log's facts of each day."""
    minute = timedelta(minutes=1)
    s = Stream()
    s.page(None, "Pricing", T0, anonymous="anon-1")
    s.page(None, "Docs", T0 + 20 * minute, anonymous="anon-1")
    s.identify("ann", T0 + 25 * minute, anonymous="anon-1", email="ann@acme.io")
    s.track("ann", "Signed Up", T0 + 26 * minute)
    s.track("ann", "Report Created", T0 + 56 * minute)  # exactly 30 minutes on: the same run
    s.track("ann", "Report Created", T0 + 2 * HOUR)  # 64 minutes on: a run of its own
    s.track("ann", "Report Created", T0 + 3 * HOUR, group="g-acme")  # and another
    s.track("bob", "Report Created", T0 + DAY - 10 * minute)  # a run over midnight
    s.track("bob", "Report Created", T0 + DAY + 10 * minute)
    s.page("bob", "Docs", T0 + DAY + 10 * minute)  # at the same time as the one before
    s.group("bob", "g-beta", T0 + 2 * DAY)  # no activity: no run
    s.load(store, tmp_path)
    ann_runs = [
        ("ann", True, T0 + 26 * minute, T0 + 56 * minute),
        ("ann", True, T0 + 2 * HOUR, T0 + 2 * HOUR),
        ("ann", True, T0 + 3 * HOUR, T0 + 3 * HOUR),
    ]
    anon_run = ("anon-1", False, T0, T0 + 20 * minute)
    bob_run = ("bob", True, T0 + DAY - 10 * minute, T0 + DAY + 10 * minute)
    kept_runs = store.backend.sql(f"SELECT * FROM {kept_activity.SENDER_RUNS}")
    assert runs_of(kept_runs) == [*ann_runs, anon_run, bob_run]

    later = Stream()  # stored unfolded; one arrives late, between ann's last two runs
    later.track("ann", "Report Created", T0 + 2 * HOUR + 30 * minute, T0 + 4 * HOUR)
    later.page(None, "Pricing", T0 + 5 * DAY, anonymous="anon-7")
    later.identify("bob", T0 + 5 * DAY, email="bob@beta.io")
    later.store(store)
    joined = [*ann_runs[:1], ("ann", True, T0 + 2 * HOUR, T0 + 3 * HOUR)]
    anon_7 = ("anon-7", False, T0 + 5 * DAY, T0 + 5 * DAY)
    everything = store.events.filter(store.events.message_id.notnull())  # the log read
    from_log = chained(kept_activity.run_pieces(everything), ("sender", "has_user"), RUN_GAP)
    found = kept.sender_runs(store.events)
    assert found is not None
    assert runs_of(found) == runs_of(from_log) == [*joined, anon_run, anon_7, bob_run]
    days = kept.sender_days(store.events)
    assert days is not None
    assert days_of(days) == days_of(kept_activity.day_facts(everything))

    assert kept.fold(store.backend) == 3
    assert runs_of(kept_runs) == [*joined, anon_run, anon_7, bob_run]
    kept_days = store.backend.sql(f"SELECT * FROM {kept_activity.SENDER_DAYS}")
    assert days_of(kept_days) == days_of(kept_activity.day_facts(everything))
    ann_day = [d for d in days_of(kept_days) if d["sender"] == "ann"]
    assert [(d["first"], d["last"], d["signed"], d["grp"], d["mail"]) for d in ann_day] == [
        (T0 + 25 * minute, T0 + 3 * HOUR, T0 + 26 * minute, "g-acme", "ann@acme.io")
    ]


SESSIONS = """
name: sessions
entity: user
signals:
  sessions_ever: {sessions: {}}
  sessions_2d: {sessions: {window: 2d}}
  sessions_14d: {sessions: {window: 14d}}
layers:
  usage:
    rules:
      - {signal: sessions_2d, at_least: 1, points: 10}
tiers: {pql: 10}
"""


def test_many_dates_count_sessions_from_the_kept_runs_as_each_date_does_from_the_log(
    store: Store, tmp_path: Path
) -> None:
    """Sessions at many dates come from the kept runs and the members from the facts per
    day (the days a date cuts read from the log): the same as each date scored alone, from
    the log, for a session over a date, across a window's start, over two ids of one
    person, and with calls past the cover."""
    minute = timedelta(minutes=1)
    model_path = tmp_path / "sessions.yaml"
    model_path.write_text(SESSIONS)
    model = load(str(model_path))
    dates = [T0 + k * DAY + 4 * HOUR + 30 * minute for k in (2, 3, 5)] + [T0 + 7 * DAY]
    s = Stream()
    s.page(None, "Pricing", T0, anonymous="anon-1")  # ann's first run: anonymous, then hers
    s.identify("ann", T0 + 10 * minute, anonymous="anon-1", email="ann@acme.io")
    s.track("ann", "Report Created", T0 + 20 * minute)
    for k in range(8):  # bob: a run every 20 minutes over the first date's 13:30
        s.track("bob", "Report Created", dates[0] - HOUR + k * 20 * minute)
    s.track("bob", "Report Created", dates[0] - 2 * DAY - 10 * minute)  # over a window start
    s.track("bob", "Report Created", dates[0] - 2 * DAY + 10 * minute)
    s.page(None, "Docs", dates[1] - HOUR, anonymous="anon-2")  # cat's, linked at a later date
    s.identify("cat", dates[2] - HOUR, anonymous="anon-2", email="cat@acme.io")
    s.track("cat", "Report Created", dates[2] - 40 * minute)
    start = dates[1] - 2 * DAY  # eve's two ids' runs make one session over a window's start
    s.page(None, "Pricing", start - 10 * minute, anonymous="anon-5")
    s.identify("eve", start - 5 * minute, anonymous="anon-5")
    s.track("eve", "Report Created", start + 10 * minute)
    s.page(None, "Pricing", dates[0] + HOUR, anonymous="anon-3")  # first seen after a date,
    s.identify("dan", dates[0] + HOUR, anonymous="anon-3")  # on its day
    s.load(store, tmp_path)
    later = Stream()  # past the cover: ann's late call joins two runs
    later.track("ann", "Report Created", dates[1] - 3 * HOUR)
    later.track("ann", "Report Created", dates[1] - 2 * HOUR, dates[3])
    later.track("ann", "Report Created", dates[1] - 90 * minute)
    later.store(store)
    everything = store.events.filter(store.events.message_id.notnull())  # the log read

    def values(run: Any) -> list[tuple[Any, ...]]:
        table = run.table.to_pylist()
        return sorted(
            (r["entity_id"], r["s__sessions_ever"], r["s__sessions_2d"], r["s__sessions_14d"])
            for r in table
        )

    together = list(score_dates(store.events, model, dates))
    for date, run in zip(dates, together, strict=True):
        assert values(run) == values(score_events(everything, model, date)), date
    assert values(together[0]) == [("ann", 1, 0, 1), ("bob", 2, 2, 2), ("eve", 1, 1, 1)]
    assert values(together[-1])[0] == ("ann", 3, 0, 3)
    assert [v for v in values(together[1]) if v[0] == "eve"] == [("eve", 1, 1, 1)]


COUNTS = """
name: counts
entity: user
signals:
  reports_2d: {count: {event: Report Created, window: 2d}}
  reports_trend: {trend: {event: Report Created, window: 1d}}
  invites: {count: {event: Invite Sent}}
  set_up:
    milestone:
      steps: [Project Created, {event: Report Created, at_least: 3}, {event: Report Created, where: {kind: chart}}]
  first_report: {days_since: {event: Report Created, which: first}}
layers:
  usage:
    rules:
      - {signal: reports_2d, at_least: 2, points: 10}
      - {signal: set_up, points: 20}
tiers: {pql: 10}
"""


def counts_of(table: Any) -> list[tuple[str, bool, datetime, str, int]]:
    rows = table.to_pyarrow().to_pylist()
    summed: dict[tuple[str, bool, datetime, str], int] = {}
    for r in rows:
        key = (r["sender"], r["has_user"], r["day"], r["event"])
        summed[key] = summed.get(key, 0) + r["n"]
    return sorted((*key, n) for key, n in summed.items())


def test_many_dates_count_events_from_the_kept_counts_per_day_as_each_date_does_from_the_log(
    store: Store, tmp_path: Path
) -> None:
    """Each sender's count of each track event per day is kept, and counts, trends and
    milestones at many dates add them up: the same as each date scored alone from the log,
    for dates at midnight (every day from the counts) and dates that cut a day (that day from
    the events), an event at a date's very time (not counted at it), a step tested on a
    property (from the events), and calls past the cover on days already kept."""
    model_path = tmp_path / "counts.yaml"
    model_path.write_text(COUNTS)
    model = load(str(model_path))
    midnight = datetime(2026, 3, 6)
    s = Stream()
    s.identify("ann", midnight - 5 * DAY, anonymous="anon-1", email="ann@acme.io")
    s.track(None, "Report Created", midnight - 5 * DAY - HOUR, anonymous="anon-1")
    s.track("ann", "Project Created", midnight - 4 * DAY + HOUR)
    for hours in (2, 3, 27, 50):  # two on the day before the date's window, one in it, one on
        s.track("ann", "Report Created", midnight - 3 * DAY + hours * HOUR, kind="chart")
    s.track("ann", "Report Created", midnight)  # at the date: counted at the next one only
    s.track("ann", "Invite Sent", midnight - 2 * DAY)
    s.track("bob", "Report Created", midnight - DAY + 23 * HOUR)
    s.track("bob", "Report Created", midnight + DAY + HOUR // 2)
    s.load(store, tmp_path)
    later = Stream()  # past the cover: on days the counts already keep
    later.track("ann", "Report Created", midnight - 3 * DAY + 4 * HOUR, midnight + 2 * DAY)
    later.track("bob", "Invite Sent", midnight - DAY + HOUR)
    later.track(None, "Report Created", midnight + DAY + HOUR, anonymous="anon-1")
    later.store(store)
    everything = store.events.filter(store.events.message_id.notnull())  # the log read
    found = kept.event_days(store.events)
    assert found is not None
    assert counts_of(found) == counts_of(kept_activity.event_counts(everything))
    ann_day = ("ann", True, midnight - 3 * DAY, "Report Created")
    assert [c for c in counts_of(found) if c[:4] == ann_day] == [(*ann_day, 3)]

    columns = ("s__reports_2d", "s__reports_trend", "s__invites", "s__set_up", "s__first_report")

    def values(run: Any) -> list[tuple[Any, ...]]:
        return sorted(tuple(r[c] for c in ("entity_id", *columns)) for r in run.table.to_pylist())

    at_midnight = [midnight - DAY, midnight, midnight + DAY, midnight + 2 * DAY]
    cutting = [midnight - DAY + 12 * HOUR, midnight, midnight + DAY + HOUR]
    for dates in (at_midnight, cutting):
        together = list(score_dates(store.events, model, dates))
        for date, run in zip(dates, together, strict=True):
            assert values(run) == values(score_events(everything, model, date)), date
    at_date = dict((v[0], v[1:]) for v in values(score_events(everything, model, midnight)))
    assert at_date["ann"][:4] == (2, 0, 1, True)  # 27 h and 50 h in; none on the date's eve

    assert kept.fold(store.backend) == 3
    kept_counts = store.backend.sql(f"SELECT * FROM {kept_activity.EVENT_DAYS}")
    assert counts_of(kept_counts) == counts_of(kept_activity.event_counts(everything))
    assert kept_counts.count().execute() == len(counts_of(kept_counts))  # merged: one row a key
