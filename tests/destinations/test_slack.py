"""Slack: Block Kit messages to an incoming webhook and a DM to the owner through
chat.postMessage, against a local Slack that enforces its request shapes, auth and errors."""

from __future__ import annotations

import pytest

from pqlkit.destinations.delivery import DeliveryState, deliver_due
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.handoff import Owner
from pqlkit.destinations.outbox import Outbox
from pqlkit.destinations.slack import SlackDestination, blocks, message
from pqlkit.store.store import Store
from tests.destinations.conftest import Clock, paywall_handoff
from tests.destinations.fake_apis import BOT_TOKEN, FakeSlack
from tests.destinations.fake_http import Answer


def slack(
    api: FakeSlack, *, webhook: bool = True, token: str | None = BOT_TOKEN
) -> SlackDestination:
    secrets = tuple(s for s in (api.webhook_url if webhook else None, token) if s)
    return SlackDestination(
        name="sales-slack",
        kinds=frozenset({"alert"}),
        secrets=secrets,
        webhook_url=api.webhook_url if webhook else None,
        bot_token=token,
        api_url=api.url + "/api",
    )


def test_the_message_cites_what_the_user_did_and_the_deadline() -> None:
    body = message(paywall_handoff())
    assert body["text"] == "paywall_hit: Dana Whitfield, VP Engineering at Acme"
    header, facts, actions, reasons, points, context = body["blocks"]
    assert header == {"type": "header", "text": {"type": "plain_text", "text": body["text"]}}
    assert [f["text"] for f in facts["fields"]] == [
        "*Score*\n87 (hot)",
        "*Respond by*\n2026-03-02 10:00 UTC",
        "*Owner*\n<@U0SAM>",
        "*Path*\nhigh-intent",
        "*Email*\ndana@acme.io",
    ]
    assert actions["text"]["text"] == (
        "*What they did*\n• created 12 dashboards this week\n• hit the paywall on Exports twice"
    )
    assert reasons["text"]["text"].startswith("*Why they qualify*\n• Invited 6 teammates")
    assert (
        points["text"]["text"]
        == "*Talking points*\n• Ask how the 12 dashboards are shared across the team"
    )
    assert (
        context["elements"][0]["text"]
        == "PQL since 2026-02-20 · triggers: paywall_hit · model pillars"
    )


def test_mrkdwn_control_characters_are_escaped() -> None:
    [_, _, actions, *_] = blocks(paywall_handoff(key_actions=("exported <all> rows & more",)))
    assert actions["text"]["text"].endswith("• exported &lt;all&gt; rows &amp; more")


def test_the_blocks_are_valid_for_the_real_slack_sdk() -> None:
    slack_blocks = pytest.importorskip("slack_sdk.models.blocks")
    long = paywall_handoff(key_actions=tuple(f"action {i} " + "x" * 200 for i in range(40)))
    for block in blocks(long):
        parsed = slack_blocks.Block.parse(block)
        assert parsed is not None
        parsed.validate_json()  # raises on Slack's length and shape limits


def test_the_fake_slack_answers_the_real_sdk_as_slack_does() -> None:
    webhook = pytest.importorskip("slack_sdk.webhook")
    web = pytest.importorskip("slack_sdk")
    with FakeSlack() as api:
        body = message(paywall_handoff())
        answer = webhook.WebhookClient(api.webhook_url).send(
            text=body["text"], blocks=body["blocks"]
        )
        assert (answer.status_code, answer.body) == (200, "ok")
        sent = web.WebClient(token=BOT_TOKEN, base_url=api.url + "/api/").chat_postMessage(
            channel="U0SAM", text=body["text"], blocks=body["blocks"]
        )
        assert sent["ok"] is True
    # what the SDK sent is what the destination sends
    assert api.messages[0] == body
    assert {k: api.direct[0][k] for k in ("channel", "text", "blocks")} == {
        "channel": "U0SAM",
        **body,
    }


