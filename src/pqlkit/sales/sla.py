"""Response times against the SLA, per path and per owner, and conversion by response time.

A *lead* with a deadline is either

* an **alert** (a hot trigger fired): it starts when the trigger fired, is due at its routed
  deadline (the earlier of the trigger's ``respond_within`` and the path's SLA) or else the
  trigger's own, and its first touch is the alert's ``first_touch_at`` — set by feedback
  (``pql feedback``, ``POST /v1/feedback``) or by the CRM read-back (``pql crm sync``);
* a **routed lead** (``pql route`` on a path with an SLA): it starts when it was assigned, is
  due at ``sla_due``, and its first touch is the entity's first touching feedback or CRM
  activity at or after that. A lead re-routed while still untouched (its score moved) is the
  same lead, not a new one.

Response time = first touch − start. A **breach** is a lead touched after its deadline, or
untouched past it; **open and overdue** are those untouched past their deadline now. A lead
**converted** when the entity converted (by the model's conversion definition in the events,
or a ``converted`` feedback) within ``window`` of the lead's start — the seeds: answered within
an hour ≈ 53%, after a day ≈ 17%.

The rows here are sales' leads (thousands, not millions): they are read from the store and
summarised in Python; conversions come from the engine.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.routing import owners as owner_store
from pqlkit.routing.sql import marks, query
from pqlkit.sales.feedback import TOUCHES
from pqlkit.times import iso_z

if TYPE_CHECKING:
    from pqlkit.model.loader import LoadedModel
    from pqlkit.store.store import Store

BUCKETS: tuple[tuple[str, timedelta | None], ...] = (
    ("< 1h", timedelta(hours=1)),
    ("1-4h", timedelta(hours=4)),
    ("4-24h", timedelta(hours=24)),
    ("> 24h", None),
)
NEVER = "never touched"
UNROUTED = "(not routed)"
NO_OWNER = "(no owner)"
DEFAULT_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class Lead:
    kind: str  # alert | lead
    lead_id: str  # the alert id, or the assignment's hand-off key
    entity_id: str
    model: str
    path: str
    owner: str
    start: datetime
    due: datetime
    first_touch: datetime | None = None
    touch_source: str | None = None
    converted_at: datetime | None = None  # within the window of the start

    @property
    def response(self) -> timedelta | None:
        return None if self.first_touch is None else max(self.first_touch - self.start, timedelta())

    def breached(self, now: datetime) -> bool:
        if self.first_touch is not None:
            return self.first_touch > self.due
        return now > self.due

    def overdue(self, now: datetime) -> bool:
        return self.first_touch is None and now > self.due

    @property
    def bucket(self) -> str:
        response = self.response
        if response is None:
            return NEVER
        for name, limit in BUCKETS:
            if limit is None or response < limit:
                return name
        raise AssertionError("the last bucket has no limit")

    def as_json(self) -> dict[str, Any]:
        response = self.response
        return {
            "kind": self.kind,
            "lead_id": self.lead_id,
            "entity_id": self.entity_id,
            "model": self.model,
            "path": self.path,
            "owner": self.owner,
            "start": iso_z(self.start, "seconds"),
            "due": iso_z(self.due, "seconds"),
            "first_touch": iso_z(self.first_touch, "seconds"),
            "touch_source": self.touch_source,
            "response_hours": None if response is None else round(hours(response), 3),
            "bucket": self.bucket,
            "converted_at": iso_z(self.converted_at, "seconds"),
        }


@dataclass(frozen=True)
class Group:
    """Response times of a set of leads (all of them, one path's, one owner's)."""

    name: str
    leads: int
    touched: int
    median_hours: float | None
    p90_hours: float | None
    within_sla: int  # touched by the deadline
    breaches: int  # touched late, or untouched past the deadline
    open_overdue: int  # untouched past the deadline now

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Bucket:
    name: str
    leads: int
    converted: int

    @property
    def rate(self) -> float | None:
        return self.converted / self.leads if self.leads else None

    def as_json(self) -> dict[str, Any]:
        return {**self.__dict__, "rate": self.rate}


@dataclass(frozen=True)
class SlaReport:
    since: datetime
    until: datetime
    now: datetime
    window: timedelta
    conversion: str  # where conversions come from
    leads: tuple[Lead, ...]

    @property
    def total(self) -> Group:
        return summarise("all leads", self.leads, self.now)

    def by(self, attribute: str) -> list[Group]:
        groups: dict[str, list[Lead]] = defaultdict(list)
        for lead in self.leads:
            groups[getattr(lead, attribute)].append(lead)
        return [summarise(name, groups[name], self.now) for name in sorted(groups)]

    @property
    def buckets(self) -> list[Bucket]:
        """Conversion by response time, among leads whose window has passed (or converted)."""
        counts: dict[str, list[int]] = {name: [0, 0] for name, _ in BUCKETS}
        counts[NEVER] = [0, 0]
        for lead in self.leads:
            if lead.converted_at is None and lead.start + self.window > self.now:
                continue  # still inside its window: not converted *yet*
            counts[lead.bucket][0] += 1
            counts[lead.bucket][1] += lead.converted_at is not None
        return [Bucket(name, *counts[name]) for name in counts]

    def as_json(self) -> dict[str, Any]:
        return {
            "since": iso_z(self.since, "seconds"),
            "until": iso_z(self.until, "seconds"),
            "now": iso_z(self.now, "seconds"),
            "conversion_window_days": self.window / timedelta(days=1),
            "conversion": self.conversion,
            "total": self.total.as_json(),
            "by_path": [g.as_json() for g in self.by("path")],
            "by_owner": [g.as_json() for g in self.by("owner")],
            "conversion_by_response": [b.as_json() for b in self.buckets],
            "open_overdue": [
                lead.as_json()
                for lead in sorted(self.leads, key=lambda lead: lead.due)
                if lead.overdue(self.now)
            ],
            "leads": [lead.as_json() for lead in self.leads],
        }


def summarise(name: str, leads: Sequence[Lead], now: datetime) -> Group:
    responses = sorted(hours(r) for lead in leads if (r := lead.response) is not None)
    return Group(
        name=name,
        leads=len(leads),
        touched=len(responses),
        median_hours=percentile(responses, 0.5),
        p90_hours=percentile(responses, 0.9),
        within_sla=sum(
            1 for lead in leads if lead.first_touch is not None and not lead.breached(now)
        ),
        breaches=sum(1 for lead in leads if lead.breached(now)),
        open_overdue=sum(1 for lead in leads if lead.overdue(now)),
    )


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between the closest ranks (numpy's default) of sorted values."""
    if not values:
        return None
    position = (len(values) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    value = values[low] + (values[high] - values[low]) * (position - low)
    return round(value, 3)


def hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


# -- reading the leads --------------------------------------------------------------------------


def sla_report(
    store: Store,
    *,
    since: datetime,
    until: datetime,
    now: datetime,
    model: LoadedModel | None = None,
    window: timedelta = DEFAULT_WINDOW,
) -> SlaReport:
    """The leads that started in [since, until) — of ``model`` when one is given — with their
    response times and conversions."""
    name = model.model.name if model is not None else None
    leads = alert_leads(store, since, until, name) + routed_leads(store, since, until, name)
    converted = conversions(store, model, now)
    source = "converted feedback"
    if model is not None:
        source = f"model {model.model.name}'s conversion ({_conversion_text(model)}) and " + source
    done = tuple(
        _with_conversion(lead, converted.get(lead.entity_id, ()), window)
        for lead in sorted(leads, key=lambda lead: (lead.start, lead.lead_id))
    )
    return SlaReport(since, until, now, window, source, done)


def _conversion_text(model: LoadedModel) -> str:
    conversion = model.model.conversion
    if conversion.event is not None:
        return f"event {conversion.event!r}"
    return f"trait {conversion.trait} = {conversion.equals!r}"


def _with_conversion(lead: Lead, times: Iterable[datetime], window: timedelta) -> Lead:
    from dataclasses import replace

    within = [t for t in times if lead.start <= t <= lead.start + window]
    return replace(lead, converted_at=min(within)) if within else lead


def conversions(
    store: Store, model: LoadedModel | None, end: datetime
) -> dict[str, list[datetime]]:
    """Entity → its conversion times: the model's definition in the events (when a model is
    given) and every ``converted`` feedback."""
    found: dict[str, list[datetime]] = defaultdict(list)
    for entity, at in query(
        store,
        'SELECT entity_id, "at" FROM feedback WHERE label = \'converted\' AND "at" <= ?',
        [end],
    ):
        found[str(entity)].append(at)
    if model is not None:
        from pqlkit.learn.outcomes import conversion_times

        for entity, at in conversion_times(store.events, model.model, end).items():
            found[entity].append(at)
    return dict(found)


def alert_leads(store: Store, since: datetime, until: datetime, model: str | None) -> list[Lead]:
    """Alerts fired in [since, until), with the path and owner their routing chose."""
    sql = (
        "SELECT a.alert_id, a.entity_id, a.model, a.fired_at, a.deadline, a.first_touch_at, "
        "a.first_touch_source, s.path, s.owner_name, s.owner_id, s.sla_due "
        "FROM alerts a LEFT JOIN assignments s "
        "ON s.source = 'alert' AND s.handoff_key = 'alert:' || a.alert_id "
        "WHERE a.fired_at >= ? AND a.fired_at < ? AND a.status <> 'closed'"
    )
    params: list[Any] = [since, until]
    if model is not None:
        sql += " AND a.model = ?"
        params.append(model)
    leads = {}
    rows = query(store, sql, params)
    names = owner_store.owner_names(store, [str(r[9]) for r in rows if r[9] and not r[8]])
    for row in rows:
        alert_id, entity, name, fired, deadline, touched, source = row[:7]
        path, owner_name, owner_id, sla_due = row[7:]
        owner_name = owner_name or names.get(str(owner_id))
        leads[alert_id] = Lead(
            kind="alert",
            lead_id=str(alert_id),
            entity_id=str(entity),
            model=str(name),
            path=str(path or UNROUTED),
            owner=str(owner_name or owner_id or NO_OWNER),
            start=fired,
            due=sla_due or deadline,
            first_touch=touched,
            touch_source=source or ("feedback" if touched is not None else None),
        )
    return list(leads.values())


def routed_leads(store: Store, since: datetime, until: datetime, model: str | None) -> list[Lead]:
    """Leads ``pql route`` assigned in [since, until) on a path with an SLA."""
    sql = (
        "SELECT entity_id, model, path, owner_name, owner_id, assigned_at, sla_due, handoff_key "
        "FROM assignments WHERE source = 'route' AND sla_due IS NOT NULL "
        "AND assigned_at < ?"
    )
    params: list[Any] = [until]
    if model is not None:
        sql += " AND model = ?"
        params.append(model)
    rows = sorted(query(store, sql, params), key=lambda r: (r[0], r[1], r[5], r[7]))
    touches = touch_times(store, sorted({str(r[0]) for r in rows}))
    names = owner_store.owner_names(store, [str(r[4]) for r in rows if r[4] and not r[3]])
    leads: list[Lead] = []
    current: dict[tuple[str, str], Lead] = {}
    for entity, name, path, owner_name, owner_id, assigned, due, key in rows:
        open_lead = current.get((entity, name))
        if open_lead is not None and (
            open_lead.first_touch is None or open_lead.first_touch > assigned
        ):
            continue  # re-routed before anyone touched it: the same lead
        first = next(
            (
                (t.at, t.source)
                for t in touches.get(entity, ())
                if t.at >= assigned and t.counts_for(owner_id)
            ),
            (None, None),
        )
        owner_name = owner_name or names.get(str(owner_id))
        lead = Lead(
            kind="lead",
            lead_id=str(key),
            entity_id=str(entity),
            model=str(name),
            path=str(path),
            owner=str(owner_name or owner_id or NO_OWNER),
            start=assigned,
            due=due,
            first_touch=first[0],
            touch_source=first[1],
        )
        current[(entity, name)] = lead
        if assigned >= since:
            leads.append(lead)
    return leads


@dataclass(frozen=True)
class Touch:
    at: datetime
    source: str  # feedback:<source> | crm:<destination>
    crm_owner: str | None = None  # a CRM activity's owner

    def counts_for(self, owner_id: str | None) -> bool:
        """A lead's first touch is its owner's: feedback (a person said so) always counts; a
        CRM activity counts when the lead has no owner or the activity is the owner's."""
        return not self.source.startswith("crm:") or not owner_id or self.crm_owner == owner_id


def touch_times(store: Store, entities: Sequence[str]) -> Mapping[str, list[Touch]]:
    """Entity → its touches, oldest first: touching feedback and CRM activities (with who)."""
    found: dict[str, list[Touch]] = defaultdict(list)
    for start in range(0, len(entities), 500):
        chunk = list(entities[start : start + 500])
        labels = list(TOUCHES)
        for entity, at, source in query(
            store,
            f'SELECT entity_id, "at", source FROM feedback'
            f" WHERE entity_id IN ({marks(chunk)}) "
            f"AND label IN ({marks(labels)})",
            [*chunk, *labels],
        ):
            found[str(entity)].append(Touch(at, f"feedback:{source}"))
        for entity, at, destination, owner in query(
            store,
            'SELECT entity_id, "at", destination, owner_id FROM crm_touches '
            f"WHERE entity_id IN ({marks(chunk)})",
            chunk,
        ):
            found[str(entity)].append(
                Touch(at, f"crm:{destination}", str(owner) if owner else None)
            )
    for values in found.values():
        values.sort(key=lambda t: (t.at, t.source, t.crm_owner or ""))
    return found
