"""Files: Segment-shaped JSON lines or the store's Parquet layout, plus the ground truth."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pqlkit.errors import SimulationError
from pqlkit.simulate import Simulation, SimulationConfig, SimulationFiles, generate, write

SEGMENT_KEYS = {"type", "messageId", "event", "name", "userId", "anonymousId", "groupId",
                "previousId", "timestamp", "properties", "traits", "context"}  # fmt: skip
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_jsonl_lines_are_segment_calls_with_only_present_keys(
    sim: Simulation, jsonl_files: SimulationFiles
) -> None:
    lines = jsonl_files.events_path.read_bytes().splitlines()
    assert len(lines) == sim.events.num_rows == jsonl_files.events
    for line in lines[:: max(1, len(lines) // 5000)]:
        call = json.loads(line)
        assert call.keys() <= SEGMENT_KEYS
        assert None not in call.values()
        assert ISO.match(call["timestamp"])
        assert isinstance(call["context"], dict)
        if call["type"] == "track":
            assert isinstance(call["event"], str) and isinstance(call["properties"], dict)
        if call["type"] in ("identify", "group"):
            assert isinstance(call["traits"], dict)
        if call["type"] == "alias":
            assert call["previousId"] == call["anonymousId"]
        if "groupId" in call:
            assert call["context"]["groupId"] == call["groupId"]


def test_rich_context_makes_lines_of_a_kilobyte_or_more(jsonl_files: SimulationFiles) -> None:
    size = jsonl_files.events_path.stat().st_size
    assert size / jsonl_files.events >= 1024
    first = json.loads(jsonl_files.events_path.read_bytes().splitlines()[0])
    assert {"library", "ip", "userAgent", "page", "locale", "timezone", "os", "device"} <= (
        first["context"].keys()
    )


def test_without_rich_context_lines_are_lean(tmp_path: Path) -> None:
    lean = generate(SimulationConfig(accounts=60, seed=2, days=30, rich_context=False))
    files = write(lean, tmp_path, "jsonl")
    assert files.events_path.stat().st_size / files.events < 600


def test_parquet_holds_the_table_and_the_truth(sim: Simulation, tmp_path: Path) -> None:
    files = write(sim, tmp_path / "out", "parquet")
    assert files.events_path.name == "events.parquet"
    assert pq.read_table(files.events_path).equals(sim.events)
    assert pq.read_table(files.users_path).equals(sim.users)
    assert pq.read_table(files.accounts_path).equals(sim.accounts)
    assert (files.users, files.accounts) == (sim.users.num_rows, sim.accounts.num_rows)


def test_truth_tables_have_the_documented_columns(sim: Simulation) -> None:
    assert sim.users.column_names == [
        "user_id", "account_id", "email", "signup_at", "true_probability",
        "observable_probability", "converted", "converted_at",
    ]  # fmt: skip
    assert sim.accounts.column_names == [
        "account_id", "domain", "employees", "industry", "true_probability",
        "observable_probability", "converted", "converted_at", "converting_user_id",
    ]  # fmt: skip


def test_an_unknown_format_is_refused(sim: Simulation, tmp_path: Path) -> None:
    with pytest.raises(SimulationError, match="unknown format"):
        write(sim, tmp_path, "csv")  # type: ignore[arg-type]
