"""CRM read-back: the first touches reps made in the CRM, and who owns the records now.

For each HubSpot or Salesforce destination, a sync

1. reads the cursor — where the destination's last sync stopped (the first sync looks back 30
   days) — and which CRM records are pqlkit's leads: the contacts, companies and leads its
   deliveries created or found (kept in the outbox rows' progress) and their entities;
2. reads from the CRM the calls, e-mails and completed tasks, the owners and the account roles
   (a CSM, an account manager), modified since the cursor (less a few minutes: the CRM's
   modification times are not instant; a touch seen twice is stored once), and the owners'
   names and e-mails — outside any transaction, retrying when throttled;
3. in one transaction: stores the new touches on pqlkit's leads (``crm_touches``, with who
   made them), makes each the first touch of the entity's untouched alerts fired by then that
   were routed to the touch's owner or to no one (source ``crm:<name>``), records owners and
   roles that changed (``account_owners``, source ``crm:<name>``: role ``owner``, ``csm``,
   ``am``… — the owners routing keeps), with their names; gives a name to the current owner
   rows of pqlkit's leads that lack one or whose name the CRM changed; and moves the cursor
   to when the sync began reading.

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
    owner_ids: frozenset[str] = frozenset()  # the current owners of the records' entities


@dataclass(frozen=True)
class SyncResult:
    destination: str
    since: datetime
    cursor: datetime
    activities: int  # read from the CRM
    touches: int  # new touches on pqlkit's leads
    first_touches: int  # alerts whose first touch they are
    owners: int  # owner and role changes recorded
    requests: int
    names: int = 0  # owner rows given a name (or a new one) from the CRM

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
    from pqlkit.routing.owners import owners_of

    records = lead_records(store, destination)
    entities = {entity for pairs in records.values() for entity, _ in pairs}
    owner_ids = frozenset(
        owner.owner_id for roles in owners_of(store, entities).values() for owner in roles.values()
    )
    return SyncPlan(destination, cursor - OVERLAP, started, records, owner_ids)


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


def fetch(destination: Destination, sync: SyncPlan, sleep: Callable[[float], None]) -> ReadBack:
    from pqlkit.destinations.hubspot import HubSpotDestination
    from pqlkit.destinations.salesforce import SalesforceDestination

    if isinstance(destination, HubSpotDestination):
        from pqlkit.destinations import hubspot_read

        return hubspot_read.read_back(destination, sync.since, sleep)
    assert isinstance(destination, SalesforceDestination)
    from pqlkit.destinations import salesforce_read

    return salesforce_read.read_back(destination, sync.since, sleep, sync.owner_ids)


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
    firsts = sum(
        first_touch(
            store, r["entity_id"], r["at"], f"crm:{name}", owners_only=True, by=r["owner_id"]
        )
        for r in fresh
    )
    wanted: dict[tuple[str, str], str | None] = {}  # (entity, role) → owner id; None: cleared
    for owner in read.owners:
        for entity, kind in sync.records.get(owner.record_id, ()):
            chosen = (
                owner.account_owner_id
                if kind == "account" and owner.account_owner_id
                else owner.owner_id
            )
            if chosen:
                wanted[(entity, "owner")] = str(chosen)
    for member in read.roles:  # oldest first: the latest change of a role wins
        for entity, _ in sync.records.get(member.record_id, ()):
            wanted[(entity, member.role)] = member.owner_id
    users = {u.owner_id: u for u in read.users}
    entities = {entity for pairs in sync.records.values() for entity, _ in pairs}
    current = owner_store.owners_of(store, entities | {e for e, _ in wanted})
    changed: list[owner_store.AccountOwner | tuple[str, str]] = []
    for (entity, role), owner_id in sorted(wanted.items()):
        now = current.get(entity, {}).get(role)
        if owner_id is None:  # emptied in the CRM: the role goes, if anyone held it
            if now is not None:
                changed.append((entity, role))
            continue
        if now is None or now.owner_id != owner_id:
            user = users.get(owner_id)
            changed.append(
                owner_store.AccountOwner(
                    entity,
                    role,
                    owner_id,
                    user.email if user else None,
                    user.name if user else None,
                )
            )
    renamed = []
    for entity in sorted(entities):
        for role, now in sorted(current.get(entity, {}).items()):
            user = users.get(now.owner_id)
            if (entity, role) in wanted and wanted[(entity, role)] != now.owner_id:
                continue  # a new owner, written above
            if user is None or user.name is None:
                continue
            email = user.email or now.email
            if (now.name, now.email) != (user.name, email):
                renamed.append(
                    owner_store.AccountOwner(
                        entity, role, now.owner_id, email, user.name, now.slack_id
                    )
                )
    owner_store.import_owners(store, [*changed, *renamed], f"crm:{name}", sync.started)
    result = SyncResult(
        name,
        sync.since,
        sync.started,
        len(read.activities),
        len(fresh),
        firsts,
        len(changed),
        read.requests,
        len(renamed),
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
        read = fetch(destination, sync, sleep)
        with transaction(store):
            results.append(apply(store, sync, read))
    return results
