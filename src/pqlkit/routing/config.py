"""``routing.yaml``: the routing file beside the model file — paths, rules, teams, calendars.

Read and validated like a model file: every problem at once, each with ``file:line`` and a
"did you mean" hint. Rules name facts (tier, score, triggers, traits, account facts and the
model's signals); given the model, an unknown fact is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pqlkit.errors import ConfigError, InputError
from pqlkit.model.issues import Issue, did_you_mean
from pqlkit.routing.calendar import BusinessCalendar
from pqlkit.routing.conditions import BUILTIN_FACTS, test_problem
from pqlkit.routing.schema import (
    CalendarSpec,
    Member,
    RoutingFile,
    RoutingRule,
    TalkingPoint,
    Team,
)
from pqlkit.routing.schema import Path as RoutePath

Path_ = tuple[str | int, ...]
FILE_NAME = "routing.yaml"
TEMPLATE = "template:default"
DEFAULT_CALENDAR = "default"


class RoutingConfigError(ConfigError):
    """A routing file with errors; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        lines = "\n".join(str(i) for i in issues)
        super().__init__(f"{len(issues)} error(s) in the routing file:\n{lines}")


@dataclass(frozen=True)
class RoutingConfig:
    source: str
    spec: RoutingFile

    @property
    def paths(self) -> Mapping[str, RoutePath]:
        return self.spec.paths

    @property
    def rules(self) -> list[RoutingRule]:
        return self.spec.rules

    def team(self, name: str) -> Team:
        return self.spec.teams[name]

    def calendar(self, team: str | None) -> BusinessCalendar:
        spec: str | CalendarSpec = self.spec.teams[team].calendar if team else DEFAULT_CALENDAR
        if isinstance(spec, CalendarSpec):
            return spec.calendar()
        found = self.spec.calendars.get(spec)
        return found.calendar() if found is not None else BusinessCalendar()

    def members(self, team: str) -> list[Member]:
        return list(self.spec.teams[team].members)

    @property
    def talking_points(self) -> list[TalkingPoint]:
        return self.spec.talking_points


# -- loading --------------------------------------------------------------------------------------


def template_text() -> str:
    from importlib.resources import files

    return (files("pqlkit.routing") / "templates" / "routing.yaml").read_text()


def beside(model_path: str | Path) -> Path | None:
    """The routing file beside a model file, if there is one."""
    candidate = Path(model_path)
    if not candidate.exists():
        return None
    found = candidate.parent / FILE_NAME
    return found if found.exists() else None


