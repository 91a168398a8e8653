"""A model's scoring compiled once and run at any time: the server's scheduled rounds.

Building a model's Ibis expressions and compiling them to SQL costs a few hundred milliseconds
of Python per run (0.3 of a 0.45 s round on 200k events), all of it holding the GIL that the
server's request handlers and loader need: while a round compiled, every batch took 3–10×
longer to load and the real-time alerts waited (bench/RESULTS.md). Prepared once, a run is
the engine's work only — its SQL statements keep the as-of time as an Ibis scalar parameter,
rendered as a sentinel literal that each run replaces with its own time.

The statements are those of :func:`pqlkit.scoring.run.score_events` on a scoring frame:
the identity tables (:func:`pqlkit.compile.frame.parameterised_frame`) created as temporary
tables, then the one query of signals, points and tiers, with the entities that have a live
trigger read from a temporary table the run fills. A test holds a prepared run equal to
``score_events`` row for row. The stores a server owns, DuckDB and Postgres; :func:`prepare`
returns ``None`` for other engines, whose rounds score with ``score_events``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.compile.frame import drop_temporary, parameterised_frame, temporary_sql
from pqlkit.compile.plan import CompiledModel, compile_model
from pqlkit.model.loader import LoadedModel
from pqlkit.scoring.run import ScoreRun, ranked
from pqlkit.triggers.alerts import Alert, active, fired_before

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

# Rendered where the as-of time goes; no real scoring time is this one.
SENTINEL = datetime(2199, 12, 31, 23, 59, 59, 987654)
ENGINES = ("duckdb", "postgres")


@dataclass(frozen=True)
class Statement:
    sql: str  # with the sentinel where the as-of time goes
    creates: str  # the temporary table it creates


class PreparedScoring:
    """``loaded``'s scoring on one connection, compiled once; :meth:`run` it as of any time."""

    def __init__(
        self,
        loaded: LoadedModel,
        backend: Any,
        statements: Sequence[Statement],
        query: ir.Table,
        hot_table: str | None,
        sentinel: str,
    ) -> None:
        self.loaded = loaded
        self.backend = backend
        self.statements = tuple(statements)
        self.query = query  # the scored table's expression (its schema types the result)
        self.sql = str(backend.compile(query, params={_param(query): SENTINEL}))
        self.hot_table = hot_table
        self.sentinel = sentinel
        if sentinel not in self.sql:
            raise AssertionError("the compiled query does not read its as-of time")

    def run(
        self,
        as_of: datetime,
        alerts: Sequence[Alert],
        engine: Callable[[Callable[[], None]], None] | None = None,
    ) -> ScoreRun:
        """Score as of ``as_of``; ``alerts``: those fired before it (see ``score_events``).

        ``engine`` runs the statements that are the engine's work alone — they create tables
        and return nothing — wherever the caller wants them (the server: on a thread of low
        CPU priority, :mod:`pqlkit.server.idle_engine`); by default here. On DuckDB the
        scored rows are made a table there too, then read."""
        moment = self._literal(as_of)
        fired = fired_before(alerts, as_of)
        live = active(fired, as_of)
        created: list[str] = []
        duckdb = self.backend.name == "duckdb"
        result_table = f"_pql_prepared_result_{uuid.uuid4().hex[:12]}"

        def engine_work() -> None:
            for statement in self.statements:
                self._execute(statement.sql.replace(self.sentinel, moment))
                created.append(statement.creates)
            if duckdb:
                query = self.sql.replace(self.sentinel, moment)
                self._execute(f'CREATE TEMPORARY TABLE "{result_table}" AS {query}')
                created.append(result_table)

        try:
            if self.hot_table is not None:
                self._hot(sorted(live))
                created.append(self.hot_table)
            (engine or _here)(engine_work)
            if duckdb:
                result = self._fetch(f'SELECT * FROM "{result_table}"')
            else:
                result = self._fetch(self.sql.replace(self.sentinel, moment))
        finally:
            for name in created:
                drop_temporary(self.backend, name)
        compiled = CompiledModel(self.loaded.model, as_of, self.query)
        return ScoreRun(self.loaded, compiled, ranked(self.loaded, result), live, fired)

    def _execute(self, sql: str) -> None:
        with self.backend._safe_raw_sql(sql):
            pass

    def _hot(self, entities: list[str]) -> None:
        """The entities with a live trigger, into the run's temporary table."""
        import pyarrow as pa

        name = self.hot_table
        if self.backend.name == "duckdb":
            con = self.backend.con
            con.register("_pql_hot_rows", pa.table({"entity_id": pa.array(entities, pa.string())}))
            try:
                con.execute(
                    f'CREATE TEMPORARY TABLE "{name}" AS SELECT entity_id FROM _pql_hot_rows'
                )
            finally:
                con.unregister("_pql_hot_rows")
            return
        with self.backend.con.cursor() as cursor:  # Postgres: one array parameter
            cursor.execute(
                f'CREATE TEMPORARY TABLE "{name}" AS SELECT unnest(%s::text[]) AS entity_id',
                (entities,),
            )

    def _fetch(self, sql: str) -> pa.Table:
        """The query's rows as Arrow, typed by its expression's schema (as Ibis fetches)."""
        import pyarrow as pa

        if self.backend.name == "duckdb":
            from ibis.backends.duckdb.converter import DuckDBPyArrowData

            raw = self.backend.con.sql(sql).to_arrow_table()
            return self.query.__pyarrow_result__(raw, data_mapper=DuckDBPyArrowData)
        schema = self.query.schema()
        with self.backend.con.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
        struct = schema.as_struct().to_pyarrow()
        table = pa.Table.from_struct_array(pa.array(rows, type=struct))
        arrow = schema.to_pyarrow()
        return self.query.__pyarrow_result__(table.rename_columns(list(schema.names)).cast(arrow))

    def _literal(self, moment: datetime) -> str:
        import ibis

        return _rendered(self.backend, ibis.literal(moment, type="timestamp"))


