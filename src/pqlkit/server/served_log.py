"""What routing reads about the people of an alert, in the server: fast, whatever the store's size.

An alert is routed inside the loader's transaction (see :mod:`pqlkit.server.alerting`), so its
context must cost milliseconds, not a scan of the whole log. Who is who comes from the live
identity the triggers fired by (the ids linked to each person, their e-mail and account, the
account's other people) — no identity query; what they did is read by two parameterised
statements on the store (its events table, as of the alert) and the same filter over the rows
of the batches on their way to it, which the store does not hold yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.routing.context import CALL_COLUMNS, GROUP_CALL_COLUMNS
from pqlkit.routing.sql import marks, query

if TYPE_CHECKING:
    import pyarrow as pa

    from pqlkit.store.store import Store
    from pqlkit.triggers.identity_state import IdentityState


class ServedLog:
    """The reads of :func:`pqlkit.routing.context.entity_contexts` for the server's alerts.

    ``pending``: the rows the store does not hold yet (held batches' and the batch's own).
    """

    def __init__(self, store: Store, pending: pa.Table, identity: IdentityState) -> None:
        self.store = store
        self.pending = pending
        self.identity = identity

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

    def calls(self, ids: list[str], since: datetime, as_of: datetime) -> list[dict[str, Any]]:
        if not ids:
            return []
        columns = ", ".join(f'"{c}"' for c in CALL_COLUMNS)
        stored = query(
            self.store,
            f"SELECT {columns} FROM events WHERE timestamp < ?"
            f" AND (user_id IN ({marks(ids)}) OR anonymous_id IN ({marks(ids)}))"
            " AND (type = 'identify' OR timestamp >= ?)",
            [as_of, *ids, *ids, since],
        )
        import pyarrow as pa
        import pyarrow.compute as pc

        rows, wanted = self.pending, pa.array(ids, pa.string())
        when = rows["timestamp"]
        fresh = rows.filter(
            pc.and_(
                pc.and_(
                    pc.less(when, pa.scalar(as_of, when.type)),
                    pc.or_(
                        pc.is_in(rows["user_id"], wanted), pc.is_in(rows["anonymous_id"], wanted)
                    ),
                ),
                pc.or_(
                    pc.equal(rows["type"], "identify"),
                    pc.greater_equal(when, pa.scalar(since, when.type)),
                ),
            )
        )
        return _oldest_first(stored, CALL_COLUMNS, fresh)

    def group_calls(self, accounts: list[str], as_of: datetime) -> list[dict[str, Any]]:
        if not accounts:
            return []
        columns = ", ".join(f'"{c}"' for c in GROUP_CALL_COLUMNS)
        stored = query(
            self.store,
            f"SELECT {columns} FROM events WHERE type = 'group'"
            f" AND group_id IN ({marks(accounts)}) AND timestamp < ?",
            [*accounts, as_of],
        )
        import pyarrow as pa
        import pyarrow.compute as pc

        rows, when = self.pending, self.pending["timestamp"]
        fresh = rows.filter(
            pc.and_(
                pc.and_(
                    pc.equal(rows["type"], "group"),
                    pc.is_in(rows["group_id"], pa.array(accounts, pa.string())),
                ),
                pc.less(when, pa.scalar(as_of, when.type)),
            )
        )
        return _oldest_first(stored, GROUP_CALL_COLUMNS, fresh)


def _oldest_first(
    stored: list[tuple[Any, ...]], columns: Sequence[str], fresh: pa.Table
) -> list[dict[str, Any]]:
    rows = [dict(zip(columns, row, strict=True)) for row in stored]
    rows += fresh.select(list(columns)).to_pylist()
    rows.sort(key=lambda row: row["timestamp"])
    return rows
