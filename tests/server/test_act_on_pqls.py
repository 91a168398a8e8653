"""Issue 6's proof, end to end on a real `pql serve` process:

product events stream in; a paywall hit from a 300-employee account produces, within a second,
a Slack message and a HubSpot task for the account's owner, due an hour later (the hot path's
SLA), whose text cites what the user really did; HubSpot goes down and comes back, and every
message arrives exactly once; a rep's call in HubSpot and feedback through the API come back,
and show in `pql sla` and `pql review`."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from pqlkit.model.templates import template_text
from pqlkit.routing.config import template_text as routing_template
from tests.destinations.fake_apis import HUBSPOT_TOKEN, FakeHubSpot, FakeSlack
from tests.server.conftest import basic
from tests.server.process import ServeProcess, pql

pytestmark = pytest.mark.slow


def z(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds") + "Z"


def wait_for(condition: Callable[[], bool], seconds: float) -> float:
    """Seconds until ``condition`` held; fails after ``seconds``."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.01)
    return time.monotonic() - started


def setup(tmp_path: Path, slack: FakeSlack, hubspot: FakeHubSpot) -> tuple[Path, Path, Path]:
    models = tmp_path / "models"
    models.mkdir()
    model = models / "pillars.yaml"
    model.write_text(template_text("pillars"))
    (models / "routing.yaml").write_text("capacity: 50/week\n" + routing_template())
    destinations = tmp_path / "destinations.yaml"
    destinations.write_text(
        "defaults: {backoff_base: 0.2, backoff_cap: 1m}\n"
        "destinations:\n"
        "  sales-alerts:\n    type: slack\n    webhook_url: ${PQL_E2E_SLACK}\n"
        "  crm:\n    type: hubspot\n    token: ${PQL_E2E_HUBSPOT}\n"
        f"    api_url: {hubspot.url}\n"
    )
    owners = tmp_path / "owners.csv"
    owners.write_text(
        "account_id,role,owner_id,name,email,slack_id\nacme,owner,7001,Sam Rep,sam@x.io,U0SAM\n"
    )
    db = tmp_path / "act.duckdb"
    assert pql("owners", "import", str(owners), "--db", str(db)).returncode == 0
    return db, model, destinations


def key(db: Path, kind: str) -> str:
    done = pql("keys", "create", "--kind", kind, "--db", str(db))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def stream(now: datetime) -> list[dict[str, Any]]:
    """A week of product use at Acme (300 employees): Kim builds dashboards and connects data;
    a teammate looks around; someone at another company signs in."""
    calls: list[dict[str, Any]] = []
    for user, email, title in (
        ("usr_7", "kim@acme.io", "VP Engineering"),
        ("usr_8", "lou@acme.io", "Data Engineer"),
    ):
        calls.append(
            {
                "type": "identify",
                "userId": user,
                "traits": {"email": email, "title": title, "name": user.title()},
                "timestamp": z(now - timedelta(days=6)),
            }
        )
        calls.append(
            {
                "type": "group",
                "userId": user,
                "groupId": "acme",
                "traits": {"name": "Acme", "domain": "acme.io", "employees": 300, "country": "US"},
                "timestamp": z(now - timedelta(days=6)),
            }
        )
    for i in range(12):
        calls.append(
            {
                "type": "track",
                "userId": "usr_7",
                "event": "Dashboard Created",
                "timestamp": z(now - timedelta(days=5) + i * timedelta(hours=9)),
                "context": {"groupId": "acme"},
            }
        )
    for i in range(3):
        calls.append(
            {
                "type": "track",
                "userId": "usr_7",
                "event": "Data Source Connected",
                "timestamp": z(now - timedelta(days=3) + i * timedelta(hours=5)),
                "context": {"groupId": "acme"},
            }
        )
    calls.append(
        {
            "type": "track",
            "userId": "usr_8",
            "event": "Report Viewed",
            "timestamp": z(now - timedelta(days=1)),
            "context": {"groupId": "acme"},
        }
    )
    calls.append({"type": "track", "userId": "usr_99", "event": "Signed In", "timestamp": z(now)})
    return calls


def paywall(user: str, message_id: str) -> dict[str, Any]:
    now = datetime.now(UTC).replace(tzinfo=None)
    return {
        "type": "track",
        "userId": user,
        "event": "Paywall Hit",
        "messageId": message_id,
        "timestamp": z(now),
        "context": {"groupId": "acme"},
    }


