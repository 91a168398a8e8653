"""Route scored leads: pick each one's path, owner and SLA deadline, build its hand-off.

:func:`plan_routes` reads (owners, earlier assignments, cursors, context) and decides; it writes
nothing. :func:`record_routes` writes the decisions — assignments, the teams' cursors and the
hand-offs in the outbox — and is called inside one store transaction by ``pql route``.
A lead already routed in the same state (same hand-off key) is shown but not recorded again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pqlkit.destinations.handoff import HandOff
from pqlkit.routing import owners as owner_store
from pqlkit.routing.assign import choose_owner
from pqlkit.routing.builder import (
    Route,
    build_handoff,
    lead_facts,
    template_variables,
)
from pqlkit.routing.calendar import due
from pqlkit.routing.conditions import holds
from pqlkit.routing.config import RoutingConfig
from pqlkit.routing.context import EntityContext, LogTable, entity_contexts
from pqlkit.routing.owners import Assignment
from pqlkit.routing.talking_points import talking_points

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.destinations.base import Destination
    from pqlkit.destinations.config import DestinationsConfig
    from pqlkit.store.store import Store

LEAD_KIND = "lead"  # hand-offs for a rep
NURTURE_KIND = "nurture"  # hand-offs of a path without a rep (in-app prompt, e-mail)


@dataclass(frozen=True)
class RoutedLead:
    handoff: HandOff
    assignment: Assignment
    kind: str
    new: bool  # False: this lead was routed in this same state before


def pick_path(config: RoutingConfig, facts: Mapping[str, Any]) -> tuple[int, str] | None:
    """The first rule whose ``when`` holds: (its 1-based number, its path)."""
    for index, rule in enumerate(config.rules):
        if holds(rule.when, facts):
            return index + 1, rule.path
    return None


def route_lead(
    config: RoutingConfig,
    row: Mapping[str, Any],
    context: EntityContext | None,
    *,
    owners: Mapping[str, owner_store.AccountOwner],
    previous: Assignment | None,
    cursors: Mapping[str, int],
    start: datetime,
    path: str | None = None,
) -> tuple[Route, HandOff] | None:
    """One lead's route and hand-off (``path`` forces the path, as an alert forces hot).
    ``cursors``: each team's round-robin position; the route says where its team's moved."""
    facts = lead_facts(row, context, config.spec.regions)
    facts["owners"] = sorted(owners)  # the roles the account has an owner in: ae, csm …
    if path is None:
        picked = pick_path(config, facts)
        if picked is None:
            return None
        rule, path = picked
    else:
        rule = 0
    spec = config.paths[path]
    members = config.members(spec.team) if spec.team else []
    cursor = cursors.get(spec.team, 0) if spec.team else 0
    chosen = choose_owner(path, spec, members, facts, owners, previous, cursor)
    deadline = None
    if spec.sla is not None:
        deadline = due(start, spec.sla, config.calendar(spec.team) if spec.team else None)
    route = Route(path, rule, chosen, deadline)
    said = talking_points(config.talking_points, template_variables(facts, context, route))
    return route, replace(build_handoff(row, context, route, said), sla_due=deadline)


def plan_routes(
    store: Store,
    events: ir.Table,
    rows: Sequence[Mapping[str, Any]],
    config: RoutingConfig,
    *,
    model: str,
    kind: str,
    as_of: datetime,
    now: datetime | None = None,
) -> tuple[list[RoutedLead], dict[str, int]]:
    """Decide every lead's route; nothing is written. Also the cursors to save."""
    tiers = {t.lower() for t in config.spec.route}
    chosen_rows = [r for r in rows if str(r.get("tier") or "").lower() in tiers]
    ids = [str(r["entity_id"]) for r in chosen_rows]
    contexts = entity_contexts(LogTable(events), ids, kind, as_of)
    accounts = {c.account_id for c in contexts.values() if c.account_id} | set(ids)
    owned = owner_store.owners_of(store, accounts)
    previous = owner_store.latest_assignments(store, ids, model)
    cursors = owner_store.cursors(store)
    moved: dict[str, int] = {}
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    planned: list[RoutedLead] = []
    for row in chosen_rows:
        entity = str(row["entity_id"])
        context = contexts.get(entity)
        account = context.account_id if context else None
        roles = {**owned.get(entity, {}), **owned.get(account or "", {})}
        done = route_lead(
            config,
            row,
            context,
            owners=roles,
            previous=previous.get(entity),
            cursors=cursors,
            start=as_of,
        )
        if done is None:
            continue
        route, handoff = done
        team = route.chosen.team
        if route.chosen.cursor is not None and team is not None:
            cursors[team] = route.chosen.cursor
            moved[team] = route.chosen.cursor
        lead_kind = LEAD_KIND if team is not None else NURTURE_KIND
        planned.append(
            RoutedLead(
                handoff,
                Assignment(
                    entity_id=entity,
                    entity_kind=kind,
                    model=model,
                    path=route.path,
                    owner_id=route.chosen.owner_id,
                    owner_email=route.chosen.email,
                    owner_name=route.chosen.name,
                    team=team,
                    reason=route.reason,
                    assigned_at=moment,
                    sla_due=route.sla_due,
                    handoff_key=handoff.default_key(lead_kind),
                ),
                lead_kind,
                True,
            )
        )
    seen = owner_store.known_keys(store, [p.assignment.handoff_key for p in planned])
    if seen:
        planned = [
            RoutedLead(p.handoff, p.assignment, p.kind, p.assignment.handoff_key not in seen)
            for p in planned
        ]
    return planned, moved


def record_routes(
    store: Store,
    planned: Sequence[RoutedLead],
    moved: Mapping[str, int],
    destinations: DestinationsConfig | Sequence[Destination] = (),
    now: datetime | None = None,
) -> int:
    """Write the new assignments, the cursors and the hand-offs (call inside a transaction)."""
    from pqlkit.destinations.enqueue import enqueue_handoff

    fresh = [p for p in planned if p.new]
    owner_store.record_assignments(store, [p.assignment for p in fresh])
    owner_store.save_cursors(store, moved, now)
    for lead in fresh:
        enqueue_handoff(
            store,
            destinations,
            lead.handoff,
            kind=lead.kind,
            key=lead.assignment.handoff_key,
            now=now,
        )
    return len(fresh)
