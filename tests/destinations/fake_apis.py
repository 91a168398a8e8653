"""Fake Slack, HubSpot, Salesforce and webhook receivers that enforce each API's documented
request shapes and authentication, and answer in each API's own success and error shapes."""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime
from typing import Any

from pqlkit.destinations.webhook import SIGNATURE_HEADER, verify_signature
from tests.destinations.fake_http import Answer, FakeApi, Request


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" else None


# -- a signed webhook receiver ---------------------------------------------------------------------


class WebhookReceiver(FakeApi):
    """Checks the signature (401 otherwise) and keeps each idempotency key once."""

    def __init__(self, secret: str, now: Any = None) -> None:
        super().__init__()
        self.secret = secret
        self.now = now  # () -> unix seconds, for the signature's age
        self.received: dict[str, dict[str, Any]] = {}

    def handle(self, request: Request) -> Answer:
        header = request.headers.get(SIGNATURE_HEADER.lower(), "")
        now = self.now() if self.now is not None else None
        if not verify_signature(self.secret, header, request.body, now=now):
            return Answer.json(401, {"error": "bad signature"})
        key = request.headers.get("idempotency-key")
        if not key:
            return Answer.json(400, {"error": "Idempotency-Key is required"})
        self.received.setdefault(key, request.json())
        return Answer.json(200, {"received": key})


# -- Slack -------------------------------------------------------------------------------------------

WEBHOOK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
BOT_TOKEN = "xoxb-test-0000-bot-token"


