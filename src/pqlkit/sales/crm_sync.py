"""CRM read-back: the first touches reps made in the CRM, and who owns the records now.

For each HubSpot or Salesforce destination, a sync

1. reads the cursor — where the destination's last sync stopped (the first sync looks back 30
   days) — and which CRM records are pqlkit's leads: the contacts, companies and leads its
   deliveries created or found (kept in the outbox rows' progress) and their entities;
2. reads from the CRM the calls, e-mails and completed tasks, and the owners, modified since
   the cursor (less a few minutes: the CRM's modification times are not instant; a touch seen
   twice is stored once) — outside any transaction, retrying when throttled;
3. in one transaction: stores the new touches on pqlkit's leads (``crm_touches``), makes each
   the first touch of the entity's untouched alerts fired by then (source ``crm:<name>``),
   records owners that changed (``account_owners``, source ``crm:<name>``, role ``owner`` — the
   owner routing keeps), and moves the cursor to when the sync began reading.

A failed read stores nothing; the next sync reads from the same cursor. ``pql crm sync`` runs
one sync; ``pql serve`` runs one every ``--crm-sync-every``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.routing.sql import marks, query
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.destinations.base import Destination
    from pqlkit.destinations.read_back import ReadBack
    from pqlkit.store.store import Store

FIRST_LOOKBACK = timedelta(days=30)
OVERLAP = timedelta(minutes=5)
PROGRESS_KEYS = ("contact_id", "company_id", "record_id")  # HubSpot's; Salesforce's record

Records = dict[str, list[tuple[str, str]]]  # CRM record id → [(entity id, entity kind)]


@dataclass(frozen=True)
class SyncPlan:
    destination: str
    since: datetime  # read what was modified from here on
    started: datetime  # the next cursor
    records: Records


@dataclass(frozen=True)
class SyncResult:
    destination: str
    since: datetime
    cursor: datetime
    activities: int  # read from the CRM
    touches: int  # new touches on pqlkit's leads
    first_touches: int  # alerts whose first touch they are
    owners: int  # owner changes recorded
    requests: int

    def as_json(self) -> dict[str, Any]:
        return {
            **self.__dict__,
            "since": self.since.isoformat() + "Z",
            "cursor": self.cursor.isoformat() + "Z",
        }


def crm_destinations(destinations: Sequence[Destination]) -> list[Destination]:
    """The destinations that can be read back (HubSpot, Salesforce)."""
    from pqlkit.destinations.hubspot import HubSpotDestination
    from pqlkit.destinations.salesforce import SalesforceDestination

    return [d for d in destinations if isinstance(d, HubSpotDestination | SalesforceDestination)]


def plan(store: Store, destination: str, now: datetime | None = None) -> SyncPlan:
    started = now or utc_now()
    rows = query(
        store,
        "SELECT max(cursor) FROM crm_syncs WHERE destination = ?",
        [destination],
    )
    cursor = rows[0][0] if rows and rows[0][0] is not None else started - FIRST_LOOKBACK
    return SyncPlan(destination, cursor - OVERLAP, started, lead_records(store, destination))


def lead_records(store: Store, destination: str) -> Records:
    """The CRM records pqlkit's deliveries to ``destination`` created or found."""
    records: Records = {}
    rows = query(
        store,
        "SELECT payload, progress FROM outbox WHERE destination = ? AND progress IS NOT NULL",
        [destination],
    )
    for payload, progress in rows:
        try:
            done = orjson.loads(progress)
            handoff = orjson.loads(payload)
        except orjson.JSONDecodeError:
            continue
        entity = str(handoff.get("entity_id") or "")
        if not entity or not isinstance(done, dict):
            continue
        kind = str(handoff.get("entity_kind") or "user")
        for key in PROGRESS_KEYS:
            if done.get(key):
                pair = (entity, kind)
                known = records.setdefault(str(done[key]), [])
                if pair not in known:
                    known.append(pair)
    return records


def fetch(destination: Destination, since: datetime, sleep: Callable[[float], None]) -> ReadBack:
    from pqlkit.destinations.hubspot import HubSpotDestination
    from pqlkit.destinations.salesforce import SalesforceDestination

    if isinstance(destination, HubSpotDestination):
        from pqlkit.destinations import hubspot_read

        return hubspot_read.read_back(destination, since, sleep)
    assert isinstance(destination, SalesforceDestination)
    from pqlkit.destinations import salesforce_read

    return salesforce_read.read_back(destination, since, sleep)


def apply(store: Store, sync: SyncPlan, read: ReadBack) -> SyncResult:
    """Store what was read (call inside a transaction)."""
    import pyarrow as pa

    from pqlkit.routing import owners as owner_store
    from pqlkit.store.schema import CRM_SYNCS, CRM_TOUCHES
    from pqlkit.triggers.alert_store import first_touch

    name = sync.destination
    rows: dict[str, dict[str, Any]] = {}
    for activity in read.activities:
        for record in activity.record_ids:
            for entity, _ in sync.records.get(record, ()):
                touch_id = f"{name}:{activity.activity_id}:{entity}"
                rows[touch_id] = {
                    "touch_id": touch_id,
                    "destination": name,
                    "entity_id": entity,
                    "kind": activity.kind,
                    "record_id": record,
                    "owner_id": activity.owner_id,
                    "at": activity.at,
                    "synced_at": sync.started,
                }
    known: set[str] = set()
    ids = sorted(rows)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found = query(
            store, f"SELECT touch_id FROM crm_touches WHERE touch_id IN ({marks(chunk)})", chunk
        )
        known |= {str(r[0]) for r in found}
    fresh = sorted(
        (r for t, r in rows.items() if t not in known), key=lambda r: (r["at"], r["touch_id"])
    )
    if fresh:
        store.backend.insert(
            "crm_touches", pa.Table.from_pylist(fresh, schema=CRM_TOUCHES.to_pyarrow())
        )
    firsts = sum(first_touch(store, r["entity_id"], r["at"], f"crm:{name}") for r in fresh)
    wanted: dict[str, str] = {}
    for owner in read.owners:
        for entity, kind in sync.records.get(owner.record_id, ()):
            chosen = (
                owner.account_owner_id
                if kind == "account" and owner.account_owner_id
                else owner.owner_id
            )
            if chosen:
                wanted[entity] = str(chosen)
    current = owner_store.owners_of(store, wanted)
    changed = [
        owner_store.AccountOwner(entity, "owner", owner_id)
        for entity, owner_id in sorted(wanted.items())
        if (current.get(entity, {}).get("owner") is None)
        or current[entity]["owner"].owner_id != owner_id
    ]
    owner_store.import_owners(store, changed, f"crm:{name}", sync.started)
    result = SyncResult(
        name,
        sync.since,
        sync.started,
        len(read.activities),
        len(fresh),
        firsts,
        len(changed),
        read.requests,
    )
    row = {
        "destination": name,
        "cursor": sync.started,
        "synced_at": sync.started,
        "touches": len(fresh),
        "first_touches": firsts,
        "owners": len(changed),
    }
    store.backend.insert("crm_syncs", pa.Table.from_pylist([row], schema=CRM_SYNCS.to_pyarrow()))
    return result


def sync_all(
    store: Store,
    destinations: Sequence[Destination],
    *,
    now: datetime | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[SyncResult]:
    """One sync of every CRM destination, on a store this thread may write."""
    from pqlkit.store.transaction import transaction

    results = []
    for destination in crm_destinations(destinations):
        sync = plan(store, destination.name, now)
        read = fetch(destination, sync.since, sleep)
        with transaction(store):
            results.append(apply(store, sync, read))
    return results
