"""``$name`` references in a model, expanded from its vocabulary."""

from __future__ import annotations

from typing import Any

from pqlkit.model.schema import Model


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
