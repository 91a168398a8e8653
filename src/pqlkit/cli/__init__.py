"""The `pql` command line: a Typer app, one module per command group."""