def load_routing(path: str | Path, *, signals: set[str] | None = None) -> RoutingConfig:
    """A routing file (or ``template:default``); ``signals``: the model's, to check facts."""
    if str(path) == TEMPLATE:
        return load_routing_text(template_text(), TEMPLATE, signals=signals)
    try:
        text = Path(path).read_text()
    except FileNotFoundError:
        raise InputError(
            f"{path}: no such routing file (start from the template: {TEMPLATE})"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return load_routing_text(text, str(path), signals=signals)


def load_routing_text(text: str, source: str, *, signals: set[str] | None = None) -> RoutingConfig:
    from pqlkit.model.issues import ModelError
    from pqlkit.model.loader import parse_yaml

    try:
        data, lines = parse_yaml(text, source)
    except ModelError as exc:
        raise RoutingConfigError(exc.issues) from None
    if not isinstance(data, dict):
        raise RoutingConfigError([Issue(source, 1, "a routing file is a mapping (paths:, rules:)")])
    try:
        spec = RoutingFile.model_validate(data)
    except ValidationError as exc:
        raise RoutingConfigError(_schema_issues(exc, source, lines)) from None
    issues = check_routing(spec, source, lines, signals)
    if issues:
        raise RoutingConfigError(issues)
    return RoutingConfig(source, spec)


def _line(lines: Mapping[Path_, int], path: Path_) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


_SCHEMAS: dict[tuple[str, ...], type[Any]] = {
    (): RoutingFile,
    ("calendars", "*"): CalendarSpec,
    ("teams", "*"): Team,
    ("teams", "*", "calendar"): CalendarSpec,
    ("teams", "*", "members", "#"): Member,
    ("paths", "*"): RoutePath,
    ("rules", "#"): RoutingRule,
    ("talking_points", "#"): TalkingPoint,
}


def _allowed(parent: Path_) -> list[str]:
    shape: list[str] = []
    for index, part in enumerate(parent):
        if isinstance(part, int):
            shape.append("#")
        elif index > 0 and parent[0] in ("calendars", "teams", "paths") and index == 1:
            shape.append("*")
        else:
            shape.append(str(part))
    cls = _SCHEMAS.get(tuple(shape))
    return list(cls.model_fields) if cls is not None else []


def _schema_issues(exc: ValidationError, source: str, lines: Mapping[Path_, int]) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[str] = set()
    for error in exc.errors():
        path = tuple(
            p
            for p in error["loc"]
            if not (isinstance(p, str) and (p.startswith("function-") or p == "str"))
        )
        # a team calendar is a name or an inline calendar: report the inline form's errors
        if "CalendarSpec" in path:
            path = tuple(p for p in path if p != "CalendarSpec")
        name = ".".join(str(p) for p in path)
        if error["type"] == "extra_forbidden":
            where = ".".join(str(p) for p in path[:-1]) or "the file"
            message = f"unknown key {path[-1]!r} in {where}."
            message += did_you_mean(str(path[-1]), _allowed(path[:-1]))
        elif error["type"] == "missing":
            message = f"{name} is required"
        else:
            said = str(error["msg"]).removeprefix("Value error, ")
            message = f"{name}: {said}" if name else said
        if message in seen:
            continue
        seen.add(message)
        if not message.endswith(("?", ".")):
            message += "."
        issues.append(Issue(source, _line(lines, path), message))
    return issues


# -- semantic checks ------------------------------------------------------------------------------


def check_routing(
    spec: RoutingFile, source: str, lines: Mapping[Path_, int], signals: set[str] | None
) -> list[Issue]:
    issues: list[Issue] = []

    def issue(path: Path_, message: str) -> None:
        issues.append(Issue(source, _line(lines, path), message))

    for name, team in spec.teams.items():
        calendar = team.calendar
        if isinstance(calendar, str) and calendar not in (DEFAULT_CALENDAR, *spec.calendars):
            hint = did_you_mean(calendar, list(spec.calendars))
            issue(
                ("teams", name, "calendar"),
                f"team {name!r}: calendar {calendar!r} is not defined.{hint}",
            )
        ids = [m.id for m in team.members]
        for index, member in enumerate(team.members):
            if ids.index(member.id) != index:
                issue(("teams", name, "members", index), f"team {name!r}: {member.id!r} twice")
            _check_when(
                member.territory,
                ("teams", name, "members", index, "territory"),
                spec,
                signals,
                issue,
            )
    for name, path in spec.paths.items():
        if path.team is not None and path.team not in spec.teams:
            hint = did_you_mean(path.team, list(spec.teams))
            issue(
                ("paths", name, "team"), f"path {name!r}: team {path.team!r} is not defined.{hint}"
            )
        if path.team is not None and path.sla is None:
            issue(
                ("paths", name), f"path {name!r} has a team but no sla (e.g. sla: 4 business hours)"
            )
        if path.sla is not None and path.sla.business and path.team is None:
            issue(
                ("paths", name, "sla"),
                f"path {name!r}: a business-hours SLA needs a team (its calendar)",
            )
    if not spec.rules:
        issue(("rules",), "rules: at least one rule is needed")
    for index, rule in enumerate(spec.rules):
        if rule.path not in spec.paths:
            hint = did_you_mean(rule.path, list(spec.paths))
            issue(
                ("rules", index, "path"),
                f"rule {index + 1}: path {rule.path!r} is not defined.{hint}",
            )
        _check_when(rule.when, ("rules", index, "when"), spec, signals, issue)
    for index, point in enumerate(spec.talking_points):
        _check_when(point.when, ("talking_points", index, "when"), spec, signals, issue, {"path"})
        problem = template_problem(point.say)
        if problem:
            issue(("talking_points", index, "say"), f"talking point {index + 1}: {problem}")
    return issues


def _check_when(
    when: Mapping[str, Any],
    where: Path_,
    spec: RoutingFile,
    signals: set[str] | None,
    issue: Any,
    extra: set[str] | None = None,
) -> None:
    known = set(BUILTIN_FACTS) | (signals or set()) | (extra or set())
    for fact, test in when.items():
        if signals is not None and fact not in known:
            hint = did_you_mean(fact, known)
            issue((*where, fact), f"{fact!r} is not a fact or a signal of the model.{hint}")
        problem = test_problem(test)
        if problem:
            issue((*where, fact), f"{fact}: {problem}")
        if fact == "region" and spec.regions:
            for value in test if isinstance(test, list) else [test]:
                if str(value) not in spec.regions:
                    hint = did_you_mean(str(value), list(spec.regions))
                    issue((*where, fact), f"region {value!r} is not in regions:.{hint}")


def template_problem(text: str) -> str | None:
    from jinja2 import TemplateSyntaxError

    from pqlkit.routing.talking_points import environment

    try:
        environment().from_string(text)
    except TemplateSyntaxError as exc:
        return f"template syntax: {exc.message}"
    return None
