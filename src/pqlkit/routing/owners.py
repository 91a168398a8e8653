"""Owners, assignments and round-robin cursors in the store. Owners and assignments are
append-only (the latest row wins); a team's cursor keeps its highest position.

``pql owners import FILE.csv`` appends the file's rows to ``account_owners``; reading takes,
per (account, role), the latest row — so a re-import or a CRM read-back simply supersedes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pqlkit.errors import InputError
from pqlkit.model.issues import Issue, did_you_mean
from pqlkit.routing.sql import insert, marks, query
from pqlkit.times import utc_now

if TYPE_CHECKING:
    from pqlkit.store.store import Store

OWNER_COLUMNS = ("account_id", "role", "owner_id", "email", "name", "slack_id")
ROLES = ("owner", "ae", "csm", "am")


@dataclass(frozen=True)
class AccountOwner:
    account_id: str
    role: str
    owner_id: str
    email: str | None = None
    name: str | None = None
    slack_id: str | None = None


@dataclass(frozen=True)
class Assignment:
    entity_id: str
    entity_kind: str
    model: str
    path: str
    owner_id: str | None
    owner_email: str | None
    owner_name: str | None
    team: str | None
    reason: str
    assigned_at: datetime
    sla_due: datetime | None
    handoff_key: str
    source: str = "route"


class OwnersFileError(InputError):
    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        lines = "\n".join(str(i) for i in issues)
        super().__init__(f"{len(issues)} error(s) in the owners file:\n{lines}")


def _clean(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def read_owners_csv(path: str | Path) -> list[AccountOwner | tuple[str, str]]:
    """The file's rows: an owner, or ``(account_id, role)`` to clear (empty owner_id).

    Columns: account_id, owner_id (required); role (default ``owner``), email, name, slack_id;
    one row per account and role. Every problem is reported at once with its line.
    """
    source = str(path)
    try:
        text = Path(path).read_text()
    except FileNotFoundError:
        raise InputError(f"{path}: no such owners file") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    import io

    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in (reader.fieldnames or [])]
        issues: list[Issue] = []
        for required in ("account_id", "owner_id"):
            if required not in header:
                hint = did_you_mean(required, header)
                issues.append(Issue(source, 1, f"the column {required!r} is missing.{hint}"))
        for name in header:
            if name not in OWNER_COLUMNS:
                hint = did_you_mean(name, OWNER_COLUMNS)
                issues.append(Issue(source, 1, f"unknown column {name!r}.{hint}"))
        if issues:
            raise OwnersFileError(issues)
        rows: list[AccountOwner | tuple[str, str]] = []
        given: dict[tuple[str, str], int] = {}  # (account, role) → the line that gives it
        for raw in reader:
            line = reader.line_num
            row = {k.strip(): v for k, v in raw.items() if k is not None}
            account, owner = _clean(row.get("account_id")), _clean(row.get("owner_id"))
            role = (_clean(row.get("role")) or "owner").lower()
            if account is None:
                issues.append(Issue(source, line, "account_id is empty"))
                continue
            if role not in ROLES:
                hint = did_you_mean(role, ROLES)
                issues.append(
                    Issue(source, line, f"role {role!r} is not one of {', '.join(ROLES)}.{hint}")
                )
                continue
            earlier = given.setdefault((account, role), line)
            if earlier != line:  # which should win would be the file's order: say so instead
                issues.append(
                    Issue(
                        source,
                        line,
                        f"{account!r} has its {role} on line {earlier} already: one row per "
                        "account and role",
                    )
                )
                continue
            if owner is None:
                rows.append((account, role))
                continue
            rows.append(
                AccountOwner(
                    account,
                    role,
                    owner,
                    _clean(row.get("email")),
                    _clean(row.get("name")),
                    _clean(row.get("slack_id")),
                )
            )
        if issues:
            raise OwnersFileError(issues)
    return rows


def import_owners(
    store: Store,
    rows: Iterable[AccountOwner | tuple[str, str]],
    source: str,
    now: datetime | None = None,
) -> int:
    """Append owner rows (a cleared role as a row with no owner_id); how many were written."""
    import pyarrow as pa

    moment = now or utc_now()
    records = []
    for row in rows:
        if isinstance(row, AccountOwner):
            records.append({**row.__dict__, "source": source, "updated_at": moment})
        else:
            account, role = row
            records.append(
                {
                    "account_id": account,
                    "role": role,
                    "owner_id": None,
                    "email": None,
                    "name": None,
                    "slack_id": None,
                    "source": source,
                    "updated_at": moment,
                }
            )
    if not records:
        return 0
    from pqlkit.store.schema import ACCOUNT_OWNERS

    table = pa.Table.from_pylist(records, schema=ACCOUNT_OWNERS.to_pyarrow())
    store.backend.insert("account_owners", table)
    return len(records)


def owners_of(store: Store, account_ids: Iterable[str]) -> dict[str, dict[str, AccountOwner]]:
    """account → role → its current owner (roles cleared since are absent)."""
    wanted = sorted({a for a in account_ids if a})
    if not wanted:
        return {}
    rows = query(  # the rows themselves: picking the latest here costs less than a window
        store,
        "SELECT account_id, role, owner_id, email, name, slack_id, updated_at"
        f" FROM account_owners WHERE account_id IN ({marks(wanted)})",
        wanted,
    )
    latest: dict[tuple[str, str], tuple[Any, ...]] = {}
    for row in rows:  # per (account, role) the latest row; of equals, the one read last
        kept = latest.get((row[0], row[1]))
        if kept is None or row[-1] >= kept[-1]:
            latest[(row[0], row[1])] = row
    found: dict[str, dict[str, AccountOwner]] = {}
    for row in latest.values():
        if row[2] is not None:
            owner = AccountOwner(*row[:-1])
            found.setdefault(owner.account_id, {})[owner.role] = owner
    return found


def owner_names(store: Store, owner_ids: Iterable[str]) -> dict[str, str]:
    """owner id → the latest name an owner row gave it (a CSV import, a CRM read-back)."""
    wanted = sorted({o for o in owner_ids if o})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = query(
            store,
            "SELECT owner_id, name FROM ("
            " SELECT owner_id, name, row_number() OVER (PARTITION BY owner_id"
            " ORDER BY updated_at DESC) AS latest FROM account_owners"
            f" WHERE name IS NOT NULL AND owner_id IN ({marks(chunk)})"
            ") AS ranked WHERE latest = 1",
            chunk,
        )
        found.update({str(owner): str(name) for owner, name in rows})
    return found


def cursors(store: Store) -> dict[str, int]:
    """Each team's round-robin position (the highest saved)."""
    rows = query(store, "SELECT team, max(position) FROM routing_cursors GROUP BY team")
    return {str(team): int(position) for team, position in rows}


