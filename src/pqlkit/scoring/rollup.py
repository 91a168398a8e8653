"""A user model's scores seen per account (``pql score --entity account``).

Sales works accounts; a user model scores people. An account's row is its best user's: the
highest score and tier (hot, then PQL), that user's reasons and breakdown, the triggers of all
its users, and how many of its users are PQLs — so a rep sees both the account and who in it to
talk to. Users without an account (free-mail addresses, no group) are left out. "PQL since" is
the earliest of its qualified users'.
"""

from __future__ import annotations

from typing import Any

import orjson

from pqlkit.scoring.run import TIER_ORDER, ScoreRun

QUALIFIED = ("hot", "pql")


def account_rows(run: ScoreRun, top: int | None = None) -> list[dict[str, Any]]:
    """One row per account (``OUTPUT_COLUMNS``), best first, from a user model's run."""
    accounts = dict(
        zip(
            run.table.column("entity_id").to_pylist(),
            run.table.column("account_id").to_pylist(),
            strict=True,
        )
    )
    members: dict[str, list[dict[str, Any]]] = {}
    for row in run.rows():  # best first: each account's first row is its best user
        account = accounts.get(row["entity_id"])
        if account is not None:
            members.setdefault(account, []).append(row)
    out = [_account_row(account, users) for account, users in members.items()]
    out.sort(key=lambda r: (TIER_ORDER.get(r["tier"], 3), -r["score"], r["entity_id"]))
    return out[:top] if top is not None else out


def _account_row(account: str, users: list[dict[str, Any]]) -> dict[str, Any]:
    best = users[0]
    qualified = [u for u in users if u["tier"] in QUALIFIED]
    triggers = sorted({t for u in users for t in u["triggers"].split(", ") if t})
    since = [u["pql_since"] for u in qualified if u["pql_since"] is not None]
    breakdown = {
        "best_user": best["entity_id"],
        "users": len(users),
        "pql_users": [u["entity_id"] for u in qualified],
        "best_user_breakdown": orjson.loads(best["breakdown"]),
    }
    reasons = f"via {best['entity_id']}: {best['reasons']}" if best["reasons"] else ""
    if len(qualified) > 1:
        reasons += f"; {len(qualified)} PQL users"
    return {
        **best,
        "entity_id": account,
        "entity_type": "account",
        "triggers": ", ".join(triggers),
        "reasons": reasons,
        "breakdown": orjson.dumps(breakdown).decode(),
        "pql_since": min(since) if since else None,
    }
