"""The event frame a model is computed on: events before T, attributed to people and accounts.

Every signal reads this one relation, so identity is resolved once per scoring run:
``person_id`` (aliases followed), ``account_id`` (group, else company domain), and
``entity_id`` (the person for user models, the account for account models). Only known people
count; anonymous visits count once an alias ties them to a user.

A scoring run (:func:`scoring_frame`) computes only the small identity tables once — the
linked id → person map and each person's account — and keeps the per-event rows a view over
the log that carries just the columns and events the model reads. Copying the resolved log
instead cost 132 of 175 s and 9 GB on 20M events (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.compile import needs
from pqlkit.events import identity

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

    from pqlkit.compile.dated_frame import Spread
    from pqlkit.events.identity import AsOf
    from pqlkit.model.schema import Model
    from pqlkit.store.kept import RareEvents

# the event columns every frame keeps; properties and traits only when the model reads them
BASE_COLUMNS = ("type", "event", "name", "timestamp", "user_id", "anonymous_id")


@dataclass(frozen=True)
class Frame:
    events: ir.Table  # the raw events table (for account traits as of T)
    rows: ir.Table  # resolved events before T, with person_id, account_id, entity_id
    accounts: ir.Table  # user_id → account_id, email_domain, first_seen, last_seen as of T
    as_of: AsOf
    entity: str
    temporary: tuple[str, ...] = ()  # temporary tables this frame owns (see scoring_frame)
    # many dates at once (compile/dated_frame.py): ``d_idx, as_of``; the ids carry the date
    dates: ir.Table | None = None
    # only these entities (``entity_id``) are scored; the rows hold what their signals read
    wanted: ir.Table | None = None
    # many dates, everyone scored: how log rows become the dates' rows, for pieces that
    # reduce the log before spreading it over the dates (compile/intervals.py)
    spread: Spread | None = None
    # many dates: the frame as of a later time whose identity was made with theirs (also=)
    also: Frame | None = None
    # every group call, with ``traits``, when the store keeps them (pqlkit.store.kept)
    groups: ir.Table | None = None
    # ``rows`` of the store's events of rare names, when it keeps them (pqlkit.store.kept)
    rare: RareEvents | None = None
    # many dates on DuckDB: fills a table the frame made empty (:func:`materialized_later`);
    # a caller runs it, on a thread of its own, before any query reads the frame
    fill: Callable[[], None] | None = None

    def group_calls(self) -> ir.Table:
        """The ``group`` calls that name a groupId and carry traits, at any time:
        ``group_id, timestamp, traits`` — the store's kept ones, else from the log."""
        calls = self.groups
        if calls is None:
            calls = identity.group_calls(self.events, traits=self.events.traits)
        return calls.filter(calls.traits.notnull()).select("group_id", "timestamp", "traits")

    def release(self) -> None:
        """Drop the temporary tables :func:`scoring_frame` made; the frame is unusable after.

        Loops that score many dates on one connection (backfill, backtest, train) must not
        keep every date's identity tables.
        """
        if not self.temporary:
            return
        backend = self.rows._find_backend()
        for name in self.temporary:
            drop_temporary(backend, name)


@contextmanager
def joins_as_written(backend: Any) -> Iterator[None]:
    """On DuckDB, build each hash join on the side the query puts on the right.

    DuckDB picks the side from its row estimates, and it cannot estimate the log narrowed by a
    model's event tests: it takes tens of millions of rows for a few and builds its hash
    tables on them (11 GB for a join the right way round does in 2.8, bench/RESULTS.md). The
    compiler always puts the smaller relation (identity maps, members, per-entity values) on
    the right.
    """
    if backend.name != "duckdb":
        yield
        return
    con = backend.con
    found = con.execute("SELECT current_setting('disabled_optimizers')").fetchone()
    before = str(found[0]) if found and found[0] else ""
    wanted = ",".join(x for x in (before, "build_side_probe_side") if x)
    con.execute(f"SET disabled_optimizers = '{wanted}'")
    try:
        yield
    finally:
        con.execute(f"SET disabled_optimizers = '{before}'")


