"""Slack: a Block Kit message to an incoming webhook, and a direct message to the lead's owner.

The incoming webhook (its URL is the secret) answers ``200 ok``, or an error as plain text
(``400 invalid_payload``, ``403 action_prohibited``, ``404 no_service``, ``410
channel_is_archived``) and ``429`` with ``Retry-After`` when throttled. The direct message goes
through ``chat.postMessage`` with a bot token (``Authorization: Bearer xoxb-…``) to the owner's
Slack member id; Slack answers ``{"ok": true, …}`` or ``{"ok": false, "error": "…"}``.

Slack has no idempotency keys: each step is recorded in the row's progress when done, so a
retry after the DM failed does not post the channel message again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx

from pqlkit.destinations import http, render
from pqlkit.destinations.base import Delivered, DeliveryStop, Destination, Failed, Outcome
from pqlkit.destinations.handoff import HandOff
from pqlkit.destinations.outbox import OutboxItem

API_URL = "https://slack.com/api"
SECTION_LIMIT = 2900  # Slack's limit for a section's text is 3000 characters
# chat.postMessage errors that pass by themselves; the others need a person (token, scopes, ids)
RETRYABLE_API_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


def escape(text: str) -> str:
    """Slack's mrkdwn escapes: &, < and > are control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int = SECTION_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bullets(title: str, lines: tuple[str, ...]) -> dict[str, Any]:
    body = "\n".join(f"• {escape(line)}" for line in lines)
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(f"*{title}*\n{body}")}}


def blocks(handoff: HandOff) -> list[dict[str, Any]]:
    """The message's Block Kit blocks: headline, facts, what they did, why, what to say."""
    facts = [f"*Score*\n{escape(render.score_text(handoff))}"]
    if handoff.due is not None:
        facts.append(f"*Respond by*\n{render.when(handoff.due)}")
    if handoff.owner is not None:
        owner = (
            f"<@{handoff.owner.slack_id}>"
            if handoff.owner.slack_id
            else escape(handoff.owner.name or handoff.owner.email or handoff.owner.id or "")
        )
        facts.append(f"*Owner*\n{owner}")
    if handoff.path:
        facts.append(f"*Path*\n{escape(handoff.path)}")
    if handoff.email:
        facts.append(f"*Email*\n{escape(handoff.email)}")
    out: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": _cut(render.headline(handoff), 150)},
        },
        {"type": "section", "fields": [{"type": "mrkdwn", "text": _cut(f, 1900)} for f in facts]},
    ]
    if handoff.key_actions:
        out.append(_bullets("What they did", handoff.key_actions))
    if handoff.reasons:
        out.append(_bullets("Why they qualify", handoff.reasons))
    if handoff.talking_points:
        out.append(_bullets("Talking points", handoff.talking_points))
    context = []
    if handoff.pql_since is not None:
        context.append(f"PQL since {handoff.pql_since:%Y-%m-%d}")
    if handoff.triggers:
        context.append("triggers: " + ", ".join(handoff.triggers))
    if handoff.model:
        context.append(f"model {handoff.model}")
    if context:
        out.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": escape(" · ".join(context))}],
            }
        )
    return out


def message(handoff: HandOff) -> dict[str, Any]:
    """The JSON Slack receives: fallback ``text`` (for notifications) and ``blocks``."""
    return {"text": render.headline(handoff), "blocks": blocks(handoff)}


@dataclass
class SlackDestination(Destination):
    SECRET_FIELDS = ("webhook_url", "bot_token")

    webhook_url: str | None = field(default=None, repr=False)
    bot_token: str | None = field(default=None, repr=False)
    dm_owner: bool = True  # with a bot token: a direct message to the owner's Slack id
    api_url: str = API_URL
    transport: httpx.BaseTransport | None = field(default=None, repr=False)
    _http: httpx.Client | None = field(default=None, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._http is None:
            self._http = http.client(self.policy.timeout, self.transport)
        return self._http

    def deliver_one(self, item: OutboxItem) -> Outcome:
        try:
            handoff = HandOff.loads(item.payload)
        except (ValueError, KeyError, TypeError) as exc:
            return Failed(f"slack: the payload is not a hand-off ({exc})", retryable=False)
        done = item.progress_data()
        body = message(handoff)
        if self.webhook_url and not done.get("webhook"):
            try:
                self._post_webhook(body)
            except DeliveryStop as stop:
                return stop.outcome
            done["webhook"] = True
        slack_id = handoff.owner.slack_id if handoff.owner is not None else None
        if not self.webhook_url and not slack_id:
            return Failed(
                "slack: nowhere to post: no webhook_url, and the hand-off's owner has no Slack id",
                retryable=False,
            )
        if self.bot_token and self.dm_owner and slack_id and not done.get("dm"):
            try:
                done["dm"] = self._post_message(slack_id, body)
            except DeliveryStop as stop:
                return Failed(
                    stop.outcome.error, stop.outcome.retryable, stop.outcome.retry_after, done
                )
        return Delivered(done)

    def _post_webhook(self, body: dict[str, Any]) -> None:
        assert self.webhook_url is not None
        response = http.send(self.client, "slack webhook", "POST", self.webhook_url, json=body)
        if response.status_code == 200:
            if response.text.strip() == "ok":
                return
            raise DeliveryStop(
                Failed(f"slack webhook: malformed answer (HTTP 200, {response.text[:100]!r})")
            )
        raise DeliveryStop(http.failure(response, "slack webhook"))

    def _post_message(self, channel: str, body: dict[str, Any]) -> str:
        """``chat.postMessage``; the message's ``ts``."""
        response = http.send(
            self.client,
            "slack chat.postMessage",
            "POST",
            f"{self.api_url}/chat.postMessage",
            json={"channel": channel, **body},
            headers={"Authorization": f"Bearer {self.bot_token}"},
        )
        if response.status_code != 200:
            raise DeliveryStop(http.failure(response, "slack chat.postMessage"))
        data = http.json_of(response, "slack chat.postMessage")
        if not isinstance(data, dict) or "ok" not in data:
            raise DeliveryStop(Failed("slack chat.postMessage: malformed answer (no 'ok')"))
        if not data["ok"]:
            error = str(data.get("error", "unknown_error"))
            raise DeliveryStop(
                Failed(
                    f"slack chat.postMessage: {error}",
                    retryable=error in RETRYABLE_API_ERRORS,
                )
            )
        return str(data.get("ts", "sent"))

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
