"""Many dates' trigger history, evaluated on a second connection while the frame is made: the
alerts each date would get from its own evaluation, whichever thread computed them."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pqlkit.store.store import Store
from pqlkit.triggers import beside
from pqlkit.triggers.batch import evaluate
from tests.engines import engine_events
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup
from tests.triggers.test_batch import PILLARS


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of each thread that evaluated a history."""
    names: list[str] = []
    real = beside.History

    def recorded(*args: Any, **kwargs: Any) -> Any:
        names.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(beside, "History", recorded)
    return names


def company(store: Store, tmp_path: Path) -> list[datetime]:
    """Paywall hits over two cooldowns and three activations at one domain (its most senior
    user gets the alert); the moments to read the history at."""
    h = History()
    start = T - 30 * DAY
    signup(h, "ann", start)
    for day in (2, 5, 12):
        h.track("ann", "Paywall Hit", start + day * DAY)
    for user, title in (("fin", "Engineer"), ("gia", "VP Engineering"), ("hoa", "Analyst")):
        h.identify(user, start, email=f"{user}@acme.com", title=title)
        h.track(user, "Signed Up", start)
    for n, user in enumerate(("fin", "hoa", "gia")):
        activate(h, user, start + (4 + 3 * n) * DAY)
    h.load(store, tmp_path)
    return [start + day * DAY for day in (3, 10, 14, 30)]


def test_on_a_store_the_history_is_evaluated_on_another_thread_and_gives_each_date_s_alerts(
    store: Store, tmp_path: Path, threads: list[str]
) -> None:
    moments = company(store, tmp_path)
    events = engine_events(store)
    with beside.history(events, PILLARS.model, moments[-1]) as history:
        for moment in moments:
            assert history().as_of(moment) == evaluate(events, PILLARS.model, moment), moment
    assert {a.trigger for a in history().as_of(T)} == {"paywall_hit", "domain_adoption"}
    # only an embedded store's connection has a second one (other engines evaluate at once)
    on = "pqlkit-triggers" if store.is_duckdb else threading.current_thread().name
    assert [name.split("_")[0] for name in threads] == [on]


def test_a_table_that_is_not_a_store_s_log_has_its_history_evaluated_at_once(
    store: Store, tmp_path: Path, threads: list[str]
) -> None:
    """Its expression may read what only this connection sees (temporary tables)."""
    moments = company(store, tmp_path)
    events = engine_events(store)
    read = events.filter(events.message_id.notnull())
    with beside.history(read, PILLARS.model, moments[-1]) as history:
        assert history().as_of(moments[-1]) == evaluate(events, PILLARS.model, moments[-1])
    assert threads == [threading.current_thread().name]
