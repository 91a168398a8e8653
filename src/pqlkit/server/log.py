"""The ingest server's durable log: numbered segment files of framed records.

Layout of ``<store>.log/``::

    LOG_ID                      a random id naming this log in the store's checkpoint table
    LOCK                        held (flock) by the one process that writes the log
    00000000000000000001.seg …  segments, numbered in the order they were written

A record is ``length (u32, little-endian) · crc32 of the payload (u32) · payload``. Records are
appended by :class:`~pqlkit.server.log_writer.LogWriter` and read back by the loader up to the
writer's committed (fsync'd) position. Only the last segment can end in a torn record (a crash in
the middle of a write); :meth:`DurableLog.open` truncates it there. Every earlier segment is
sealed: complete, and never written again.
"""

from __future__ import annotations

import fcntl
import os
import struct
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pqlkit.errors import LogError

FRAME = struct.Struct("<II")
MAX_RECORD_BYTES = 64 * 1024 * 1024  # far above any request's records; a bigger length is damage
SEGMENT_SUFFIX = ".seg"


@dataclass(frozen=True, order=True)
class LogPosition:
    """A place in the log: a segment's number and a byte offset in it."""

    segment: int
    offset: int

    def __str__(self) -> str:
        return f"{self.segment}:{self.offset}"


START = LogPosition(1, 0)


def frame(payload: bytes) -> bytes:
    """The record as written: its header, then the payload."""
    if not payload or len(payload) > MAX_RECORD_BYTES:
        raise LogError(f"a log record must hold 1 to {MAX_RECORD_BYTES} bytes, not {len(payload)}")
    return FRAME.pack(len(payload), zlib.crc32(payload)) + payload


def _read_frame(handle: BinaryIO) -> bytes | None:
    """The next record's payload; ``None`` at a clean end or at a torn or damaged record."""
    header = handle.read(FRAME.size)
    if len(header) < FRAME.size:
        return None
    length, crc = FRAME.unpack(header)
    if length == 0 or length > MAX_RECORD_BYTES:  # a zero-filled tail reads as length 0
        return None
    payload = handle.read(length)
    if len(payload) < length or zlib.crc32(payload) != crc:
        return None
    return payload


def segment_name(number: int) -> str:
    return f"{number:020d}{SEGMENT_SUFFIX}"


def fsync_directory(directory: Path) -> None:
    """Make a file's creation, rename or removal in ``directory`` durable."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class Repair:
    """What opening the log found at the end of its last segment."""

    segment: int | None
    dropped_bytes: int  # a torn tail cut off (0: the log ended cleanly)


class DurableLog:
    """A log directory, locked for this process, its torn tail (if any) already cut off."""

    def __init__(self, directory: Path, log_id: str, lock_descriptor: int, repair: Repair) -> None:
        self.directory = directory
        self.log_id = log_id
        self.repair = repair
        self._lock_descriptor: int | None = lock_descriptor

    @classmethod
    def open(cls, directory: Path) -> DurableLog:
        directory.mkdir(parents=True, exist_ok=True)
        lock_descriptor = os.open(directory / "LOCK", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock_descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock_descriptor)
            raise LogError(
                f"the ingest log {directory} is in use by another process (a running pql serve?)"
            ) from None
        try:
            log_id = _log_id(directory)
            log = cls(directory, log_id, lock_descriptor, Repair(None, 0))
            log.repair = log._cut_torn_tail()
        except BaseException:
            os.close(lock_descriptor)
            raise
        return log

    # -- segments -------------------------------------------------------------------------------

    def segment_path(self, number: int) -> Path:
        return self.directory / segment_name(number)

    def segments(self) -> list[int]:
        """The numbers of the segments on disk, in order."""
        numbers = []
        for path in self.directory.glob(f"*{SEGMENT_SUFFIX}"):
            stem = path.name.removesuffix(SEGMENT_SUFFIX)
            if stem.isdigit():
                numbers.append(int(stem))
        return sorted(numbers)

    def drop_before(self, segment: int) -> int:
        """Delete the (fully loaded) segments numbered below ``segment``; return how many."""
        dropped = 0
        for number in self.segments():
            if number >= segment:
                break
            self.segment_path(number).unlink(missing_ok=True)
            dropped += 1
        if dropped:
            fsync_directory(self.directory)
        return dropped

    def _cut_torn_tail(self) -> Repair:
        numbers = self.segments()
        if not numbers:
            return Repair(None, 0)
        last = numbers[-1]
        path = self.segment_path(last)
        size = path.stat().st_size
        valid = 0
        with path.open("rb") as handle:
            while _read_frame(handle) is not None:
                valid = handle.tell()
        if valid < size:
            with path.open("r+b") as handle:
                handle.truncate(valid)
                handle.flush()
                os.fsync(handle.fileno())
        return Repair(last, size - valid)

    # -- reading --------------------------------------------------------------------------------

    def read(self, start: LogPosition, end: LogPosition) -> Iterator[tuple[LogPosition, bytes]]:
        """Each record from ``start`` up to ``end`` (a committed position), with the position
        just after it. Segments before ``end``'s are sealed and read to their end."""
        for number in self.segments():
            if number < start.segment or number > end.segment:
                continue
            path = self.segment_path(number)
            offset = start.offset if number == start.segment else 0
            stop = end.offset if number == end.segment else path.stat().st_size
            with path.open("rb") as handle:
                handle.seek(offset)
                while offset < stop:
                    payload = _read_frame(handle)
                    if payload is None:
                        raise LogError(f"{path}: damaged record at byte {offset}")
                    offset = handle.tell()
                    yield LogPosition(number, offset), payload

    # -- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the directory's lock (the writer closes its own file first)."""
        if self._lock_descriptor is not None:
            os.close(self._lock_descriptor)
            self._lock_descriptor = None


def _log_id(directory: Path) -> str:
    path = directory / "LOG_ID"
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        text = ""
    if text:
        if len(text) != 32 or any(c not in "0123456789abcdef" for c in text):
            raise LogError(f"{path}: not a log id ({text[:40]!r}); move the directory aside")
        return text
    log_id = uuid.uuid4().hex
    tmp = directory / "LOG_ID.tmp"
    with tmp.open("w") as out:
        out.write(log_id + "\n")
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    fsync_directory(directory)
    return log_id