def materialized(expr: ir.Table, label: str) -> tuple[ir.Table, str]:
    """``expr`` computed once into a temporary table of its own engine (a fresh name), and
    the name to give :func:`drop_temporary`."""
    import uuid

    return _temporary(expr, f"_pql_{label}_{uuid.uuid4().hex[:10]}")


def materialized_later(
    expr: ir.Table, label: str
) -> tuple[ir.Table, str, Callable[[], None] | None]:
    """:func:`materialized`, the table made empty now and filled by the function returned:
    DuckDB computes it (its own threads, Python's lock released) while the caller compiles the
    query that reads it (pure Python). Other engines compute it at once (no function)."""
    import uuid

    import ibis

    name = f"_pql_{label}_{uuid.uuid4().hex[:10]}"
    backend = expr._find_backend()
    if backend.name != "duckdb":
        table, name = _temporary(expr, name)
        return table, name, None
    loose = ibis.schema({c: kind.copy(nullable=True) for c, kind in expr.schema().items()})
    backend.create_table(name, schema=loose, temp=True)

    def fill() -> None:
        backend._run_pre_execute_hooks(expr)
        backend.con.execute(f'INSERT INTO "{name}" BY NAME {_query_sql(backend, expr)}')

    return backend.table(name), name, fill


def given_later(
    backend: Any, schema: pa.Schema, label: str
) -> tuple[ir.Table, str, Callable[[pa.Table], None]]:
    """A temporary DuckDB table made empty now, its rows inserted by the function returned:
    a query can be compiled on it before they are known (see :func:`materialized_later`)."""
    import uuid

    import ibis

    name = f"_pql_{label}_{uuid.uuid4().hex[:10]}"
    backend.create_table(name, schema=ibis.Schema.from_pyarrow(schema), temp=True)

    def give(rows: pa.Table) -> None:
        backend.con.register(f"{name}_rows", rows)
        try:
            backend.con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM "{name}_rows"')
        finally:
            backend.con.unregister(f"{name}_rows")

    return backend.table(name), name, give


def drop_temporary(backend: Any, name: str) -> None:
    """Drop a table :func:`materialized` made (on Spark: unpersist its cached result).

    Spark must be told too: every query it plans is matched against every cached plan, so a
    session that keeps them grows slower with each evaluation.
    """
    if backend.name in ("duckdb", "postgres"):
        with backend._safe_raw_sql(f'DROP TABLE IF EXISTS "{name}"'):
            pass
    else:
        backend._finalize_cached_table(name)


def _temporary(expr: ir.Table, name: str) -> tuple[ir.Table, str]:
    """``expr`` computed into a temporary table on its own engine, and that table's name.

    SQL engines get ``CREATE TEMPORARY TABLE … AS``, which keeps JSON columns JSON; others
    (Spark) cache the result for the session under a name Ibis gives. The query is compiled
    without the Postgres compiler's last step, which turns JSON columns into text for fetching
    them into Python.
    """
    backend = expr._find_backend()
    backend._run_pre_execute_hooks(expr)  # in-memory tables (and Spark's UDFs) the query reads
    if backend.name in ("duckdb", "postgres"):
        with backend._safe_raw_sql(temporary_sql(backend, expr, name)):
            pass
        return backend.table(name), name
    register = getattr(backend, "_register_udfs", None)
    if register is not None:  # Spark: the JSON UDFs the cached query calls
        register(expr)
    cached = expr.cache()
    retyped = {  # Spark reads JSON back from its cache as strings
        name: cached[name].cast("json")
        for name, dtype in expr.schema().items()
        if dtype.is_json() and not cached[name].type().is_json()
    }
    return (cached.mutate(**retyped) if retyped else cached), cached.op().name


