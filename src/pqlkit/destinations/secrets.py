"""Secrets of destinations: where they come from, and keeping them out of every message.

A secret is written in ``destinations.yaml`` as ``${NAME}`` and read from the environment, or
from a secrets file (``NAME=value`` lines, ``#`` comments) that the configuration names — never
from the model file and never as a literal. :class:`Secret` hides its value from ``repr`` and
``str``; :class:`Redactor` replaces every known secret value (and anything shaped like a bearer
token or a Slack token) with ``***`` in text that is stored or shown, such as an outbox row's
``last_error``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$")
MASK = "***"
_SHAPES = (
    re.compile(r"(?i)(bearer\s+)[^\s\"',;]+"),
    re.compile(r"xox[abposr]-[A-Za-z0-9-]+"),
    re.compile(r"(hooks\.slack\.com/services/)[^\s\"',;]+"),
    re.compile(r"(?i)((?:token|secret|signature|key|password)=)[^&\s\"']+"),
)


@dataclass(frozen=True)
class Secret:
    """A secret value that never prints itself."""

    value: str = field(repr=False)
    name: str = ""  # the variable it came from, for messages

    def __str__(self) -> str:
        return f"${{{self.name}}}" if self.name else MASK

    def __repr__(self) -> str:
        return f"Secret({self})"


def read_secrets_file(path: Path) -> dict[str, str]:
    """``NAME=value`` lines (optionally quoted values; ``#`` comments and blank lines skipped)."""
    values: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.partition("=")
        name = name.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name] = value
    return values


class SecretSource:
    """Where ``${NAME}`` is looked up: the environment first, then the secrets file."""

    def __init__(
        self, environ: Mapping[str, str] | None = None, file_values: Mapping[str, str] | None = None
    ) -> None:
        self.environ = os.environ if environ is None else environ
        self.file_values = dict(file_values or {})

    def get(self, name: str) -> str | None:
        value = self.environ.get(name)
        if value:
            return value
        return self.file_values.get(name) or None


class Redactor:
    """Replaces secrets in text with ``***``."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        # longest first, so a secret containing another is masked whole
        self._values = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for value in self._values:
            text = text.replace(value, MASK)
        for shape in _SHAPES:
            text = shape.sub(lambda m: (m.group(1) if m.groups() else "") + MASK, text)
        return text

    def with_secrets(self, secrets: Iterable[str]) -> Redactor:
        return Redactor([*self._values, *secrets])