def test_a_paywall_hit_reaches_slack_and_the_owners_hubspot_task_within_a_second_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeSlack() as slack, FakeHubSpot() as hubspot:
        monkeypatch.setenv("PQL_E2E_SLACK", slack.webhook_url)
        monkeypatch.setenv("PQL_E2E_HUBSPOT", HUBSPOT_TOKEN)
        db, model, destinations = setup(tmp_path, slack, hubspot)
        write, read = key(db, "write"), key(db, "read")
        options = ["--port", "0", "--model", str(model), "--destinations", str(destinations)]
        with ServeProcess(db, *options) as serving:
            serving.wait_ready()
            client = httpx.Client(base_url=serving.url, timeout=30)
            now = datetime.now(UTC).replace(tzinfo=None)
            batch = {"batch": stream(now)}
            assert client.post("/v1/batch", json=batch, headers=basic(write)).is_success
            time.sleep(1.0)  # the stream is loaded; the live triggers have seen it

            # 1. the paywall hit: Slack and the owner's HubSpot task within a second
            sent = client.post("/v1/track", json=paywall("usr_7", "pay-7"), headers=basic(write))
            assert sent.is_success
            waited = wait_for(lambda: len(slack.messages) == 1 and len(hubspot.tasks) == 1, 5)
            assert waited < 1.0
            [alert] = client.get("/v1/alerts", headers=basic(read)).json()["alerts"]
            fired = datetime.fromisoformat(alert["fired_at"].removesuffix("Z"))
            [task] = hubspot.tasks.values()
            properties = task["properties"]
            assert properties["hubspot_owner_id"] == "7001"  # the account's owner keeps it
            assert properties["hs_timestamp"] == z(fired + timedelta(hours=1))[:19] + "Z"
            body = properties["hs_task_body"]
            assert "Dashboard Created 12 times in the 7 days to" in body
            assert "Data Source Connected 3 times" in body
            message = json.dumps(slack.messages[0])
            assert (
                "Dashboard Created 12 times" in message and "<@U0SAM>" in message
            )  # Sam, in Slack
            contact = hubspot.contacts["kim@acme.io"]
            assert contact["properties"]["pql_tier"] == "hot"

            # 2. HubSpot is down for a while: Slack still hears at once, HubSpot once it is back
            hubspot.down()
            sent = client.post("/v1/track", json=paywall("usr_8", "pay-8"), headers=basic(write))
            assert sent.is_success
            wait_for(lambda: len(slack.messages) == 2, 5)
            time.sleep(2.0)  # deliveries to HubSpot fail, and are retried
            hubspot.up()
            wait_for(lambda: len(hubspot.tasks) == 2, 15)
            time.sleep(1.5)  # nothing more arrives
            assert len(slack.messages) == 2 and len(hubspot.tasks) == 2
            assert sorted(hubspot.contacts) == ["kim@acme.io", "lou@acme.io"]
            references = [
                t["properties"]["hs_task_body"].split("pqlkit-ref-")[1]
                for t in hubspot.tasks.values()
            ]
            assert len(set(references)) == 2

            # 3. the outcome comes back: a call logged in HubSpot, feedback through the API
            alerts = client.get("/v1/alerts", headers=basic(read)).json()["alerts"]
            [lous] = [a for a in alerts if a["entity_id"] == "usr_8"]
            lou_fired = datetime.fromisoformat(lous["fired_at"].removesuffix("Z"))
            hubspot.log("calls", "lou@acme.io", "7001", lou_fired + timedelta(seconds=1))
            synced = pql("crm", "sync", "--db", str(db), "--json")
            assert synced.returncode == 0, synced.stderr
            assert json.loads(synced.stdout)["synced"][0]["first_touches"] == 1
            feedback = {
                "entity_id": "usr_7",
                "label": "good",
                "by": "sam@x.io",
                "note": "wants SSO",
            }  # at: now
            answer = client.post("/v1/feedback", json=feedback, headers=basic(write))
            assert answer.status_code == 201 and answer.json()["touched_alerts"] == 1
            sla = pql("sla", "--db", str(db), "--json")
            review = pql("review", "--model", str(model), "--db", str(db))
            client.close()
            assert serving.stop() == 0  # SIGTERM: it stops cleanly
    assert sla.returncode == 0, sla.stderr
    report = json.loads(sla.stdout)
    assert report["total"]["leads"] == 2 and report["total"]["touched"] == 2
    [hot] = report["by_path"]
    assert (hot["name"], hot["within_sla"], hot["breaches"]) == ("hot", 2, 0)
    sources = sorted(lead["touch_source"] for lead in report["leads"])
    assert sources == ["crm:crm", "feedback:api:" + sources[1].split(":")[-1]]
    assert review.returncode == 0, review.stderr
    assert "Feedback: good 1, not-ready 0, lost 0, converted 0, touched 0; precision 100%" in (
        review.stdout
    )
    assert "Response: 2 leads, 2 touched" in review.stdout
    assert "capacity of 50" in review.stdout