def temporary_sql(
    backend: Any, expr: ir.Table, name: str, params: dict[Any, Any] | None = None
) -> str:
    """``CREATE TEMPORARY TABLE name AS …`` for ``expr`` on a SQL engine (see
    :func:`_temporary`); ``params`` give Ibis scalar parameters their values."""
    return f'CREATE TEMPORARY TABLE "{name}" AS {_query_sql(backend, expr, params)}'


def _query_sql(backend: Any, expr: ir.Table, params: dict[Any, Any] | None = None) -> str:
    """``expr``'s query for a temporary table (see :func:`temporary_sql`)."""
    compiler = backend.compiler
    query = super(type(compiler), compiler).to_sqlglot(expr, params=params)
    if backend.name == "duckdb":
        query = _inlined(query)
    return str(query.sql(compiler.dialect))


def fetched(expr: ir.Table) -> pa.Table:
    """``expr``'s rows as Arrow, as ``to_pyarrow`` gives them; on DuckDB with every CTE
    inlined (:func:`_inlined`). :func:`prepared`, fetched at once.

    DuckDB holds a CTE that a query reads more than once in memory, whole: the log narrowed to
    a model's events, which every piece of many dates' query reduces (compile/intervals.py),
    took 2.7 GB at 20M events (peak 5.7 GB; 3.0 GB inlined, each piece scanning the log with
    its own filters instead).
    """
    return prepared(expr)()


def prepared(expr: ir.Table) -> Callable[[], pa.Table]:
    """:func:`fetched`, its query compiled now (pure Python: no query runs) and run by the
    function returned."""
    backend = expr._find_backend()
    if backend.name != "duckdb":
        return lambda: expr.to_pyarrow()
    from ibis.backends.duckdb.converter import DuckDBPyArrowData

    sql = _inlined(backend.compiler.to_sqlglot(expr)).sql(backend.compiler.dialect)

    def fetch() -> pa.Table:
        backend._run_pre_execute_hooks(expr)
        table = backend.con.sql(sql).to_arrow_table()
        return expr.__pyarrow_result__(table, data_mapper=DuckDBPyArrowData)

    return fetch


def _inlined(query: Any) -> Any:
    """The query with every CTE ``NOT MATERIALIZED``.

    DuckDB buffers a CTE that is read twice in full: on 20M events the identity links' CTE
    (19M rows) took a 3–4 GB peak, inlined 1 GB in the same time (bench/RESULTS.md).
    """
    import sqlglot.expressions as sge

    for cte in query.find_all(sge.CTE):
        cte.set("materialized", False)
    return query


def build_frame(events: ir.Table, model: Model, as_of: datetime) -> Frame:
    """The frame as views over the whole log (every column): for discovery and SQL rendering."""
    mapping = identity.person_map(events, as_of)
    members = _members(events, as_of, mapping)
    rows = frame_rows(events, model, as_of, mapping, members)
    return Frame(events, rows, members, as_of, model.entity)


def scoring_frame(
    events: ir.Table, model: Model, as_of: datetime, *, pairs: ir.Table | None = None
) -> Frame:
    """The frame a scoring run reads many times, its identity tables computed once.

    The id → person map and the members (person → account, first and last seen; from the
    facts of each id a store keeps, :func:`pqlkit.store.kept.senders`) go into temporary
    tables (small: one row per id or person); the rows stay a view over the log,
    narrowed to the columns and events the model's signals read, so no copy of the log is made.
    ``pairs``: the log's linked pairs (:func:`pqlkit.triggers.asof.link_pairs`), when the
    caller has them for the triggers too: the links from them, not from another pass.
    """
    import uuid

    from pqlkit.store import kept

    suffix = uuid.uuid4().hex[:10]
    linked = identity.person_map(events, as_of, pairs=pairs)
    mapping, links = _temporary(linked, f"_pql_links_{suffix}")
    groups = kept.group_calls(events)
    made = _members(events, as_of, mapping, kept.senders(events, as_of), groups)
    members, people = _temporary(made, f"_pql_members_{suffix}")
    rows = frame_rows(events, model, as_of, mapping, members, narrow=True)
    rare = kept.rare_events(events)
    if rare is not None:  # the same rows, of the events of rare names only
        rows_of_rare = frame_rows(rare.table, model, as_of, mapping, members, narrow=True)
        rare = replace(rare, table=rows_of_rare)
    temporary = (links, people)
    return Frame(events, rows, members, as_of, model.entity, temporary, groups=groups, rare=rare)