class FakeSlack(FakeApi):
    """An incoming webhook at WEBHOOK_PATH and ``/api/chat.postMessage``."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[dict[str, Any]] = []  # to the webhook's channel
        self.direct: list[dict[str, Any]] = []  # chat.postMessage
        self.ts = itertools.count(1)

    @property
    def webhook_url(self) -> str:
        return self.url + WEBHOOK_PATH

    def handle(self, request: Request) -> Answer:
        if request.path == "/api/chat.postMessage":
            return self._post_message(request)
        if request.method != "POST" or request.path != WEBHOOK_PATH:
            return Answer.text(404, "no_service")
        try:
            body = request.json()
        except ValueError:
            return Answer.text(400, "invalid_payload")
        if not isinstance(body, dict) or not (body.get("text") or body.get("blocks")):
            return Answer.text(400, "no_text")
        if "blocks" in body and not _valid_blocks(body["blocks"]):
            return Answer.text(400, "invalid_blocks")
        self.messages.append(body)
        return Answer.text(200, "ok")

    def _post_message(self, request: Request) -> Answer:
        if _bearer(request) != BOT_TOKEN:
            return Answer.json(200, {"ok": False, "error": "invalid_auth"})
        if not request.headers.get("content-type", "").startswith("application/json"):
            return Answer.json(200, {"ok": False, "error": "invalid_form_data"})
        body = request.json()
        if not re.fullmatch(r"[UCD][A-Z0-9]{2,}", str(body.get("channel", ""))):
            return Answer.json(200, {"ok": False, "error": "channel_not_found"})
        if not (body.get("text") or body.get("blocks")):
            return Answer.json(200, {"ok": False, "error": "no_text"})
        if "blocks" in body and not _valid_blocks(body["blocks"]):
            return Answer.json(200, {"ok": False, "error": "invalid_blocks"})
        self.direct.append(body)
        ts = f"1700000000.{next(self.ts):06d}"
        return Answer.json(
            200,
            {"ok": True, "channel": "D0TESTDM", "ts": ts, "message": {"text": body.get("text")}},
        )


def _valid_blocks(blocks: Any) -> bool:
    """Block Kit's rules that matter here: ≤ 50 blocks; header plain_text ≤ 150; section text
    ≤ 3000 and ≤ 10 fields of ≤ 2000; context elements."""
    if not isinstance(blocks, list) or len(blocks) > 50:
        return False
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            text = block.get("text", {})
            if text.get("type") != "plain_text" or not 0 < len(text.get("text", "")) <= 150:
                return False
        elif kind == "section":
            text, fields = block.get("text"), block.get("fields")
            if text is None and not fields:
                return False
            if text is not None and (
                text.get("type") not in ("mrkdwn", "plain_text") or len(text["text"]) > 3000
            ):
                return False
            if fields and (len(fields) > 10 or any(len(f["text"]) > 2000 for f in fields)):
                return False
        elif kind == "context":
            if not block.get("elements"):
                return False
        else:
            return False
    return True


# -- HubSpot -----------------------------------------------------------------------------------------

HUBSPOT_TOKEN = "pat-na1-00000000-test-token"
CONTACT_PROPERTIES = {
    "email",
    "pql_score",
    "pql_tier",
    "pql_reasons",
    "pql_since",
    "hubspot_owner_id",
}
COMPANY_PROPERTIES = {"domain", "name", "pql_score", "pql_tier", "pql_reasons", "pql_since"}
TASK_PROPERTIES = {
    "hs_timestamp",
    "hs_task_subject",
    "hs_task_body",
    "hs_task_status",
    "hs_task_priority",
    "hs_task_type",
    "hubspot_owner_id",
}


def hubspot_error(status: int, message: str, category: str, **headers: str) -> Answer:
    return Answer.json(
        status,
        {
            "status": "error",
            "message": message,
            "correlationId": "c0ffee00-0000-4000-8000-000000000000",
            "category": category,
        },
        **headers,
    )


def hubspot_rate_limited(retry_after: int = 10) -> Answer:
    return Answer.json(
        429,
        {
            "status": "error",
            "message": "You have reached your secondly limit.",
            "errorType": "RATE_LIMIT",
            "correlationId": "c0ffee00-0000-4000-8000-000000000001",
            "policyName": "SECONDLY",
        },
        **{"Retry-After": str(retry_after)},
    )


def _ms(moment: datetime) -> str:
    return str(int(moment.replace(tzinfo=UTC).timestamp() * 1000))


SEARCH_OPERATORS = {"EQ", "NEQ", "GT", "GTE", "LT", "LTE", "CONTAINS_TOKEN", "HAS_PROPERTY"}
SEARCH_LIMIT = 200  # HubSpot's most results per search page
OWNERS_LIMIT = 500  # HubSpot's most owners per page
ASSOCIATION_BATCH_LIMIT = 1000
# the property each object's modification time is kept in
MODIFIED = {
    "contacts": "lastmodifieddate",
    "companies": "hs_lastmodifieddate",
    "tasks": "hs_lastmodifieddate",
    "calls": "hs_lastmodifieddate",
    "emails": "hs_lastmodifieddate",
}
ACTIVITY_PROPERTIES = {
    "calls": {"hs_timestamp", "hubspot_owner_id", "hs_call_title", "hs_call_body"},
    "emails": {"hs_timestamp", "hubspot_owner_id", "hs_email_subject", "hs_email_direction"},
}


class FakeHubSpot(FakeApi):
    """Contacts and companies upserted, tasks created; calls, e-mails and completed tasks a
    test logs (as reps would) read back through CRM search and v4 associations."""

    def __init__(self) -> None:
        super().__init__()
        self.ids = itertools.count(1001)
        self.contacts: dict[str, dict[str, Any]] = {}  # email → {"id", "properties"}
        self.companies: dict[str, dict[str, Any]] = {}  # domain → …
        self.tasks: dict[str, dict[str, Any]] = {}  # id → {"properties", "associations"}
        self.calls: dict[str, dict[str, Any]] = {}  # id → {"properties", "contacts"}
        self.emails: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, dict[str, Any]] = {}  # owner id → GET /crm/v3/owners's result
        self.owners_throttled = 0  # the next owners requests answered 429
        self.clock: Any = lambda: datetime.now(UTC).replace(tzinfo=None)  # () -> naive UTC

    # -- what reps do in HubSpot ---------------------------------------------------------------

    def log(self, objects: str, email: str, owner: str, at: datetime) -> str:
        """A rep logs a call or an e-mail on the contact with ``email``."""
        activity_id = str(next(self.ids))
        contact = self.contacts[email]["id"]
        getattr(self, objects)[activity_id] = {
            "properties": {
                "hs_timestamp": at.isoformat(timespec="milliseconds") + "Z",
                "hubspot_owner_id": owner,
            },
            "contacts": [contact],
            "modified": _ms(self.clock()),
        }
        return activity_id

    def complete(self, task_id: str, at: datetime) -> None:
        """A rep marks a task done."""
        properties = self.tasks[task_id]["properties"]
        properties["hs_task_status"] = "COMPLETED"
        properties["hs_task_completion_date"] = _ms(at)
        self.tasks[task_id]["modified"] = _ms(self.clock())

    def reassign(
        self, records: dict[str, Any], key: str, owner: str, prop: str = "hubspot_owner_id"
    ) -> None:
        """The contact (by email) or company (by domain) gets a new owner (or, in ``prop``, a
        new owner in another role: a company's CSM property)."""
        record = records[key]
        record["properties"][prop] = owner
        record["modified"] = _ms(self.clock())

    def add_owner(self, owner_id: str, first: str, last: str, email: str) -> None:
        """A HubSpot user who can own records (as the owners API describes one)."""
        self.owners[owner_id] = {
            "id": owner_id,
            "email": email,
            "type": "PERSON",
            "firstName": first,
            "lastName": last,
            "userId": int(owner_id) + 9000000,
            "userIdIncludingInactive": int(owner_id) + 9000000,
            "createdAt": "2025-12-25T13:01:35.228Z",
            "updatedAt": "2026-01-05T09:00:00.000Z",
            "archived": False,
            "teams": [],
        }

    def handle(self, request: Request) -> Answer:
        if _bearer(request) != HUBSPOT_TOKEN:
            return hubspot_error(
                401,
                "Authentication credentials not found. This API supports OAuth 2.0 authentication.",
                "INVALID_AUTHENTICATION",
            )
        if (request.method, request.path) == ("GET", "/crm/v3/owners"):
            return self._owners(request)
        try:
            body = request.json()
        except ValueError:
            return hubspot_error(400, "Invalid input JSON", "VALIDATION_ERROR")
        route = (request.method, request.path)
        if route == ("POST", "/crm/v3/objects/contacts/batch/upsert"):
            return self._upsert(body, self.contacts, "email", CONTACT_PROPERTIES)
        if route == ("POST", "/crm/v3/objects/companies/batch/upsert"):
            return self._upsert(body, self.companies, "domain", COMPANY_PROPERTIES)
        if route == ("POST", "/crm/v3/objects/tasks"):
            return self._create_task(body)
        search = re.fullmatch(r"/crm/v3/objects/(\w+)/search", request.path)
        if request.method == "POST" and search and search.group(1) in MODIFIED:
            return self._search(search.group(1), body)
        associations = re.fullmatch(
            r"/crm/v4/associations/(calls|emails|tasks)/contacts/batch/read", request.path
        )
        if request.method == "POST" and associations:
            return self._associations(associations.group(1), body)
        return hubspot_error(404, f"no route {request.method} {request.path}", "OBJECT_NOT_FOUND")

    def _owners(self, request: Request) -> Answer:
        """GET /crm/v3/owners: ``limit`` (≤ 500, default 100) and ``after`` paging; results
        with id, email, firstName, lastName, userId…; ``paging.next.after`` while more."""
        if self.owners_throttled > 0:
            self.owners_throttled -= 1
            return hubspot_rate_limited(1)
        try:
            limit = int(request.query.get("limit", ["100"])[0])
            offset = int(request.query.get("after", ["0"])[0])
        except ValueError:
            return hubspot_error(400, "limit and after are numbers", "VALIDATION_ERROR")
        if not 0 < limit <= OWNERS_LIMIT:
            return hubspot_error(
                400, f"limit must be between 1 and {OWNERS_LIMIT}", "VALIDATION_ERROR"
            )
        owners = [self.owners[i] for i in sorted(self.owners)]
        answer: dict[str, Any] = {"results": owners[offset : offset + limit]}
        if offset + limit < len(owners):
            after = str(offset + limit)
            answer["paging"] = {"next": {"after": after, "link": f"?after={after}"}}
        return Answer.json(200, answer)

    def _upsert(
        self, body: Any, records: dict[str, Any], id_property: str, known: set[str]
    ) -> Answer:
        inputs = body.get("inputs") if isinstance(body, dict) else None
        if not isinstance(inputs, list) or not inputs:
            return hubspot_error(400, "inputs is required", "VALIDATION_ERROR")
        if len(inputs) > 100:
            return hubspot_error(
                400, "Batch input must contain at most 100 inputs", "VALIDATION_ERROR"
            )
        ids = [i.get("id") for i in inputs]
        if len(set(ids)) != len(ids):
            return hubspot_error(400, "Duplicate IDs found in batch input", "VALIDATION_ERROR")
        results = []
        for item in inputs:
            if item.get("idProperty") != id_property or not item.get("id"):
                return hubspot_error(
                    400, f"idProperty must be the unique property {id_property}", "VALIDATION_ERROR"
                )
            properties = item.get("properties") or {}
            unknown = set(properties) - known
            if unknown or not all(isinstance(v, str) for v in properties.values()):
                return hubspot_error(
                    400, f"Property values were not valid: {sorted(unknown)}", "VALIDATION_ERROR"
                )
            record = records.get(item["id"])
            new = record is None
            if record is None:
                record = records[item["id"]] = {"id": str(next(self.ids)), "properties": {}}
            record["properties"].update(properties)
            record["properties"][id_property] = item["id"]
            record["modified"] = _ms(self.clock())
            # as HubSpot does: the properties sent (and its own), in no promised order
            answered = {**properties, "hs_object_id": record["id"]}
            results.append({"id": record["id"], "properties": answered, "new": new})
        results.reverse()
        now = datetime.now(UTC).isoformat()
        return Answer.json(
            200, {"status": "COMPLETE", "results": results, "startedAt": now, "completedAt": now}
        )

    def _create_task(self, body: Any) -> Answer:
        properties = body.get("properties") or {}
        unknown = set(properties) - TASK_PROPERTIES
        if unknown:
            return hubspot_error(
                400, f"Property values were not valid: {sorted(unknown)}", "VALIDATION_ERROR"
            )
        try:
            datetime.fromisoformat(str(properties["hs_timestamp"]).replace("Z", "+00:00"))
        except (KeyError, ValueError):
            return hubspot_error(
                400, "hs_timestamp is required (ISO 8601 or epoch ms)", "VALIDATION_ERROR"
            )
        contact_ids = {r["id"] for r in self.contacts.values()}
        company_ids = {r["id"] for r in self.companies.values()}
        for association in body.get("associations") or []:
            target = association.get("to", {}).get("id")
            types = association.get("types") or []
            if not types or types[0].get("associationCategory") != "HUBSPOT_DEFINED":
                return hubspot_error(400, "association types are required", "VALIDATION_ERROR")
            type_id = types[0].get("associationTypeId")
            if (type_id == 204 and target not in contact_ids) or (
                type_id == 192 and target not in company_ids
            ):
                return hubspot_error(400, f"no object {target} to associate", "VALIDATION_ERROR")
            if type_id not in (204, 192):
                return hubspot_error(400, f"invalid association type {type_id}", "VALIDATION_ERROR")
        task_id = str(next(self.ids))
        self.tasks[task_id] = {
            "properties": properties,
            "modified": _ms(self.clock()),
            "associations": body.get("associations") or [],
        }
        return Answer.json(201, {"id": task_id, "properties": properties, "archived": False})

    def _records(self, objects: str) -> dict[str, dict[str, Any]]:
        """id → properties of every record of ``objects`` (with its modification time)."""
        modified = MODIFIED[objects]
        if objects in ("contacts", "companies"):
            return {
                r["id"]: {**r["properties"], modified: r.get("modified")}
                for r in getattr(self, objects).values()
            }
        return {
            i: {**r["properties"], modified: r.get("modified")}
            for i, r in getattr(self, objects).items()
        }

    def _search(self, objects: str, body: Any) -> Answer:
        """CRM search as documented: filterGroups (OR) of filters (AND), sorts, properties,
        limit ≤ 200 and ``after`` paging; answers total, results and paging.next.after."""
        if not isinstance(body, dict):
            return hubspot_error(400, "Invalid input JSON", "VALIDATION_ERROR")
        limit = body.get("limit", 10)
        if not isinstance(limit, int) or not 0 < limit <= SEARCH_LIMIT:
            return hubspot_error(
                400, f"limit must be between 1 and {SEARCH_LIMIT}", "VALIDATION_ERROR"
            )
        groups = body.get("filterGroups") or []
        if len(groups) > 5 or any(len(g.get("filters") or []) > 10 for g in groups):
            return hubspot_error(400, "Too many filters or filter groups", "VALIDATION_ERROR")
        for group in groups:
            for f in group.get("filters") or []:
                if f.get("operator") not in SEARCH_OPERATORS or not f.get("propertyName"):
                    return hubspot_error(400, f"Invalid filter {f!r}", "VALIDATION_ERROR", **{})
        records = self._records(objects)

        def holds(properties: dict[str, Any], f: dict[str, Any]) -> bool:
            have, want, op = properties.get(f["propertyName"]), f.get("value"), f["operator"]
            if op == "HAS_PROPERTY":
                return have not in (None, "")
            if have is None:
                return op == "NEQ"
            if op == "CONTAINS_TOKEN":
                return str(want) in str(have)
            if op in ("EQ", "NEQ"):
                return (str(have) == str(want)) == (op == "EQ")
            a, b = float(have), float(str(want))
            return {"GT": a > b, "GTE": a >= b, "LT": a < b, "LTE": a <= b}[op]

        found = [
            (record_id, properties)
            for record_id, properties in records.items()
            if not groups
            or any(all(holds(properties, f) for f in g.get("filters") or []) for g in groups)
        ]
        for sort in reversed(body.get("sorts") or []):
            name = sort["propertyName"] if isinstance(sort, dict) else str(sort)
            descending = isinstance(sort, dict) and sort.get("direction") == "DESCENDING"
            found.sort(key=lambda item: float(item[1].get(name) or 0), reverse=descending)
        offset = int(body.get("after") or 0)
        page = found[offset : offset + limit]
        wanted = body.get("properties") or []
        results = [
            {
                "id": record_id,
                "properties": {
                    **{k: properties.get(k) for k in wanted},
                    "hs_object_id": record_id,
                },
                "createdAt": "2026-01-01T00:00:00Z",
                "updatedAt": "2026-01-01T00:00:00Z",
                "archived": False,
            }
            for record_id, properties in page
        ]
        answer: dict[str, Any] = {"total": len(found), "results": results}
        if offset + limit < len(found):
            after = str(offset + limit)
            answer["paging"] = {"next": {"after": after, "link": f"?after={after}"}}
        return Answer.json(200, answer)

    def _associations(self, objects: str, body: Any) -> Answer:
        inputs = body.get("inputs") if isinstance(body, dict) else None
        if not isinstance(inputs, list) or not inputs:
            return hubspot_error(400, "inputs is required", "VALIDATION_ERROR")
        if len(inputs) > ASSOCIATION_BATCH_LIMIT:
            return hubspot_error(
                400, "Batch input must contain at most 1000 inputs", "VALIDATION_ERROR"
            )
        store = getattr(self, objects)
        results, errors = [], []
        for item in inputs:
            record = store.get(str(item.get("id")))
            if record is None:
                errors.append(
                    {
                        "status": "error",
                        "category": "OBJECT_NOT_FOUND",
                        "message": f"No {objects} with id {item.get('id')}",
                        "context": {"fromObjectId": [str(item.get("id"))]},
                    }
                )
                continue
            contacts = record.get("contacts")
            if contacts is None:  # a task: its associations as created
                contacts = [
                    a["to"]["id"]
                    for a in record.get("associations") or []
                    if a["types"][0]["associationTypeId"] == 204
                ]
            results.append(
                {
                    "from": {"id": str(item["id"])},
                    "to": [
                        {
                            "toObjectId": int(contact),
                            "associationTypes": [
                                {"category": "HUBSPOT_DEFINED", "typeId": 204, "label": None}
                            ],
                        }
                        for contact in contacts
                    ],
                }
            )
        now = datetime.now(UTC).isoformat()
        answer: dict[str, Any] = {
            "status": "COMPLETE",
            "results": results,
            "startedAt": now,
            "completedAt": now,
        }
        if errors:
            answer["errors"] = errors
            answer["numErrors"] = len(errors)
        return Answer.json(207 if errors else 200, answer)


# -- Salesforce --------------------------------------------------------------------------------------

SALESFORCE_TOKEN = "00D000000000001!AQ0AQ.test.session"
SF_BASE = "/services/data/v60.0"
SF_FIELDS = {"PQL_Score__c", "PQL_Tier__c", "PQL_Reasons__c", "PQL_Since__c"}


def salesforce_error(
    status: int, code: str, message: str, fields: list[str] | None = None
) -> Answer:
    error: dict[str, Any] = {"message": message, "errorCode": code}
    if fields is not None:
        error["fields"] = fields
    return Answer.json(status, [error])


def sf_time(moment: datetime) -> str:
    """Salesforce's dateTime format: 2026-03-02T09:00:00.000+0000."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


SOQL_TIME = r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"
TASK_QUERY = re.compile(
    r"SELECT Id, WhoId, OwnerId, Status, TaskSubtype, CreatedDate, CompletedDateTime "
    rf"FROM Task WHERE LastModifiedDate >= {SOQL_TIME} AND WhoId != null "
    r"AND \(TaskSubtype IN \('Call', 'Email'\) OR Status = 'Completed'\) "
    r"ORDER BY LastModifiedDate ASC"
)
TEAM_QUERY = re.compile(
    r"SELECT Id, AccountId, TeamMemberRole, IsDeleted FROM AccountTeamMember "
    rf"WHERE SystemModstamp >= {SOQL_TIME} ORDER BY SystemModstamp ASC"
)
ID_LIST = r"\(((?:'[0-9A-Za-z]+'(?:, )?)+)\)"
TEAMS_OF_ACCOUNTS = re.compile(
    r"SELECT Id, AccountId, UserId, TeamMemberRole FROM AccountTeamMember "
    rf"WHERE AccountId IN {ID_LIST} ORDER BY LastModifiedDate ASC"
)
CONTACTS_OF_ACCOUNTS = re.compile(
    rf"SELECT Id, AccountId FROM Contact WHERE AccountId IN {ID_LIST}"
)
USER_QUERY = re.compile(rf"SELECT Id, Name, Email FROM User WHERE Id IN {ID_LIST}")
OWNER_QUERY = re.compile(
    r"SELECT Id, OwnerId(, Account\.OwnerId)? FROM (Contact|Lead) "
    rf"WHERE LastModifiedDate >= {SOQL_TIME} ORDER BY LastModifiedDate ASC"
)


class FakeSalesforce(FakeApi):
    """Leads, contacts and tasks over the REST API; SOQL for the queries pqlkit sends, paged
    by ``page_size`` records with ``nextRecordsUrl`` as Salesforce pages (2,000 by default)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids = itertools.count(1)
        self.records: dict[str, dict[str, Any]] = {}  # id → {"type", "fields"}
        self.external: dict[str, str] = {}  # Task external id → task id
        self.page_size = 2000
        self.cursors: dict[str, list[dict[str, Any]]] = {}  # query locator → records left
        self.clock: Any = lambda: datetime.now(UTC).replace(tzinfo=None)

    def add(self, sobject: str, **fields: Any) -> str:
        prefix = {
            "Lead": "00Q",
            "Contact": "003",
            "Task": "00T",
            "Account": "001",
            "AccountTeamMember": "01M",
            "User": "005",
        }[sobject]
        record_id = fields.pop("Id", None) or f"{prefix}{next(self.ids):015d}"
        now = sf_time(self.clock())
        self.records[record_id] = {
            "type": sobject,
            "fields": {
                "OwnerId": "005000000000001AAA",
                "CreatedDate": now,
                "LastModifiedDate": now,
                "SystemModstamp": now,
                "IsDeleted": False,
                **fields,
            },
        }
        return record_id

    def touch(self, record_id: str, **fields: Any) -> None:
        """A change made in Salesforce (a new owner, a task completed)."""
        now = sf_time(self.clock())
        self.records[record_id]["fields"].update(fields, LastModifiedDate=now, SystemModstamp=now)

    def delete(self, record_id: str) -> None:
        """Deleted in Salesforce: to the recycle bin (only ``queryAll`` still sees it)."""
        self.records[record_id]["fields"].update(
            IsDeleted=True, SystemModstamp=sf_time(self.clock())
        )

    def of_type(self, sobject: str, deleted: bool = False) -> list[dict[str, Any]]:
        return [
            r["fields"] | {"Id": i}
            for i, r in self.records.items()
            if r["type"] == sobject and (deleted or not r["fields"].get("IsDeleted"))
        ]

    def handle(self, request: Request) -> Answer:
        if _bearer(request) != SALESFORCE_TOKEN:
            return salesforce_error(401, "INVALID_SESSION_ID", "Session expired or invalid")
        if not request.path.startswith(SF_BASE + "/"):
            return salesforce_error(404, "NOT_FOUND", "The requested resource does not exist")
        path = request.path[len(SF_BASE) :]
        if request.method == "GET" and path == "/query":
            return self._query(request.query.get("q", [""])[0])
        if request.method == "GET" and path == "/queryAll":
            return self._query(request.query.get("q", [""])[0], deleted=True)
        if request.method == "GET" and path.startswith("/query/"):
            return self._more(path.removeprefix("/query/"))
        body = request.json() if request.body else {}
        parts = path.strip("/").split("/")
        if parts[0] != "sobjects" or len(parts) < 2:
            return salesforce_error(404, "NOT_FOUND", "The requested resource does not exist")
        sobject = parts[1]
        if request.method == "POST" and len(parts) == 2:
            return self._create(sobject, body)
        if request.method == "PATCH" and len(parts) == 3:
            return self._update(sobject, parts[2], body)
        if request.method == "PATCH" and len(parts) == 4 and sobject == "Task":
            return self._upsert_task(parts[2], parts[3], body)
        return salesforce_error(
            405, "METHOD_NOT_ALLOWED", f"HTTP Method '{request.method}' not allowed"
        )

    def _page(self, records: list[dict[str, Any]]) -> Answer:
        page, rest = records[: self.page_size], records[self.page_size :]
        answer: dict[str, Any] = {"totalSize": len(records), "done": not rest, "records": page}
        if rest:
            locator = f"01g{next(self.ids):015d}-{self.page_size}"
            self.cursors[locator] = rest
            answer["nextRecordsUrl"] = f"{SF_BASE}/query/{locator}"
        return Answer.json(200, answer)

    def _more(self, locator: str) -> Answer:
        rest = self.cursors.pop(locator, None)
        if rest is None:
            return salesforce_error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        return self._page(rest)

    def _attributes(self, sobject: str, record_id: str) -> dict[str, str]:
        return {"type": sobject, "url": f"{SF_BASE}/sobjects/{sobject}/{record_id}"}

    def _modified_since(
        self, sobject: str, since: str, field: str = "LastModifiedDate", deleted: bool = False
    ) -> list[dict[str, Any]]:
        moment = datetime.strptime(since, "%Y-%m-%dT%H:%M:%SZ")
        found = [
            r
            for r in self.of_type(sobject, deleted)
            if datetime.strptime(r[field], "%Y-%m-%dT%H:%M:%S.000+0000") >= moment
        ]
        return sorted(found, key=lambda r: r[field])

    def _query(self, soql: str, deleted: bool = False) -> Answer:
        answer = self._team_query(soql, deleted)
        if answer is not None:
            return answer
        tasks = TASK_QUERY.fullmatch(soql)
        if tasks is not None:
            fields = ("WhoId", "OwnerId", "Status", "TaskSubtype", "CreatedDate")
            return self._page(
                [
                    {
                        "attributes": self._attributes("Task", r["Id"]),
                        "Id": r["Id"],
                        **{name: r.get(name) for name in fields},
                        "CompletedDateTime": r.get("CompletedDateTime"),
                    }
                    for r in self._modified_since("Task", tasks.group(1))
                    if r.get("WhoId")
                    and (
                        r.get("TaskSubtype") in ("Call", "Email") or r.get("Status") == "Completed"
                    )
                ]
            )
        owners = OWNER_QUERY.fullmatch(soql)
        if owners is not None:
            with_account, sobject, since = owners.groups()
            if with_account and sobject != "Contact":
                return salesforce_error(400, "INVALID_FIELD", "No such relation 'Account' on Lead")
            rows = []
            for r in self._modified_since(sobject, since):
                row: dict[str, Any] = {
                    "attributes": self._attributes(sobject, r["Id"]),
                    "Id": r["Id"],
                    "OwnerId": r["OwnerId"],
                }
                if with_account:
                    account = self.records.get(r.get("AccountId") or "")
                    row["Account"] = (
                        None
                        if account is None
                        else {
                            "attributes": self._attributes("Account", r["AccountId"]),
                            "OwnerId": account["fields"]["OwnerId"],
                        }
                    )
                rows.append(row)
            return self._page(rows)
        found = re.fullmatch(
            r"SELECT Id, OwnerId FROM (Lead|Contact) WHERE Email = '((?:[^'\\]|\\.)*)' ORDER BY CreatedDate DESC LIMIT 1",
            soql,
        )
        if found is None:
            return salesforce_error(400, "MALFORMED_QUERY", f"unexpected query: {soql}")
        sobject, email = found.group(1), re.sub(r"\\(.)", r"\1", found.group(2))
        records = [
            {
                "attributes": {"type": sobject, "url": f"{SF_BASE}/sobjects/{sobject}/{r['Id']}"},
                "Id": r["Id"],
                "OwnerId": r["OwnerId"],
            }
            for r in self.of_type(sobject)
            if r.get("Email") == email
        ][:1]
        return Answer.json(200, {"totalSize": len(records), "done": True, "records": records})

    def _team_query(self, soql: str, deleted: bool) -> Answer | None:
        """Account team members changed since (deleted ones through queryAll), the members and
        contacts of accounts, users by id."""
        team = TEAM_QUERY.fullmatch(soql)
        if team is not None:
            fields = ("AccountId", "TeamMemberRole", "IsDeleted")
            members = self._modified_since(
                "AccountTeamMember", team.group(1), "SystemModstamp", deleted
            )
            return self._page(
                [
                    {
                        "attributes": self._attributes("AccountTeamMember", r["Id"]),
                        "Id": r["Id"],
                        **{name: r.get(name) for name in fields},
                    }
                    for r in members
                ]
            )
        teams = TEAMS_OF_ACCOUNTS.fullmatch(soql)
        if teams is not None:
            ids = set(re.findall(r"'([0-9A-Za-z]+)'", teams.group(1)))
            members = sorted(
                (r for r in self.of_type("AccountTeamMember") if r.get("AccountId") in ids),
                key=lambda r: r["LastModifiedDate"],
            )
            fields = ("AccountId", "UserId", "TeamMemberRole")
            return self._page(
                [
                    {
                        "attributes": self._attributes("AccountTeamMember", r["Id"]),
                        "Id": r["Id"],
                        **{name: r.get(name) for name in fields},
                    }
                    for r in members
                ]
            )
        for pattern, sobject, key, fields in (
            (CONTACTS_OF_ACCOUNTS, "Contact", "AccountId", ("AccountId",)),
            (USER_QUERY, "User", "Id", ("Name", "Email")),
        ):
            found = pattern.fullmatch(soql)
            if found is not None:
                ids = set(re.findall(r"'([0-9A-Za-z]+)'", found.group(1)))
                if len(ids) > 1000:
                    return salesforce_error(400, "MALFORMED_QUERY", "too many ids in IN (…)")
                return self._page(
                    [
                        {
                            "attributes": self._attributes(sobject, r["Id"]),
                            "Id": r["Id"],
                            **{name: r.get(name) for name in fields},
                        }
                        for r in self.of_type(sobject)
                        if r.get(key) in ids
                    ]
                )
        return None

    def _check_fields(self, sobject: str, body: dict[str, Any]) -> Answer | None:
        allowed = {
            "Lead": {"LastName", "Company", "Email", "Title"} | SF_FIELDS,
            "Contact": {"LastName", "Email"} | SF_FIELDS,
            "Task": {
                "WhoId",
                "Subject",
                "Description",
                "ActivityDate",
                "Status",
                "Priority",
                "OwnerId",
            },
        }.get(sobject)
        if allowed is None:
            return salesforce_error(
                404, "NOT_FOUND", f"The requested resource does not exist: {sobject}"
            )
        for name in body:
            if name not in allowed:
                return salesforce_error(
                    400, "INVALID_FIELD", f"No such column '{name}' on sobject of type {sobject}"
                )
        return None

    def _create(self, sobject: str, body: dict[str, Any]) -> Answer:
        problem = self._check_fields(sobject, body)
        if problem is not None:
            return problem
        required = {"Lead": ["LastName", "Company"], "Task": []}.get(sobject, [])
        missing = [name for name in required if not body.get(name)]
        if missing:
            return salesforce_error(
                400, "REQUIRED_FIELD_MISSING", f"Required fields are missing: {missing}", missing
            )
        if sobject == "Task":
            problem = self._check_task(body)
            if problem is not None:
                return problem
        record_id = self.add(sobject, **body)
        return Answer.json(201, {"id": record_id, "success": True, "errors": []})

    def _check_task(self, body: dict[str, Any]) -> Answer | None:
        if body.get("WhoId") not in self.records:
            return salesforce_error(
                400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["WhoId"]
            )
        try:
            datetime.strptime(str(body.get("ActivityDate")), "%Y-%m-%d")
        except ValueError:
            return salesforce_error(
                400,
                "INVALID_TYPE_ON_FIELD_IN_RECORD",
                "ActivityDate: value not of required type",
                ["ActivityDate"],
            )
        return None

    def _update(self, sobject: str, record_id: str, body: dict[str, Any]) -> Answer:
        problem = self._check_fields(sobject, body)
        if problem is not None:
            return problem
        record = self.records.get(record_id)
        if record is None or record["type"] != sobject:
            return salesforce_error(404, "NOT_FOUND", "The requested resource does not exist")
        record["fields"].update(body)
        return Answer(204)

    def _upsert_task(self, field: str, value: str, body: dict[str, Any]) -> Answer:
        if field != "Pqlkit_Key__c":
            return salesforce_error(
                404,
                "NOT_FOUND",
                f"Provided external ID field does not exist or is not accessible: {field}",
            )
        problem = self._check_fields("Task", body) or self._check_task(body)
        if problem is not None:
            return problem
        if value in self.external:
            self.records[self.external[value]]["fields"].update(body)
            return Answer.json(
                200, {"id": self.external[value], "success": True, "errors": [], "created": False}
            )
        task_id = self.add("Task", **body)
        self.external[value] = task_id
        return Answer.json(201, {"id": task_id, "success": True, "errors": [], "created": True})


def dumps(data: Any) -> str:
    return json.dumps(data)
