"""Suggested talking points: Jinja templates in the routing file, keyed on the lead's facts.

Each ``talking_points`` entry says something when its ``when`` holds; the text is a Jinja
template over the lead's facts (signal values by name, tier, score, company, employees …) and
``key_actions``, ``first_name``, ``company``, ``senior`` (the most senior user of the domain),
``others`` (active teammates) and ``coordinate``. A template that names a fact the lead lacks
(missing, or an empty list) is skipped, never rendered half-empty. Rendering is sandboxed:
a routing file cannot reach Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pqlkit.routing.conditions import holds

if TYPE_CHECKING:
    from jinja2 import Environment, Template

    from pqlkit.routing.schema import TalkingPoint


@lru_cache(maxsize=1)
def environment() -> Environment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters["number"] = _number
    return env


@lru_cache(maxsize=256)
def _template(say: str) -> Template:
    """A talking point's template, compiled once (each alert renders the same few)."""
    return environment().from_string(say)


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def talking_points(points: list[TalkingPoint], variables: Mapping[str, Any]) -> tuple[str, ...]:
    from jinja2 import UndefinedError

    said = []
    for point in points:
        if not holds(point.when, variables):
            continue
        try:
            text = _template(point.say).render(**variables)
        except (UndefinedError, TypeError, ValueError, IndexError):
            continue  # a fact it needs is missing for this lead
        text = " ".join(text.split())
        if text and text not in said:
            said.append(text)
    return tuple(said)
