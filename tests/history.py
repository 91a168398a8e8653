"""Hand-built event histories for specification tests: say what a persona did, then score it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pqlkit.events.importers import ingest_file
from pqlkit.store.store import Store
from tests.conftest import write_jsonl

_ids = itertools.count()


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class History:
    calls: list[dict[str, Any]] = field(default_factory=list)

    def _add(self, call: dict[str, Any], at: datetime) -> History:
        call["timestamp"] = iso(at)
        call["messageId"] = f"h{next(_ids)}"
        self.calls.append(call)
        return self

    def track(self, user: str, event: str, at: datetime, **properties: Any) -> History:
        return self._add(
            {"type": "track", "userId": user, "event": event, "properties": properties}, at
        )

    def visit(self, visitor: str, event: str, at: datetime) -> History:
        """An event of an anonymous visitor (an anonymousId, no userId)."""
        return self._add({"type": "track", "anonymousId": visitor, "event": event}, at)

    def alias(self, previous: str, user: str, at: datetime) -> History:
        return self._add({"type": "alias", "previousId": previous, "userId": user}, at)

    def page(self, user: str, name: str, at: datetime) -> History:
        return self._add({"type": "page", "userId": user, "name": name}, at)

    def identify(self, user: str, at: datetime, **traits: Any) -> History:
        return self._add({"type": "identify", "userId": user, "traits": traits}, at)

    def group(self, user: str, account: str, at: datetime, **traits: Any) -> History:
        return self._add(
            {"type": "group", "userId": user, "groupId": account, "traits": traits}, at
        )

    def repeat(
        self, user: str, event: str, times: int, start: datetime, every: timedelta
    ) -> History:
        for n in range(times):
            self.track(user, event, start + n * every)
        return self

    def sessions(self, user: str, count: int, start: datetime, event: str = "Signed In") -> History:
        """``count`` sessions, one a day, each a single event (days apart: never merged)."""
        return self.repeat(user, event, count, start, timedelta(days=1))

    def load(self, store: Store, directory: Path) -> Store:
        path = write_jsonl(directory / f"history-{next(_ids)}.jsonl", self.calls)
        report = ingest_file(store, path)
        assert report.rejected == 0, report.rejects
        return store
