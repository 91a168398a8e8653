"""The messageIds of the recent events in the embedded store, in memory: which rows of a batch
are new, without scanning the event log.

A row is a duplicate when the store holds its messageId with a timestamp within
``DEDUPE_MARGIN`` of the batch's times. Asked of the store, that is a scan of every event in
those two hours, for every batch: at 1,000 events/s, 7 million rows each time. While the server
runs it is the embedded store's only writer, so it can keep the answer itself: the ids of every
event stored (or handed to the event writer) with a timestamp from ``since`` on, complete. For a
batch whose bounds start at or after ``since``, an id the index does not have is certainly new;
only an id it may have (an SDK's retry) is looked up in the store, by id.

Kept compact: a 64-bit hash and the timestamp of each id (16 bytes), in sorted runs merged as
they grow (searched with a binary search, merged in linear time). A hash in the index says
"maybe stored": a collision costs a lookup, never an event. Bounded: the index holds the past
``keep`` (3 h) and at most ``limit`` ids; past either, the oldest go and ``since`` moves on —
batches older than that are checked by the store, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pqlkit.store.store import Store

    Hashes = npt.NDArray[np.int64]

DEFAULT_LIMIT = 16_000_000  # 256 MB at most: 3 h of ~1,500 events/s
DEFAULT_KEEP = timedelta(hours=3)
_PENDING = 2_048  # ids added since the last run was made: searched without a sort of their own


def hashes(message_ids: Sequence[str]) -> Hashes:
    """The ids' hashes as the index keeps them (this process's string hash)."""
    import numpy as np

    return np.fromiter((hash(m) for m in message_ids), dtype=np.int64, count=len(message_ids))


def micros(moment: datetime) -> int:
    """A naive UTC time as microseconds since the epoch (how timestamps are kept)."""
    delta = moment - datetime(1970, 1, 1)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def moment(us: int) -> datetime:
    """The naive UTC time ``us`` microseconds after the epoch (the inverse of :func:`micros`)."""
    return datetime(1970, 1, 1) + timedelta(microseconds=us)


class RecentIds:
    """Every stored event's messageId hash with a timestamp at or after ``since``."""

    def __init__(
        self, since: datetime, *, limit: int = DEFAULT_LIMIT, keep: timedelta = DEFAULT_KEEP
    ) -> None:
        self.since = since
        self.limit = limit
        self.keep = keep
        self._runs: list[tuple[Hashes, Hashes]] = []  # (sorted hashes, their timestamps)
        self._pending: list[tuple[Hashes, Hashes]] = []
        self._pending_size = 0

    def __len__(self) -> int:
        return self._pending_size + sum(len(h) for h, _ in self._runs)

    def covers(self, low: datetime) -> bool:
        """Whether every stored event timed at or after ``low`` is in the index."""
        return low >= self.since

    def maybe(self, keys: Hashes) -> npt.NDArray[np.bool_]:
        """Which of ``keys`` the index may hold (a hash it holds: likely the same id)."""
        import numpy as np

        found = np.zeros(len(keys), dtype=bool)
        if not len(keys):
            return found
        for run, _ in self._runs:
            at = np.searchsorted(run, keys).clip(max=len(run) - 1)
            found |= run[at] == keys
        if self._pending:
            found |= np.isin(keys, np.concatenate([h for h, _ in self._pending]))
        return found

    def add(self, keys: Hashes, timestamps: Hashes, now: datetime) -> None:
        """Index ``keys`` (timestamps in microseconds, see :func:`micros`) as stored; forget
        what is older than ``keep`` before ``now``, and the oldest past ``limit``."""
        import numpy as np

        floor = micros(self.since)
        recent = timestamps >= floor
        if not recent.all():
            keys, timestamps = keys[recent], timestamps[recent]
        if len(keys):
            self._pending.append((keys, timestamps))
            self._pending_size += len(keys)
        if self._pending_size >= _PENDING:
            self._flush()
        if now - self.keep > self.since + self.keep / 10:  # a tenth of ``keep`` at a time
            self._forget_before(now - self.keep)
        if len(self) > self.limit:
            every = np.concatenate([t for _, t in self._runs] + [t for _, t in self._pending])
            drop = len(every) - self.limit * 3 // 4
            cutoff = int(np.partition(every, drop)[drop])
            self._forget_before(moment(cutoff))

    def _flush(self) -> None:
        """The pending ids as a sorted run; runs of similar size merged (each id is merged a
        logarithmic number of times)."""
        import numpy as np

        if not self._pending:
            return
        keys = np.concatenate([h for h, _ in self._pending])
        times = np.concatenate([t for _, t in self._pending])
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], times[order]))
        self._pending, self._pending_size = [], 0
        while len(self._runs) > 1 and len(self._runs[-1][0]) * 2 >= len(self._runs[-2][0]):
            (a, at), (b, bt) = self._runs[-2], self._runs[-1]
            keys, times = np.concatenate([a, b]), np.concatenate([at, bt])
            order = np.argsort(keys, kind="stable")  # two sorted runs: a linear merge
            self._runs[-2:] = [(keys[order], times[order])]

    def _forget_before(self, cutoff: datetime) -> None:
        if cutoff <= self.since:
            return
        floor = micros(cutoff)
        self._flush()
        kept = []
        for keys, times in self._runs:
            recent = times >= floor
            if recent.any():
                kept.append((keys[recent], times[recent]))
        self._runs = kept
        self.since = cutoff


def from_store(
    store: Store, now: datetime, *, limit: int = DEFAULT_LIMIT, keep: timedelta = DEFAULT_KEEP
) -> RecentIds:
    """The index of the embedded ``store``'s events timed within ``keep`` before ``now`` (or
    later), the newest ``limit`` of them when there are more."""
    import pyarrow.compute as pc

    since = now - keep
    found = (
        store.duckdb()
        .execute(
            "SELECT message_id, epoch_us(timestamp) AS t FROM events WHERE timestamp >= ? "
            "ORDER BY timestamp DESC LIMIT ?",
            [since, limit + 1],
        )
        .to_arrow_table()
    )
    if found.num_rows > limit:  # the oldest time read may be cut: start just after it
        oldest = found["t"][limit].as_py()
        since = moment(oldest + 1)
        found = found.slice(0, limit)
        found = found.filter(pc.greater(found["t"], oldest))
    index = RecentIds(since, limit=limit, keep=keep)
    for chunk in found.to_batches(max_chunksize=1_000_000):
        index.add(hashes(chunk["message_id"].to_pylist()), chunk["t"].to_numpy(), now)
    return index
