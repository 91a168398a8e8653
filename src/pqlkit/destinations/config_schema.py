"""The schema of ``destinations.yaml``: immutable pydantic objects, one class per type."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from pqlkit.model.durations import parse_duration


def _duration(value: Any) -> timedelta:
    return value if isinstance(value, timedelta) else parse_duration(str(value))


Duration = Annotated[timedelta, BeforeValidator(_duration)]


# Salesforce's account team roles (TeamMemberRole) → routing roles, unless a destination says
TEAM_ROLES = {"Customer Success Manager": "csm", "Account Manager": "am"}
READ_BACK_ROLES = ("ae", "csm", "am")  # roles read back besides the record's owner


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Policy(_Frozen):
    batch_size: int | None = Field(default=None, ge=1, le=100)
    per_minute: float | None = Field(default=None, gt=0)
    max_attempts: int | None = Field(default=None, ge=1)
    max_age: Duration | None = None
    backoff_base: float | None = Field(default=None, gt=0)
    backoff_cap: Duration | None = None
    timeout: float | None = Field(default=None, gt=0)


class _Base(Policy):
    kinds: list[str] = ["alert"]


class WebhookSpec(_Base):
    type: Literal["webhook"]
    url: str
    secret: str


class LogSpec(_Base):
    type: Literal["log"]
    path: str


class CsvSpec(_Base):
    type: Literal["csv"]
    path: str


class SlackSpec(_Base):
    type: Literal["slack"]
    webhook_url: str | None = None
    bot_token: str | None = None
    dm_owner: bool = True
    api_url: str = "https://slack.com/api"


class HubSpotSpec(_Base):
    type: Literal["hubspot"]
    token: str
    api_url: str = "https://api.hubapi.com"
    company_id_property: str = "domain"
    tasks_for: list[str] = ["alert"]
    task_due_after: Duration = timedelta(days=1)
    roles: dict[str, str] = {}  # routing role → the company property holding its owner id


class SalesforceSpec(_Base):
    type: Literal["salesforce"]
    instance_url: str
    token: str
    api_version: str = "v60.0"
    lookup: list[Literal["Contact", "Lead"]] = ["Contact", "Lead"]
    create_leads: bool = True
    fields: dict[Literal["score", "tier", "reasons", "since"], str] | None = None
    tasks_for: list[str] = ["alert"]
    task_external_id_field: str | None = None
    task_due_after: Duration = timedelta(days=1)
    team_roles: dict[str, str] = dict(TEAM_ROLES)  # AccountTeamMember.TeamMemberRole → role


Spec = Annotated[
    WebhookSpec | LogSpec | CsvSpec | SlackSpec | HubSpotSpec | SalesforceSpec,
    Field(discriminator="type"),
]
SPECS: dict[str, type[_Base]] = {
    "webhook": WebhookSpec,
    "log": LogSpec,
    "csv": CsvSpec,
    "slack": SlackSpec,
    "hubspot": HubSpotSpec,
    "salesforce": SalesforceSpec,
}
SECRET_FIELDS = {
    "webhook": ("secret",),
    "slack": ("webhook_url", "bot_token"),
    "hubspot": ("token",),
    "salesforce": ("token",),
}


class FileSpec(_Frozen):
    secrets_file: str | None = None
    defaults: Policy = Policy()
    destinations: dict[str, Spec] = {}
