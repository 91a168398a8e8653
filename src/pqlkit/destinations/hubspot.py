"""HubSpot (CRM v3): PQL properties on contacts and companies, and a task for the owner.

For a batch of rows (at most 100 per request, HubSpot's batch limit):

1. ``POST /crm/v3/objects/contacts/batch/upsert`` — contacts by ``email`` with ``pql_score``,
   ``pql_tier``, ``pql_reasons``, ``pql_since`` (create these properties in HubSpot first);
2. ``POST /crm/v3/objects/companies/batch/upsert`` — for account hand-offs, companies by
   ``domain`` (``company_id_property``: HubSpot upserts only by a property with unique values);
3. for rows of the kinds in ``tasks_for`` (alerts by default), ``POST /crm/v3/objects/tasks`` —
   a task for the owner (``hubspot_owner_id``) due at the SLA deadline (``hs_timestamp``),
   associated with the contact (type 204) or company (type 192).

Upserts repeat harmlessly. A task is not idempotent in HubSpot, so its body carries a reference
(``pqlkit-ref-<row id>``); a retried row first searches for a task with that reference, and the
ids of finished steps are kept in the row's progress. Errors are HubSpot's JSON
(``{"status": "error", "message", "category", "correlationId"}``); a batch answered 207 lists
per-record ``errors``. 429 carries ``Retry-After`` (HubSpot's per-second and daily limits).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from pqlkit.destinations import http, render
from pqlkit.destinations.base import Delivered, DeliveryStop, Destination, Failed, Outcome
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.outbox import OutboxItem

API_URL = "https://api.hubapi.com"
BATCH_LIMIT = 100
TASK_TO_CONTACT = 204
TASK_TO_COMPANY = 192


def pql_properties(handoff: HandOff) -> dict[str, str]:
    """The PQL properties HubSpot stores (all values as strings, as its API takes them)."""
    properties = {
        "pql_score": "" if handoff.score is None else f"{handoff.score:g}",
        "pql_tier": handoff.tier or "",
        "pql_reasons": "; ".join(handoff.reasons)[:65000],
        "pql_since": handoff.pql_since.strftime("%Y-%m-%d") if handoff.pql_since else "",
    }
    return properties


def reference(item: OutboxItem) -> str:
    return f"pqlkit-ref-{item.id}"


def _error_message(data: Any) -> str:
    if isinstance(data, dict):
        message = str(data.get("message") or data.get("status") or "error")
        category = data.get("category") or data.get("errorType")
        return f"{message} ({category})" if category else message
    return str(data)[:300]


@dataclass
class _Row:
    item: OutboxItem
    handoff: HandOff
    progress: dict[str, Any]
    failed: Failed | None = None


@dataclass
class HubSpotDestination(Destination):
    SECRET_FIELDS = ("token",)

    token: str = field(default="", repr=False)
    api_url: str = API_URL
    company_id_property: str = "domain"
    tasks_for: frozenset[str] = frozenset({"alert"})
    task_due_after: timedelta = timedelta(days=1)  # hand-offs without an SLA deadline
    roles: dict[str, str] = field(default_factory=dict)  # role → company property (read-back)
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

    # -- the batch ------------------------------------------------------------------------------

    def deliver(self, items: Sequence[OutboxItem]) -> list[Outcome]:
        rows = []
        for item in items:
            try:
                rows.append(_Row(item, HandOff.loads(item.payload), item.progress_data()))
            except (ValueError, KeyError, TypeError) as exc:
                failed = Failed(f"hubspot: the payload is not a hand-off ({exc})", retryable=False)
                rows.append(_Row(item, HandOff(entity_id="?"), {}, failed))
        contacts = [
            r for r in rows if not r.failed and r.handoff.email and "contact_id" not in r.progress
        ]
        for chunk in _chunks(contacts, BATCH_LIMIT):
            self._upsert(chunk, "contacts", "email", "contact_id", self._contact_input)
        companies = [
            r
            for r in rows
            if not r.failed
            and r.handoff.entity_kind == "account"
            and r.handoff.domain
            and "company_id" not in r.progress
        ]
        for chunk in _chunks(companies, BATCH_LIMIT):
            self._upsert(
                chunk, "companies", self.company_id_property, "company_id", self._company_input
            )
        stopped: Failed | None = None  # a retryable failure: the remaining tasks wait with it
        for row in rows:
            if row.failed or row.item.kind not in self.tasks_for or "task_id" in row.progress:
                continue
            if stopped is not None:
                row.failed = Failed(f"not sent, after {stopped.error}", True, stopped.retry_after)
                continue
            try:
                row.progress["task_id"] = self._task(row)
            except DeliveryStop as stop:
                row.failed = stop.outcome
                stopped = stop.outcome if stop.outcome.retryable else None
        return [
            Failed(r.failed.error, r.failed.retryable, r.failed.retry_after, r.progress or None)
            if r.failed
            else Delivered(r.progress or None)
            for r in rows
        ]

    # -- upserts --------------------------------------------------------------------------------

    def _contact_input(self, handoff: HandOff) -> tuple[str, dict[str, str]]:
        assert handoff.email is not None
        # the id property is sent as a property too: HubSpot's answer lists the properties sent,
        # which is how each result is matched to its input (results come in no promised order)
        properties = {**pql_properties(handoff), "email": handoff.email.lower()}
        if handoff.owner is not None and handoff.owner.id:
            properties["hubspot_owner_id"] = handoff.owner.id
        return handoff.email.lower(), properties

    def _company_input(self, handoff: HandOff) -> tuple[str, dict[str, str]]:
        assert handoff.domain is not None
        properties = {**pql_properties(handoff), "domain": handoff.domain.lower()}
        if handoff.company:
            properties["name"] = handoff.company
        return handoff.domain.lower(), properties

    def _upsert(
        self, rows: list[_Row], objects: str, id_property: str, key: str, build: Any
    ) -> None:
        by_id: dict[str, list[_Row]] = {}
        inputs: dict[str, dict[str, Any]] = {}
        for row in rows:  # oldest first: a later hand-off of the same record wins
            record_id, properties = build(row.handoff)
            by_id.setdefault(record_id, []).append(row)
            inputs[record_id] = {
                "idProperty": id_property,
                "id": record_id,
                "properties": properties,
            }
        service = f"hubspot {objects} upsert"
        try:
            response = http.send(
                self.client,
                service,
                "POST",
                f"{self.api_url}/crm/v3/objects/{objects}/batch/upsert",
                json={"inputs": list(inputs.values())},
            )
            if response.status_code not in (200, 201, 207):
                detail = (
                    _error_message(http.json_of(response, service)) if _is_json(response) else None
                )
                raise DeliveryStop(http.failure(response, service, detail))
            data = http.json_of(response, service)
            if not isinstance(data, dict) or not isinstance(data.get("results"), list):
                raise DeliveryStop(Failed(f"{service}: malformed answer (no results)"))
        except DeliveryStop as stop:
            for row in rows:
                row.failed = stop.outcome
            return
        found: dict[str, str] = {}
        for result in data["results"]:
            properties = result.get("properties") or {}
            value = str(properties.get(id_property, "")).lower()
            if value and "id" in result:
                found[value] = str(result["id"])
        errors = [_error_message(e) for e in data.get("errors") or []]
        for record_id, owners in by_id.items():
            for row in owners:
                if record_id in found:
                    row.progress[key] = found[record_id]
                else:
                    why = "; ".join(errors) or "not in HubSpot's answer"
                    row.failed = Failed(f"{service}: {record_id}: {why}", retryable=not errors)

    # -- tasks ----------------------------------------------------------------------------------

    def _task(self, row: _Row) -> str:
        ref = reference(row.item)
        if row.item.attempts > 0:
            existing = self._find_task(ref)
            if existing is not None:
                return existing
        handoff = row.handoff
        due: datetime = handoff.due or (row.item.created_at + self.task_due_after)
        properties = {
            "hs_timestamp": due.isoformat(timespec="seconds") + "Z",
            "hs_task_subject": render.task_subject(handoff),
            "hs_task_body": render.task_body(handoff, ref),
            "hs_task_status": "NOT_STARTED",
            "hs_task_priority": "HIGH" if handoff.alert is not None else "MEDIUM",
            "hs_task_type": "TODO",
        }
        if handoff.owner is not None and handoff.owner.id:
            properties["hubspot_owner_id"] = handoff.owner.id
        associations = []
        if "contact_id" in row.progress:
            associations.append(_association(row.progress["contact_id"], TASK_TO_CONTACT))
        if "company_id" in row.progress:
            associations.append(_association(row.progress["company_id"], TASK_TO_COMPANY))
        service = "hubspot task"
        response = http.send(
            self.client,
            service,
            "POST",
            f"{self.api_url}/crm/v3/objects/tasks",
            json={"properties": properties, "associations": associations},
        )
        if response.status_code not in (200, 201):
            detail = _error_message(http.json_of(response, service)) if _is_json(response) else None
            raise DeliveryStop(http.failure(response, service, detail))
        data = http.json_of(response, service)
        if not isinstance(data, dict) or "id" not in data:
            raise DeliveryStop(Failed(f"{service}: malformed answer (no id)"))
        return str(data["id"])

    def _find_task(self, ref: str) -> str | None:
        service = "hubspot task search"
        response = http.send(
            self.client,
            service,
            "POST",
            f"{self.api_url}/crm/v3/objects/tasks/search",
            json={
                "filterGroups": [
                    {
                        "filters": [
                            {
                                "propertyName": "hs_task_body",
                                "operator": "CONTAINS_TOKEN",
                                "value": ref,
                            }
                        ]
                    }
                ],
                "properties": ["hs_task_subject"],
                "limit": 1,
            },
        )
        if response.status_code != 200:
            detail = _error_message(http.json_of(response, service)) if _is_json(response) else None
            raise DeliveryStop(http.failure(response, service, detail))
        data = http.json_of(response, service)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise DeliveryStop(Failed(f"{service}: malformed answer (no results)"))
        return str(results[0]["id"]) if results else None

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None


def _association(record_id: str, type_id: int) -> dict[str, Any]:
    return {
        "to": {"id": record_id},
        "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": type_id}],
    }


def _is_json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("content-type", "")


def _chunks(rows: list[_Row], size: int) -> list[list[_Row]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]
