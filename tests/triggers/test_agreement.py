"""Real time and batch agree: the same random streams give the same alerts, to the field.

Live: each call validated as the server does it and observed in arrival order, retries and
late events included. Batch: the same calls ingested into a store (which keeps each message id's
first copy), then evaluated in the engine after the last arrival. Each example holds several
independent streams (no id or domain in common), so one batch evaluation checks them all.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given

from pqlkit.model.loader import load
from pqlkit.store.store import Store
from pqlkit.triggers.batch import evaluate
from tests.triggers.random_streams import CUSTOM_ACCOUNT, CUSTOM_USER, T0, examples, worlds
from tests.triggers.streams import Stream

AFTER_EVERYTHING = T0 + timedelta(days=60)
MODELS = (load("pillars").model, CUSTOM_USER, CUSTOM_ACCOUNT)


@examples(4)
@given(stream=worlds())
def test_live_and_batch_fire_the_same_alerts(stream: Stream) -> None:
    with TemporaryDirectory() as directory, Store.open(":memory:") as store:
        stream.load(store, Path(directory))
        for model in MODELS:
            assert evaluate(store.events, model, AFTER_EVERYTHING) == stream.live(model), model.name
