"""What routing reads about the people of an alert, in the server: never a scan of the whole log.

An alert is routed inside the loader's transaction (see :mod:`pqlkit.server.alerting`), so its
context must cost milliseconds, not a query of the log's identity. Who is who comes from the
live identity the triggers fired by (:mod:`pqlkit.triggers.identity_state`): the ids linked to
each person, their e-mail, title and name, their account and its other people, the account's
traits. What they did in the last 14 days is read by one parameterised statement on the store
— from the later of the window's start and the earliest time the identity saw any of the ids
(the log is stored in arrival order, so the engine skips all before it) — plus the same filter
over the rows of the batches on their way to the store, which it does not hold yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.routing.context import CALL_COLUMNS
from pqlkit.routing.sql import marks, query

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.store.store import Store
    from pqlkit.triggers.identity_state import IdentityState


class ServedLog:
    """The reads of :func:`pqlkit.routing.context.entity_contexts` for the server's alerts.

    ``held``: the batches on their way to the store (the event writer may store one at any
    moment); ``rows``: the batch being loaded, which the store does not hold yet.
    """

    def __init__(
        self, store: Store, held: Sequence[pa.Table], rows: pa.Table, identity: IdentityState
    ) -> None:
        self.store = store
        self.held = held
        self.rows = rows
        self.identity = identity

    def pending(self, keep: Callable[[pa.Table], pa.ChunkedArray] | None = None) -> pa.Table:
        """The rows on their way that ``keep`` selects (all by default), minus the held ones
        the store holds by now.

        Which held rows the store holds is asked of the rows ``keep`` selects only (most
        often none: no statement at all), each batch's within its own bounds (the loader's
        rule, :func:`~pqlkit.server.batch_writes.stored_ids`), inside the caller's
        transaction: on DuckDB an attached file's snapshot is taken at its first read in a
        transaction, so this check and the reads of the store see the same store (each event
        once). On Postgres (read committed) a batch stored between two statements would be
        read twice."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        from pqlkit.server.batch_writes import dedupe_bounds, stored_ids
        from pqlkit.store.schema import EVENT_COLUMNS

        batches = [*self.held, self.rows]  # as one table: ``keep`` once, not once a batch
        every = pa.concat_tables(
            [batch.select(list(EVENT_COLUMNS)) for batch in batches], promote_options="permissive"
        )
        if keep is None:
            picked = np.arange(every.num_rows)
        else:
            picked = np.flatnonzero(pc.fill_null(keep(every), False).to_numpy())
        origin = np.searchsorted(np.cumsum([b.num_rows for b in batches]), picked, side="right")
        parts = [every.schema.empty_table()]
        for index in np.unique(origin):  # the batches that hold a chosen row
            batch, chosen = batches[index], every.take(picked[origin == index])
            if batch is not self.rows:
                found = stored_ids(self.store, chosen, dedupe_bounds(batch))
                if found:
                    stored = pc.is_in(chosen["message_id"], pa.array(sorted(found), pa.string()))
                    chosen = chosen.filter(pc.invert(stored))
            parts.append(chosen)
        return pa.concat_tables(parts)

    def people(self, ids: list[str], kind: str, as_of: datetime) -> list[dict[str, Any]]:
        identity = self.identity
        accounts = {identity.account(i) for i in ids} if kind == "user" else set(ids)
        everyone = set(ids) if kind == "user" else set()
        for account in accounts - {None}:
            everyone |= identity.people_of_account(str(account))
        rows = []
        for person in sorted(everyone):
            email = identity.fact("email", person)
            rows.append(
                {
                    "user_id": person,
                    "email": email.value if email is not None else None,
                    "account_id": identity.account(person),
                }
            )
        return rows

    def linked(self, people: list[str], as_of: datetime) -> dict[str, str]:
        return {
            raw: person
            for person in people
            for raw, _ in self.identity.members(person)
            if raw != person
        }

    def traits(
        self, people: list[str], linked: Mapping[str, str], as_of: datetime
    ) -> dict[str, dict[str, Any]]:
        return {person: self.identity.person_traits(person) for person in people}

    def recent(self, ids: list[str], since: datetime, as_of: datetime) -> list[dict[str, Any]]:
        seen = self.identity.seen
        firsts = [seen.get((i, user)) for i in ids for user in (True, False)]
        found = [first for first in firsts if first is not None]
        if not found:
            return []  # none of them has made a call
        columns = ", ".join(f'"{c}"' for c in CALL_COLUMNS)
        stored = query(
            self.store,
            f"SELECT {columns} FROM events WHERE timestamp >= ? AND timestamp < ?"
            f" AND (user_id IN ({marks(ids)}) OR anonymous_id IN ({marks(ids)}))",
            [max(since, min(found)), as_of, *ids, *ids],
        )
        import pyarrow as pa
        import pyarrow.compute as pc

        wanted = pa.array(ids, pa.string())

        def theirs(rows: pa.Table) -> pa.ChunkedArray:
            when = rows["timestamp"]
            return pc.and_(
                pc.and_(
                    pc.greater_equal(when, pa.scalar(since, when.type)),
                    pc.less(when, pa.scalar(as_of, when.type)),
                ),
                pc.or_(pc.is_in(rows["user_id"], wanted), pc.is_in(rows["anonymous_id"], wanted)),
            )

        rows = [dict(zip(CALL_COLUMNS, row, strict=True)) for row in stored]
        rows += self.pending(theirs).select(list(CALL_COLUMNS)).to_pylist()
        rows.sort(key=lambda row: row["timestamp"])
        return rows

    def account_traits(self, accounts: list[str], as_of: datetime) -> dict[str, dict[str, Any]]:
        return {account: self.identity.account_traits(account) for account in accounts}
