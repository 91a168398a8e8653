"""The messageId window: SDK retries answered without writing them to the log again.

Segment keeps about a day of messageIds; so does this window, within a bound on how many ids it
holds. It is a fast path only: the loader deduplicates against the store whatever the window
forgot (after a restart, or past the bound).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

DEFAULT_MAX_IDS = 200_000
DEFAULT_MAX_AGE_SECONDS = 24 * 3600.0


class MessageWindow:
    """Recently accepted messageIds, oldest first, bounded in count and age."""

    def __init__(
        self,
        max_ids: int = DEFAULT_MAX_IDS,
        max_age_seconds: float = DEFAULT_MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_ids = max_ids
        self.max_age_seconds = max_age_seconds
        self._clock = clock
        self._ids: OrderedDict[str, float] = OrderedDict()

    def __contains__(self, message_id: object) -> bool:
        self._expire()
        return message_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def remember(self, message_ids: Iterable[str]) -> None:
        now = self._clock()
        for message_id in message_ids:
            self._ids[message_id] = now
            self._ids.move_to_end(message_id)
        while len(self._ids) > self.max_ids:
            self._ids.popitem(last=False)

    def _expire(self) -> None:
        horizon = self._clock() - self.max_age_seconds
        while self._ids:
            oldest = next(iter(self._ids.values()))
            if oldest >= horizon:
                break
            self._ids.popitem(last=False)
