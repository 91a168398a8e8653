"""What a trigger sees, in plain words — each rule checked in real time and in batch on every engine.

Events arrive in an order of their own: a phone offline for half an hour sends yesterday's
clicks today. Triggers take events in the order they arrived, count windows by the events'
timestamps, and read identity as it was known on arrival, so an alert once sent stays true.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pqlkit.model.loader import load
from pqlkit.model.schema import Model
from pqlkit.store.store import Store
from pqlkit.triggers.alerts import Alert
from pqlkit.triggers.batch import evaluate
from tests.engines import engine_events
from tests.triggers.streams import Stream

PILLARS = load("pillars").model
T0 = datetime(2026, 3, 2, 9)
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
LATER = T0 + 30 * DAY  # evaluate after everything arrived


def fired(alerts: list[Alert]) -> list[tuple[str, str, str]]:
    return [(a.entity_id, a.trigger, a.message_id) for a in alerts]


def both(
    stream: Stream, store: Store, tmp_path: Path, model: Model = PILLARS, as_of: datetime = LATER
) -> list[tuple[str, str, str]]:
    """The alerts, checked equal in real time and in batch on the store's engine."""
    live = stream.arrived_before(as_of).live(model)
    stream.load(store, tmp_path)
    batch = evaluate(engine_events(store), model, as_of)
    assert batch == live
    return fired(batch)


def test_a_late_event_never_fires_and_never_counts(store: Store, tmp_path: Path) -> None:
    s = Stream()
    s.track("ann", "Paywall Hit", T0, T0 + 2 * HOUR)  # two hours late: stored, never fires
    for n in range(4):
        s.track("bob", "Invite Sent", T0 + n * HOUR)
    s.track("bob", "Invite Sent", T0 + 4 * HOUR, T0 + 6 * HOUR)  # the fifth, but late
    assert both(s, store, tmp_path) == []


def test_an_event_within_the_watermark_counts_by_its_timestamp(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    for n in range(4):  # 9:00, 10:00, 11:00, 12:00
        s.track("bob", "Invite Sent", T0 + n * HOUR)
    # happened at 12:30, arrived at 13:10 (40 minutes late, within the 1h watermark): its week
    # holds the four before it and itself
    fifth = s.track("bob", "Invite Sent", T0 + 3 * HOUR + 30 * MINUTE, T0 + 4 * HOUR + 10 * MINUTE)
    assert both(s, store, tmp_path) == [("bob", "invitation_burst", fifth)]


def test_a_window_holds_only_events_that_arrived_and_happened_before(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    for n in range(4):  # 9:00, 10:00, 11:00, 12:00
        s.track("bob", "Invite Sent", T0 + n * HOUR)
    # happened at 11:30, arrived at 12:20: its window [11:30 − 7d, 11:30] holds 9:00, 10:00,
    # 11:00 and itself (12:00 happened after it); 12:00 had counted four when it arrived
    s.track("bob", "Invite Sent", T0 + 2 * HOUR + 30 * MINUTE, T0 + 3 * HOUR + 20 * MINUTE)
    assert both(s, store, tmp_path) == []
    sixth = s.track("bob", "Invite Sent", T0 + 5 * HOUR)  # 14:00: now six in the week
    assert both(s, store, tmp_path) == [("bob", "invitation_burst", sixth)]


def test_an_alias_that_arrives_later_does_not_rekey_earlier_alerts(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.track(None, "Paywall Hit", T0, anonymous="visitor-1")  # no one known: no one to contact
    s.identify("cat", T0 + HOUR, email="cat@acme.com")
    s.alias("visitor-1", "cat", T0 + 2 * HOUR)  # now the visitor is cat…
    again = s.track(None, "Paywall Hit", T0 + 3 * HOUR, anonymous="visitor-1")
    # …so the visitor's next paywall hit alerts on cat; the first one stays unsent
    assert both(s, store, tmp_path) == [("cat", "paywall_hit", again)]


def test_a_domain_trigger_counts_each_person_under_the_domain_they_had(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    for user, title in (("ann", "Engineer"), ("bob", "Head of Data"), ("cat", "Analyst")):
        s.identify(user, T0, email=f"{user}@acme.com", title=title)
    for step, user in enumerate(("ann", "bob")):
        s.track(user, "Dashboard Created", T0 + (step + 1) * HOUR)
    s.identify("bob", T0 + 3 * HOUR, email="bob@gmail.com")  # bob moves to a personal address
    third = s.track("cat", "Dashboard Created", T0 + 4 * HOUR)
    # bob's activation counted for acme.com when it arrived: cat's makes three. The alert goes to
    # acme.com's most senior user as known then — bob no longer is one (gmail), so ann or cat.
    assert both(s, store, tmp_path) == [("ann", "domain_adoption", third)]


def test_among_equally_senior_people_the_alert_goes_to_the_one_seen_first(
    store: Store, tmp_path: Path
) -> None:
    s = Stream()
    s.identify("zed", T0, email="zed@acme.com", title="VP Sales")  # seen first
    s.identify("amy", T0 + HOUR, email="amy@acme.com", title="VP Marketing")
    s.identify("bo", T0 + HOUR, email="bo@acme.com", title="Engineer")
    activations = [
        s.track(user, "Dashboard Created", T0 + (2 + n) * HOUR)
        for n, user in enumerate(("amy", "bo", "zed"))
    ]
    assert both(s, store, tmp_path) == [("zed", "domain_adoption", activations[-1])]


def test_cooldown_runs_from_the_firing_events_time(store: Store, tmp_path: Path) -> None:
    s = Stream()
    first = s.track("dan", "Paywall Hit", T0)
    s.track("dan", "Paywall Hit", T0 + 3 * DAY)  # within 7 days: quiet
    # happened before the first, arrived after it: quiet too
    s.track("dan", "Paywall Hit", T0 - 10 * MINUTE, T0 + 30 * MINUTE)
    again = s.track("dan", "Paywall Hit", T0 + 7 * DAY)  # 7 days after the first: fires
    assert both(s, store, tmp_path) == [
        ("dan", "paywall_hit", first),
        ("dan", "paywall_hit", again),
    ]


def test_a_retried_event_counts_once(store: Store, tmp_path: Path) -> None:
    s = Stream()
    invites = [s.track("eve", "Invite Sent", T0 + n * HOUR) for n in range(4)]
    s.again(invites[-1], T0 + 3 * HOUR + 5 * MINUTE)  # the SDK sent the fourth twice
    assert both(s, store, tmp_path) == []
    fifth = s.track("eve", "Invite Sent", T0 + 5 * HOUR)
    assert both(s, store, tmp_path) == [("eve", "invitation_burst", fifth)]


def test_as_of_T_only_what_had_arrived_before_T_counts(store: Store, tmp_path: Path) -> None:
    s = Stream()
    hit = s.track("fay", "Paywall Hit", T0, T0 + 30 * MINUTE)
    assert both(s, store, tmp_path, as_of=T0 + 10 * MINUTE) == []  # happened, not yet arrived
    assert both(s, store, tmp_path, as_of=T0 + 31 * MINUTE) == [("fay", "paywall_hit", hit)]
