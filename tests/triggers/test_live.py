"""The real-time evaluator as the server uses it: one stored row at a time, in arrival order."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pqlkit.model.loader import load
from pqlkit.model.schema import Model
from pqlkit.store.store import Store
from pqlkit.triggers.batch import evaluate
from pqlkit.triggers.live import LiveTriggers, OutOfOrderError
from tests.engines import engine_events
from tests.triggers.streams import Stream

PILLARS = load("pillars").model
T0 = datetime(2026, 3, 2, 9)
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def test_a_paywall_hit_alerts_at_once_with_its_deadline_and_evidence() -> None:
    s = Stream()
    hit = s.track("ann", "Paywall Hit", T0, T0 + timedelta(seconds=2), plan="team")
    (alert,) = LiveTriggers(PILLARS).observe(s.rows()[0])
    assert (alert.entity_id, alert.trigger, alert.message_id) == ("ann", "paywall_hit", hit)
    assert alert.fired_at == T0 and alert.deadline == T0 + 4 * HOUR
    assert alert.evidence == (hit,)


def test_the_alert_of_a_count_cites_the_events_it_counted() -> None:
    s = Stream()
    invites = [s.track("bob", "Invite Sent", T0 + n * HOUR) for n in range(5)]
    alerts = s.live(PILLARS)
    assert [a.evidence for a in alerts] == [tuple(invites)]


def test_events_must_come_in_arrival_order() -> None:
    s = Stream()
    s.track("ann", "Signed In", T0)
    s.track("ann", "Signed In", T0 + HOUR)
    first, second = s.rows()
    triggers = LiveTriggers(PILLARS)
    triggers.observe(second)
    assert triggers.observe(second) == []  # the same row again: ignored
    with pytest.raises(OutOfOrderError, match="observe events in arrival order"):
        triggers.observe(first)


def test_rows_of_one_request_are_put_in_order() -> None:
    s = Stream()
    received = T0 + 45 * MINUTE
    for n in range(5):  # one batch, one receipt time
        s.track("bob", "Invite Sent", T0 + n * 10 * MINUTE, received)
    rows = s.rows()
    (alert,) = LiveTriggers(PILLARS).observe_many(reversed(rows))
    assert alert.message_id == max(r["message_id"] for r in rows)  # ties go by message id


def test_events_sent_with_a_browser_key_never_fire_unless_trusted(store: Store) -> None:
    s = Stream()
    s.track("cat", "Paywall Hit", T0)
    assert LiveTriggers(PILLARS).observe(s.rows("api:browser:k_1")[0]) == []
    trusting = PILLARS.model_copy(
        update={
            "triggers": {
                "paywall_hit": PILLARS.triggers["paywall_hit"].model_copy(
                    update={"sources": ["browser"]}
                )
            }
        }
    )
    assert len(LiveTriggers(trusting).observe(s.rows("api:browser:k_1")[0])) == 1
    s.store(store, "api:browser:k_1")
    assert evaluate(engine_events(store), PILLARS, T0 + DAY) == []
    assert len(evaluate(engine_events(store), trusting, T0 + DAY)) == 1


def test_memory_is_bounded_by_the_windows_and_the_watermark() -> None:
    s = Stream()
    for n in range(24 * 60):  # an invitation an hour for 60 days
        s.track("dan", "Invite Sent", T0 + n * HOUR)
    triggers = LiveTriggers(PILLARS)
    for row in s.rows():
        triggers.observe(row)
    (burst,) = [r for r in triggers.rules if r.name == "invitation_burst"]
    week_and_a_bit = (7 * DAY + PILLARS.watermark + 10 * MINUTE) / HOUR + 1
    assert len(burst.windows.hits["dan"]) <= week_and_a_bit
    assert len(triggers.recent) <= 12  # message ids still young enough to be retried on time


def test_rebuilt_state_ignores_what_it_already_holds(store: Store) -> None:
    model: Model = PILLARS
    s = Stream()
    for n in range(5):
        s.track("eve", "Invite Sent", T0 + n * HOUR)
    s.store(store)
    rebuilt = LiveTriggers.rebuild(engine_events(store), model, T0 + 10 * HOUR)
    assert [rebuilt.observe(row) for row in s.rows()] == [[]] * 5  # arrived before the restart
    sixth = Stream()
    sixth.track("eve", "Invite Sent", T0 + 11 * HOUR)
    assert rebuilt.observe(sixth.rows()[0]) == []  # the week's alert was already sent