def _here(work: Callable[[], None]) -> None:
    work()


def prepare(events: ir.Table, loaded: LoadedModel) -> PreparedScoring | None:
    """``loaded``'s scoring on the engine of ``events``, compiled once (``None``: not a SQL
    engine this module runs, so score with ``score_events``)."""
    import ibis

    backend = events._find_backend()
    if backend.name not in ENGINES:
        return None
    model = loaded.model
    suffix = uuid.uuid4().hex[:10]
    as_of = ibis.param("timestamp")
    frame, tables = parameterised_frame(
        events, model, as_of, f"_pql_links_{suffix}", f"_pql_members_{suffix}"
    )
    params = {as_of: SENTINEL}
    statements = [
        Statement(temporary_sql(backend, expr, name, params), name) for name, expr in tables
    ]
    hot_table = f"_pql_hot_{suffix}" if model.triggers else None
    triggered = (
        ibis.table({"entity_id": "string"}, name=hot_table) if hot_table is not None else None
    )
    compiled = compile_model(model, events, as_of, triggered=triggered, frame=frame)
    sentinel = _rendered(backend, ibis.literal(SENTINEL, type="timestamp"))
    return PreparedScoring(loaded, backend, statements, compiled.table, hot_table, sentinel)


def _param(query: ir.Table) -> Any:
    """The one scalar parameter (the as-of time) ``query`` reads."""
    import ibis.expr.operations as ops

    found = {node for node in query.op().find(ops.ScalarParameter)}
    if len(found) != 1:
        raise AssertionError(f"expected one as-of parameter, found {len(found)}")
    return next(iter(found)).to_expr()


def _rendered(backend: Any, literal: Any) -> str:
    """How ``backend``'s compiler writes a literal (so it can be found and replaced)."""
    compiler, op = backend.compiler, literal.op()
    return str(compiler.visit_Literal(op, value=op.value, dtype=op.dtype).sql(compiler.dialect))
