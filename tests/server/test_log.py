"""The durable log: records read back as written, torn tails cut off, fsyncs shared by the
records that arrive together, and one writer per directory."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from pqlkit.errors import LogError
from pqlkit.server.log import FRAME, DurableLog, LogPosition, frame
from pqlkit.server.log_writer import LogWriter


def records(
    log: DurableLog, writer: LogWriter, start: LogPosition = LogPosition(0, 0)
) -> list[bytes]:
    return [payload for _, payload in log.read(start, writer.committed)]


def test_records_read_back_in_order_with_the_position_after_each(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    writer = LogWriter(log, 1)
    writer.start()
    positions = [writer.append_blocking(f"record {i}".encode()) for i in range(3)]
    assert [p for p, _ in log.read(LogPosition(0, 0), writer.committed)] == positions
    assert records(log, writer) == [b"record 0", b"record 1", b"record 2"]
    assert records(log, writer, positions[0]) == [b"record 1", b"record 2"]
    writer.close()
    log.close()


def test_a_torn_tail_is_cut_off_when_the_log_opens(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    writer = LogWriter(log, 1)
    writer.start()
    writer.append_blocking(b"acknowledged")
    writer.close()
    log.close()
    segment = tmp_path / "log" / "00000000000000000001.seg"
    whole = frame(b"never acknowledged")
    with segment.open("ab") as out:
        out.write(whole[: len(whole) - 5])  # the crash came mid-write
    reopened = DurableLog.open(tmp_path / "log")
    assert reopened.repair.dropped_bytes == len(whole) - 5
    assert segment.stat().st_size == FRAME.size + len(b"acknowledged")
    writer = LogWriter(reopened, 1)
    writer.start()
    writer.append_blocking(b"after the restart")
    assert records(reopened, writer) == [b"acknowledged", b"after the restart"]
    writer.close()
    reopened.close()


@pytest.mark.parametrize(
    "tail",
    [
        b"\x00" * 64,  # the file grew but the data never reached the disk
        frame(b"flipped bits")[:-1] + b"?",  # a wrong checksum
        b"\x05\x00",  # half a header
    ],
)
def test_any_damaged_tail_is_cut_off(tmp_path: Path, tail: bytes) -> None:
    directory = tmp_path / "log"
    directory.mkdir()
    (directory / "00000000000000000003.seg").write_bytes(frame(b"good") + tail)
    log = DurableLog.open(directory)
    assert log.repair.dropped_bytes == len(tail)
    assert [p for _, p in log.read(LogPosition(0, 0), LogPosition(4, 0))] == [b"good"]
    log.close()


def test_each_run_writes_a_new_segment_after_the_last_one_and_the_checkpoint(
    tmp_path: Path,
) -> None:
    log = DurableLog.open(tmp_path / "log")
    assert LogWriter(log, 1).committed == LogPosition(1, 0)
    assert LogWriter(log, 1).committed == LogPosition(2, 0)  # after the segment on disk
    assert LogWriter(log, 7).committed == LogPosition(7, 0)  # after a checkpoint in segment 6
    log.close()


def test_segments_rotate_and_read_across(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    writer = LogWriter(log, 1, segment_bytes=100)
    writer.start()
    for i in range(10):
        writer.append_blocking(b"x" * 40 + str(i).encode())
    writer.close()
    assert len(log.segments()) >= 4
    assert [p[-1:] for p in records(log, writer)] == [str(i).encode() for i in range(10)]
    last = writer.committed.segment
    log.drop_before(last)  # once loaded up to the last segment, the sealed ones go
    assert log.segments() == [last]
    log.close()


def test_records_that_arrive_during_an_fsync_share_the_next_one(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    synced_up_to: list[int] = []

    def slow_sync(descriptor: int) -> None:
        time.sleep(0.02)  # a disk that takes 20 ms per fsync
        os.fdatasync(descriptor)
        synced_up_to.append(os.lseek(descriptor, 0, os.SEEK_CUR))

    writer = LogWriter(log, 1, sync=slow_sync)
    writer.start()
    acknowledged: list[LogPosition] = []

    def client(n: int) -> None:
        for i in range(25):
            position = writer.append_blocking(f"client {n} record {i}".encode())
            assert position.offset <= synced_up_to[-1]  # acknowledged only once on disk
            acknowledged.append(position)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    writer.close()
    assert writer.records == 200 and len(acknowledged) == 200
    assert writer.syncs <= 200 / 2  # eight clients waiting: a sync covers several records
    assert len(records(log, writer)) == 200
    log.close()


def test_a_failed_write_is_rolled_back_and_refused_not_acknowledged(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    failing = [True]

    def sync(descriptor: int) -> None:
        if failing[0]:
            raise OSError(28, "No space left on device")
        os.fdatasync(descriptor)

    writer = LogWriter(log, 1, sync=sync)
    writer.start()
    with pytest.raises(LogError, match="No space left on device"):
        writer.append_blocking(b"lost")
    failing[0] = False
    writer.append_blocking(b"kept")
    writer.close()
    assert records(log, writer) == [b"kept"]
    log.close()


def test_one_writer_per_log_directory(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    with pytest.raises(LogError, match="is in use by another process"):
        DurableLog.open(tmp_path / "log")
    log.close()
    DurableLog.open(tmp_path / "log").close()


def test_a_closed_writer_refuses_records(tmp_path: Path) -> None:
    log = DurableLog.open(tmp_path / "log")
    writer = LogWriter(log, 1)
    writer.start()
    writer.close()
    with pytest.raises(LogError, match="closed"):
        writer.submit(b"late")
    log.close()
