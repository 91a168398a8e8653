"""Event streams for trigger specifications: what happened, when, and when the server got it.

A :class:`Stream` is a list of Segment calls, each with its ``timestamp`` (when it happened) and
``receivedAt`` (when it arrived; by default at once). The same stream is evaluated two ways:
stored (written in arrival order as a JSON-lines export, ingested, then evaluated in batch) and
live (each call validated the way the server does it, then observed in arrival order).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pqlkit.events.importers import ingest_file
from pqlkit.events.spec import parse_call, parse_time
from pqlkit.model.schema import Model
from pqlkit.store.store import Store
from pqlkit.triggers.alerts import Alert, in_order
from pqlkit.triggers.live import LiveTriggers
from tests.conftest import write_jsonl
from tests.history import iso

_ids = itertools.count()


@dataclass
class Stream:
    calls: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        call: dict[str, Any],
        at: datetime,
        arrived: datetime | None = None,
        mid: str | None = None,
    ) -> str:
        """Add a call that happened ``at`` and arrived ``arrived``; returns its message id."""
        call["timestamp"] = iso(at)
        call["receivedAt"] = iso(arrived or at)
        call["messageId"] = mid or f"s{next(_ids):06d}"
        self.calls.append(call)
        return str(call["messageId"])

    def track(
        self,
        user: str | None,
        event: str,
        at: datetime,
        arrived: datetime | None = None,
        *,
        anonymous: str | None = None,
        group: str | None = None,
        **properties: Any,
    ) -> str:
        call: dict[str, Any] = {"type": "track", "event": event, "properties": properties}
        return self.add(_who(call, user, anonymous, group), at, arrived)

    def page(
        self,
        user: str | None,
        name: str,
        at: datetime,
        arrived: datetime | None = None,
        *,
        anonymous: str | None = None,
    ) -> str:
        return self.add(_who({"type": "page", "name": name}, user, anonymous, None), at, arrived)

    def identify(
        self,
        user: str | None,
        at: datetime,
        arrived: datetime | None = None,
        *,
        anonymous: str | None = None,
        **traits: Any,
    ) -> str:
        call = _who({"type": "identify", "traits": traits}, user, anonymous, None)
        return self.add(call, at, arrived)

    def group(
        self, user: str, account: str, at: datetime, arrived: datetime | None = None, **traits: Any
    ) -> str:
        call = {"type": "group", "userId": user, "groupId": account, "traits": traits}
        return self.add(call, at, arrived)

    def alias(self, previous: str, user: str, at: datetime, arrived: datetime | None = None) -> str:
        call = {"type": "alias", "previousId": previous, "userId": user}
        return self.add(call, at, arrived)

    def again(self, mid: str, arrived: datetime) -> str:
        """A retry: the same call (same message id and timestamp) received again, later."""
        (first,) = [c for c in self.calls if c["messageId"] == mid][:1]
        self.calls.append({**first, "receivedAt": iso(arrived)})
        return mid

    # -- evaluating it --------------------------------------------------------------------------

    def in_arrival_order(self) -> list[dict[str, Any]]:
        return sorted(self.calls, key=lambda c: (c["receivedAt"], c["messageId"]))

    def arrived_before(self, moment: datetime) -> Stream:
        """The calls received before ``moment``: what a server running until then had seen."""
        return Stream([c for c in self.calls if (parse_time(c["receivedAt"]) or moment) < moment])

    def rows(self, source: str = "api:server:k_test") -> list[dict[str, Any]]:
        """The calls as the server stores them, in arrival order (duplicates included)."""
        out = []
        for call in self.in_arrival_order():
            received = parse_time(call["receivedAt"])
            assert received is not None
            out.append(parse_call(call).to_row(received_at=received, source=source))
        return out

    def live(self, model: Model) -> list[Alert]:
        """The alerts of one uninterrupted real-time run over the whole stream."""
        triggers = LiveTriggers(model)
        return in_order(a for row in self.rows() for a in triggers.observe(row))

    def store(self, store: Store, source: str = "api:server:k_test") -> Store:
        """Store the rows as the server's loader does (each message id's first copy)."""
        import pyarrow as pa

        from pqlkit.store.append import append_events
        from pqlkit.store.schema import EVENTS

        first: dict[str, dict[str, Any]] = {}
        for row in self.rows(source):
            first.setdefault(row["message_id"], row)
        table = pa.Table.from_pylist(list(first.values()), schema=EVENTS.to_pyarrow())
        staged = store.backend.create_table(f"_stream_{next(_ids)}", table, temp=True)
        append_events(store, staged, source=None)
        return store

    def load(self, store: Store, directory: Path) -> Store:
        """Ingest as an export written in arrival order (the store keeps each id's first copy)."""
        path = write_jsonl(directory / f"stream-{next(_ids)}.jsonl", self.in_arrival_order())
        report = ingest_file(store, path)
        assert report.rejected == 0, report.rejects
        return store


def _who(
    call: dict[str, Any], user: str | None, anonymous: str | None, group: str | None
) -> dict[str, Any]:
    if user is not None:
        call["userId"] = user
    if anonymous is not None:
        call["anonymousId"] = anonymous
    if group is not None:
        call["context"] = {"groupId": group}
    return call
