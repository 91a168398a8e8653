"""The seed models, usable by name (``--model pillars``) or copied with ``pql init``."""

from __future__ import annotations

from importlib.resources import files

TEMPLATES: dict[str, str] = {
    "pillars": "three pillars in four capped layers; PQL at 50, hot at 70 or on a hot trigger",
    "weighted-110": "110 points: frequency, activation, team, depth, intent, fit; PQL 40, hot 70",
    "weighted-70": "six weighted actions; PQL at 70",
    "threshold": "core feature 5+ times AND a teammate invited AND 3+ sign-in days in 7",
    "account-threshold": "accounts: 5+ users AND 10+ core workflows in 7 days AND 50+ employees",
    "signals": "the broad signal set to learn from (pql train); even-handed points to reweigh",
}


def template_text(name: str) -> str:
    return (files(__package__) / f"{name}.yaml").read_text()
