"""Validation issues: every problem in a model file at once, each with file, line and a hint."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

from pqlkit.errors import PqlError


@dataclass(frozen=True)
class Issue:
    file: str
    line: int | None
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


def did_you_mean(name: str, candidates: list[str] | set[str] | tuple[str, ...]) -> str:
    """`` Did you mean 'x'?`` for the closest candidate, or nothing."""
    close = get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


class ModelError(PqlError):
    """A model file with errors; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        errors = [i for i in issues if i.severity == "error"]
        lines = "\n".join(str(i) for i in issues)
        super().__init__(f"{len(errors)} error(s) in the model:\n{lines}")
