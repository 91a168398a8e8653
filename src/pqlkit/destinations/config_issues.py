"""Wording the schema errors of a destinations file: each with its line and a hint."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from pqlkit.destinations.config_schema import SPECS, FileSpec, Policy
from pqlkit.model.issues import Issue, did_you_mean

Path_ = tuple[str | int, ...]


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def validation_issues(
    exc: ValidationError, source: str, lines: dict[Path_, int], data: dict[str, Any]
) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[str] = set()
    for error in exc.errors():
        loc = list(error["loc"])
        # the discriminated union puts the type's tag in the location: destinations.x.slack.field
        if len(loc) >= 3 and loc[0] == "destinations" and loc[2] in SPECS:
            loc.pop(2)
        path = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
        name = ".".join(str(p) for p in path)
        kind = error["type"]
        if kind == "extra_forbidden":
            message = (
                f"unknown key {path[-1]!r} in {'.'.join(str(p) for p in path[:-1]) or 'the file'}."
            )
            message += did_you_mean(str(path[-1]), _allowed(path, data))
        elif kind == "missing":
            message = f"{name} is required"
        elif kind in ("union_tag_invalid", "union_tag_not_found"):
            given = _at(data, path)
            tag = given.get("type") if isinstance(given, dict) else None
            if tag is None:
                message = f"{name}: type is required ({', '.join(SPECS)})"
            else:
                hint = did_you_mean(str(tag), list(SPECS))
                message = f"{name}: unknown type {tag!r}.{hint} (types: {', '.join(SPECS)})"
                path = (*path, "type")
        else:
            said = str(error["msg"]).removeprefix("Value error, ")
            message = f"{name}: {said}" if name else said
        if message in seen:
            continue
        seen.add(message)
        issues.append(Issue(source, line_of(lines, path), message))
    return issues


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _allowed(path: Path_, data: dict[str, Any]) -> list[str]:
    parent = path[:-1]
    if not parent:
        return list(FileSpec.model_fields)
    if parent == ("defaults",):
        return list(Policy.model_fields)
    if len(parent) == 2 and parent[0] == "destinations":
        spec = _at(data, parent)
        cls = SPECS.get(str(spec.get("type"))) if isinstance(spec, dict) else None
        return list(cls.model_fields) if cls else []
    return []
