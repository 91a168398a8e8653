"""Load a model file: YAML with line numbers → a validated :class:`Model`, or every issue.

Parsing keeps each key's line (ruamel.yaml), pydantic's errors are mapped back to those lines
and worded for people, and the semantic checks of :mod:`.validate` run on the result. Nothing
is returned unless there are no errors; warnings come back with the model.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pqlkit.errors import InputError
from pqlkit.model.issues import Issue, ModelError, did_you_mean
from pqlkit.model.schema import SIGNAL_KINDS, Model

if TYPE_CHECKING:
    from pqlkit.learn.train import Artifact

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedModel:
    model: Model
    source: str  # file name, or "template:<name>"
    text: str
    lines: dict[Path_, int]
    warnings: tuple[Issue, ...]
    artifact: Artifact | None = None  # a predictive model's trained model

    @property
    def hash(self) -> str:
        """Identifies the model's content (not its formatting) in the scores ledger; for a
        predictive model, the trained artifact's too (retraining changes the scores)."""
        digest = hashlib.sha256(self.model.model_dump_json(by_alias=True).encode())
        if self.artifact is not None:
            digest.update(self.artifact.data_hash.encode())
            digest.update(self.artifact.booster.encode())
        return digest.hexdigest()[:16]

    def line(self, *path: str | int) -> int | None:
        return _nearest_line(self.lines, tuple(path))


def _plain(node: Any, path: Path_, lines: dict[Path_, int]) -> Any:
    """ruamel's commented nodes → plain dicts and lists, recording each key's line."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key in node:
            line = node.lc.key(key)[0] + 1
            lines[(*path, str(key))] = line
            out[str(key)] = _plain(node[key], (*path, str(key)), lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            lines[(*path, index)] = node.lc.item(index)[0] + 1
            items.append(_plain(item, (*path, index), lines))
        return items
    return node


def _nearest_line(lines: dict[Path_, int], path: Path_) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def parse_yaml(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ModelError([Issue(source, line, f"YAML syntax: {problem}")]) from None
    lines: dict[Path_, int] = {}
    return _plain(data, (), lines), lines


def _yaml_path(loc: tuple[int | str, ...]) -> Path_:
    """pydantic's location → the path in the file (``spec``, kinds and aliases undone)."""
    path: list[str | int] = []
    skip_kind = False
    for part in loc:
        if part == "spec":
            skip_kind = True
            continue
        if skip_kind:
            skip_kind = False
            if part in SIGNAL_KINDS:
                path.append(part)
                continue
        if isinstance(part, str) and part.endswith("_") and part[:-1] in ("in", "is", "from"):
            part = part[:-1]
        if isinstance(part, str) and part.startswith("function-"):
            continue
        path.append(part)
    return tuple(path)


def _schema_at(parent: Path_) -> type[Any] | None:
    """The schema class of the mapping at ``parent`` in a model file."""
    from pqlkit.model import schema

    shape = tuple("#" if isinstance(p, int) else p for p in parent)
    if not shape:
        return schema.Model
    head = shape[0]
    if head == "signals" and len(shape) >= 3:
        if len(shape) == 3:
            return schema.SIGNAL_KINDS.get(str(shape[2]))
        if shape[3:5] == ("steps", "#") and len(shape) == 5:
            return schema.Step
        if len(shape) == 5 and shape[3] == "where":
            return schema.Condition
        return None
    table: dict[tuple[str, ...], type[Any]] = {
        ("tiers",): schema.Tiers,
        ("qualify",): schema.Qualify,
        ("qualify", "all", "#"): schema.Rule,
        ("qualify", "any", "#"): schema.Rule,
        ("conversion",): schema.Conversion,
    }
    if shape in table:
        return table[shape]
    if head == "layers" and len(shape) == 2:
        return schema.Layer
    if head == "layers" and shape[2:] == ("rules", "#"):
        return schema.Rule
    if head in ("layers", "qualify") and shape[-2:] == ("bands", "#"):
        return schema.Band
    if head == "triggers" and len(shape) == 2:
        return schema.Trigger
    return None


def _allowed_keys(path: Path_) -> list[str]:
    """The keys the mapping holding ``path``'s last key may have, for 'did you mean'."""
    parent = path[:-1]
    if len(parent) == 2 and parent[0] == "signals":
        from pqlkit.model.schema import SIGNAL_KINDS

        return [*SIGNAL_KINDS, "description", "level"]
    cls = _schema_at(parent)
    if cls is None:
        return []
    return [(f.alias or n) for n, f in cls.model_fields.items() if n != "kind"]


def _word(error: Any, path: Path_) -> str:
    kind = error["type"]
    name = ".".join(str(p) for p in path)
    if kind == "extra_forbidden":
        key = str(path[-1])
        where = ".".join(str(p) for p in path[:-1])
        hint = did_you_mean(key, _allowed_keys(path))
        return f"unknown key {key!r}" + (f" in {where}" if where else "") + f".{hint}"
    if kind == "missing":
        return f"{name} is required"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{name}: {message}" if name else message


def validation_issues(exc: ValidationError, source: str, lines: dict[Path_, int]) -> list[Issue]:
    issues = []
    seen: set[tuple[Path_, str]] = set()
    for error in exc.errors():
        path = _yaml_path(error["loc"])
        if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
            continue
        message = _word(error, path)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        issues.append(Issue(source, _nearest_line(lines, path), message))
    return issues


def load_text(text: str, source: str, *, known_events: set[str] | None = None) -> LoadedModel:
    from pqlkit.model.validate import check_model

    data, lines = parse_yaml(text, source)
    if not isinstance(data, dict):
        raise ModelError([Issue(source, 1, "a model file must be a mapping (name:, signals:, …)")])
    if data.get("type") == "predictive":
        from pqlkit.model.predictive import load_predictive

        return load_predictive(text, source, data, lines, known_events=known_events)
    try:
        model = Model.model_validate(data)
    except ValidationError as exc:
        raise ModelError(validation_issues(exc, source, lines)) from None
    issues = check_model(model, source, lines, known_events=known_events)
    if any(issue.severity == "error" for issue in issues):
        raise ModelError(issues)
    return LoadedModel(model, source, text, lines, tuple(issues))


def load(path: str | Path, *, known_events: set[str] | None = None) -> LoadedModel:
    """A model from a file path, or from a template by name (``pillars``)."""
    from pqlkit.model.templates import TEMPLATES, template_text

    candidate = Path(path)
    if not candidate.exists() and str(path) in TEMPLATES:
        return load_text(template_text(str(path)), f"template:{path}", known_events=known_events)
    try:
        text = candidate.read_text()
    except FileNotFoundError:
        hint = did_you_mean(str(path), list(TEMPLATES))
        templates = ", ".join(TEMPLATES)
        raise InputError(
            f"{path}: no such model file or template.{hint} (templates: {templates})"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return load_text(text, str(path), known_events=known_events)
