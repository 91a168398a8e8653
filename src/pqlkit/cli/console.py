"""The CLI's console: Rich output on stderr, progress bars for long work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console as RichConsole

    from pqlkit.console import Progress


class _Bar:
    def __init__(self, progress: object, task: object) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: float = 1) -> None:
        self._progress.advance(self._task, amount)  # type: ignore[attr-defined]


class CliConsole:
    """Implements :class:`pqlkit.console.Console` with Rich."""

    def __init__(self, quiet: bool = False) -> None:
        from rich.console import Console as RichConsole

        self.out: RichConsole = RichConsole(highlight=False)
        self.err: RichConsole = RichConsole(stderr=True, highlight=False)
        self.quiet = quiet

    def info(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message)

    def warn(self, message: str) -> None:
        self.err.print(f"[yellow]warning:[/yellow] {message}")

    @contextmanager
    def progress(self, description: str, total: float | None = None) -> Iterator[Progress]:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        if self.quiet or not self.err.is_terminal:
            from pqlkit.console import SilentConsole

            with SilentConsole().progress(description, total) as bar:
                yield bar
            return
        columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=self.err, transient=True) as progress:
            task = progress.add_task(description, total=total)
            yield _Bar(progress, task)
