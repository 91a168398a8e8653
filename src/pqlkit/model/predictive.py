"""Load a predictive model file: the model it extends, plus a trained artifact.

::

    name: pillars-predictive
    type: predictive
    extends: pillars               # a model file (relative to this one) or a template name
    artifact: pql-predictive.json  # what `pql train --model pillars --out …` wrote
    tiers: {pql: 0.2, hot: 0.5}    # probabilities (these are the defaults)

The result is a :class:`LoadedModel` whose model has the extended model's entity, population,
vocabulary, signals, triggers and conversion, no layers, and probability tiers; its
``artifact`` is the trained model. Every problem is reported at once with its line: an unknown
key, a missing file, an artifact trained on other signals (refused), tiers that are not
probabilities; a rules model that changed since training is a warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pqlkit.errors import PqlError
from pqlkit.model.issues import Issue, ModelError, did_you_mean
from pqlkit.model.loader import LoadedModel, Path_, load, validation_issues
from pqlkit.model.schema import Predictive, Tiers

# keys of a rules model that a predictive one takes from the model it extends
INHERITED = (
    "entity",
    "population",
    "vocabulary",
    "signals",
    "triggers",
    "watermark",
    "conversion",
)
RULES_ONLY = ("layers", "require_layers", "qualify")


def _line(lines: dict[Path_, int], *path: str) -> int | None:
    key: Path_ = tuple(path)
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return None


def _beside(source: str, reference: str) -> Path:
    """``reference`` relative to the model file's folder (as written when absolute)."""
    path = Path(reference).expanduser()
    if path.is_absolute() or source.startswith("template:"):
        return path
    return Path(source).parent / path


def load_predictive(
    text: str,
    source: str,
    data: dict[str, Any],
    lines: dict[Path_, int],
    *,
    known_events: set[str] | None = None,
) -> LoadedModel:
    issues: list[Issue] = []
    allowed = [name for name in Predictive.model_fields]
    for key in list(data):
        where = _line(lines, key)
        if key in INHERITED:
            base = data.get("extends", "the model it extends")
            issues.append(
                Issue(
                    source,
                    where,
                    f"{key}: a predictive model takes its {key} from {base!r} (extends:); "
                    "change them there and retrain",
                )
            )
        elif key in RULES_ONLY:
            issues.append(
                Issue(
                    source,
                    where,
                    f"{key}: a predictive model has no rules; the trained artifact scores "
                    "(tiers: are probabilities)",
                )
            )
        elif key not in allowed:
            issues.append(Issue(source, where, f"unknown key {key!r}.{did_you_mean(key, allowed)}"))
    known = {key: value for key, value in data.items() if key in allowed}
    try:
        spec = Predictive.model_validate(known)
    except ValidationError as exc:
        raise ModelError(issues + validation_issues(exc, source, lines)) from None
    issues += _tier_issues(spec.tiers, source, lines)

    base = None
    try:
        base = load(_base_reference(source, spec.extends), known_events=known_events)
    except ModelError as exc:  # the extended model's own issues, at its own lines
        issues += exc.issues
    except PqlError as exc:
        issues.append(Issue(source, _line(lines, "extends"), f"extends: {exc}"))
    if base is not None and base.model.type == "predictive":
        issues.append(
            Issue(
                source,
                _line(lines, "extends"),
                f"extends: {spec.extends!r} is itself predictive; extend the rules model "
                "the artifact was trained on",
            )
        )
        base = None

    artifact = None
    warnings: list[Issue] = []
    if base is not None:
        from pqlkit.learn.train import Artifact

        where = _line(lines, "artifact")
        try:
            artifact = Artifact.load(_beside(source, spec.artifact), list(base.model.signals))
        except PqlError as exc:
            issues.append(Issue(source, where, f"artifact: {exc}"))
        if artifact is not None and (
            artifact.model != base.model.name or artifact.model_hash != base.hash
        ):
            what = (
                f"was trained on {artifact.model!r}, not {base.model.name!r}"
                if artifact.model != base.model.name
                else f"was trained on {base.model.name} as it was before "
                f"(model hash {artifact.model_hash}, now {base.hash})"
            )
            warnings.append(
                Issue(
                    source,
                    where,
                    f"artifact {spec.artifact} {what}: the signals have the same names, but if "
                    f"a definition changed the probabilities are off; retrain with pql train "
                    f"--model {spec.extends}",
                    "warning",
                )
            )
    errors = [issue for issue in issues if issue.severity == "error"]
    if errors or base is None or artifact is None:
        raise ModelError(sorted(issues, key=lambda i: (i.file != source, i.line or 0)))
    model = base.model.model_copy(
        update={
            "name": spec.name,
            "type": "predictive",
            "description": spec.description,
            "layers": {},
            "require_layers": [],
            "qualify": None,
            "tiers": spec.tiers,
            "extends": spec.extends,
            "artifact": spec.artifact,
        }
    )
    return LoadedModel(
        model, source, text, lines, tuple([*base.warnings, *warnings]), artifact=artifact
    )


def _base_reference(source: str, extends: str) -> str:
    """A file beside the model file if there is one, else the name as given (a template)."""
    beside = _beside(source, extends)
    return str(beside) if beside.exists() else extends


def _tier_issues(tiers: Tiers, source: str, lines: dict[Path_, int]) -> list[Issue]:
    issues = []
    for key in ("pql", "hot"):
        value = getattr(tiers, key)
        if value is not None and not 0 < value < 1:
            issues.append(
                Issue(
                    source,
                    _line(lines, "tiers", key),
                    f"tiers.{key}: {value:g} is not a probability between 0 and 1 "
                    "(a predictive model's score is the probability of converting)",
                )
            )
    if tiers.hot is not None and tiers.hot <= tiers.pql:
        issues.append(
            Issue(
                source,
                _line(lines, "tiers", "hot"),
                f"tiers out of order: hot ({tiers.hot:g}) must be above pql ({tiers.pql:g})",
            )
        )
    return issues
