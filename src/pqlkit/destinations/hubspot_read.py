"""Reading back from HubSpot (CRM v3 search, v4 associations).

Since the cursor (``hs_lastmodifieddate`` / ``lastmodifieddate`` ≥ it, oldest first, 100 a
page, following ``paging.next.after``):

* ``POST /crm/v3/objects/calls/search`` and ``…/emails/search`` — calls and e-mails logged,
  at their ``hs_timestamp``; ``…/tasks/search`` with ``hs_task_status = COMPLETED`` — tasks
  done, at ``hs_task_completion_date``; each with its ``hubspot_owner_id``;
* ``POST /crm/v4/associations/{calls|emails|tasks}/contacts/batch/read`` — the contacts each
  activity is on (up to 1,000 ids a request);
* ``POST /crm/v3/objects/contacts/search`` and ``…/companies/search`` — the
  ``hubspot_owner_id`` of contacts and companies changed since, and of companies the owner
  properties of the destination's ``roles`` (``{csm: csm_owner_id}``), requested explicitly;
* ``GET /crm/v3/owners`` (100 a page, ``paging.next.after``) — every owner's name and e-mail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.destinations.read_back import (
    Activity,
    CrmUser,
    ReadBack,
    Reader,
    RecordOwner,
    RecordRole,
    epoch_ms,
    parse_time,
)
from pqlkit.errors import CrmReadError

if TYPE_CHECKING:
    from pqlkit.destinations.hubspot import HubSpotDestination

PAGE = 100
ASSOCIATIONS_BATCH = 1000
ACTIVITIES = {
    # object: (kind, the time it happened, extra filters)
    "calls": ("call", "hs_timestamp", []),
    "emails": ("email", "hs_timestamp", []),
    "tasks": (
        "task",
        "hs_task_completion_date",
        [{"propertyName": "hs_task_status", "operator": "EQ", "value": "COMPLETED"}],
    ),
}


def read_back(
    destination: HubSpotDestination, since: datetime, sleep: Callable[[float], None]
) -> ReadBack:
    from pqlkit.destinations.hubspot import _error_message

    reader = Reader(
        destination.client, f"hubspot read-back ({destination.name})", sleep, _error_message
    )
    base = destination.api_url.rstrip("/")
    activities: list[Activity] = []
    for objects, (kind, when, extra) in ACTIVITIES.items():
        found = list(
            _search(
                reader,
                base,
                objects,
                "hs_lastmodifieddate",
                since,
                [when, "hubspot_owner_id"],
                extra,
            )
        )
        on = _associations(reader, base, objects, [r["id"] for r in found])
        for record in found:
            properties = record.get("properties") or {}
            at = parse_time(properties.get(when)) or parse_time(
                properties.get("hs_lastmodifieddate")
            )
            contacts = on.get(str(record["id"]), ())
            if at is None or not contacts:
                continue
            activities.append(
                Activity(
                    f"{objects}:{record['id']}",
                    kind,
                    contacts,
                    properties.get("hubspot_owner_id") or None,
                    at,
                )
            )
    owners: list[RecordOwner] = []
    roles: list[RecordRole] = []
    role_properties = sorted(set(destination.roles.values()))
    searches: tuple[tuple[str, str, list[str]], ...] = (
        ("contacts", "lastmodifieddate", []),
        ("companies", "hs_lastmodifieddate", role_properties),
    )
    for objects, modified, asked in searches:
        for r in _search(reader, base, objects, modified, since, ["hubspot_owner_id", *asked], []):
            properties = r.get("properties") or {}
            owners.append(RecordOwner(str(r["id"]), properties.get("hubspot_owner_id") or None))
            for role, prop in sorted(destination.roles.items()) if objects == "companies" else ():
                value = properties.get(prop)  # empty: the role was cleared on the company
                roles.append(RecordRole(str(r["id"]), role, str(value) if value else None))
    return ReadBack(
        tuple(activities),
        tuple(owners),
        reader.requests,
        tuple(roles),
        tuple(_owners(reader, base)),
    )


def _owners(reader: Reader, base: str) -> Iterator[CrmUser]:
    """Every owner of the account (``GET /crm/v3/owners``), with name and e-mail."""
    after: str | None = None
    while True:
        params: dict[str, Any] = {"limit": PAGE}
        if after is not None:
            params["after"] = after
        data = reader.call("GET", f"{base}/crm/v3/owners", params=params)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise CrmReadError(f"{reader.service}: malformed owners answer (no results)")
        for owner in results:
            if not isinstance(owner, dict) or owner.get("id") in (None, ""):
                continue
            name = " ".join(
                str(owner[k]).strip() for k in ("firstName", "lastName") if owner.get(k)
            )
            yield CrmUser(str(owner["id"]), name or None, owner.get("email") or None)
        after = ((data.get("paging") or {}).get("next") or {}).get("after")
        if not after:
            return


def _search(
    reader: Reader,
    base: str,
    objects: str,
    modified: str,
    since: datetime,
    properties: list[str],
    extra: list[dict[str, str]],
) -> Iterator[dict[str, Any]]:
    after: str | None = None
    while True:
        body: dict[str, Any] = {
            "filterGroups": [
                {
                    "filters": [
                        {"propertyName": modified, "operator": "GTE", "value": epoch_ms(since)},
                        *extra,
                    ]
                }
            ],
            "properties": [modified, *properties],
            "sorts": [{"propertyName": modified, "direction": "ASCENDING"}],
            "limit": PAGE,
        }
        if after is not None:
            body["after"] = after
        data = reader.call("POST", f"{base}/crm/v3/objects/{objects}/search", json=body)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise CrmReadError(f"{reader.service}: malformed {objects} search answer (no results)")
        yield from (r for r in results if isinstance(r, dict) and "id" in r)
        after = ((data.get("paging") or {}).get("next") or {}).get("after")
        if not after:
            return


def _associations(
    reader: Reader, base: str, objects: str, ids: list[str]
) -> dict[str, tuple[str, ...]]:
    """Activity id → the contacts it is associated with."""
    found: dict[str, list[str]] = {}
    for start in range(0, len(ids), ASSOCIATIONS_BATCH):
        inputs = [{"id": str(i)} for i in ids[start : start + ASSOCIATIONS_BATCH]]
        data = reader.call(
            "POST",
            f"{base}/crm/v4/associations/{objects}/contacts/batch/read",
            json={"inputs": inputs},
        )
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise CrmReadError(f"{reader.service}: malformed associations answer (no results)")
        for result in results:
            source = str((result.get("from") or {}).get("id", ""))
            targets = [str(t["toObjectId"]) for t in result.get("to") or [] if "toObjectId" in t]
            found.setdefault(source, []).extend(targets)
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}
