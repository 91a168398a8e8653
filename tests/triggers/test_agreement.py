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


@examples(4)
@given(stream=worlds())
def test_a_history_on_the_logs_linked_pairs_gives_each_time_what_it_evaluates_alone(
    stream: Stream,
) -> None:
    """A backtest's history reads its links from the pairs of the whole log (shared with its
    dated frames): at every time, the alerts one evaluation as of that time fires."""
    from pqlkit.compile.frame import drop_temporary, materialized
    from pqlkit.triggers.asof import link_pairs
    from pqlkit.triggers.batch import History

    moments = [T0 + timedelta(hours=hours) for hours in (12, 36, 72)] + [AFTER_EVERYTHING]
    with TemporaryDirectory() as directory, Store.open(":memory:") as store:
        stream.load(store, Path(directory))
        pairs, name = materialized(link_pairs(store.events, AFTER_EVERYTHING), "link_pairs")
        try:
            for model in MODELS:
                history = History(store.events, model, AFTER_EVERYTHING, pairs=pairs)
                for moment in moments:
                    alone = evaluate(store.events, model, moment)
                    assert history.as_of(moment) == alone, (model.name, moment)
        finally:
            drop_temporary(store.events._find_backend(), name)


@examples(4)
@given(stream=worlds())
def test_the_servers_bulk_path_fires_what_one_row_at_a_time_fires(stream: Stream) -> None:
    """The server hands the evaluator each stored batch as Arrow (each message id's first copy,
    rows no trigger reads taken in bulk): the same alerts and identity state as row by row."""
    import pyarrow as pa

    from pqlkit.store.schema import EVENTS
    from pqlkit.triggers.live import LiveTriggers

    first: dict[str, dict[str, object]] = {}
    for row in stream.rows("api:server:k_test"):
        first.setdefault(str(row["message_id"]), row)
    rows = list(first.values())
    for model in MODELS:
        one_by_one, bulk = LiveTriggers(model), LiveTriggers(model)
        expected = [alert for row in rows for alert in one_by_one.observe(row)]
        fired = []
        for start in range(0, len(rows), 7):  # batches of seven rows, as loaded
            chunk = pa.Table.from_pylist(rows[start : start + 7], schema=EVENTS.to_pyarrow())
            fired += bulk.observe_table(chunk)
        assert fired == expected, model.name
        assert bulk.identity.seen == one_by_one.identity.seen
        assert bulk.identity.links == one_by_one.identity.links
        assert bulk.late == one_by_one.late
