"""Importers: each format lands as Segment calls, once; bad records are reported, never stored."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pqlkit.errors import ConfigError, InputError
from pqlkit.events.importers import detect_format, ingest_file
from pqlkit.events.importers.formats import ColumnMapping
from pqlkit.store.store import Store
from tests.conftest import write_jsonl

GOLDEN = Path(__file__).parent / "golden"


def _rows(store: Store) -> dict[str, dict[str, Any]]:
    frame = store.events.execute()
    return {row["message_id"]: row for row in frame.to_dict("records")}


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str) else value


# -- formats ---------------------------------------------------------------------------------


def test_segment_jsonl_keeps_every_call_type(store: Store) -> None:
    report = ingest_file(store, GOLDEN / "segment.jsonl")
    assert (report.format, report.rows_read, report.inserted, report.rejected) == (
        "segment",
        7,
        7,
        0,
    )
    rows = _rows(store)
    assert rows["s-1"]["type"] == "page" and rows["s-1"]["name"] == "Pricing"
    assert rows["s-2"]["previous_id"] == "anon-1" and rows["s-2"]["user_id"] == "u-1"
    assert _json(rows["s-3"]["traits"])["email"] == "ana@acme.com"
    assert rows["s-4"]["group_id"] == "acme"
    assert rows["s-5"]["group_id"] == "acme"  # from context.groupId
    assert rows["s-5"]["timestamp"] == datetime(2026, 3, 1, 9, 0)  # +01:00 made UTC
    assert rows["s-7"]["type"] == "screen" and rows["s-7"]["name"] == "Dashboard"
    assert rows["s-1"]["source"] == "file:segment.jsonl"


def test_clock_skew_is_corrected_when_sent_at_is_present(store: Store) -> None:
    ingest_file(store, GOLDEN / "segment.jsonl")
    row = _rows(store)["s-6"]
    # the client's clock ran 10 s behind its own sentAt; the server received it at 10:00:30
    assert row["timestamp"] == datetime(2026, 3, 1, 10, 0, 20)
    assert row["original_timestamp"] == datetime(2026, 3, 1, 9, 59, 50)


def test_amplitude_export(store: Store) -> None:
    report = ingest_file(store, GOLDEN / "amplitude.jsonl")
    assert (report.format, report.inserted, report.rejected) == ("amplitude", 4, 0)
    rows = _rows(store)
    signed = rows["amp-1"]
    assert (signed["type"], signed["event"], signed["user_id"], signed["anonymous_id"]) == (
        "track",
        "Signed Up",
        "u-1",
        "dev-1",
    )
    assert signed["group_id"] == "acme"
    assert signed["timestamp"] == datetime(2026, 3, 1, 9, 0, 0, 123000)
    assert _json(signed["properties"]) == {"plan": "trial"}
    assert _json(signed["traits"]) == {"email": "ana@acme.com"}
    assert rows["22222222-bbbb"]["anonymous_id"] == "dev-2"  # uuid when no $insert_id
    assert rows["amp-3"]["type"] == "identify"
    assert _json(rows["amp-3"]["traits"]) == {"title": "CTO"}
    group = rows["amp-4"]
    assert (group["type"], group["group_id"], _json(group["traits"])) == (
        "group",
        "acme",
        {"employees": 250},
    )


def test_mixpanel_export(store: Store) -> None:
    report = ingest_file(store, GOLDEN / "mixpanel.jsonl")
    assert (report.format, report.inserted, report.rejected) == ("mixpanel", 3, 0)
    rows = _rows(store)
    assert rows["mp-1"]["user_id"] == "u-1" and rows["mp-1"]["anonymous_id"] == "dev-1"
    assert rows["mp-1"]["timestamp"] == datetime(2026, 3, 1, 9, 0)
    assert rows["mp-2"]["user_id"] is None and rows["mp-2"]["anonymous_id"] == "dev-9"
    assert rows["mp-2"]["timestamp"] == datetime(2026, 3, 1, 10, 0)  # milliseconds
    hashed = [r for k, r in rows.items() if k.startswith("hash-")]
    assert len(hashed) == 1 and hashed[0]["user_id"] == "u-2"  # no $insert_id: content hash


def test_csv_with_a_column_mapping(store: Store) -> None:
    mapping = ColumnMapping.parse("user_id=uid,event=action,timestamp=ts")
    report = ingest_file(store, GOLDEN / "events.csv", mapping=mapping)
    assert (report.format, report.inserted, report.rejected) == ("csv", 3, 0)
    frame = store.events.order_by("timestamp").execute()
    assert list(frame.event) == ["Signed Up", "Report Created", "Signed Up"]
    assert _json(frame.properties[0]) == {"plan": "trial", "seats": 3}  # typed, not text
    assert frame.timestamp[2] == datetime(2026, 3, 2, 11, 30)


def test_parquet_with_conventional_column_names(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(
        pa.table(
            {
                "userId": ["u-1", "u-2"],
                "event": ["Signed Up", "Invite Sent"],
                "timestamp": pa.array(
                    [datetime(2026, 3, 1, 9), datetime(2026, 3, 1, 10)], pa.timestamp("us")
                ),
                "invitee_count": [None, 2],
            }
        ),
        path,
    )
    report = ingest_file(store, path)
    assert (report.format, report.inserted) == ("parquet", 2)
    rows = store.events.order_by("timestamp").execute()
    assert list(rows.user_id) == ["u-1", "u-2"]
    assert _json(rows.properties[1]) == {"invitee_count": 2}


def test_format_is_detected_from_extension_and_content() -> None:
    assert detect_format(GOLDEN / "segment.jsonl") == "segment"
    assert detect_format(GOLDEN / "amplitude.jsonl") == "amplitude"
    assert detect_format(GOLDEN / "mixpanel.jsonl") == "mixpanel"
    assert detect_format(GOLDEN / "events.csv") == "csv"


# -- once and only once ----------------------------------------------------------------------


def test_reimporting_a_file_adds_nothing(store: Store) -> None:
    first = ingest_file(store, GOLDEN / "segment.jsonl")
    again = ingest_file(store, GOLDEN / "segment.jsonl")
    assert (first.inserted, again.inserted, again.duplicates) == (7, 0, 7)
    assert store.events.count().execute() == 7


def test_files_without_message_ids_dedupe_on_content(store: Store) -> None:
    mapping = ColumnMapping.parse("user_id=uid,event=action,timestamp=ts")
    ingest_file(store, GOLDEN / "events.csv", mapping=mapping)
    again = ingest_file(store, GOLDEN / "events.csv", mapping=mapping)
    assert (again.inserted, again.duplicates) == (0, 3)


def test_a_message_id_repeated_within_a_file_is_stored_once(store: Store, tmp_path: Path) -> None:
    call = {"type": "track", "event": "A", "userId": "u", "messageId": "same"}
    path = write_jsonl(
        tmp_path / "dupes.jsonl",
        [
            call | {"timestamp": "2026-01-01T00:00:00Z"},
            call | {"timestamp": "2026-01-01T00:00:01Z"},
        ],
    )
    report = ingest_file(store, path)
    assert (report.inserted, report.duplicates) == (1, 1)
    assert store.events.timestamp.max().execute() == datetime(2026, 1, 1)  # the first line wins


# -- bad input -------------------------------------------------------------------------------


BAD_LINES: list[tuple[str, str | None, str]] = [
    ("not json at all", None, "not valid JSON"),
    ("[1, 2, 3]", None, "must be a JSON object"),
    (
        '{"type":"track","event":"A","timestamp":"2026-01-01T00:00:00Z"}',
        "userId",
        "userId or anonymousId is required",
    ),
    (
        '{"type":"track","userId":"u","timestamp":"2026-01-01T00:00:00Z"}',
        "event",
        "event is required in a track call",
    ),
    (
        '{"type":"tarck","userId":"u","event":"A","timestamp":"2026-01-01T00:00:00Z"}',
        "type",
        "unknown call type 'tarck'",
    ),
    ('{"userId":"u","event":"A","timestamp":"2026-01-01T00:00:00Z"}', "type", "type is required"),
    (
        '{"type":"track","userId":"u","event":"A","timestamp":"yesterday"}',
        "timestamp",
        "not an ISO-8601 date-time: 'yesterday'",
    ),
    ('{"type":"track","userId":"u","event":"A"}', "timestamp", "timestamp is required"),
    (
        '{"type":"group","userId":"u","timestamp":"2026-01-01T00:00:00Z"}',
        "groupId",
        "groupId is required in a group call",
    ),
    (
        '{"type":"alias","userId":"u","timestamp":"2026-01-01T00:00:00Z"}',
        "previousId",
        "previousId is required in an alias call",
    ),
    (
        '{"type":"track","userId":"u","event":"A","properties":[1],"timestamp":"2026-01-01T00:00:00Z"}',
        "properties",
        "properties must be a JSON object",
    ),
    (
        '{"type":"track","userId":{"id":1},"event":"A","timestamp":"2026-01-01T00:00:00Z"}',
        "userId",
        "userId must be a string, not an object or array",
    ),
    (
        '{"type":"track","userId":"u","event":"A","timestamp":"2026-01-01T00:00:00Z","context":{"x":}}',
        None,
        "not valid JSON",
    ),
]


@pytest.mark.parametrize(("line", "field", "reason"), BAD_LINES)
def test_a_bad_line_is_rejected_with_its_line_field_and_reason(
    store: Store, tmp_path: Path, line: str, field: str | None, reason: str
) -> None:
    good = '{"type":"track","userId":"u","event":"Good","messageId":"g%d","timestamp":"2026-01-01T00:00:00Z"}'
    path = write_jsonl(tmp_path / "mixed.jsonl", [good % 1, line, good % 2])
    report = ingest_file(store, path)
    assert report.inserted == 2
    assert report.rejected == 1
    reject = report.rejects[0]
    assert (reject.line, reject.field) == (2, field)
    assert reject.reason.startswith(reason)
    assert str(reject).startswith(f"{path}:2: ")


def test_an_event_over_32_kb_is_rejected(store: Store, tmp_path: Path) -> None:
    big = {
        "type": "track",
        "userId": "u",
        "event": "A",
        "timestamp": "2026-01-01T00:00:00Z",
        "properties": {"blob": "x" * 33_000},
    }
    report = ingest_file(store, write_jsonl(tmp_path / "big.jsonl", [big]))
    assert report.inserted == 0
    assert report.rejects[0].reason == "event is 33101 bytes, over the 32768-byte (32 KB) limit"


def test_blank_lines_are_neither_rejected_nor_counted(store: Store, tmp_path: Path) -> None:
    good = '{"type":"track","userId":"u","event":"A","messageId":"m%d","timestamp":"2026-01-01T00:00:00Z"}'
    path = write_jsonl(tmp_path / "blank.jsonl", [good % 1, "", "   ", good % 2])
    report = ingest_file(store, path)
    assert (report.rows_read, report.inserted, report.rejected) == (2, 2, 0)


def test_rejects_are_kept_in_the_store_too(store: Store, tmp_path: Path) -> None:
    ingest_file(store, write_jsonl(tmp_path / "bad.jsonl", ["oops"]))
    rejects = store.table("rejects").execute()
    assert list(rejects.line) == [1]
    assert rejects.reason[0].startswith("not valid JSON")
    runs = store.table("ingest_runs").execute()
    assert list(runs.rejected) == [1]


def test_csv_rows_that_do_not_fit_are_rejected_by_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    lines = ["user_id,event,timestamp,seats"]
    lines += [f"u{i},Signed Up,2026-01-0{1 + i % 9}T00:00:00Z,{i}" for i in range(25_000)]
    lines[5] = "u4,Signed Up,2026-01-05T00:00:00Z,4,EXTRA"
    lines[12] = "u11,Signed Up,not a time,11"
    # types are inferred from the first 20,480 rows; a later value that does not fit is a reject
    lines[22_000] = "u21999,Signed Up,2026-01-09T00:00:00Z,many"
    path.write_text("\n".join(lines) + "\n")
    report = ingest_file(store, path)
    assert report.inserted == 25_000 - 3
    by_line = {r.line: r for r in report.rejects}
    assert set(by_line) == {6, 13, 22_001}
    assert "TOO MANY COLUMNS" in by_line[6].reason
    assert by_line[13].field == "timestamp"
    assert (
        by_line[22_001].reason
        == "column seats: 'many' is not a valid bigint like the rest of the column"
    )


def test_a_missing_file_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest_file(store, tmp_path / "nope.jsonl")


def test_a_mapping_to_a_missing_column_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ConfigError, match="column 'who' is not in the file"):
        ingest_file(store, GOLDEN / "events.csv", mapping=ColumnMapping.parse("user_id=who"))


def test_a_csv_without_a_user_column_says_how_to_map_one(store: Store) -> None:
    with pytest.raises(ConfigError, match="--map user_id=COLUMN"):
        ingest_file(store, GOLDEN / "events.csv")


def test_unknown_mapping_field_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="unknown field 'evnt'"):
        ColumnMapping.parse("evnt=action")


def test_compressed_files_are_read_as_they_are(store: Store, tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "segment.jsonl.gz"
    path.write_bytes(gzip.compress((GOLDEN / "segment.jsonl").read_bytes()))
    report = ingest_file(store, path)
    assert (report.format, report.inserted) == ("segment", 7)
