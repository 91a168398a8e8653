"""What an import did: counts, and every rejected record with its file, line and reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import orjson


@dataclass(frozen=True)
class Reject:
    source: str
    line: int
    field: str | None
    reason: str
    raw: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


@dataclass(frozen=True)
class ImportReport:
    source: str
    format: str
    rows_read: int
    inserted: int
    duplicates: int
    rejects: tuple[Reject, ...] = field(default_factory=tuple)

    @property
    def rejected(self) -> int:
        return len(self.rejects)


def write_rejects(path: Path, reports: list[ImportReport]) -> int:
    """Write every reject of the run as JSON lines; return how many."""
    count = 0
    with path.open("wb") as out:
        for report in reports:
            for reject in report.rejects:
                record = {
                    "file": reject.source,
                    "line": reject.line,
                    "field": reject.field,
                    "reason": reject.reason,
                    "raw": reject.raw,
                }
                out.write(orjson.dumps(record) + b"\n")
                count += 1
    return count
