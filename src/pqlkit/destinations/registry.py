"""A configured destination, built: the spec's options, its secrets and its delivery policy."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from pqlkit.destinations.base import Destination

if TYPE_CHECKING:
    from pqlkit.destinations.config import DestinationsConfig


def _path(config: DestinationsConfig, raw: str) -> Path:
    path = Path(raw).expanduser()
    return path if path.is_absolute() else config.base_dir / path


def build_destination(
    config: DestinationsConfig,
    name: str,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], Any] | None = None,
) -> Destination:
    from pqlkit.destinations.files import CsvDestination, LogDestination
    from pqlkit.destinations.hubspot import HubSpotDestination
    from pqlkit.destinations.salesforce import DEFAULT_FIELDS, SalesforceDestination
    from pqlkit.destinations.slack import SlackDestination
    from pqlkit.destinations.webhook import WebhookDestination

    spec = config.specs[name]
    common: dict[str, Any] = {
        "name": name,
        "kinds": frozenset(spec.kinds),
        "policy": config.policy(name),
        "secrets": tuple(v.value for (n, _), v in config.secrets.items() if n == name),
    }
    secret = config.secret
    if spec.type == "webhook":
        return WebhookDestination(
            **common,
            url=spec.url,
            secret=secret(name, "secret") or "",
            clock=clock or time.time,
            transport=transport,
        )
    if spec.type == "log":
        return LogDestination(**common, path=_path(config, spec.path))
    if spec.type == "csv":
        return CsvDestination(**common, path=_path(config, spec.path))
    if spec.type == "slack":
        return SlackDestination(
            **common,
            webhook_url=secret(name, "webhook_url"),
            bot_token=secret(name, "bot_token"),
            dm_owner=spec.dm_owner,
            api_url=spec.api_url.rstrip("/"),
            transport=transport,
        )
    if spec.type == "hubspot":
        return HubSpotDestination(
            **common,
            token=secret(name, "token") or "",
            api_url=spec.api_url.rstrip("/"),
            company_id_property=spec.company_id_property,
            tasks_for=frozenset(spec.tasks_for),
            task_due_after=spec.task_due_after,
            roles=dict(spec.roles),
            transport=transport,
        )
    if spec.type == "salesforce":
        return SalesforceDestination(
            **common,
            instance_url=spec.instance_url,
            token=secret(name, "token") or "",
            api_version=spec.api_version,
            lookup=tuple(spec.lookup),
            create_leads=spec.create_leads,
            fields=dict(spec.fields) if spec.fields else dict(DEFAULT_FIELDS),
            tasks_for=frozenset(spec.tasks_for),
            task_external_id_field=spec.task_external_id_field,
            task_due_after=spec.task_due_after,
            team_roles=dict(spec.team_roles),
            transport=transport,
        )
    raise AssertionError(f"unknown destination type {spec.type}")
