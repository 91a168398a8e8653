"""Reading back from Salesforce (REST query, SOQL), since the cursor (``LastModifiedDate``):

* Tasks on a Lead or Contact (``WhoId``) that are a logged call or e-mail (``TaskSubtype``),
  at their ``CreatedDate``, or completed (``Status = 'Completed'``), at ``CompletedDateTime``;
  with their ``OwnerId``;
* the ``OwnerId`` of Contacts (with their Account's owner) and Leads changed since.

A query's answer holds up to 2,000 records; ``done: false`` and ``nextRecordsUrl`` page on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.destinations.read_back import Activity, ReadBack, Reader, RecordOwner, parse_time
from pqlkit.errors import CrmReadError

if TYPE_CHECKING:
    from pqlkit.destinations.salesforce import SalesforceDestination

SUBTYPES = {"Call": "call", "Email": "email"}


def soql_time(moment: datetime) -> str:
    """A SOQL dateTime literal (UTC, no quotes)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def task_query(since: datetime) -> str:
    return (
        "SELECT Id, WhoId, OwnerId, Status, TaskSubtype, CreatedDate, CompletedDateTime "
        f"FROM Task WHERE LastModifiedDate >= {soql_time(since)} AND WhoId != null "
        "AND (TaskSubtype IN ('Call', 'Email') OR Status = 'Completed') "
        "ORDER BY LastModifiedDate ASC"
    )


def owner_query(sobject: str, since: datetime) -> str:
    account = ", Account.OwnerId" if sobject == "Contact" else ""
    return (
        f"SELECT Id, OwnerId{account} FROM {sobject} "
        f"WHERE LastModifiedDate >= {soql_time(since)} ORDER BY LastModifiedDate ASC"
    )


def read_back(
    destination: SalesforceDestination, since: datetime, sleep: Callable[[float], None]
) -> ReadBack:
    from pqlkit.destinations.salesforce import _errors

    reader = Reader(
        destination.client,
        f"salesforce read-back ({destination.name})",
        sleep,
        lambda data: _errors(data)[0],
    )
    activities = []
    for task in _query(reader, destination, task_query(since)):
        subtype = SUBTYPES.get(str(task.get("TaskSubtype")))
        if subtype is not None:
            kind, at = subtype, parse_time(task.get("CreatedDate"))
        else:
            kind, at = "task", parse_time(task.get("CompletedDateTime") or task.get("CreatedDate"))
        if at is None or not task.get("WhoId"):
            continue
        activities.append(
            Activity(f"Task:{task['Id']}", kind, (str(task["WhoId"]),), task.get("OwnerId"), at)
        )
    owners = []
    for sobject in ("Contact", "Lead"):
        for record in _query(reader, destination, owner_query(sobject, since)):
            account = record.get("Account") if isinstance(record.get("Account"), dict) else None
            owners.append(
                RecordOwner(
                    str(record["Id"]),
                    record.get("OwnerId"),
                    (account or {}).get("OwnerId"),
                )
            )
    return ReadBack(tuple(activities), tuple(owners), reader.requests)


def _query(
    reader: Reader, destination: SalesforceDestination, soql: str
) -> Iterator[dict[str, Any]]:
    data = reader.call("GET", f"{destination.base}/query", params={"q": soql})
    while True:
        records = data.get("records") if isinstance(data, dict) else None
        if not isinstance(records, list):
            raise CrmReadError(f"{reader.service}: malformed query answer (no records)")
        yield from (r for r in records if isinstance(r, dict) and "Id" in r)
        following = data.get("nextRecordsUrl")
        if data.get("done", True) or not following:
            return
        data = reader.call("GET", destination.instance_url.rstrip("/") + str(following))
