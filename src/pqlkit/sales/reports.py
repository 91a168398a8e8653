"""What ``pql sla`` and ``pql review`` ask for, and the JSON they answer — run here on the store,
or by the server that owns it (``POST /admin/sla``, ``/admin/review``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pqlkit.errors import ConfigError
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.store.store import Store

DEFAULT_PERIOD = timedelta(days=90)


@dataclass(frozen=True)
class ReportRequest:
    model: str | None = None  # a model file or template; the review needs one
    since: datetime | None = None  # default: 90 days before ``until``
    until: datetime | None = None  # default: now
    window: str = "30d"  # how soon a conversion must follow a lead
    capacity: str | None = None  # the review's: 150/week … (default: the routing file's)
    routing: str | None = None  # the routing file (default: routing.yaml beside the model)

    def period(self, now: datetime) -> tuple[datetime, datetime]:
        until = self.until or now
        if self.since is not None:
            since = self.since
        elif until - datetime.min < DEFAULT_PERIOD:  # the days before it: before year 1
            shown = until.isoformat(sep=" ", timespec="minutes")  # %Y drops a year's zeros
            raise ConfigError(f"--to ({shown}) leaves no 90 days before it")
        else:
            since = until - DEFAULT_PERIOD
        if since >= until:
            raise ConfigError(f"--from ({since:%Y-%m-%d %H:%M}) must be before --to")
        return since, until

    def window_delta(self) -> timedelta:
        from pqlkit.model.durations import parse_duration

        try:
            return parse_duration(self.window)
        except ValueError as exc:
            raise ConfigError(f"--window: {exc}") from None


def run_sla(store: Store, request: ReportRequest, now: datetime | None = None) -> dict[str, Any]:
    from pqlkit.model.loader import load
    from pqlkit.sales.sla import sla_report

    moment = now or utc_now()
    model = load(request.model) if request.model else None
    since, until = request.period(moment)
    report = sla_report(
        store, since=since, until=until, now=moment, model=model, window=request.window_delta()
    )
    return report.as_json()


def run_review(store: Store, request: ReportRequest, now: datetime | None = None) -> dict[str, Any]:
    from pqlkit.model.durations import per_week
    from pqlkit.model.loader import load
    from pqlkit.sales.review import review

    if not request.model:
        raise ConfigError("pql review needs --model: the review is of a PQL definition")
    moment = now or utc_now()
    model = load(request.model)
    capacity, source = capacity_of(request, set(model.model.signals))
    if request.capacity is not None:
        try:
            capacity, source = per_week(request.capacity), "--capacity"
        except ValueError as exc:
            raise ConfigError(f"--capacity: {exc}") from None
    since, until = request.period(moment)
    done = review(
        store,
        model,
        since=since,
        until=until,
        now=moment,
        capacity_per_week=capacity,
        capacity_source=source,
        window=request.window_delta(),
    )
    return done.as_json()


def capacity_of(request: ReportRequest, signals: set[str]) -> tuple[float | None, str | None]:
    """The routing file's ``capacity`` (the file given, else routing.yaml beside the model)."""
    from pqlkit.model.durations import per_week
    from pqlkit.routing.config import beside, load_routing

    path = request.routing or (beside(request.model) if request.model else None)
    if path is None:
        return None, None
    routing = load_routing(path, signals=signals)
    if routing.spec.capacity is None:
        return None, None
    return per_week(routing.spec.capacity), f"{path}: capacity {routing.spec.capacity}"
