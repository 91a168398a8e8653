"""A run's output rows: each entity worded from its own values and live triggers.

``ScoreRun.rows()`` words each distinct combination of values once (most entities share theirs
with many others), a points model's rows from each layer's words put together for the whole
table; whatever the sharing, every row must read as its own values read alone, byte for byte.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import orjson
import pyarrow as pa
import pytest

from pqlkit.model.loader import load
from pqlkit.scoring import worded
from pqlkit.scoring.breakdown import Memo, explain_row
from pqlkit.scoring.run import OUTPUT_COLUMNS, output_schema, score_events
from pqlkit.scoring.worded import RowTriggers
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


def test_the_output_table_is_typed_and_says_each_entitys_own_triggers_and_since(
    simulated_store: Path,
) -> None:
    moment = datetime(2026, 3, 15)
    with Store.open(simulated_store, read_only=True) as store:
        run = score_events(store.events, PILLARS, moment)
    hot = sorted(entity for entity, triggers in run.live.items() if triggers)
    since = {hot[0]: datetime(2026, 3, 1, 12)}
    table = replace(run, since=since).output()
    assert table.schema == output_schema()
    assert table.column_names == list(OUTPUT_COLUMNS)
    for row in table.to_pylist():
        assert row["triggers"] == ", ".join(run.live.get(row["entity_id"], []))
        assert row["pql_since"] == since.get(row["entity_id"])
        assert (row["as_of"], row["model"], row["entity_type"]) == (moment, "pillars", "user")
    assert table.to_pylist() == replace(run, since=since).rows()
    assert run.output().to_pylist() == run.rows()  # no ledger: pql_since None throughout


def test_one_memo_words_runs_of_other_dates_as_their_own(simulated_store: Path) -> None:
    with Store.open(simulated_store, read_only=True) as store:
        runs = [score_events(store.events, PILLARS, datetime(2026, 3, d)) for d in (1, 15)]
    memo = Memo.of(PILLARS.model)
    shared = [replace(run, memo=memo).rows() for run in runs]
    assert memo.layer_texts  # the layers' texts were kept, and read by the second run
    assert shared == [run.rows() for run in runs]


@pytest.mark.parametrize("others", [0, 5], ids=["fewer rows than live", "more rows"])
def test_each_row_has_its_entitys_live_triggers(others: int) -> None:
    live = {"ann": ["paywall_hit"], "bob": ["a", "b"], "cat": [], "zed": ["paywall_hit"]}
    entities = ["bob", "ann", "dan", "cat", *(f"u{n}" for n in range(others))]
    rows = RowTriggers.of(pa.array(entities), live)
    assert rows.each() == [["a", "b"], ["paywall_hit"], [], [], *([[]] * others)]
    assert rows.worded(", ".join).to_pylist()[:4] == ["a, b", "paywall_hit", "", ""]
    assert rows.slice(1, 2).each() == [["paywall_hit"], []]


def test_a_table_worded_in_parts_on_threads_reads_as_worded_whole(
    simulated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(simulated_store, read_only=True) as store:
        run = score_events(store.events, PILLARS, datetime(2026, 3, 15))
    whole = run.output()
    assert whole.column("reasons").num_chunks == 1  # below ROWS_A_PART: one part
    monkeypatch.setattr(worded, "ROWS_A_PART", 7)
    monkeypatch.setattr(worded.os, "cpu_count", lambda: 3)
    parted = run.output()
    assert parted.column("reasons").num_chunks == 3
    assert parted.to_pylist() == whole.to_pylist()


def test_rows_of_equal_values_share_a_code_and_each_code_names_its_first_row() -> None:
    table = pa.table(
        {
            "sessions": [3, 7, 3, None, 7, 3, None],
            "points": [10.0, 20.0, 10.0, 0.0, 20.0, 0.0, 0.0],
        }
    )
    code, first = worded.combinations(table, ["sessions", "points"])
    assert code.tolist() == [0, 1, 0, 2, 1, 3, 2]  # numbered as they first appear
    assert first.tolist() == [0, 1, 3, 5]
    empty_code, empty_first = worded.combinations(table.slice(0, 0), ["sessions", "points"])
    assert len(empty_code) == len(empty_first) == 0
