"""How the core reports progress without printing.

Library code receives a :class:`Console` and calls it; the CLI passes a Rich console with progress
bars, the server and tests pass :class:`SilentConsole` (or :class:`RecordingConsole` to assert on
what would have been said).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class Progress(Protocol):
    def advance(self, amount: float = 1) -> None: ...


class Console(Protocol):
    def info(self, message: str) -> None: ...

    def warn(self, message: str) -> None: ...

    def progress(
        self, description: str, total: float | None = None
    ) -> AbstractContextManager[Progress]: ...


class _NoProgress:
    def advance(self, amount: float = 1) -> None:
        return None


class SilentConsole:
    """Says nothing; the default for library calls, the server and tests."""

    def info(self, message: str) -> None:
        return None

    def warn(self, message: str) -> None:
        return None

    @contextmanager
    def progress(self, description: str, total: float | None = None) -> Iterator[Progress]:
        yield _NoProgress()


class RecordingConsole(SilentConsole):
    """Keeps what it was told, for tests."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def info(self, message: str) -> None:
        self.messages.append(("info", message))

    def warn(self, message: str) -> None:
        self.messages.append(("warn", message))
