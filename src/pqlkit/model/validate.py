"""Semantic checks that need the whole model: every issue at once, each with its line.

Errors: unknown references (signals, layers, vocabulary entries), tests that do not fit a
signal's type, rules with both or neither of ``points`` and ``bands``, bands out of order or
overlapping, a layer cap below one rule's points, tiers out of order, a threshold model without
conditions. Warnings: event names the store has never seen, thresholds no entity can reach.
"""

from __future__ import annotations

from collections.abc import Iterator

from pqlkit.model.issues import Issue, did_you_mean
from pqlkit.model.schema import (
    Aggregate,
    Condition,
    EventMatch,
    Milestone,
    Model,
    Rollup,
    Rule,
    Signal,
    Step,
    TimeBetween,
    Trait,
    Trigger,
)

Path_ = tuple[str | int, ...]
NUMERIC_TESTS = ("at_least", "at_most", "between")
DISTINCT_OF = ("event", "user", "member")


def value_type(signal: Signal) -> str:
    """``number``, ``string`` or ``boolean``: what a signal's value is."""
    spec = signal.spec
    if isinstance(spec, Milestone):
        return "boolean"
    if isinstance(spec, Trait):
        return spec.type
    if isinstance(spec, Aggregate) and spec.fn == "last":
        return spec.type
    return "number"


