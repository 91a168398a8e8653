"""A trigger's sliding windows and cooldowns, per key, fed one hit at a time in arrival order.

A *hit* is an event the trigger looks at that was on time and is about a known person; its key
(the person, account or company domain it is counted under) is fixed when it arrives. A hit is a
*candidate* when, counting the hits that had arrived by then (it included), at least ``at_least``
have timestamps in [its timestamp − ``within``, its timestamp]; with ``distinct: user`` only each
person's first hit under a key counts, and only such a first hit can be a candidate. A candidate
*fires* unless it falls in the cooldown of the key's last firing (its timestamp < that firing's
timestamp + ``cooldown``).

State stays bounded by time: every hit still to come arrives within the watermark of its own
timestamp, so hits older than (latest arrival − watermark − ``within``), and firings whose
cooldown ended before (latest arrival − watermark), can no longer matter and are dropped. Only
``distinct: user``'s memory of who has already counted under a key grows with the people seen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pqlkit.model.schema import Trigger


@dataclass(frozen=True, order=True)
class Hit:
    timestamp: datetime
    message_id: str


@dataclass
class Cooldowns:
    """When each key last fired; a candidate inside the cooldown stays quiet."""

    cooldown: timedelta
    last: dict[str, datetime] = field(default_factory=dict)

    def admit(self, key: str, timestamp: datetime) -> bool:
        """Whether a candidate fires; if so, its time starts a new cooldown."""
        previous = self.last.get(key)
        if previous is not None and timestamp < previous + self.cooldown:
            return False
        self.last[key] = timestamp
        return True

    def forget_before(self, horizon: datetime) -> None:
        """Drop firings whose cooldown ended by ``horizon`` (no later candidate is quiet)."""
        self.last = {k: t for k, t in self.last.items() if t + self.cooldown > horizon}


@dataclass
class Windows:
    """One trigger's state: recent hits and who has counted, per key, and its cooldowns."""

    trigger: Trigger
    hits: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    counted: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    cooldowns: Cooldowns = field(init=False)

    def __post_init__(self) -> None:
        self.cooldowns = Cooldowns(self.trigger.cooldown)

    def first(self, key: str, person: str) -> bool:
        """For ``distinct: user``: whether this is the person's first hit under the key."""
        if person in self.counted[key]:
            return False
        self.counted[key].add(person)
        return True

    def offer(self, key: str, person: str, hit: Hit) -> tuple[Hit, ...] | None:
        """A hit arrives: the hits that make it fire (oldest first), or ``None``."""
        trigger = self.trigger
        if trigger.distinct == "user" and not self.first(key, person):
            return None
        evidence: tuple[Hit, ...] = (hit,)
        if trigger.at_least > 1:
            assert trigger.within is not None
            recent = self.hits[key]
            insort(recent, hit)
            low = bisect_left(recent, hit.timestamp - trigger.within, key=_time)
            high = bisect_right(recent, hit.timestamp, key=_time)
            if high - low < trigger.at_least:
                return None
            evidence = tuple(recent[low:high])
        return evidence if self.cooldowns.admit(key, hit.timestamp) else None

    @property
    def size(self) -> int:
        """How many keys' hits and firings are held (what :meth:`forget_before` walks)."""
        return len(self.hits) + len(self.cooldowns.last)

    def forget_before(self, horizon: datetime) -> None:
        """Drop what no hit arriving after ``horizon`` − watermark can count or be quiet for."""
        self.cooldowns.forget_before(horizon)
        within = self.trigger.within
        if within is None:
            return
        for key in list(self.hits):
            recent = self.hits[key]
            del recent[: bisect_left(recent, horizon - within, key=_time)]
            if not recent:
                del self.hits[key]


def _time(hit: Hit) -> datetime:
    return hit.timestamp
