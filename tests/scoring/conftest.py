"""Scoring specifications run on the embedded DuckDB store.

Postgres and Spark conformance (the same specifications, identical scores) is the next step of
the engines work: on Postgres, temporary tables read back JSON and numeric columns with types
that need explicit casts (see docs/engines.md); until that lands those runs are not collected.
"""
