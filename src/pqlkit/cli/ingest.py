"""`pql ingest` (event files) and `pql import-table` (per-user or per-account tables)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from pqlkit.cli.options import db_option

if TYPE_CHECKING:
    from pqlkit.cli.console import CliConsole
    from pqlkit.events.importers import ImportReport

EXIT_REJECTED = 3
SHOWN_REJECTS = 10
_EVENT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet")


def _expand(paths: list[Path]) -> list[Path]:
    from pqlkit.errors import InputError

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().removesuffix(".gz").endswith(_EVENT_SUFFIXES)
            )
            if not found:
                raise InputError(f"{path}: no event files in this directory")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return files


def _summarise(console: CliConsole, reports: list[ImportReport], rejects_file: Path) -> int:
    from rich.table import Table

    from pqlkit.events.importers import write_rejects

    table = Table("file", "format", "read", "stored", "duplicates", "rejected", box=None)
    for r in reports:
        table.add_row(
            Path(r.source).name,
            r.format,
            f"{r.rows_read:,}",
            f"{r.inserted:,}",
            f"{r.duplicates:,}",
            f"{r.rejected:,}" if not r.rejected else f"[red]{r.rejected:,}[/red]",
        )
    console.out.print(table)
    rejected = sum(r.rejected for r in reports)
    if not rejected:
        return 0
    shown = [reject for r in reports for reject in r.rejects][:SHOWN_REJECTS]
    for reject in shown:
        console.err.print(f"  [red]rejected[/red] {reject}", markup=True, soft_wrap=True)
    if rejected > len(shown):
        console.err.print(f"  … and {rejected - len(shown):,} more")
    write_rejects(rejects_file, reports)
    console.err.print(
        f"{rejected:,} rejected records, each with file, line and reason: {rejects_file}"
    )
    return EXIT_REJECTED


def ingest(
    paths: list[Path] = typer.Argument(..., help="Event files or directories of them."),
    fmt: str | None = typer.Option(
        None,
        "--format",
        help="segment, amplitude, mixpanel, csv or parquet (default: from the file).",
    ),
    mapping: str | None = typer.Option(
        None,
        "--map",
        help=(
            "CSV/Parquet columns for the event fields, e.g. "
            "'event=action,user_id=uid,timestamp=ts'. Unmapped columns become properties."
        ),
    ),
    event_type: str = typer.Option(
        "track", "--type", help="Call type of CSV/Parquet rows without a type column."
    ),
    missing: list[str] = typer.Option(
        [], "--missing", help="A CSV value that means missing (repeatable; '' always does)."
    ),
    rejects: Path = typer.Option(
        Path("pqlkit-rejects.jsonl"), "--rejects", help="Where rejected records are written."
    ),
    db: str | None = db_option(),
) -> None:
    """Import event files into the store, once per messageId.

    Bad records are skipped and reported with file, line and reason (also written to
    --rejects); the rest is imported. Exit code 3 means some records were rejected.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.events.importers import ingest_file
    from pqlkit.events.importers.formats import ColumnMapping
    from pqlkit.store.store import Store

    console = CliConsole()
    files = _expand(paths)
    column_mapping = ColumnMapping.parse(mapping, default_type=event_type)
    reports = []
    with Store.open(db) as store:
        for path in files:
            reports.append(
                ingest_file(
                    store,
                    path,
                    fmt=fmt,
                    mapping=column_mapping,
                    missing=("", *missing),
                    console=console,
                )
            )
    code = _summarise(console, reports, rejects)
    raise typer.Exit(code)


def import_table(
    path: Path = typer.Argument(..., help="A CSV or Parquet file, one row per user or account."),
    entity: str = typer.Option(..., "--entity", help="user or account."),
    id_column: str = typer.Option(..., "--id-column", help="The column holding the id."),
    outcome: str | None = typer.Option(
        None, "--outcome", help="The column holding the outcome label (e.g. Converted)."
    ),
    missing: list[str] = typer.Option(
        [], "--missing", help="A value that means missing, e.g. Select or NA (repeatable)."
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="A column to leave out, e.g. one filled in after the outcome."
    ),
    as_of: datetime | None = typer.Option(
        None, "--as-of", help="Since when these traits are true (UTC; default: now)."
    ),
    rejects: Path = typer.Option(
        Path("pqlkit-rejects.jsonl"), "--rejects", help="Where rejected rows are written."
    ),
    db: str | None = db_option(),
) -> None:
    """Import a per-user or per-account table of traits and an optional outcome.

    Column types are inferred. Each row becomes an identify (users) or group (accounts)
    call dated --as-of; re-importing the same table adds nothing.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.events.importers.entity_table import TABLE_MISSING, import_entity_table
    from pqlkit.store.store import Store

    console = CliConsole()
    with Store.open(db) as store:
        report = import_entity_table(
            store,
            path,
            entity=entity,  # type: ignore[arg-type]
            id_column=id_column,
            outcome=outcome,
            missing=(*TABLE_MISSING, *missing),
            exclude=tuple(exclude),
            as_of=as_of,
            console=console,
        )
    raise typer.Exit(_summarise(console, [report], rejects))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("import-table")(import_table)
