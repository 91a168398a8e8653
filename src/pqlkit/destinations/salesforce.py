"""Salesforce (REST API): PQL fields on the Lead or Contact, and a Task for the owner.

Per row, with ``Authorization: Bearer <token>`` on ``<instance_url>/services/data/<version>``:

1. find the record by email — ``GET /query?q=SELECT Id, OwnerId FROM Contact WHERE Email = '…'``
   for each object in ``lookup`` (Contact, then Lead by default); none found and
   ``create_leads``: ``POST /sobjects/Lead`` (LastName and Company are required there);
2. ``PATCH /sobjects/<Object>/<Id>`` with the PQL fields (``fields`` maps score, tier, reasons
   and since to your custom fields, e.g. ``PQL_Score__c``) — 204 No Content;
3. for rows of the kinds in ``tasks_for``: a Task (WhoId = the record, OwnerId = the hand-off's
   owner or the record's, ActivityDate = the SLA's day, Subject, Description). With
   ``task_external_id_field`` (a unique external-id field on Task) the task is upserted by the
   row's reference — ``PATCH /sobjects/Task/<field>/<ref>`` — so a repeat cannot duplicate it;
   otherwise ``POST /sobjects/Task`` and the finished step is kept in the row's progress.

Salesforce answers errors as a list of ``{"message", "errorCode", "fields"}``.
``INVALID_SESSION_ID`` (401) needs a new token; ``REQUEST_LIMIT_EXCEEDED`` (403),
``SERVER_UNAVAILABLE`` (503) and ``UNABLE_TO_LOCK_ROW`` pass, so they are retried.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx

from pqlkit.destinations import http, render
from pqlkit.destinations.base import Delivered, DeliveryStop, Destination, Failed, Outcome
from pqlkit.destinations.config_schema import TEAM_ROLES
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.outbox import OutboxItem

DEFAULT_FIELDS = {
    "score": "PQL_Score__c",
    "tier": "PQL_Tier__c",
    "reasons": "PQL_Reasons__c",
    "since": "PQL_Since__c",
}
RETRYABLE_CODES = frozenset({"REQUEST_LIMIT_EXCEEDED", "SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW"})
RATE_LIMIT_PAUSE = 60.0  # seconds: Salesforce's limit errors carry no Retry-After


def soql_text(value: str) -> str:
    """A SOQL string literal's content: backslashes and quotes escaped."""
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _errors(data: Any) -> tuple[str, set[str]]:
    """Salesforce's ``[{"message", "errorCode"}]`` → one line, and the codes."""
    if isinstance(data, list) and data and all(isinstance(e, dict) for e in data):
        codes = {str(e.get("errorCode", "")) for e in data}
        text = "; ".join(f"{e.get('errorCode', 'ERROR')}: {e.get('message', '')}" for e in data)
        return text, codes
    return str(data)[:300], set()


