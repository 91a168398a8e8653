"""`pql`: the entry point. Heavy libraries are imported inside commands, never here."""

from __future__ import annotations

import os
import sys

import typer

from pqlkit import __version__

app = typer.Typer(
    name="pql",
    help=(
        "pqlkit: Product Qualified Leads as code. Ingest product events, score users and "
        "accounts, explain every point."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pqlkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an error."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    if debug:
        os.environ["PQLKIT_DEBUG"] = "1"


def _register() -> None:
    from pqlkit.cli import (
        crm,
        demo,
        feedback,
        ingest,
        keys,
        learn,
        model,
        outbox,
        route,
        sales,
        score,
        serve,
        simulate,
        status,
        suggest,
    )

    for module in (
        ingest,
        simulate,
        status,
        model,
        score,
        route,
        learn,
        suggest,
        serve,
        keys,
        outbox,
        feedback,
        sales,
        crm,
        demo,
    ):
        module.register(app)


_register()


def main() -> None:
    """Run the app; a :class:`PqlError` is one line on stderr and exit code 1."""
    from pqlkit.arrow_pool import prefer_jemalloc
    from pqlkit.errors import PqlError

    prefer_jemalloc()  # before pyarrow is imported

    debug = "--debug" in sys.argv[1:] or os.environ.get("PQLKIT_DEBUG") == "1"
    try:
        code = app(standalone_mode=False)
    except PqlError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: typer words them
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        sys.exit(getattr(exc, "exit_code", 2))
    except Exception as exc:
        if debug:
            raise
        typer.echo(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "(this is a bug in pqlkit; run again with --debug for the traceback)",
            err=True,
        )
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
