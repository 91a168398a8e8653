"""A run's output rows: each entity worded from its own values and live triggers.

``ScoreRun.rows()`` words each distinct combination of values once (most entities share theirs
with many others), a points model's rows from each layer's words put together for the whole
table; whatever the sharing, every row must read as its own values read alone, byte for byte.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson
import pytest

from pqlkit.model.loader import load
from pqlkit.scoring.breakdown import explain_row
from pqlkit.scoring.run import score_events
from pqlkit.store.store import Store

PILLARS = load("pillars")


@pytest.mark.parametrize(
    "template", ["pillars", "weighted-110", "weighted-70", "threshold", "account-threshold"]
)
def test_every_row_is_worded_from_its_own_values(simulated_store: Path, template: str) -> None:
    loaded = load(template)
    with Store.open(simulated_store, read_only=True) as store:
        run = score_events(store.events, loaded, datetime(2026, 3, 15))
    rows = run.rows()
    wordings = {row["reasons"] for row in rows}
    assert 2 < len(wordings) < len(rows)  # many distinct, most shared
    if template == "pillars":
        assert any(row["triggers"] for row in rows)
    values = {row["entity_id"]: row for row in run.table.to_pylist()}
    for row in rows:
        own = values[row["entity_id"]]
        alone = explain_row(loaded.model, own, run.live.get(row["entity_id"], []))
        assert (row["score"], row["tier"]) == (own["score"], own["tier"])
        assert row["reasons"] == alone.reasons, row["entity_id"]
        assert row["breakdown"] == orjson.dumps(alone.breakdown).decode(), row["entity_id"]


def test_the_first_rows_and_chosen_entities(simulated_store: Path) -> None:
    with Store.open(simulated_store, read_only=True) as store:
        run = score_events(store.events, PILLARS, datetime(2026, 3, 15))
    every = run.rows()
    assert run.rows(top=5) == every[:5]
    chosen = {every[3]["entity_id"], every[-1]["entity_id"]}
    assert run.rows(only=chosen) == [row for row in every if row["entity_id"] in chosen]
    assert run.rows(only=[]) == []
