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


class FakeHubSpot(FakeApi):
    def __init__(self) -> None:
        super().__init__()
        self.ids = itertools.count(1001)
        self.contacts: dict[str, dict[str, Any]] = {}  # email → {"id", "properties"}
        self.companies: dict[str, dict[str, Any]] = {}  # domain → …
        self.tasks: dict[str, dict[str, Any]] = {}  # id → {"properties", "associations"}

    def handle(self, request: Request) -> Answer:
        if _bearer(request) != HUBSPOT_TOKEN:
            return hubspot_error(
                401,
                "Authentication credentials not found. This API supports OAuth 2.0 authentication.",
                "INVALID_AUTHENTICATION",
            )
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
        if route == ("POST", "/crm/v3/objects/tasks/search"):
            return self._search_tasks(body)
        return hubspot_error(404, f"no route {request.method} {request.path}", "OBJECT_NOT_FOUND")

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
            "associations": body.get("associations") or [],
        }
        return Answer.json(201, {"id": task_id, "properties": properties, "archived": False})

    def _search_tasks(self, body: Any) -> Answer:
        filters = body["filterGroups"][0]["filters"]
        token = filters[0]["value"]
        assert filters[0]["operator"] == "CONTAINS_TOKEN"
        found = [
            {"id": task_id, "properties": task["properties"]}
            for task_id, task in self.tasks.items()
            if token in task["properties"].get(filters[0]["propertyName"], "")
        ]
        return Answer.json(200, {"total": len(found), "results": found[: body.get("limit", 10)]})


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


class FakeSalesforce(FakeApi):
    def __init__(self) -> None:
        super().__init__()
        self.ids = itertools.count(1)
        self.records: dict[str, dict[str, Any]] = {}  # id → {"type", "fields"}
        self.external: dict[str, str] = {}  # Task external id → task id

    def add(self, sobject: str, **fields: Any) -> str:
        prefix = {"Lead": "00Q", "Contact": "003", "Task": "00T"}[sobject]
        record_id = f"{prefix}{next(self.ids):015d}"
        self.records[record_id] = {
            "type": sobject,
            "fields": {"OwnerId": "005000000000001AAA", **fields},
        }
        return record_id

    def of_type(self, sobject: str) -> list[dict[str, Any]]:
        return [r["fields"] | {"Id": i} for i, r in self.records.items() if r["type"] == sobject]

    def handle(self, request: Request) -> Answer:
        if _bearer(request) != SALESFORCE_TOKEN:
            return salesforce_error(401, "INVALID_SESSION_ID", "Session expired or invalid")
        if not request.path.startswith(SF_BASE + "/"):
            return salesforce_error(404, "NOT_FOUND", "The requested resource does not exist")
        path = request.path[len(SF_BASE) :]
        if request.method == "GET" and path == "/query":
            return self._query(request.query.get("q", [""])[0])
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

    def _query(self, soql: str) -> Answer:
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