class _Checker:
    def __init__(self, model: Model, source: str, lines: dict[Path_, int]) -> None:
        self.model = model
        self.source = source
        self.lines = lines
        self.issues: list[Issue] = []

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def error(self, path: Path_, message: str) -> None:
        self.issues.append(Issue(self.source, self.line(path), message))

    def warn(self, path: Path_, message: str) -> None:
        self.issues.append(Issue(self.source, self.line(path), message, "warning"))

    # -- references -----------------------------------------------------------------------

    def names(self, value: str | list[str] | None, path: Path_) -> list[str]:
        """Event or page names with ``$vocabulary`` entries expanded (unknown ones reported)."""
        if value is None:
            return []
        items = [value] if isinstance(value, str) else list(value)
        out: list[str] = []
        for index, item in enumerate(items):
            where = path if isinstance(value, str) else (*path, index)
            if item.startswith("$"):
                key = item[1:]
                if key not in self.model.vocabulary:
                    hint = did_you_mean(key, list(self.model.vocabulary))
                    hint = hint.replace("mean '", "mean '$")
                    self.error(where, f"{item!r} is not in the vocabulary.{hint}")
                    continue
                entry = self.model.vocabulary[key]
                out.extend([entry] if isinstance(entry, str) else entry)
            else:
                out.append(item)
        return out

    def signal_ref(self, name: str, path: Path_) -> Signal | None:
        signal = self.model.signals.get(name)
        if signal is None:
            hint = did_you_mean(name, list(self.model.signals))
            self.error(path, f"signal {name!r} is not defined.{hint}")
        return signal

    # -- checks ---------------------------------------------------------------------------

    def event_names(self) -> Iterator[tuple[Path_, list[str], str]]:
        """Every event or page name the model refers to, with where and what kind."""
        for name, signal in self.model.signals.items():
            base: Path_ = ("signals", name, signal.kind)
            spec = signal.spec
            if isinstance(spec, EventMatch):
                yield (*base, "event"), self.names(spec.event, (*base, "event")), "event"
                yield (*base, "page"), self.names(spec.page, (*base, "page")), "page"
            if isinstance(spec, TimeBetween):
                yield (*base, "start"), self.names(spec.start, (*base, "start")), "event"
                yield (*base, "end"), self.names(spec.end, (*base, "end")), "event"
            if isinstance(spec, Milestone):
                steps = spec.steps if isinstance(spec.steps, list) else [spec.steps]
                for index, step in enumerate(steps):
                    where: Path_ = (*base, "steps", index)
                    if isinstance(step, str):
                        yield where, self.names(step, where), "event"
                    else:
                        yield (*where, "event"), self.names(step.event, (*where, "event")), "event"
                        yield (*where, "page"), self.names(step.page, (*where, "page")), "page"
        for name, trigger in self.model.triggers.items():
            base = ("triggers", name)
            yield (*base, "event"), self.names(trigger.event, (*base, "event")), "event"
            yield (*base, "page"), self.names(trigger.page, (*base, "page")), "page"
        conversion = self.model.conversion
        yield (
            ("conversion", "event"),
            self.names(conversion.event, ("conversion", "event")),
            "event",
        )

    def signals(self) -> None:
        model = self.model
        for name, signal in model.signals.items():
            path: Path_ = ("signals", name, signal.kind)
            spec = signal.spec
            window, within = getattr(spec, "window", None), getattr(spec, "within", None)
            if window is not None and within is not None and not isinstance(spec, Milestone):
                self.error(
                    path,
                    f"signal {name!r}: give window (ending at the scoring time) or within (after the start), not both",
                )
            if isinstance(spec, EventMatch) and spec.event is not None and spec.page is not None:
                self.error(path, f"signal {name!r}: match an event or a page, not both")
            if signal.kind == "trend" and window is None:
                self.error(
                    path,
                    f"signal {name!r}: a trend needs a window to compare with the one before it",
                )
            if signal.kind == "distinct":
                of = spec.of  # type: ignore[union-attr]
                if of not in DISTINCT_OF and not of.startswith("property:"):
                    self.error(
                        (*path, "of"),
                        f"signal {name!r}: distinct of {of!r}: use event, user, member or property:<name>",
                    )
            if isinstance(spec, Milestone):
                steps = spec.steps if isinstance(spec.steps, list) else [spec.steps]
                if not steps:
                    self.error(path, f"signal {name!r}: a milestone needs at least one step")
                for index, step in enumerate(steps):
                    if isinstance(step, Step) and (step.event is None) == (step.page is None):
                        self.error(
                            (*path, "steps", index),
                            f"signal {name!r}: each step names an event or a page",
                        )
            if isinstance(spec, Rollup):
                if model.entity != "account":
                    self.error(
                        path,
                        f"signal {name!r}: a rollup belongs in an account model (entity: account)",
                    )
                target = self.signal_ref(spec.signal, (*path, "signal"))
                if target is not None and target.level != "user":
                    self.error(
                        (*path, "signal"),
                        f"signal {name!r}: rolls up {spec.signal!r}, which is not marked level: user",
                    )
                if (
                    spec.fn == "count"
                    and spec.where is None
                    and target is not None
                    and value_type(target) != "boolean"
                ):
                    self.error(path, f"signal {name!r}: fn: count needs where: (which users count)")
            if signal.level == "user" and model.entity != "account":
                self.error(
                    ("signals", name, "level"),
                    f"signal {name!r}: level: user only means something in an account model",
                )

    def condition(self, cond: Condition, signal: Signal | None, path: Path_, what: str) -> None:
        if signal is None:
            return
        kind = value_type(signal)
        tests = cond.tests()
        if len(tests) > 1:
            self.error(
                path, f"{what}: one test per rule, found {', '.join(t.rstrip('_') for t in tests)}"
            )
        for test in tests:
            if test in NUMERIC_TESTS and kind != "number":
                self.error(path, f"{what}: {test} needs a number, but the signal is a {kind}")
            if test == "matches_any" and kind != "string":
                self.error(path, f"{what}: matches_any needs text, but the signal is a {kind}")
            if test == "is_" and kind != "boolean":
                self.error(path, f"{what}: is needs a yes/no signal, but the signal is a {kind}")
        if cond.between is not None and cond.between[0] > cond.between[1]:
            self.error(path, f"{what}: between {list(cond.between)} runs backwards")

    def rule(self, rule: Rule, path: Path_, what: str, scored: bool) -> float:
        """Check one rule; return the most points it can give."""
        signal = self.signal_ref(rule.signal, (*path, "signal"))
        if signal is not None and signal.level == "user":
            self.error(
                (*path, "signal"),
                f"{what}: {rule.signal!r} is a per-user signal; score a rollup of it",
            )
        if rule.bands is not None:
            if rule.points is not None:
                self.error(path, f"{what}: give points or bands, not both")
            if rule.tests():
                self.error(
                    path,
                    f"{what}: bands carry their own ranges; drop {', '.join(t.rstrip('_') for t in rule.tests())}",
                )
            if signal is not None and value_type(signal) != "number":
                self.error(
                    path,
                    f"{what}: bands need a number, but {rule.signal!r} is a {value_type(signal)}",
                )
            return self.bands(rule, path, what)
        self.condition(rule, signal, path, what)
        if scored and rule.points is None:
            self.error(path, f"{what}: say how many points (points: N) or give bands")
        if not scored and rule.points is not None:
            self.error((*path, "points"), f"{what}: a threshold model's conditions carry no points")
        return rule.points or 0.0

    def bands(self, rule: Rule, path: Path_, what: str) -> float:
        bands = rule.bands or []
        if not bands:
            self.error(path, f"{what}: bands is empty")
            return 0.0
        previous_end: float | None = None
        for index, band in enumerate(bands):
            where: Path_ = (*path, "bands", index)
            if band.to is not None and band.to < band.from_:
                self.error(
                    where,
                    f"{what}: band {index + 1} runs backwards (from {band.from_:g} to {band.to:g})",
                )
            if index > 0:
                before = bands[index - 1]
                if band.from_ < before.from_:
                    self.error(
                        where,
                        f"{what}: bands are out of order (from {band.from_:g} after from {before.from_:g})",
                    )
                elif previous_end is None or band.from_ <= previous_end:
                    upto = "no end" if previous_end is None else f"{previous_end:g}"
                    self.error(
                        where,
                        f"{what}: band {index + 1} (from {band.from_:g}) overlaps band {index} (up to {upto})",
                    )
            previous_end = band.to
        return max(band.points for band in bands)

    def layers(self) -> float:
        model = self.model
        total = 0.0
        if model.type == "points" and not model.layers:
            self.error(
                ("signals",) if not self.lines.get(("layers",)) else ("layers",),
                "a points model needs layers of rules",
            )
        for name, layer in model.layers.items():
            path: Path_ = ("layers", name)
            best = []
            for index, rule in enumerate(layer.rules):
                what = f"layer {name!r} rule {index + 1}"
                best.append(self.rule(rule, (*path, "rules", index), what, scored=True))
            if not layer.rules:
                self.error(path, f"layer {name!r} has no rules")
            most = (max(best) if layer.combine == "best" else sum(best)) if best else 0.0
            if layer.cap is not None:
                for index, points in enumerate(best):
                    if points > layer.cap:
                        self.error(
                            (*path, "cap"),
                            f"layer {name!r}: cap {layer.cap:g} is below rule {index + 1}'s {points:g} points, which it could never give",
                        )
                most = min(most, layer.cap)
            total += most
        for index, name in enumerate(model.require_layers):
            if name not in model.layers:
                self.error(
                    ("require_layers", index),
                    f"layer {name!r} is not defined.{did_you_mean(name, list(model.layers))}",
                )
        return total

    def tiers(self, most: float) -> None:
        model = self.model
        if model.type == "points" and model.tiers is None:
            self.error(("name",), "a points model needs tiers (pql: N, hot: M)")
            return
        if model.tiers is None:
            return
        tiers = model.tiers
        if tiers.hot is not None and tiers.hot <= tiers.pql:
            self.error(
                ("tiers", "hot"),
                f"tiers out of order: hot ({tiers.hot:g}) must be above pql ({tiers.pql:g})",
            )
        if model.type == "points" and tiers.pql > most:
            self.warn(
                ("tiers", "pql"),
                f"pql threshold {tiers.pql:g} is above the highest possible score {most:g}",
            )

    def qualify(self) -> None:
        model = self.model
        if model.type != "threshold":
            if model.qualify is not None:
                self.error(("qualify",), "qualify: belongs to a threshold model (type: threshold)")
            return
        if model.qualify is None or not (model.qualify.all or model.qualify.any):
            self.error(("type",), "a threshold model needs qualify: with all: or any: conditions")
            return
        for group in ("all", "any"):
            for index, rule in enumerate(getattr(model.qualify, group)):
                self.rule(
                    rule,
                    ("qualify", group, index),
                    f"qualify.{group} condition {index + 1}",
                    scored=False,
                )

    def triggers(self) -> None:
        for name, trigger in self.model.triggers.items():
            path: Path_ = ("triggers", name)
            self.trigger(name, trigger, path)

    def trigger(self, name: str, trigger: Trigger, path: Path_) -> None:
        if (trigger.event is None) == (trigger.page is None):
            self.error(path, f"trigger {name!r}: name the event or the page that fires it")
        if trigger.at_least > 1 and trigger.within is None:
            self.error(
                path,
                f"trigger {name!r}: at_least {trigger.at_least} needs within: (the sliding window)",
            )
        if trigger.distinct == "user" and trigger.per == "entity" and self.model.entity == "user":
            self.error(
                path,
                f"trigger {name!r}: distinct users of one user is always 1; count per: domain or per: account",
            )
        if (
            trigger.assign_to == "most_senior"
            and trigger.per == "entity"
            and self.model.entity == "user"
        ):
            self.error(
                path, f"trigger {name!r}: assign_to: most_senior needs per: domain or per: account"
            )
        if not trigger.sources:
            self.error(
                (*path, "sources"),
                f"trigger {name!r}: sources is empty, so nothing could fire it; list server, browser or import",
            )

    def conversion(self) -> None:
        conversion = self.model.conversion
        if (conversion.event is None) == (conversion.trait is None):
            self.error(("conversion",), "conversion: give an event or a trait (with equals:)")
        if conversion.trait is not None and conversion.equals is None:
            self.error(
                ("conversion", "trait"),
                "conversion: a trait needs equals: (the value that means converted)",
            )

    def unseen(self, referenced: list[tuple[Path_, list[str], str]], known: set[str]) -> None:
        for path, names, kind in referenced:
            if kind != "event":
                continue
            for name in names:
                if name not in known:
                    hint = did_you_mean(name, known)
                    self.warn(path, f"event {name!r} has never been seen in the store.{hint}")


def check_model(
    model: Model, source: str, lines: dict[Path_, int], *, known_events: set[str] | None = None
) -> list[Issue]:
    checker = _Checker(model, source, lines)
    checker.signals()
    referenced = list(checker.event_names())  # resolves $vocabulary, reporting unknown entries
    most = checker.layers()
    checker.tiers(most)
    checker.qualify()
    checker.triggers()
    checker.conversion()
    if known_events is not None:
        checker.unseen(referenced, known_events)
    return sorted(checker.issues, key=lambda i: (i.line or 0, i.message))
