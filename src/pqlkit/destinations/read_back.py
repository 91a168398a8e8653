"""Reading back from a CRM: what reps did on pqlkit's leads (calls, e-mails, completed tasks),
who owns the records now, who else is on the account (a CSM, an account manager), and the
owners' names and e-mails. The CRM modules answer with these types; :mod:`pqlkit.sales.
crm_sync` turns them into first touches and owners in the store.

Reads are retried when the CRM throttles (429, honouring ``Retry-After``, up to a few times);
any other failure ends the sync with :class:`CrmReadError` before anything is stored, so the
next sync starts again from the same cursor.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from pqlkit.destinations import http
from pqlkit.destinations.base import DeliveryStop
from pqlkit.errors import CrmReadError

MAX_THROTTLED = 5  # 429s in a row before the sync gives up (until the next one)
LONGEST_WAIT = 30.0  # seconds: a longer Retry-After ends the sync instead of blocking it


@dataclass(frozen=True)
class Activity:
    """A rep's touch on CRM records: a call, an e-mail, or a completed task."""

    activity_id: str  # unique within the destination ("calls:123", "Task:00T…")
    kind: str  # call | email | task
    record_ids: tuple[str, ...]  # the contacts / leads it is on
    owner_id: str | None
    at: datetime  # when it happened (naive UTC)


@dataclass(frozen=True)
class RecordOwner:
    record_id: str  # a contact, lead, company or account id
    owner_id: str | None
    account_owner_id: str | None = None  # a contact's account's (company's) owner


@dataclass(frozen=True)
class RecordRole:
    """Someone in a routing role (csm, am, ae) on a CRM record: a HubSpot company's role
    property, or a Salesforce account team member (on each contact of that account).
    ``owner_id`` None: the role was emptied on the record (a HubSpot property cleared)."""

    record_id: str
    role: str
    owner_id: str | None


@dataclass(frozen=True)
class CrmUser:
    """An owner's name and e-mail, as the CRM knows them."""

    owner_id: str
    name: str | None
    email: str | None


@dataclass(frozen=True)
class ReadBack:
    activities: tuple[Activity, ...]
    owners: tuple[RecordOwner, ...]
    requests: int
    roles: tuple[RecordRole, ...] = ()  # oldest change first: a later one for a role wins
    users: tuple[CrmUser, ...] = ()


class Reader:
    """HTTP for a read-back: JSON answers, 429s waited out, other failures raised."""

    def __init__(
        self,
        client: httpx.Client,
        service: str,
        sleep: Callable[[float], None] = time.sleep,
        error_text: Callable[[Any], str | None] | None = None,
    ) -> None:
        self.client = client
        self.service = service
        self.sleep = sleep
        self.error_text = error_text
        self.requests = 0

    def call(self, method: str, url: str, **kwargs: Any) -> Any:
        for _ in range(MAX_THROTTLED + 1):
            self.requests += 1
            try:
                response = http.send(self.client, self.service, method, url, **kwargs)
            except DeliveryStop as stop:
                raise CrmReadError(stop.outcome.error) from None
            if response.status_code == 429:
                wait = http.retry_after(response)
                wait = 1.0 if wait is None else wait
                if wait > LONGEST_WAIT:
                    break
                self.sleep(wait)
                continue
            if not response.is_success:
                detail = None
                if self.error_text is not None and "json" in response.headers.get(
                    "content-type", ""
                ):
                    try:
                        detail = self.error_text(response.json())
                    except ValueError:
                        detail = None
                raise CrmReadError(http.failure(response, self.service, detail).error)
            try:
                return response.json()
            except ValueError:
                raise CrmReadError(
                    f"{self.service}: malformed answer (HTTP {response.status_code}, not JSON)"
                ) from None
        raise CrmReadError(f"{self.service}: rate limited (HTTP 429) — the next sync retries")


def parse_time(value: Any) -> datetime | None:
    """HubSpot's and Salesforce's times: epoch milliseconds, or ISO 8601 (``Z``, ``+0000``)."""
    if value in (None, ""):
        return None
    text = str(value)
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, UTC).replace(tzinfo=None)
    if len(text) > 5 and text[-5] in "+-" and text[-4:].isdigit():  # Salesforce: +0000
        text = text[:-2] + ":" + text[-2:]
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def epoch_ms(moment: datetime) -> str:
    return str(int(moment.replace(tzinfo=UTC).timestamp() * 1000))