def test_an_alert_reaches_the_channel_and_the_owner_once(store: Store, clock: Clock) -> None:
    with FakeSlack() as api:
        destination = slack(api)
        enqueue_handoff(store, [destination], paywall_handoff(), now=clock())
        assert deliver_due(store, [destination], clock(), DeliveryState()).delivered == 1
    assert api.messages == [message(paywall_handoff())]
    assert [(m["channel"], m["text"]) for m in api.direct] == [("U0SAM", api.messages[0]["text"])]


def test_a_failed_dm_is_retried_without_posting_to_the_channel_again(
    store: Store, clock: Clock
) -> None:
    with FakeSlack() as api:
        destination = slack(api)
        enqueue_handoff(store, [destination], paywall_handoff(), now=clock())
        api.then(
            Answer.text(200, "ok"),
            Answer.json(429, {"ok": False, "error": "ratelimited"}, **{"Retry-After": "30"}),
        )
        state = DeliveryState()
        assert deliver_due(store, [destination], clock(), state).retried == 1
        clock.advance(seconds=31)
        assert deliver_due(store, [destination], clock(), state).delivered == 1
    assert len(api.requests) == 3  # webhook, DM (429), DM again — the channel got one message
    assert len(api.direct) == 1


def test_a_revoked_webhook_is_a_dead_letter_whose_error_hides_the_url(
    store: Store, clock: Clock
) -> None:
    with FakeSlack() as api:
        destination = slack(api)
        destination.webhook_url = api.url + "/services/T00000000/B00000000/REVOKEDREVOKED"
        destination.secrets = (destination.webhook_url,)
        enqueue_handoff(store, [destination], paywall_handoff(), now=clock())
        assert deliver_due(store, [destination], clock(), DeliveryState()).dead == 1
    [row] = Outbox(store).items()
    assert row.last_error == "slack webhook: HTTP 404: no_service"


def test_a_bad_bot_token_is_a_dead_letter_that_names_slacks_error(
    store: Store, clock: Clock
) -> None:
    with FakeSlack() as api:
        destination = slack(api, webhook=False, token="xoxb-wrong-token")
        enqueue_handoff(store, [destination], paywall_handoff(), now=clock())
        assert deliver_due(store, [destination], clock(), DeliveryState()).dead == 1
    assert Outbox(store).items()[0].last_error == "slack chat.postMessage: invalid_auth"


def test_no_dm_without_an_owner_slack_id(store: Store, clock: Clock) -> None:
    with FakeSlack() as api:
        destination = slack(api)
        handoff = paywall_handoff(owner=Owner(id="7001", email="sam@seller.example"))
        enqueue_handoff(store, [destination], handoff, now=clock())
        assert deliver_due(store, [destination], clock(), DeliveryState()).delivered == 1
    assert len(api.messages) == 1 and api.direct == []


def test_a_malformed_answer_is_retried(store: Store, clock: Clock) -> None:
    with FakeSlack() as api:
        destination = slack(api, token=None)
        api.then(Answer.text(200, "<html>captive portal</html>"))
        enqueue_handoff(store, [destination], paywall_handoff(), now=clock())
        assert deliver_due(store, [destination], clock(), DeliveryState()).retried == 1
    assert Outbox(store).items()[0].last_error == (
        "slack webhook: malformed answer (HTTP 200, '<html>captive portal</html>')"
    )


def test_a_dm_only_destination_without_the_owners_slack_id_says_so(
    store: Store, clock: Clock
) -> None:
    with FakeSlack() as api:
        destination = slack(api, webhook=False)
        enqueue_handoff(store, [destination], paywall_handoff(owner=None), now=clock())
        assert deliver_due(store, [destination], clock(), DeliveryState()).dead == 1
    assert api.requests == []
    assert Outbox(store).items()[0].last_error == (
        "slack: nowhere to post: no webhook_url, and the hand-off's owner has no Slack id"
    )