@dataclass
class SalesforceDestination(Destination):
    SECRET_FIELDS = ("token",)

    instance_url: str = ""
    token: str = field(default="", repr=False)
    api_version: str = "v60.0"
    lookup: tuple[str, ...] = ("Contact", "Lead")
    create_leads: bool = True
    fields: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    tasks_for: frozenset[str] = frozenset({"alert"})
    task_external_id_field: str | None = None
    task_due_after: timedelta = timedelta(days=1)
    team_roles: dict[str, str] = field(default_factory=lambda: dict(TEAM_ROLES))  # read-back
    transport: httpx.BaseTransport | None = field(default=None, repr=False)
    _http: httpx.Client | None = field(default=None, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._http is None:
            self._http = http.client(
                self.policy.timeout,
                self.transport,
                headers={"Authorization": f"Bearer {self.token}"},
            )
        return self._http

    @property
    def base(self) -> str:
        return f"{self.instance_url.rstrip('/')}/services/data/{self.api_version}"

    def deliver_one(self, item: OutboxItem) -> Outcome:
        try:
            handoff = HandOff.loads(item.payload)
        except (ValueError, KeyError, TypeError) as exc:
            return Failed(f"salesforce: the payload is not a hand-off ({exc})", retryable=False)
        if not handoff.email:
            return Failed(
                "salesforce: the hand-off has no email to find the record by", retryable=False
            )
        done = item.progress_data()
        try:
            if "record_id" not in done:
                done.update(self._find_or_create(handoff))
            if not done.get("fields"):
                self._call(
                    "PATCH",
                    f"/sobjects/{done['object']}/{done['record_id']}",
                    self._fields(handoff),
                )
                done["fields"] = True
            if item.kind in self.tasks_for and "task_id" not in done:
                done["task_id"] = self._task(item, handoff, done)
        except DeliveryStop as stop:
            out = stop.outcome
            return Failed(out.error, out.retryable, out.retry_after, done or None)
        return Delivered(done)

    # -- steps ----------------------------------------------------------------------------------

    def _find_or_create(self, handoff: HandOff) -> dict[str, Any]:
        assert handoff.email is not None
        for sobject in self.lookup:
            query = (
                f"SELECT Id, OwnerId FROM {sobject} WHERE Email = '{soql_text(handoff.email)}' "
                "ORDER BY CreatedDate DESC LIMIT 1"
            )
            data = self._call("GET", "/query", params={"q": query})
            records = data.get("records") if isinstance(data, dict) else None
            if not isinstance(records, list):
                raise DeliveryStop(Failed("salesforce query: malformed answer (no records)"))
            if records:
                return {
                    "object": sobject,
                    "record_id": records[0]["Id"],
                    "owner_id": records[0].get("OwnerId"),
                }
        if not self.create_leads:
            raise DeliveryStop(
                Failed(
                    f"salesforce: no {' or '.join(self.lookup)} with this email", retryable=False
                )
            )
        lead = {
            "LastName": handoff.name or handoff.email,
            "Company": handoff.company or handoff.domain or "[not provided]",
            "Email": handoff.email,
        }
        if handoff.title:
            lead["Title"] = handoff.title
        data = self._call("POST", "/sobjects/Lead", lead)
        if not isinstance(data, dict) or "id" not in data:
            raise DeliveryStop(Failed("salesforce lead: malformed answer (no id)"))
        return {"object": "Lead", "record_id": data["id"], "owner_id": None}

    def _fields(self, handoff: HandOff) -> dict[str, Any]:
        values = {
            "score": handoff.score,
            "tier": handoff.tier,
            "reasons": "; ".join(handoff.reasons)[:32000] or None,
            "since": handoff.pql_since.strftime("%Y-%m-%d") if handoff.pql_since else None,
        }
        return {self.fields[name]: value for name, value in values.items() if name in self.fields}

    def _task(self, item: OutboxItem, handoff: HandOff, done: dict[str, Any]) -> str:
        due = handoff.due or (item.created_at + self.task_due_after)
        ref = f"pqlkit-ref-{item.id}"
        task: dict[str, Any] = {
            "WhoId": done["record_id"],
            "Subject": render.task_subject(handoff)[:255],
            "Description": render.task_body(handoff, ref),
            "ActivityDate": due.strftime("%Y-%m-%d"),
            "Status": "Not Started",
            "Priority": "High" if handoff.alert is not None else "Normal",
        }
        owner = (handoff.owner.id if handoff.owner is not None else None) or done.get("owner_id")
        if owner:
            task["OwnerId"] = owner
        if self.task_external_id_field:
            data = self._call("PATCH", f"/sobjects/Task/{self.task_external_id_field}/{ref}", task)
            return str(data.get("id", ref)) if isinstance(data, dict) else ref
        data = self._call("POST", "/sobjects/Task", task)
        if not isinstance(data, dict) or "id" not in data:
            raise DeliveryStop(Failed("salesforce task: malformed answer (no id)"))
        return str(data["id"])

    # -- HTTP -----------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> Any:
        parts = path.strip("/").split("/")
        service = f"salesforce {parts[1] if parts[0] == 'sobjects' else parts[0]}"
        response = http.send(
            self.client, service, method, self.base + path, json=body, params=params
        )
        if response.status_code == 204:
            return None
        if response.is_success:
            return http.json_of(response, service)
        detail, codes = _errors(http.json_of(response, service))
        outcome = http.failure(response, service, detail)
        if codes & RETRYABLE_CODES:
            pause = outcome.retry_after
            if "REQUEST_LIMIT_EXCEEDED" in codes and pause is None:
                pause = RATE_LIMIT_PAUSE
            outcome = Failed(outcome.error, True, pause)
        raise DeliveryStop(outcome)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
