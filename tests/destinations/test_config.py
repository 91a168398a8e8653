"""destinations.yaml: validated with every problem at once (file:line and a hint), secrets only
from the environment or a secrets file, and built into working destinations."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pqlkit.destinations.config import (
    DestinationsConfigError,
    load_destinations,
    load_destinations_text,
)
from pqlkit.destinations.hubspot import HubSpotDestination
from pqlkit.destinations.slack import SlackDestination
from pqlkit.destinations.webhook import WebhookDestination

GOOD = """\
defaults:
  max_attempts: 20
  max_age: 12h
destinations:
  sales-alerts:
    type: slack
    kinds: [alert]
    webhook_url: ${SLACK_WEBHOOK_URL}
    bot_token: ${SLACK_BOT_TOKEN}
  crm:
    type: hubspot
    kinds: [alert, lead]
    token: ${HUBSPOT_TOKEN}
    per_minute: 100
    batch_size: 100
  hooks:
    type: webhook
    url: https://example.test/pqlkit
    secret: ${PQL_WEBHOOK_SECRET}
  audit:
    type: log
    kinds: ["*"]
    path: deliveries.jsonl
"""
ENV = {
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T0/B0/abcdefabcdef",
    "SLACK_BOT_TOKEN": "xoxb-1-2-3",
    "HUBSPOT_TOKEN": "pat-na1-secret-value",
    "PQL_WEBHOOK_SECRET": "whsec_value_1234",
}


def problems(text: str, environ: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(DestinationsConfigError) as error:
        load_destinations_text(
            text, "destinations.yaml", environ=ENV if environ is None else environ
        )
    return [str(issue) for issue in error.value.issues]


def test_a_good_file_routes_kinds_and_builds_its_destinations(tmp_path: Path) -> None:
    config = load_destinations_text(GOOD, "destinations.yaml", tmp_path, environ=ENV)
    assert config.routes("alert") == ["sales-alerts", "crm", "hooks", "audit"]
    assert config.routes("lead") == ["crm", "audit"]
    assert config.policy("crm").max_attempts == 20 and config.policy("crm").per_minute == 100
    assert config.policy("hooks").max_age == timedelta(hours=12)
    slack, crm, hooks, audit = config.build()
    assert isinstance(slack, SlackDestination) and slack.bot_token == "xoxb-1-2-3"
    assert isinstance(crm, HubSpotDestination) and crm.token == "pat-na1-secret-value"
    assert isinstance(hooks, WebhookDestination) and hooks.secret == "whsec_value_1234"
    assert audit.path == tmp_path / "deliveries.jsonl"  # type: ignore[attr-defined]
    assert "pat-na1-secret-value" not in repr(config) + repr(crm)


def test_secrets_come_from_the_secrets_file_when_the_environment_lacks_them(tmp_path: Path) -> None:
    (tmp_path / "pqlkit.secrets").write_text("# for pqlkit\nHUBSPOT_TOKEN='pat-from-file'\n")
    (tmp_path / "destinations.yaml").write_text(
        "secrets_file: pqlkit.secrets\ndestinations:\n  crm:\n    type: hubspot\n    token: ${HUBSPOT_TOKEN}\n"
    )
    config = load_destinations(tmp_path / "destinations.yaml", environ={})
    assert config.secret("crm", "token") == "pat-from-file"


def test_every_problem_is_reported_at_once_with_its_line_and_a_hint() -> None:
    text = """\
destinations:
  crm:
    type: hubspot
    token: pat-na1-literal-token
    kinds: [alert, leads]
  hooks:
    type: webhook
    url: example.test/pqlkit
    secret: ${MISSING_SECRET}
    retries: 3
  chat:
    type: slak
  Bad Name:
    type: log
    path: x.jsonl
