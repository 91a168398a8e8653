"""The model file's schema: immutable pydantic objects, one class per idea.

A model file says whom it scores (``entity``, ``population``), how this product names things
(``vocabulary``), what it measures (``signals``), how measurements become points (``layers`` of
``rules``), a yes/no (``qualify``) or a probability (``type: predictive``, :class:`Predictive`),
where the tiers start (``tiers``), which signals must act now (``triggers``) and what counts as
converting (``conversion``). See docs/model.md.

Field names here are the YAML keys. Semantic checks that need the whole model (references,
bands, caps, thresholds) live in :mod:`pqlkit.model.validate`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from pqlkit.model.durations import parse_duration


def _duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    return parse_duration(str(value))


Duration = Annotated[timedelta, BeforeValidator(_duration)]
Scalar = str | int | float | bool
Names = str | list[str]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# -- conditions --------------------------------------------------------------------------------


class Condition(Frozen):
    """A test on one value. With no test, a value passes when it is true or above zero."""

    at_least: float | None = None
    at_most: float | None = None
    between: tuple[float, float] | None = None
    equals: Scalar | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None
    matches_any: list[str] | None = None  # case-insensitive keywords (job-title personas)
    is_: bool | None = Field(default=None, alias="is")

    def tests(self) -> list[str]:
        return [
            name
            for name in (
                "at_least",
                "at_most",
                "between",
                "equals",
                "in_",
                "not_in",
                "matches_any",
                "is_",
            )
            if getattr(self, name) is not None
        ]


# -- signals -----------------------------------------------------------------------------------


class EventMatch(Frozen):
    """Which calls a signal looks at: track events by name, or page views by page name."""

    event: Names | None = None
    page: Names | None = None
    where: dict[str, Scalar | list[Scalar] | Condition] = Field(default_factory=dict)


class Windowed(EventMatch):
    """A time window: the ``window`` ending at the scoring time, or what happened by ``within``
    after the entity's start (its first sign-up, else its first event), or all history when
    neither is given.

    ``scope: account`` measures the events of the whole account a user belongs to (a user
    model's "active teammates"); the default measures the scored entity's own events."""

    window: Duration | None = None
    within: Duration | None = None
    scope: Literal["entity", "account"] = "entity"


class Count(Windowed):
    kind: Literal["count"] = "count"


class Aggregate(Windowed):
    kind: Literal["aggregate"] = "aggregate"
    property: str
    fn: Literal["sum", "max", "min", "avg", "last", "distinct"] = "sum"
    type: Literal["number", "string", "boolean"] = "number"  # of the value ``last`` reads

    @model_validator(mode="after")
    def _typed_last_only(self) -> Aggregate:
        if self.type != "number" and self.fn != "last":
            raise ValueError(
                f"type: {self.type} is for fn: last; {self.fn} works on numbers (leave type out)"
            )
        return self


class ActiveDays(Windowed):
    kind: Literal["active_days"] = "active_days"


class Sessions(Windowed):
    kind: Literal["sessions"] = "sessions"
    timeout: Duration = timedelta(minutes=30)


class Distinct(Windowed):
    """Distinct values: event names (features used), a property's values, active users
    (``user``: teammates with product activity) or ``member``s (anyone with any call)."""

    kind: Literal["distinct"] = "distinct"
    of: str = "event"  # "event", "user", "member" or "property:<name>"


class DaysSince(EventMatch):
    kind: Literal["days_since"] = "days_since"
    which: Literal["first", "last"] = "last"


class TimeBetween(Frozen):
    """Days from the first ``start`` event to the first ``end`` event after it."""

    kind: Literal["time_between"] = "time_between"
    start: Names
    end: Names


class Step(Frozen):
    event: Names | None = None
    page: Names | None = None
    where: dict[str, Scalar | list[Scalar] | Condition] = Field(default_factory=dict)
    at_least: int = 1


class Milestone(Frozen):
    """All ``steps`` done (in order when ``ordered``), within ``within`` of the start if given."""

    kind: Literal["milestone"] = "milestone"
    steps: list[Step | str] | str
    ordered: bool = False
    within: Duration | None = None


class Trait(Frozen):
    kind: Literal["trait"] = "trait"
    name: str
    of: Literal["user", "account"] = "user"
    type: Literal["number", "string", "boolean"] = "string"


class Trend(Windowed):
    """This ``window`` against the one before it: ``change`` (difference) or ``ratio``."""

    kind: Literal["trend"] = "trend"
    measure: Literal["change", "ratio"] = "change"


class Rollup(Frozen):
    """An account signal from its users' values of a user-level signal."""

    kind: Literal["rollup"] = "rollup"
    signal: str
    fn: Literal["sum", "max", "min", "avg", "count"] = "sum"
    where: Condition | None = None  # with fn: count, the users whose value passes


SignalKind = (
    Count
    | Aggregate
    | ActiveDays
    | Sessions
    | Distinct
    | DaysSince
    | TimeBetween
    | Milestone
    | Trait
    | Trend
    | Rollup
)
SIGNAL_KINDS: dict[str, type[Frozen]] = {
    "count": Count,
    "aggregate": Aggregate,
    "active_days": ActiveDays,
    "sessions": Sessions,
    "distinct": Distinct,
    "days_since": DaysSince,
    "time_between": TimeBetween,
    "milestone": Milestone,
    "trait": Trait,
    "trend": Trend,
    "rollup": Rollup,
}


class Signal(Frozen):
    """A named measurement: exactly one kind key (``count: {...}``, ``sessions: {...}``…)."""

    spec: SignalKind = Field(discriminator="kind")
    description: str | None = None
    level: Literal["user", "account"] | None = None  # in account models: a per-user signal

    @model_validator(mode="before")
    @classmethod
    def _one_kind(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "spec" in data:
            return data
        kinds = [key for key in data if key in SIGNAL_KINDS]
        unknown = [key for key in data if key not in SIGNAL_KINDS and key not in cls.model_fields]
        if not kinds and unknown:
            from pqlkit.model.issues import did_you_mean

            hint = did_you_mean(str(unknown[0]), list(SIGNAL_KINDS))
            raise ValueError(f"unknown signal kind {unknown[0]!r}.{hint}")
        if len(kinds) != 1:
            known = ", ".join(SIGNAL_KINDS)
            found = ", ".join(kinds) or "none"
            raise ValueError(f"a signal needs exactly one kind ({known}); found {found}")
        kind = kinds[0]
        body = data[kind] if data[kind] is not None else {}
        if not isinstance(body, dict):
            raise ValueError(f"{kind}: expected a mapping of options")
        rest = {k: v for k, v in data.items() if k != kind}
        return {"spec": {**body, "kind": kind}, **rest}

    @property
    def kind(self) -> str:
        return self.spec.kind


# -- scoring -----------------------------------------------------------------------------------


class Band(Frozen):
    """``from``–``to`` inclusive (``to`` open-ended when absent) → ``points``."""

    from_: float = Field(alias="from")
    to: float | None = None
    points: float


class Rule(Condition):
    """Points for one signal: ``points`` when the condition holds, or ``bands``."""

    signal: str
    points: float | None = None
    bands: list[Band] | None = None
    label: str | None = None  # how reasons name it; default from the signal


class Layer(Frozen):
    rules: list[Rule]
    cap: float | None = None
    combine: Literal["sum", "best"] = "sum"  # best: only the highest rule counts ("max of")
    description: str | None = None


class Tiers(Frozen):
    """Score thresholds, lowest first: at or above ``pql`` is a PQL, at or above ``hot`` is hot."""

    pql: float
    hot: float | None = None


class Qualify(Frozen):
    """A threshold model: ``all`` conditions (AND) and/or ``any`` of them (OR)."""

    all: list[Rule] = Field(default_factory=list)
    any: list[Rule] = Field(default_factory=list)


Source = Literal["server", "browser", "import"]  # secret write keys, public ones, files/tables
TRUSTED_SOURCES: tuple[Source, ...] = ("server", "import")


class Trigger(Frozen):
    """A hot signal that must act now: fires at the event that makes it true.

    The simple form fires on any matching event; with ``at_least`` it fires when the count of
    matching events (with ``distinct: user``, of users' first matching events) in the last
    ``within`` reaches it, counted per entity, ``per: account`` or ``per: domain``. Events from
    the ``sources`` it does not trust (by default, browser write keys) never fire it. The exact
    semantics, shared by batch and real-time evaluation: :mod:`pqlkit.triggers`.
    """

    event: Names | None = None
    page: Names | None = None
    where: dict[str, Scalar | list[Scalar] | Condition] = Field(default_factory=dict)
    at_least: int = 1
    within: Duration | None = None
    distinct: Literal["user"] | None = None
    per: Literal["entity", "account", "domain"] = "entity"
    respond_within: Duration
    cooldown: Duration = timedelta(days=7)
    assign_to: Literal["user", "most_senior"] = "user"
    sources: list[Source] = Field(default_factory=lambda: list(TRUSTED_SOURCES))
    description: str | None = None


class Conversion(Frozen):
    """What marks a converted entity: an event, or a trait reaching a value."""

    event: Names | None = None
    trait: str | None = None
    equals: Scalar | None = None


class Predictive(Frozen):
    """A predictive model file: a trained artifact over the signals of the model it ``extends``.

    It scores that model's population with its signals, triggers and conversion; the trained
    model (``pql train``) turns the signals into a probability of converting within the
    training horizon, and ``tiers`` are probabilities (default: PQL at 0.2, hot at 0.5).
    Paths are relative to the model file. Loaded by :mod:`pqlkit.model.predictive`.
    """

    name: str
    type: Literal["predictive"]
    description: str | None = None
    extends: str  # a model file (relative to this one) or a template name
    artifact: str  # what `pql train --out` wrote
    tiers: Tiers = Tiers(pql=0.2, hot=0.5)


class Model(Frozen):
    name: str
    entity: Literal["user", "account"] = "user"
    type: Literal["points", "threshold", "predictive"] = "points"
    description: str | None = None
    population: Literal["free", "paying", "all"] = "free"
    vocabulary: dict[str, Names] = Field(default_factory=dict)
    signals: dict[str, Signal]
    layers: dict[str, Layer] = Field(default_factory=dict)
    require_layers: list[str] = Field(default_factory=list)
    qualify: Qualify | None = None
    tiers: Tiers | None = None
    triggers: dict[str, Trigger] = Field(default_factory=dict)
    watermark: Duration = timedelta(hours=1)  # events later than this never fire a trigger
    conversion: Conversion = Conversion(event="Subscription Started")
    # predictive models only: the model whose signals they read, and the trained artifact
    extends: str | None = None
    artifact: str | None = None
