"""``destinations.yaml``: which destinations exist, where they are, and what kinds go to each.

::

    secrets_file: pqlkit.secrets        # optional: NAME=value lines, beside this file
    defaults:                           # optional: delivery policy of every destination
      max_attempts: 50
      max_age: 24h
    destinations:
      sales-alerts:
        type: slack
        kinds: [alert]
        webhook_url: ${SLACK_WEBHOOK_URL}
      crm:
        type: hubspot
        kinds: [alert, lead]
        token: ${HUBSPOT_TOKEN}

Secrets (tokens, signing secrets, Slack webhook URLs) are written only as ``${NAME}`` and read
from the environment or the secrets file; a literal secret is an error. Every problem is
reported at once with the file, line and a hint, as the model loader does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from pqlkit.destinations.base import DeliveryPolicy, Destination
from pqlkit.destinations.config_issues import line_of, validation_issues
from pqlkit.destinations.config_schema import SECRET_FIELDS, FileSpec, Policy
from pqlkit.destinations.secrets import REFERENCE, Secret, SecretSource, read_secrets_file
from pqlkit.errors import ConfigError, InputError
from pqlkit.model.issues import Issue, did_you_mean

Path_ = tuple[str | int, ...]
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class DestinationsConfigError(ConfigError):
    """A destinations file with errors; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        lines = "\n".join(str(i) for i in issues)
        super().__init__(f"{len(issues)} error(s) in the destinations file:\n{lines}")


@dataclass(frozen=True)
class DestinationsConfig:
    """A validated destinations file with its secrets resolved (held as :class:`Secret`)."""

    source: str
    base_dir: Path
    specs: Mapping[str, Any]  # name → the validated spec
    secrets: Mapping[tuple[str, str], Secret]  # (destination, field) → the secret
    defaults: Policy

    @property
    def names(self) -> list[str]:
        return list(self.specs)

    def kinds_of(self, name: str) -> list[str]:
        return list(self.specs[name].kinds)

    def routes(self, kind: str) -> list[str]:
        """The destinations that take rows of ``kind``."""
        return [n for n, s in self.specs.items() if kind in s.kinds or "*" in s.kinds]

    def secret_values(self) -> list[str]:
        return [secret.value for secret in self.secrets.values()]

    def policy(self, name: str) -> DeliveryPolicy:
        chosen: dict[str, Any] = {}
        for layer in (self.defaults, self.specs[name]):
            for key in Policy.model_fields:
                value = getattr(layer, key)
                if value is not None:
                    chosen[key] = value
        if "backoff_cap" in chosen:
            chosen["backoff_cap"] = chosen["backoff_cap"].total_seconds()
        return DeliveryPolicy(**chosen)

    def build(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], Any] | None = None,
    ) -> list[Destination]:
        """The destinations, ready to deliver (``transport``: for tests; ``clock``: for the
        webhook's signature time, in unix seconds)."""
        from pqlkit.destinations.registry import build_destination

        return [
            build_destination(self, name, transport=transport, clock=clock) for name in self.specs
        ]

    def secret(self, name: str, field: str) -> str | None:
        found = self.secrets.get((name, field))
        return found.value if found is not None else None


# -- loading --------------------------------------------------------------------------------------


def load_destinations(
    path: str | Path, *, environ: Mapping[str, str] | None = None
) -> DestinationsConfig:
    """Read and validate a destinations file; every problem at once."""
    file = Path(path)
    try:
        text = file.read_text()
    except FileNotFoundError:
        raise InputError(f"{path}: no such destinations file") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return load_destinations_text(text, str(path), file.parent, environ=environ)


