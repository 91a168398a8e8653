"""One `pql route` run: score, route the qualified leads, record and enqueue — together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pqlkit.console import Console, SilentConsole
from pqlkit.errors import ConfigError
from pqlkit.routing.config import TEMPLATE, RoutingConfig, beside, load_routing
from pqlkit.routing.route import RoutedLead, plan_routes, record_routes

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.destinations.base import Destination
    from pqlkit.destinations.config import DestinationsConfig
    from pqlkit.store.store import Store


@dataclass(frozen=True)
class RouteResult:
    model: str
    as_of: datetime
    leads: list[RoutedLead]
    recorded: int  # new assignments written (0 on a dry run)
    dry_run: bool


def routing_for(model: str, routing: str | None, signals: set[str]) -> RoutingConfig:
    """The routing file given, else ``routing.yaml`` beside the model file."""
    if routing is not None:
        return load_routing(routing, signals=signals)
    found = beside(model)
    if found is None:
        raise ConfigError(
            f"no routing.yaml beside {model}: write one (start from --routing {TEMPLATE}, "
            "see docs/routing.md) or pass --routing FILE"
        )
    return load_routing(found, signals=signals)


def run_route(
    store: Store,
    events: ir.Table,
    model: str,
    *,
    routing: str | RoutingConfig | None = None,
    as_of: datetime | None = None,
    dry_run: bool = False,
    destinations: DestinationsConfig | list[Destination] | None = None,
    console: Console | None = None,
    now: datetime | None = None,
) -> RouteResult:
    """Score ``model`` as of ``as_of``, route its leads; unless ``dry_run``, record the
    ledger, the assignments, the cursors and the hand-offs in one store transaction."""
    from pqlkit.model.loader import load
    from pqlkit.scoring.job import ScoreRequest, run_score
    from pqlkit.store.transaction import transaction

    loaded = load(model)
    config = (
        routing
        if isinstance(routing, RoutingConfig)
        else routing_for(model, routing, set(loaded.model.signals))
    )
    request = ScoreRequest(
        model=str(Path(model).resolve()) if Path(model).exists() else model,
        as_of=as_of,
        ledger=not dry_run,
    )
    console = console or SilentConsole()
    if dry_run:
        scored = run_score(store, events, request, console)
        leads, _ = plan_routes(
            store,
            events,
            scored.rows(),
            config,
            model=scored.model,
            kind=scored.kind,
            as_of=scored.as_of,
            now=now,
        )
        return RouteResult(scored.model, scored.as_of, leads, 0, True)
    with transaction(store):
        scored = run_score(store, events, request, console)
        leads, moved = plan_routes(
            store,
            events,
            scored.rows(),
            config,
            model=scored.model,
            kind=scored.kind,
            as_of=scored.as_of,
            now=now,
        )
        recorded = record_routes(store, leads, moved, destinations or [], now)
    return RouteResult(scored.model, scored.as_of, leads, recorded, False)
