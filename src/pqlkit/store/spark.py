"""Spark as an engine: a local session set up the way pqlkit needs it, read through Ibis.

Spark computes on events where they live; it keeps no operational state (that is the embedded
store's or Postgres's job). Sessions run in UTC with the UI off and bind to loopback.

ibis 12 reads JSON values on Spark with ``get_json_object``, which returns strings unquoted,
and then parses them again with ``json.loads`` in a pandas UDF, which fails on any string
value. :func:`connect` registers tolerant versions of those UDFs (a value that is not JSON is
the string itself), so trait and property filters mean on Spark what they mean elsewhere.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ibis.expr.types as ir
    from ibis.backends.pyspark import Backend


def _tolerant_unwrap(kind: type) -> Any:
    import json

    import pandas as pd
    from pyspark.sql import functions as F
    from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType

    spark_type = {str: StringType(), int: LongType(), bool: BooleanType(), float: DoubleType()}[
        kind
    ]

    def parse(raw: Any) -> Any:
        if raw is None or (isinstance(raw, float) and pd.isna(raw)):
            return None
        try:
            value = json.loads(raw)
        except (TypeError, ValueError):
            value = raw  # get_json_object already unquoted a string
        if kind is float:
            return float(value) if type(value) in (int, float) else None
        return value if type(value) is kind else None

    def unwrap(values: pd.Series) -> pd.Series:
        return values.map(parse)

    # pyspark reads the hints at run time; postponed (string) annotations would not resolve
    unwrap.__annotations__ = {"values": pd.Series, "return": pd.Series}
    return F.pandas_udf(unwrap, returnType=spark_type)  # type: ignore[attr-defined]


def connect(session: Any | None = None) -> Backend:
    """An Ibis backend on a local Spark (``local[2]``) or on the session given."""
    import ibis

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if session is None:
        from pyspark.sql import SparkSession

        session = (
            SparkSession.builder.master("local[2]")
            .appName("pqlkit")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "4")
            # Results come back as rows, not through Arrow: pyspark 4.0's Arrow collect
            # (toPandas, which Ibis runs) could wait forever for its socket server's result
            # (seen in the trigger specifications: tests/triggers/conftest.py).
            .config("spark.sql.execution.arrow.pyspark.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            # A plan's text is for people: the full text of a long trigger plan, built for
            # every query, ran a 1 GB driver out of heap (tests/triggers/conftest.py)
            .config("spark.sql.maxPlanStringLength", "100000")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
    backend = ibis.pyspark.connect(session)
    _patch_json_udfs()
    return backend


def _patch_json_udfs() -> None:
    import ibis.backends.pyspark as module

    module.unwrap_json = _tolerant_unwrap
    module.unwrap_json_float = _tolerant_unwrap(float)


def events(backend: Backend, name: str = "events") -> ir.Table:
    """The table ``name`` (pqlkit's events columns) as Spark reads it, JSON columns as JSON.

    Spark keeps JSON as strings; typing them as JSON lets properties and traits be read the
    way every other engine reads them.
    """
    from pqlkit.store.schema import EVENTS

    table = backend.table(name)
    as_json = {
        column: table[column].cast("json")
        for column, dtype in EVENTS.items()
        if dtype.is_json() and column in table.columns and not table[column].type().is_json()
    }
    return table.mutate(**as_json) if as_json else table
