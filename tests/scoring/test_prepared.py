"""A model's scoring compiled once (the server's scheduled rounds) scores exactly as
``score_events`` does, at every time it is run: the same rows, signals, points, tiers and
live triggers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pqlkit.model.loader import load
from pqlkit.model.templates import TEMPLATES
from pqlkit.scoring.prepared import prepare
from pqlkit.scoring.run import ScoreRun, score_events
from pqlkit.server.idle_engine import IdleEngine
from pqlkit.store.store import Store
from pqlkit.triggers import batch
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup


def same(prepared: ScoreRun, alone: ScoreRun) -> None:
    assert prepared.table.schema == alone.table.schema
    assert prepared.table.to_pylist() == alone.table.to_pylist()
    assert prepared.live == alone.live
    assert prepared.as_of == alone.as_of
    assert [r["reasons"] for r in prepared.rows()] == [r["reasons"] for r in alone.rows()]


@pytest.mark.slow
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_prepared_once_scores_as_score_events_at_each_time(
    simulated_store: Path, template: str
) -> None:
    loaded = load(template)
    with Store.open(simulated_store, read_only=True) as store:
        prepared = prepare(store.events, loaded)
        assert prepared is not None
        alerts = batch.evaluate(store.events, loaded.model, datetime(2026, 4, 1))
        for as_of in (datetime(2026, 2, 10), datetime(2026, 3, 21, 13, 30)):
            alone = score_events(store.events, loaded, as_of)
            same(prepared.run(as_of, alerts), alone)


def test_a_prepared_pillars_run_counts_only_what_came_before_its_time(
    store: Store, tmp_path: Path
) -> None:
    """ann activates within a week of signing up (30) and hits the paywall at T - 2 days: as
    of T she is hot; as of the moment of that hit, not yet (the event at exactly T is not
    counted), and the same prepared scoring says both."""
    h = History()
    signup(h, "ann", T - 20 * DAY, employees=60)  # firmographic 10
    activate(h, "ann", T - 19 * DAY)  # activation 30
    h.track("ann", "Paywall Hit", T - 2 * DAY)  # intent 15, and a hot trigger
    h.load(store, tmp_path)
    loaded = load("pillars")
    prepared = prepare(store.events, loaded)
    if prepared is None:
        pytest.skip(f"{store.backend.name}: scored with score_events")
    alerts = batch.evaluate(store.events, loaded.model, T)
    at_hit, at_t = T - 2 * DAY, T
    before = prepared.run(at_hit, alerts)
    after = prepared.run(at_t, alerts)
    assert [(r["entity_id"], r["score"], r["tier"]) for r in before.rows()] == [
        ("ann", 40.0, "not qualified")
    ]
    assert [(r["entity_id"], r["score"], r["tier"]) for r in after.rows()] == [("ann", 55.0, "hot")]
    same(after, score_events(store.events, loaded, at_t))
    same(before, score_events(store.events, loaded, at_hit))
    engine = IdleEngine()  # the server's rounds: the engine's work on a thread of its own
    try:
        same(prepared.run(at_t, alerts, engine.run), after)
    finally:
        engine.close()
    assert not [t for t in store.backend.list_tables() if t.startswith("_pql_")]