"""
    assert problems(text) == [
        "destinations.yaml:13: destination name 'Bad Name': use lower-case letters, digits, '-' and '_'",
        "destinations.yaml:10: unknown key 'retries' in destinations.hooks.",
        "destinations.yaml:12: destinations.chat: unknown type 'slak'. Did you mean 'slack'? "
        "(types: webhook, log, csv, slack, hubspot, salesforce)",
    ]


def test_secret_and_kind_problems_are_reported_together() -> None:
    text = """\
destinations:
  crm:
    type: hubspot
    token: pat-na1-literal-token
    kinds: [alert, leads]
  hooks:
    type: webhook
    url: example.test/pqlkit
    secret: ${MISSING_SECRET}
  chat:
    type: slack
"""
    assert problems(text) == [
        "destinations.yaml:5: destinations.crm.kinds: unknown kind 'leads'. Did you mean 'lead'? "
        "(kinds: alert, lead, properties, or * for all)",
        "destinations.yaml:4: destinations.crm.token: a secret is never written in this file; "
        "write ${CRM_TOKEN} and set that variable in the environment or in the secrets file",
        "destinations.yaml:8: destinations.hooks.url: 'example.test/pqlkit' is not an http(s) URL",
        "destinations.yaml:9: destinations.hooks.secret: ${MISSING_SECRET} is not set (in the environment)",
        "destinations.yaml:10: destinations.chat: a slack destination needs webhook_url, bot_token or both",
    ]


def test_a_literal_secret_never_appears_in_the_error() -> None:
    text = "destinations:\n  crm:\n    type: hubspot\n    token: pat-na1-literal-token\n"
    assert "pat-na1-literal-token" not in "\n".join(problems(text))


def test_missing_keys_and_bad_values_are_named() -> None:
    text = "defaults:\n  batch_size: 500\ndestinations:\n  hooks:\n    type: webhook\n    secret: ${PQL_WEBHOOK_SECRET}\n"
    assert problems(text) == [
        "destinations.yaml:2: defaults.batch_size: Input should be less than or equal to 100",
        "destinations.yaml:4: destinations.hooks.url is required",
    ]


def test_yaml_syntax_errors_have_a_line() -> None:
    assert problems("destinations:\n  crm: [\n") == [
        "destinations.yaml:3: YAML syntax: expected the node content, but found '<stream end>'"
    ]


def test_crm_roles_read_back_name_routing_roles_with_salesforces_defaults() -> None:
    text = """\
destinations:
  crm:
    type: hubspot
    token: ${HUBSPOT_TOKEN}
    roles: {csm: csm_owner_id, owner: hubspot_owner_id, cms: x}
  sfdc:
    type: salesforce
    instance_url: https://acme.my.salesforce.com
    token: ${HUBSPOT_TOKEN}
    team_roles:
      Customer Success Manager: csm
      Renewals: acm
"""
    assert problems(text) == [
        "destinations.yaml:5: destinations.crm.roles: 'owner' is not a role read back "
        "(ae, csm, am). (owner is the company's hubspot_owner_id)",
        "destinations.yaml:5: destinations.crm.roles: 'cms' is not a role read back "
        "(ae, csm, am). Did you mean 'csm'?",
        "destinations.yaml:12: destinations.sfdc.team_roles.Renewals: 'acm' is not a role read "
        "back (ae, csm, am). Did you mean 'am'?",
    ]
    good = text.replace(", owner: hubspot_owner_id, cms: x", "").replace(
        "      Renewals: acm\n", ""
    )
    built = {d.name: d for d in load_destinations_text(good, "d.yaml", environ=ENV).build()}
    assert built["crm"].roles == {"csm": "csm_owner_id"}  # type: ignore[attr-defined]
    assert built["sfdc"].team_roles == {"Customer Success Manager": "csm"}  # type: ignore[attr-defined]
    default = good.replace("    team_roles:\n      Customer Success Manager: csm\n", "")
    [_, sfdc] = load_destinations_text(default, "d.yaml", environ=ENV).build()
    assert sfdc.team_roles == {  # type: ignore[attr-defined]
        "Customer Success Manager": "csm",
        "Account Manager": "am",
    }