def save_cursors(store: Store, moved: Mapping[str, int], now: datetime | None = None) -> None:
    """Save the teams' new positions and drop their lower ones: a row or so per team, however
    long a server routes (read as a whole by :func:`cursors` for every alert batch: 0.6 ms at
    3,000 rows, 19 ms at a million). Only lower positions go, so a writer that read an older
    position never moves a team back."""
    if not moved:
        return
    import pyarrow as pa

    from pqlkit.store.schema import ROUTING_CURSORS

    moment = now or utc_now()
    ordered = sorted(moved.items())
    records = [{"team": t, "position": p, "moved_at": moment} for t, p in ordered]
    table = pa.Table.from_pylist(records, schema=ROUTING_CURSORS.to_pyarrow())
    insert(store, "routing_cursors", table)
    lower = " OR ".join("(team = ? AND position < ?)" for _ in ordered)
    query(
        store, f"DELETE FROM routing_cursors WHERE {lower}", [v for pair in ordered for v in pair]
    )


ASSIGNMENT_COLUMNS = tuple(Assignment.__dataclass_fields__)


def assignments_of(store: Store, entity_ids: Iterable[str]) -> list[Assignment]:
    """Every assignment of these entities, under any model, as stored."""
    wanted = sorted(set(entity_ids))
    if not wanted:
        return []
    columns = ", ".join(ASSIGNMENT_COLUMNS)
    rows = query(
        store, f"SELECT {columns} FROM assignments WHERE entity_id IN ({marks(wanted)})", wanted
    )
    return [Assignment(*row) for row in rows]


def latest_of(assignments: Iterable[Assignment], model: str) -> dict[str, Assignment]:
    """entity → its latest assignment under ``model`` (of equals, the one read last)."""
    latest: dict[str, Assignment] = {}
    for assignment in assignments:
        if assignment.model != model:
            continue
        kept = latest.get(assignment.entity_id)
        if kept is None or assignment.assigned_at >= kept.assigned_at:
            latest[assignment.entity_id] = assignment
    return latest


def latest_assignments(
    store: Store, entity_ids: Iterable[str], model: str
) -> dict[str, Assignment]:
    """entity → its latest assignment under ``model``."""
    return latest_of(assignments_of(store, entity_ids), model)


def known_keys(store: Store, keys: Iterable[str]) -> set[str]:
    wanted = sorted(set(keys))
    if not wanted:
        return set()
    rows = query(
        store,
        f"SELECT DISTINCT handoff_key FROM assignments WHERE handoff_key IN ({marks(wanted)})",
        wanted,
    )
    return {str(row[0]) for row in rows}


def record_assignments(store: Store, assignments: Iterable[Assignment]) -> int:
    import pyarrow as pa

    from pqlkit.store.schema import ASSIGNMENTS

    records = [a.__dict__ for a in assignments]
    if not records:
        return 0
    table = pa.Table.from_pylist(records, schema=ASSIGNMENTS.to_pyarrow())
    insert(store, "assignments", table)
    return len(records)
