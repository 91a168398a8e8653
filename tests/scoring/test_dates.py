"""Scoring many dates at once gives each date exactly what scoring it alone gives."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pqlkit.model.loader import load
from pqlkit.scoring.run import score_dates, score_events
from pqlkit.store.store import Store
from tests.engines import SparkStore, engine_events
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup

PILLARS = load("pillars")
HOUR = timedelta(hours=1)


def _history() -> History:
    h = History()
    for n, user in enumerate(("ann", "bob", "cat", "dan")):
        signup(h, user, T - (40 - n) * DAY, employees=60 + 100 * n)
    for n, user in enumerate(("eve", "fay", "gus")):  # one company domain: domain_adoption
        h.identify(user, T - 30 * DAY, email=f"{user}@shared.com", title="VP Sales" if n else "CTO")
        h.track(user, "Signed Up", T - 30 * DAY + n * HOUR)
        activate(h, user, T - (20 - 3 * n) * DAY)
    activate(h, "ann", T - 35 * DAY)
    h.repeat("bob", "Paywall Hit", 3, T - 25 * DAY, 5 * DAY)  # fires, cools down, fires again
    h.repeat("cat", "Invite Sent", 6, T - 16 * DAY, 12 * HOUR)  # an invitation burst
    h.track("dan", "Enterprise Feature Viewed", T - 9 * DAY, feature="SSO")
    h.sessions("ann", 8, T - 12 * DAY)
    h.repeat("dan", "Report Created", 6, T - 20 * DAY, DAY)
    return h


@pytest.mark.timeout(900)  # local Spark: ~30 s a date, slower beside the other worker
def test_score_dates_equals_score_events_at_each_date(store: Store, tmp_path: Path) -> None:
    _history().load(store, tmp_path)
    events = engine_events(store)
    dates = [T - k * 6 * DAY for k in range(5)][::-1]
    if isinstance(store, SparkStore):  # ~30 s a date on local Spark: the first and the last
        dates = [dates[0], dates[-1]]
    together = list(score_dates(events, PILLARS, dates))
    assert [run.as_of for run in together] == dates
    for date, run in zip(dates, together, strict=True):
        alone = score_events(events, PILLARS, date)
        assert run.alerts == alone.alerts, date
        assert run.live == alone.live, date
        assert run.rows() == alone.rows(), date
    assert any(run.alerts for run in together) and any(run.live for run in together)
