"""Routing an alert the moment it fires: the server's hand-offs go to the right owner too.

The server calls :meth:`AlertRouter.route` inside the loader's transaction with the batch's
alerts and the hand-offs it built for them. Each alert is a hot lead: the routing rules pick
its path from ``tier: hot``, its trigger and the account's facts (the template sends it to
``hot`` unless the account is paying or large), the owner is chosen as for ``pql route``, and
the deadline is the earlier of the trigger's ``respond_within`` and the path's SLA counted from
the firing event. The assignment is recorded once per alert (a replay finds its key).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.routing import owners as owner_store
from pqlkit.routing.builder import build_handoff
from pqlkit.routing.config import RoutingConfig
from pqlkit.routing.context import EntityContext, LogReads, LogTable, entity_contexts
from pqlkit.routing.owners import Assignment
from pqlkit.routing.route import route_lead

if TYPE_CHECKING:
    from pqlkit.destinations.handoff import HandOff
    from pqlkit.store.store import Store
    from pqlkit.triggers.alerts import Alert

HOT_PATH = "hot"


class AlertRouter:
    def __init__(self, config: RoutingConfig, model: str, kind: str) -> None:
        self.config = config
        self.model = model
        self.kind = kind

    def route(
        self,
        store: Store,
        alerts: Sequence[Alert],
        handoffs: Sequence[HandOff],
        log: LogReads | None = None,
    ) -> list[HandOff]:
        """The hand-offs with path, owner, deadline, context and talking points filled in;
        assignments and cursors recorded (in the caller's transaction). ``log``: where who
        each person is and what they did are read (the server's live identity and store); by
        default the store's events."""
        if not alerts:
            return list(handoffs)
        ids = sorted({a.entity_id for a in alerts})
        contexts = _contexts(log if log is not None else LogTable(store.events), alerts, self.kind)
        accounts = {c.account_id for c in contexts.values() if c.account_id} | set(ids)
        owned = owner_store.owners_of(store, accounts)
        assigned = owner_store.assignments_of(store, ids)
        previous = owner_store.latest_of(assigned, self.model)
        cursors = owner_store.cursors(store)
        keys = [h.default_key("alert") for h in handoffs]
        seen = {a.handoff_key for a in assigned} & set(keys)  # an alert's key is its entity's
        moved: dict[str, int] = {}
        fresh: list[Assignment] = []
        routed: list[HandOff] = []
        for alert, handoff, key in zip(alerts, handoffs, keys, strict=True):
            context = contexts.get(alert.entity_id)
            account = context.account_id if context else None
            row: dict[str, Any] = {
                "entity_id": alert.entity_id,
                "entity_type": self.kind,
                "tier": "hot",
                "score": handoff.score,
                "triggers": [alert.trigger],
                "reasons": f"hot trigger: {alert.trigger.replace('_', ' ')}",
                "model": self.model,
            }
            roles = {**owned.get(alert.entity_id, {}), **owned.get(account or "", {})}
            earlier = previous.get(alert.entity_id)
            done = None
            for path in (None, HOT_PATH):  # the rules' path; if none matched, hot
                if path is not None and path not in self.config.paths:
                    break
                done = route_lead(
                    self.config,
                    row,
                    context,
                    owners=roles,
                    previous=earlier,
                    cursors=cursors,
                    start=alert.fired_at,
                    path=path,
                )
                if done is not None:
                    break
            if done is None:
                routed.append(handoff)
                continue
            route, built = done
            team = route.chosen.team
            deadline = min(d for d in (route.sla_due, alert.deadline) if d is not None)
            if route.chosen.cursor is not None and team is not None and key not in seen:
                cursors[team] = moved[team] = route.chosen.cursor
            routed.append(
                replace(
                    _described(handoff, built),
                    path=route.path,
                    owner=built.owner,
                    sla_due=deadline,
                    talking_points=built.talking_points,
                )
            )
            if key not in seen:
                seen.add(key)
                fresh.append(
                    Assignment(
                        entity_id=alert.entity_id,
                        entity_kind=self.kind,
                        model=self.model,
                        path=route.path,
                        owner_id=route.chosen.owner_id,
                        owner_email=route.chosen.email,
                        owner_name=route.chosen.name,
                        team=team,
                        reason=f"alert {alert.trigger}: " + route.reason,
                        assigned_at=alert.fired_at,
                        sla_due=deadline,
                        handoff_key=key,
                        source="alert",
                    )
                )
        owner_store.record_assignments(store, fresh)
        owner_store.save_cursors(store, moved)
        return routed


def described(
    log: LogReads, alerts: Sequence[Alert], handoffs: Sequence[HandOff], kind: str
) -> list[HandOff]:
    """The alerts' hand-offs without routing: who the person is and what they did (name,
    title, company, key actions), as a routed hand-off has them."""
    if not alerts:
        return list(handoffs)
    contexts = _contexts(log, alerts, kind)
    return [
        _described(
            handoff,
            build_handoff(
                {"entity_id": handoff.entity_id, "entity_type": kind},
                contexts.get(handoff.entity_id),
                None,
            ),
        )
        for handoff in handoffs
    ]


def _contexts(log: LogReads, alerts: Sequence[Alert], kind: str) -> dict[str, EntityContext]:
    """The alerted entities' contexts, as of just after the latest alert fired."""
    latest = max(a.fired_at for a in alerts) + timedelta(microseconds=1)
    return entity_contexts(log, sorted({a.entity_id for a in alerts}), kind, latest)


def _described(handoff: HandOff, built: HandOff) -> HandOff:
    """``handoff`` with the person and account ``built`` from their context: what the live
    identity told the alert stays, the context fills in the rest and the key actions."""
    return replace(
        handoff,
        name=handoff.name or built.name,
        title=handoff.title or built.title,
        company=built.company or handoff.company,
        domain=handoff.domain or built.domain,
        key_actions=built.key_actions,
    )
