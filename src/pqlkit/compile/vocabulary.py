"""``$name`` references in a model, expanded from its vocabulary, and property filters read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pqlkit.model.schema import Condition, Model


def track_names(model: Model, looks: Iterable[Any]) -> set[str] | None:
    """The track event names ``looks`` (event matches, milestone steps, triggers) look for;
    ``None`` when one looks for pages or any event."""
    found: set[str] = set()
    for look in looks:
        if look.event is None:
            return None
        found.update(names(model, look.event))
    return found


def names(model: Model, value: str | list[str] | None) -> list[str]:
    """Event or page names, with ``$entries`` replaced by the vocabulary's names."""
    if value is None:
        return []
    out: list[str] = []
    for item in [value] if isinstance(value, str) else value:
        if item.startswith("$"):
            entry = model.vocabulary[item[1:]]
            out.extend([entry] if isinstance(entry, str) else entry)
        else:
            out.append(item)
    return out


def value(model: Model, raw: Any) -> Any:
    """A property filter value: ``$entry`` becomes the vocabulary's name or list."""
    if isinstance(raw, str) and raw.startswith("$") and raw[1:] in model.vocabulary:
        return model.vocabulary[raw[1:]]
    return raw


@dataclass(frozen=True)
class PropertyFilter:
    """What a ``where`` entry asks of one property, before any engine is involved.

    Either a ``condition`` (read as a number when it compares sizes, else as text) or a list of
    accepted values split by JSON type: a property matches when its value is one of them.
    """

    condition: Condition | None
    numeric: bool
    texts: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    flags: tuple[bool, ...] = ()


def property_filter(model: Model, raw: Any) -> PropertyFilter:
    want = value(model, raw)
    if isinstance(want, Condition):
        numeric = bool({"at_least", "at_most", "between"} & set(want.tests()))
        return PropertyFilter(want, numeric)
    values = want if isinstance(want, list | tuple) else [want]
    return PropertyFilter(
        None,
        False,
        texts=tuple(v for v in values if isinstance(v, str)),
        numbers=tuple(
            float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)
        ),
        flags=tuple(v for v in values if isinstance(v, bool)),
    )
