"""The event frame a model is computed on: events before T, attributed to people and accounts.

Every signal reads this one relation, so identity is resolved once per scoring run:
``person_id`` (aliases followed), ``account_id`` (group, else company domain), and
``entity_id`` (the person for user models, the account for account models). Only known people
count; anonymous visits count once an alias ties them to a user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from pqlkit.events import identity

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from pqlkit.model.schema import Model


@dataclass(frozen=True)
class Frame:
    events: ir.Table  # the raw events table (for account traits as of T)
    rows: ir.Table  # resolved events before T, with person_id, account_id, entity_id
    accounts: ir.Table  # user_id → account_id, email_domain, as of T
    as_of: datetime
    entity: str
    temporary: tuple[str, ...] = ()  # temporary tables this frame owns (see materialize)

    def materialize(self) -> Frame:
        """The same frame with rows and accounts computed once into temporary tables.

        Scoring reads the frame many times (signals, triggers, population); computing identity
        once keeps every engine's plan small (Postgres plans the inlined views very slowly).
        """
        import uuid

        suffix = uuid.uuid4().hex[:10]
        names = (f"_pql_frame_{suffix}", f"_pql_members_{suffix}")
        rows = _temporary(self.rows, names[0])
        accounts = _temporary(self.accounts, names[1])
        backend = self.rows._find_backend()
        owned = names if backend.name in ("duckdb", "postgres") else ()
        return Frame(self.events, rows, accounts, self.as_of, self.entity, owned)

    def release(self) -> None:
        """Drop the temporary tables :meth:`materialize` made; the frame is unusable after.

        One scoring run's frame holds a copy of the resolved event log: loops that score many
        dates on one connection (backfill, backtest, train) must not keep them all.
        """
        if not self.temporary:
            return
        backend = self.rows._find_backend()
        for name in self.temporary:
            with backend._safe_raw_sql(f'DROP TABLE IF EXISTS "{name}"'):
                pass


def materialized(expr: ir.Table, label: str) -> ir.Table:
    """``expr`` computed once into a temporary table of its own engine (a fresh name)."""
    import uuid

    return _temporary(expr, f"_pql_{label}_{uuid.uuid4().hex[:10]}")


def _temporary(expr: ir.Table, name: str) -> ir.Table:
    """``expr`` computed into a temporary table on its own engine.

    SQL engines get ``CREATE TEMPORARY TABLE … AS``, which keeps JSON columns JSON; others
    (Spark) cache the result for the session. The query is compiled without the Postgres compiler's last step,
    which turns JSON columns into text for fetching them into Python.
    """
    backend = expr._find_backend()
    backend._run_pre_execute_hooks(expr)  # in-memory tables (and Spark's UDFs) the query reads
    if backend.name in ("duckdb", "postgres"):
        compiler = backend.compiler
        query = super(type(compiler), compiler).to_sqlglot(expr)
        sql = f'CREATE TEMPORARY TABLE "{name}" AS {query.sql(compiler.dialect)}'
        with backend._safe_raw_sql(sql):
            pass
        return backend.table(name)
    register = getattr(backend, "_register_udfs", None)
    if register is not None:  # Spark: the JSON UDFs the cached query calls
        register(expr)
    cached = expr.cache()
    retyped = {  # Spark reads JSON back from its cache as strings
        name: cached[name].cast("json")
        for name, dtype in expr.schema().items()
        if dtype.is_json() and not cached[name].type().is_json()
    }
    return cached.mutate(**retyped) if retyped else cached


def build_frame(events: ir.Table, model: Model, as_of: datetime) -> Frame:
    resolved = identity.resolve_events(events, as_of)
    known = resolved.filter(resolved.is_known)
    members = identity.user_accounts(events, as_of, resolved=resolved).select(
        m_user="user_id", account_id="account_id", email_domain="email_domain"
    )
    joined = known.left_join(members, known.person_id == members.m_user)
    columns = [c for c in known.columns if c not in ("is_known",)]
    rows = joined.select(
        *columns,
        account_id=joined.account_id,
        email_domain=joined.email_domain,
        entity_id=joined.person_id if model.entity == "user" else joined.account_id,
    ).view()
    if model.entity == "account":
        rows = rows.filter(rows.entity_id.notnull())
    return Frame(events, rows, members, as_of, model.entity)
