"""Which events a trigger looks at, decided in Python one event at a time.

The twin of :func:`pqlkit.compile.signals.match` for the real-time path: the same model objects
(event and page names through the vocabulary, ``where`` filters read by
:func:`pqlkit.compile.vocabulary.property_filter`) and the same meaning of a JSON value as the
engines give it: a filter on text sees only JSON strings, on numbers only JSON numbers, on
yes/no only JSON booleans; a missing value never passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from pqlkit.compile import vocabulary
from pqlkit.compile.vocabulary import PropertyFilter
from pqlkit.model.schema import Condition, Model, Trigger


def json_object(value: Any) -> dict[str, Any] | None:
    """A ``properties`` / ``traits`` value as stored (JSON text) or as given (a dict)."""
    if value is None or isinstance(value, dict):
        return value
    decoded = orjson.loads(value)
    return decoded if isinstance(decoded, dict) else None


def as_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def as_number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def source_kind(source: str | None) -> str:
    """``browser`` (a public write key), ``server`` (a secret one) or ``import`` (files, tables)."""
    if source is None or not source.startswith("api:"):
        return "import"
    return "browser" if source.startswith("api:browser:") else "server"


def passes(value: Any, cond: Condition, numeric: bool) -> bool:
    """:func:`pqlkit.compile.conditions.test` on one value (a number when ``numeric``)."""
    if value is None:
        return False
    checks: list[bool] = []
    if cond.at_least is not None:
        checks.append(value >= cond.at_least)
    if cond.at_most is not None:
        checks.append(value <= cond.at_most)
    if cond.between is not None:
        checks.append(cond.between[0] <= value <= cond.between[1])
    if cond.equals is not None:
        checks.append(value == cond.equals)
    if cond.in_ is not None:
        checks.append(value in cond.in_)
    if cond.not_in is not None:
        checks.append(value not in cond.not_in)
    if cond.matches_any is not None:
        text = str(value).lower()
        checks.append(any(word.lower() in text for word in cond.matches_any))
    if cond.is_ is not None:
        checks.append(value == cond.is_)
    if not checks:
        return bool(value > 0) if numeric else value != ""
    return all(checks)


def property_passes(value: Any, want: PropertyFilter) -> bool:
    if want.condition is not None:
        read = as_number(value) if want.numeric else as_text(value)
        return passes(read, want.condition, want.numeric)
    return (
        (as_text(value) is not None and value in want.texts)
        or (as_number(value) is not None and as_number(value) in want.numbers)
        or (isinstance(value, bool) and value in want.flags)
    )


class Matcher:
    """Whether an event row is one the trigger looks at: :meth:`looks_at`, then :meth:`accepts`."""

    def __init__(self, model: Model, trigger: Trigger) -> None:
        if trigger.event is not None:
            self.types: frozenset[str] = frozenset({"track"})
            self.names = frozenset(vocabulary.names(model, trigger.event))
        else:
            self.types = frozenset({"page", "screen"})
            self.names = frozenset(vocabulary.names(model, trigger.page))
        self.filters = [
            (key, vocabulary.property_filter(model, raw)) for key, raw in trigger.where.items()
        ]
        self.sources = frozenset(trigger.sources)

    def looks_at(self, row: Mapping[str, Any]) -> bool:
        """The call type, event or page name, and source (cheap: no JSON read)."""
        kind = row["type"]
        if kind not in self.types:
            return False
        name = row.get("event") if kind == "track" else row.get("name")
        return name in self.names and source_kind(row.get("source")) in self.sources

    def accepts(self, properties: Mapping[str, Any]) -> bool:
        """The ``where`` filters, on the row's decoded properties."""
        return all(property_passes(properties.get(key), want) for key, want in self.filters)
