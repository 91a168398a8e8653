"""Sales feedback: stored with who and when; a rep's verdict is the first touch of the lead's
open alerts (what response times are measured to); a conversion is not a touch."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pqlkit.errors import ConfigError
from pqlkit.sales.feedback import Feedback, read, record
from pqlkit.store.store import Store
from pqlkit.triggers import alert_store
from pqlkit.triggers.alerts import Alert

T = datetime(2026, 3, 2, 9, 0)
HOUR = timedelta(hours=1)


def fired(store: Store, entity: str, trigger: str, at: datetime, message_id: str) -> str:
    alert = Alert(entity, trigger, at, message_id, at + 4 * HOUR, entity, entity, (message_id,))
    alert_store.record(store, [alert], "pillars", at)
    return alert_store.alert_id(alert)


def touches(store: Store) -> dict[str, tuple[str, datetime | None]]:
    return {
        a.alert.message_id: (a.status, a.first_touch_at)
        for a in alert_store.read(store, limit=1000)
    }


def test_a_reps_verdict_is_the_first_touch_of_the_open_alerts_fired_by_then(store: Store) -> None:
    fired(store, "ann", "paywall_hit", T, "m1")
    fired(store, "ann", "invitation_burst", T + 2 * HOUR, "m2")  # after the touch
    fired(store, "bob", "paywall_hit", T, "m3")  # someone else
    done = record(store, Feedback("ann", "good", "wants SSO", "rep@acme.io", T + HOUR), "cli")
    assert done.touched_alerts == 1
    assert touches(store) == {
        "m1": ("touched", T + HOUR),  # answered within the hour
        "m2": ("open", None),
        "m3": ("open", None),
    }
    later = record(store, Feedback("ann", "touched", at=T + 3 * HOUR), "cli")
    assert later.touched_alerts == 1  # m2 now; m1 keeps its first touch
    assert touches(store)["m1"] == ("touched", T + HOUR)
    [newest, oldest] = read(store, "ann")
    assert (oldest["label"], oldest["note"], oldest["by"], oldest["source"]) == (
        "good",
        "wants SSO",
        "rep@acme.io",
        "cli",
    )
    assert newest["label"] == "touched"


def test_a_conversion_is_an_outcome_not_a_touch(store: Store) -> None:
    fired(store, "ann", "paywall_hit", T, "m1")
    assert record(store, Feedback("ann", "converted", at=T + HOUR), "cli").touched_alerts == 0
    assert touches(store)["m1"] == ("open", None)


def test_feedback_on_one_alert_touches_only_that_one(store: Store) -> None:
    first = fired(store, "ann", "paywall_hit", T, "m1")
    fired(store, "ann", "enterprise_feature_access", T, "m2")
    record(store, Feedback("ann", "not-ready", at=T + HOUR, alert_id=first), "cli")
    assert touches(store) == {"m1": ("touched", T + HOUR), "m2": ("open", None)}


def test_an_unknown_label_is_refused_with_a_hint() -> None:
    with pytest.raises(
        ConfigError, match=r"label: 'tuched' is not one of .* Did you mean 'touched'\?"
    ):
        Feedback("ann", "tuched")
    with pytest.raises(ConfigError, match="entity_id: must not be empty"):
        Feedback(" ", "good")
