"""A restart changes nothing: state rebuilt from the stored prefix continues as if never stopped.

Random streams are cut at a random moment. The server "stops" there: only the calls received
before it are in the store. The rebuilt evaluator then observes the rest; its alerts must be the
uninterrupted run's alerts from the cut on, and batch as of the cut must give the alerts before it
(point in time: nothing that arrived later is seen).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given
from hypothesis import strategies as st

from pqlkit.events.spec import parse_time
from pqlkit.model.loader import load
from pqlkit.store.store import Store
from pqlkit.triggers.alerts import in_order
from pqlkit.triggers.batch import evaluate
from pqlkit.triggers.live import LiveTriggers
from tests.triggers.random_streams import CUSTOM_ACCOUNT, CUSTOM_USER, examples, worlds
from tests.triggers.streams import Stream

MODELS = (load("pillars").model, CUSTOM_USER, CUSTOM_ACCOUNT)


@examples(2)
@given(stream=worlds(count=4), cut=st.floats(0.2, 0.8))
def test_a_restart_changes_no_alert(stream: Stream, cut: float) -> None:
    arrivals = sorted({c["receivedAt"] for c in stream.calls})
    stop = parse_time(arrivals[int(cut * len(arrivals))])
    assert stop is not None
    received: dict[str, datetime] = {}
    for row in stream.rows():  # a retry keeps its first receipt
        received.setdefault(row["message_id"], row["received_at"])
    before = stream.arrived_before(stop)
    with TemporaryDirectory() as directory, Store.open(":memory:") as store:
        before.load(store, Path(directory))
        for model in MODELS:
            whole = stream.live(model)
            assert evaluate(store.events, model, stop) == [
                a for a in whole if received[a.message_id] < stop
            ]
            rebuilt = LiveTriggers.rebuild(store.events, model, stop)
            rest = in_order(a for row in stream.rows() for a in rebuilt.observe(row))
            assert rest == [a for a in whole if received[a.message_id] >= stop], model.name


def test_a_restart_right_after_a_burst_keeps_its_cooldown(tmp_path: Path) -> None:
    stream = Stream()
    start = parse_time("2026-03-02T09:00:00Z")
    assert start is not None
    for n in range(6):
        stream.track("ann", "Invite Sent", start + n * timedelta(hours=1))
    stop = start + timedelta(hours=4, minutes=30)  # after the fifth (which fired)
    with Store.open(":memory:") as store:
        stream.arrived_before(stop).load(store, tmp_path)
        model = MODELS[0]
        rebuilt = LiveTriggers.rebuild(store.events, model, stop)
        assert [a for row in stream.rows() for a in rebuilt.observe(row)] == []
