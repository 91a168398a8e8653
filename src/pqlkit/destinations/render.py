"""Words for a hand-off, shared by the destinations: a headline, a task subject and body."""

from __future__ import annotations

from datetime import datetime

from pqlkit.destinations.handoff import HandOff


def when(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M} UTC"


def score_text(handoff: HandOff) -> str:
    if handoff.score is None:
        return handoff.tier or "unscored"
    score = f"{handoff.score:g}"
    return f"{score} ({handoff.tier})" if handoff.tier else score


def who(handoff: HandOff) -> str:
    """``Jane Doe, VP Engineering at Acme``."""
    text = handoff.display_name
    if handoff.title:
        text += f", {handoff.title}"
    if handoff.company and handoff.company != handoff.display_name:
        text += f" at {handoff.company}"
    return text


def headline(handoff: HandOff) -> str:
    if handoff.alert is not None:
        return f"{handoff.alert.trigger}: {who(handoff)}"
    tier = (handoff.tier or "lead").upper() if handoff.tier in ("pql", "hot") else handoff.tier
    return f"{tier or 'Lead'}: {who(handoff)}"


def task_subject(handoff: HandOff) -> str:
    if handoff.alert is not None:
        return f"PQL alert — {handoff.alert.trigger}: {handoff.display_name}"
    return f"PQL follow-up: {handoff.display_name} ({score_text(handoff)})"


def task_body(handoff: HandOff, reference: str | None = None) -> str:
    """Plain text a rep reads in the CRM: why now, what they did, what to say, by when."""
    lines = [f"{who(handoff)} — score {score_text(handoff)}."]
    if handoff.alert is not None:
        lines.append(
            f"Trigger: {handoff.alert.trigger} at {when(handoff.alert.fired_at)}; "
            f"respond by {when(handoff.due or handoff.alert.deadline)}."
        )
    elif handoff.due is not None:
        lines.append(f"Respond by {when(handoff.due)}.")
    if handoff.key_actions:
        lines += ["", "What they did:", *(f"- {action}" for action in handoff.key_actions)]
    if handoff.reasons:
        lines += ["", "Why they qualify:", *(f"- {reason}" for reason in handoff.reasons)]
    if handoff.talking_points:
        lines += ["", "Talking points:", *(f"- {point}" for point in handoff.talking_points)]
    tail = []
    if handoff.pql_since is not None:
        tail.append(f"PQL since {handoff.pql_since:%Y-%m-%d}")
    if handoff.path:
        tail.append(f"path: {handoff.path}")
    if tail:
        lines += ["", "; ".join(tail) + "."]
    if reference:
        lines.append(f"pqlkit ref: {reference}")
    return "\n".join(lines)