def parameterised_frame(
    events: ir.Table, model: Model, as_of: ir.TimestampScalar, links: str, members: str
) -> tuple[Frame, list[tuple[str, ir.Table]]]:
    """The scoring frame with the as-of time an Ibis scalar parameter, reading its identity
    tables from temporary tables named ``links`` and ``members``; with the (name, expression)
    of each, to be created (in that order) before the frame is read. For compiling a model's
    scoring once (:mod:`pqlkit.scoring.prepared`)."""
    import ibis

    mapping_expr = identity.person_map(events, as_of)
    mapping = ibis.table(mapping_expr.schema(), name=links)
    members_expr = _members(events, as_of, mapping)
    people = ibis.table(members_expr.schema(), name=members)
    rows = frame_rows(events, model, as_of, mapping, people, narrow=True)
    frame = Frame(events, rows, people, as_of, model.entity)
    return frame, [(links, mapping_expr), (members, members_expr)]


def _members(
    events: ir.Table,
    as_of: AsOf,
    mapping: ir.Table,
    senders: ir.Table | None = None,
    groups: ir.Table | None = None,
) -> ir.Table:
    """Per known person: ``m_user, account_id, email_domain, first_seen, last_seen,
    signed_up``.

    ``senders``, ``groups``: the facts of every id as of ``as_of``
    (:func:`~pqlkit.events.identity.sender_facts`) and the group calls, when a store keeps
    them (:mod:`pqlkit.store.kept`); else from the log.
    """
    members = identity.user_accounts(events, as_of, mapping=mapping, senders=senders, groups=groups)
    return members.select(
        m_user="user_id",
        account_id="account_id",
        email_domain="email_domain",
        first_seen="first_seen",
        last_seen="last_seen",
        signed_up="signed_up",
    )


def frame_rows(
    events: ir.Table,
    model: Model,
    as_of: AsOf,
    mapping: ir.Table,
    members: ir.Table,
    *,
    narrow: bool = False,
) -> ir.Table:
    """Known people's events before T with ``person_id``, ``account_id``, ``entity_id``.

    ``narrow``: only the columns and events the model reads (:mod:`pqlkit.compile.needs`), with
    ``properties`` kept only on the events whose signals test a property.
    """
    source = narrowed(events, model) if narrow else events
    resolved = identity.resolve_events(source, as_of, mapping=mapping)
    known = resolved.filter(resolved.is_known)
    links = members.select("m_user", "account_id", "email_domain")
    joined = known.left_join(links, known.person_id == links.m_user)
    columns = [c for c in known.columns if c not in ("is_known",)]
    rows = joined.select(
        *columns,
        account_id=joined.account_id,
        email_domain=joined.email_domain,
        entity_id=joined.person_id if model.entity == "user" else joined.account_id,
    ).view()
    if model.entity == "account":
        rows = rows.filter(rows.entity_id.notnull())
    return rows


def narrowed(events: ir.Table, model: Model) -> ir.Table:
    """The events and columns the model's signals read, ``properties`` only on the events
    whose signals test a property (:mod:`pqlkit.compile.needs`)."""
    import ibis

    source = needs.read_rows(events, model)
    columns = [*BASE_COLUMNS]
    if needs.traits(model):
        columns.append("traits")
    kept = {}
    with_properties = needs.property_rows(source, model)
    if with_properties is not None:
        kept["properties"] = ibis.ifelse(with_properties, source.properties, ibis.null())
    return source.select(*columns, **kept)
