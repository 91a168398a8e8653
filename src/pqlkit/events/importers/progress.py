"""A progress bar for one long DuckDB statement, fed by DuckDB's own query progress."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

    from pqlkit.console import Console


def track_query(
    con: duckdb.DuckDBPyConnection, console: Console, description: str, sql: str
) -> None:
    """Run ``sql`` while a thread polls ``query_progress`` into a 0–100 progress bar."""
    done = threading.Event()
    with console.progress(description, total=100) as bar:
        shown = 0.0

        def poll() -> None:
            nonlocal shown
            while not done.wait(0.25):
                try:
                    value = float(con.query_progress())
                except Exception:
                    return
                if value > shown:
                    bar.advance(value - shown)
                    shown = value

        watcher = threading.Thread(target=poll, daemon=True)
        watcher.start()
        try:
            con.execute(sql)
        finally:
            done.set()
            watcher.join()
        if shown < 100:
            bar.advance(100 - shown)