def load_destinations_text(
    text: str,
    source: str,
    base_dir: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> DestinationsConfig:
    from pqlkit.model.issues import ModelError
    from pqlkit.model.loader import parse_yaml

    base = base_dir or Path.cwd()
    try:
        data, lines = parse_yaml(text, source)
    except ModelError as exc:
        raise DestinationsConfigError(exc.issues) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DestinationsConfigError(
            [Issue(source, 1, "a destinations file is a mapping (destinations: …)")]
        )
    issues: list[Issue] = []
    for name in (
        (data.get("destinations") or {}) if isinstance(data.get("destinations"), dict) else {}
    ):
        if not NAME.match(str(name)):
            issues.append(
                Issue(
                    source,
                    line_of(lines, ("destinations", str(name))),
                    f"destination name {name!r}: use lower-case letters, digits, '-' and '_'",
                )
            )
    try:
        spec = FileSpec.model_validate(data)
    except ValidationError as exc:
        raise DestinationsConfigError(
            issues + validation_issues(exc, source, lines, data)
        ) from None
    source_of_secrets, file_issue = _secret_source(spec, source, base, lines, environ)
    if file_issue is not None:
        issues.append(file_issue)
    secrets: dict[tuple[str, str], Secret] = {}
    for name, destination in spec.destinations.items():
        issues += _check_destination(name, destination, source, lines)
        for field in SECRET_FIELDS.get(destination.type, ()):
            raw = getattr(destination, field)
            if raw is None:
                continue
            where = line_of(lines, ("destinations", name, field))
            found = REFERENCE.match(str(raw))
            if found is None:
                issues.append(
                    Issue(
                        source,
                        where,
                        f"destinations.{name}.{field}: a secret is never written in this file; "
                        f"write ${{{_suggest(name, field)}}} and set that variable in the "
                        "environment or in the secrets file",
                    )
                )
                continue
            variable = found.group(1)
            value = source_of_secrets.get(variable)
            if value is None:
                where_from = (
                    f"the environment or {spec.secrets_file}"
                    if spec.secrets_file
                    else "the environment"
                )
                issues.append(
                    Issue(
                        source,
                        where,
                        f"destinations.{name}.{field}: ${{{variable}}} is not set (in {where_from})",
                    )
                )
                continue
            secrets[(name, field)] = Secret(value, variable)
    if issues:
        raise DestinationsConfigError(issues)
    return DestinationsConfig(source, base, dict(spec.destinations), secrets, spec.defaults)


def _suggest(name: str, field: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", f"{name}_{field}".upper()).strip("_")


def _secret_source(
    spec: FileSpec,
    source: str,
    base: Path,
    lines: dict[Path_, int],
    environ: Mapping[str, str] | None,
) -> tuple[SecretSource, Issue | None]:
    if spec.secrets_file is None:
        return SecretSource(environ), None
    path = Path(spec.secrets_file).expanduser()
    if not path.is_absolute():
        path = base / path
    try:
        return SecretSource(environ, read_secrets_file(path)), None
    except OSError as exc:
        issue = Issue(
            source,
            line_of(lines, ("secrets_file",)),
            f"secrets_file: cannot read {path}: {exc.strerror or exc}",
        )
        return SecretSource(environ), issue


def _check_destination(name: str, spec: Any, source: str, lines: dict[Path_, int]) -> list[Issue]:
    issues = []
    known = {"alert", "lead", "properties", "*"}
    for index, kind in enumerate(spec.kinds):
        if kind not in known:
            issues.append(
                Issue(
                    source,
                    line_of(lines, ("destinations", name, "kinds", index)),
                    f"destinations.{name}.kinds: unknown kind {kind!r}."
                    f"{did_you_mean(kind, sorted(known))} (kinds: alert, lead, properties, or * for all)",
                )
            )
    if spec.type == "slack" and not spec.webhook_url and not spec.bot_token:
        issues.append(
            Issue(
                source,
                line_of(lines, ("destinations", name)),
                f"destinations.{name}: a slack destination needs webhook_url, bot_token or both",
            )
        )
    issues += _check_roles(name, spec, source, lines)
    for key in ("url", "instance_url", "api_url"):
        value = getattr(spec, key, None)
        if value is not None and not str(value).startswith(("https://", "http://")):
            issues.append(
                Issue(
                    source,
                    line_of(lines, ("destinations", name, key)),
                    f"destinations.{name}.{key}: {value!r} is not an http(s) URL",
                )
            )
    return issues


def _check_roles(name: str, spec: Any, source: str, lines: dict[Path_, int]) -> list[Issue]:
    """HubSpot's ``roles`` (role → company property) and Salesforce's ``team_roles`` (account
    team role → role) name routing roles other than ``owner`` (the record's own owner)."""
    from pqlkit.destinations.config_schema import READ_BACK_ROLES

    issues = []
    allowed = ", ".join(READ_BACK_ROLES)
    if spec.type == "hubspot":
        for role, prop in spec.roles.items():
            where = line_of(lines, ("destinations", name, "roles", role))
            if role not in READ_BACK_ROLES:
                hint = " (owner is the company's hubspot_owner_id)" if role == "owner" else ""
                issues.append(
                    Issue(
                        source,
                        where,
                        f"destinations.{name}.roles: {role!r} is not a role read back "
                        f"({allowed}).{did_you_mean(role, READ_BACK_ROLES)}{hint}",
                    )
                )
            if not str(prop).strip():
                issues.append(
                    Issue(
                        source,
                        where,
                        f"destinations.{name}.roles.{role}: name the company property that "
                        "holds its owner id",
                    )
                )
    if spec.type == "salesforce":
        for team_role, role in spec.team_roles.items():
            if role not in READ_BACK_ROLES:
                hint = " (owner is the Account's OwnerId)" if role == "owner" else ""
                issues.append(
                    Issue(
                        source,
                        line_of(lines, ("destinations", name, "team_roles", team_role)),
                        f"destinations.{name}.team_roles.{team_role}: {role!r} is not a role "
                        f"read back ({allowed}).{did_you_mean(role, READ_BACK_ROLES)}{hint}",
                    )
                )
    return issues
