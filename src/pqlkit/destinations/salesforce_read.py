"""Reading back from Salesforce (REST query, SOQL), since the cursor (``LastModifiedDate``):

* Tasks on a Lead or Contact (``WhoId``) that are a logged call or e-mail (``TaskSubtype``),
  at their ``CreatedDate``, or completed (``Status = 'Completed'``), at ``CompletedDateTime``;
  with their ``OwnerId``;
* the ``OwnerId`` of Contacts (with their Account's owner) and Leads changed since;
* the account team members changed since (``AccountTeamMember``), whose ``TeamMemberRole`` the
  destination's ``team_roles`` maps to a routing role ("Customer Success Manager" → csm),
  put on the Contacts of their Account (``SELECT Id, AccountId FROM Contact WHERE AccountId
  IN (…)``);
* the names and e-mails of the owners (``SELECT Id, Name, Email FROM User WHERE Id IN (…)``):
  the ones just read and the ones the store holds for pqlkit's leads.

A query's answer holds up to 2,000 records; ``done: false`` and ``nextRecordsUrl`` page on.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.destinations.read_back import (
    Activity,
    CrmUser,
    ReadBack,
    Reader,
    RecordOwner,
    RecordRole,
    parse_time,
)
from pqlkit.errors import CrmReadError

if TYPE_CHECKING:
    from pqlkit.destinations.salesforce import SalesforceDestination

SUBTYPES = {"Call": "call", "Email": "email"}
IN_BATCH = 200  # ids in one SOQL IN (…): well within the query's length limit


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


def team_query(since: datetime) -> str:
    """Account team members added, changed or deleted since (run through ``queryAll``, which
    also returns deleted rows; a deletion moves ``SystemModstamp``)."""
    return (
        "SELECT Id, AccountId, TeamMemberRole, IsDeleted FROM AccountTeamMember "
        f"WHERE SystemModstamp >= {soql_time(since)} ORDER BY SystemModstamp ASC"
    )


def teams_query(accounts: Collection[str]) -> str:
    """The current team members of these accounts, the latest change last."""
    return (
        "SELECT Id, AccountId, UserId, TeamMemberRole FROM AccountTeamMember "
        f"WHERE AccountId IN ({in_list(accounts)}) ORDER BY LastModifiedDate ASC"
    )


def in_list(ids: Collection[str]) -> str:
    from pqlkit.destinations.salesforce import soql_text

    return ", ".join(f"'{soql_text(i)}'" for i in ids)


def read_back(
    destination: SalesforceDestination,
    since: datetime,
    sleep: Callable[[float], None],
    owner_ids: Collection[str] = (),
) -> ReadBack:
    """What changed since ``since``; names for the owners read and for ``owner_ids``."""
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
    roles = _team_roles(reader, destination, since)
    wanted = {*owner_ids, *(r.owner_id for r in roles if r.owner_id)}
    wanted |= {i for o in owners for i in (o.owner_id, o.account_owner_id) if i}
    users = _users(reader, destination, sorted(wanted))
    return ReadBack(tuple(activities), tuple(owners), reader.requests, roles, users)


def _team_roles(
    reader: Reader, destination: SalesforceDestination, since: datetime
) -> tuple[RecordRole, ...]:
    """The routing roles whose account team changed since — a member added, moved or removed —
    as the team now stands, on the account and its contacts (no member left: cleared)."""
    changed: dict[str, set[str]] = {}  # account → the mapped roles a change touched
    for member in _query(reader, destination, team_query(since), everything=True):
        role = destination.team_roles.get(str(member.get("TeamMemberRole")))
        if member.get("AccountId") and role is not None:
            changed.setdefault(str(member["AccountId"]), set()).add(role)
    accounts = sorted(changed)
    holders: dict[tuple[str, str], str] = {}  # (account, role) → its latest member
    contacts: dict[str, list[str]] = {}
    for start in range(0, len(accounts), IN_BATCH):
        chunk = accounts[start : start + IN_BATCH]
        for member in _query(reader, destination, teams_query(chunk)):
            role = destination.team_roles.get(str(member.get("TeamMemberRole")))
            if role is not None and member.get("UserId"):
                holders[(str(member["AccountId"]), role)] = str(member["UserId"])
        soql = f"SELECT Id, AccountId FROM Contact WHERE AccountId IN ({in_list(chunk)})"
        for contact in _query(reader, destination, soql):
            contacts.setdefault(str(contact.get("AccountId")), []).append(str(contact["Id"]))
    return tuple(
        RecordRole(record, role, holders.get((account, role)))
        for account in accounts
        for role in sorted(changed[account])
        for record in (account, *contacts.get(account, ()))
    )


def _users(
    reader: Reader, destination: SalesforceDestination, ids: list[str]
) -> tuple[CrmUser, ...]:
    users = []
    for start in range(0, len(ids), IN_BATCH):
        chunk = ids[start : start + IN_BATCH]
        soql = f"SELECT Id, Name, Email FROM User WHERE Id IN ({in_list(chunk)})"
        for user in _query(reader, destination, soql):
            users.append(
                CrmUser(str(user["Id"]), user.get("Name") or None, user.get("Email") or None)
            )
    return tuple(users)


def _query(
    reader: Reader, destination: SalesforceDestination, soql: str, everything: bool = False
) -> Iterator[dict[str, Any]]:
    """The query's records, page after page; ``everything``: deleted ones too (queryAll)."""
    endpoint = "queryAll" if everything else "query"
    data = reader.call("GET", f"{destination.base}/{endpoint}", params={"q": soql})
    while True:
        records = data.get("records") if isinstance(data, dict) else None
        if not isinstance(records, list):
            raise CrmReadError(f"{reader.service}: malformed query answer (no records)")
        yield from (r for r in records if isinstance(r, dict) and "Id" in r)
        following = data.get("nextRecordsUrl")
        if data.get("done", True) or not following:
            return
        data = reader.call("GET", destination.instance_url.rstrip("/") + str(following))
