"""The hand-off builder: a scored row (or an alert), its context and its route → a HandOff.

What sales receives cites real usage — key actions with numbers and dates, the reasons with
their points, the account and who else is active — never "just checking in".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from pqlkit.destinations.handoff import HandOff, Owner
from pqlkit.routing.assign import Chosen
from pqlkit.routing.conditions import is_paying, region_of
from pqlkit.routing.context import EntityContext

MAX_REASONS = 5


@dataclass(frozen=True)
class Route:
    """Where a lead goes: the path, the rule that chose it, the owner and the deadline."""

    path: str
    rule: int  # 1-based, in the routing file
    chosen: Chosen
    sla_due: datetime | None

    @property
    def reason(self) -> str:
        chose = f"rule {self.rule}" if self.rule else "no rule matched, by default"
        text = f"{chose} → {self.path}; {self.chosen.reason}"
        for owner in self.chosen.coordinate:
            text += (
                f"; coordinate with the {owner.role} {owner.name or owner.email or owner.owner_id}"
            )
        return text


def signal_values(breakdown: str | Mapping[str, Any] | None) -> dict[str, Any]:
    """Signal name → its value, from a row's breakdown JSON."""
    if breakdown is None:
        return {}
    data = orjson.loads(breakdown) if isinstance(breakdown, str | bytes) else breakdown
    values: dict[str, Any] = {}
    for layer in data.get("layers", []):
        for rule in layer.get("rules", []):
            values[rule["signal"]] = rule.get("value")
    for condition in data.get("conditions", []):
        values[condition["signal"]] = condition.get("value")
    for contribution in data.get("contributions", []):  # a predictive model's signals
        values[contribution["signal"]] = contribution.get("value")
    return values


def triggers_of(row: Mapping[str, Any]) -> list[str]:
    value = row.get("triggers") or []
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    return [str(t) for t in value]


def lead_facts(
    row: Mapping[str, Any], context: EntityContext | None, regions: Mapping[str, list[str]]
) -> dict[str, Any]:
    """Everything a routing rule may test: tier, score, triggers, traits, the model's signals."""
    facts: dict[str, Any] = dict(signal_values(row.get("breakdown")))
    facts.update(
        tier=row.get("tier"),
        score=row.get("score"),
        triggers=triggers_of(row),
        entity_kind=row.get("entity_type"),
    )
    if context is not None:
        facts.update(
            company=context.company,
            domain=context.domain,
            employees=context.employees,
            industry=context.industry,
            country=context.country,
            plan=context.plan,
            title=context.person.title if context.person else None,
            active_users=len(context.other_active_users)
            + (1 if row.get("entity_type") == "user" else 0),
        )
    facts["region"] = region_of(facts.get("country"), regions)
    facts["paying"] = is_paying(facts.get("plan"))
    return facts


def reasons_of(row: Mapping[str, Any]) -> tuple[str, ...]:
    text = row.get("reasons") or ""
    items = [r.strip() for r in str(text).split(";") if r.strip()]
    return tuple(items[:MAX_REASONS])


def build_handoff(
    row: Mapping[str, Any],
    context: EntityContext | None,
    route: Route | None,
    talking: tuple[str, ...] = (),
) -> HandOff:
    person = None
    if context is not None:  # an account's contact: its most senior user
        person = context.person or context.most_senior
    owner = None
    if route is not None and route.chosen.owner_id is not None:
        chosen = route.chosen
        owner = Owner(chosen.owner_id, chosen.email, chosen.slack_id, chosen.name)
    score = row.get("score")
    return HandOff(
        entity_id=str(row["entity_id"]),
        entity_kind=row.get("entity_type") or "user",
        email=person.email if person else None,
        name=person.name if person else None,
        title=person.title if person else None,
        company=(context.company or context.domain) if context else None,
        domain=context.domain if context else None,
        score=float(score) if score is not None else None,
        tier=row.get("tier"),
        reasons=reasons_of(row),
        key_actions=context.key_actions if context else (),
        triggers=tuple(triggers_of(row)),
        pql_since=row.get("pql_since"),
        path=route.path if route else None,
        owner=owner,
        talking_points=talking,
        model=row.get("model"),
    )


def template_variables(
    facts: Mapping[str, Any], context: EntityContext | None, route: Route | None
) -> dict[str, Any]:
    """What a talking-point template can say: the facts, and the context in words."""
    person = context.person if context else None
    first = None
    if person is not None and person.name:
        first = person.name.split()[0]
    variables = dict(facts)
    variables.update(
        first_name=first,
        key_actions=list(context.key_actions) if context else [],
        others=[p.describe() for p in context.other_active_users] if context else [],
        senior=context.most_senior.describe() if context and context.most_senior else None,
        path=route.path if route else None,
        coordinate=[o.name or o.email or o.owner_id for o in route.chosen.coordinate]
        if route
        else [],
    )
    # nothing and empty lists are left out: a template that needs them is skipped, not half-said
    return {k: v for k, v in variables.items() if v is not None and v != []}
