"""An embedded store's files, handled together: the store file, its event log file beside it
(see :mod:`pqlkit.store.connection`), and DuckDB's write-ahead log of each."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pqlkit.store.connection import events_file


def store_files(path: Path) -> list[Path]:
    """The files of the store at ``path`` that exist (write-ahead logs included)."""
    return [candidate for candidate in _candidates(path) if candidate.exists()]


def _candidates(path: Path) -> tuple[Path, ...]:
    events = events_file(path)
    return (path, Path(f"{path}.wal"), events, Path(f"{events}.wal"))


def copy_store(source: Path, target: Path) -> Path:
    """Copy a closed store (both files) to ``target``."""
    _each(source, target, shutil.copyfile)
    return target


def move_store(source: Path, target: Path) -> Path:
    """Move a closed store (both files) to ``target``, replacing what is there."""
    remove_store(target)
    _each(source, target, Path.replace)
    return target


def remove_store(path: Path) -> None:
    """Delete a closed store's files (those that exist)."""
    for found in store_files(path):
        found.unlink()


def _each(source: Path, target: Path, act: Callable[[Path, Path], object]) -> None:
    for found, goes_to in zip(_candidates(source), _candidates(target), strict=True):
        if found.exists():
            act(found, goes_to)
