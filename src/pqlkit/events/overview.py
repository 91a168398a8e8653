"""What the store knows, at a glance: volumes, people, accounts, the most active users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.events import identity

if TYPE_CHECKING:
    from pqlkit.store.store import Store


@dataclass(frozen=True)
class Overview:
    events: int
    by_type: dict[str, int]
    first: datetime | None
    last: datetime | None
    users: int
    anonymous: int
    accounts: int
    users_by_account_source: dict[str, int]
    top_events: list[tuple[str, int]]
    top_users: list[dict[str, Any]]
    top_accounts: list[dict[str, Any]]

    def summary_rows(self) -> list[tuple[str, str]]:
        span = (
            f"{self.first:%Y-%m-%d %H:%M} → {self.last:%Y-%m-%d %H:%M} UTC"
            if self.first and self.last
            else "–"
        )
        types = ", ".join(f"{kind} {count:,}" for kind, count in self.by_type.items())
        via = ", ".join(f"{k} {v:,}" for k, v in self.users_by_account_source.items())
        return [
            ("events", f"{self.events:,} ({types})" if self.events else "0"),
            ("time span", span),
            ("known users", f"{self.users:,}"),
            ("anonymous visitors", f"{self.anonymous:,}"),
            ("accounts", f"{self.accounts:,}"),
            ("users placed in an account by", via or "–"),
        ]


def overview(store: Store, top: int = 10) -> Overview:
    import ibis

    events = store.events
    by_type = events.group_by("type").agg(n=events.count()).order_by(lambda t: t.n.desc()).execute()
    span = events.aggregate(first=events.timestamp.min(), last=events.timestamp.max()).execute()
    resolved = identity.resolve_events(events)
    people = resolved.group_by("person_id").agg(
        known=resolved.is_known.max(),
        n=resolved.count(),
        days=resolved.timestamp.date().nunique(),
        last_seen=resolved.timestamp.max(),
    )
    counts = people.aggregate(
        users=ibis.ifelse(people.known, 1, 0).sum(),
        anonymous=ibis.ifelse(people.known, 0, 1).sum(),
    ).execute()
    members = identity.user_accounts(events)
    via = members.group_by(via=members.account_via.fill_null("none")).agg(n=members.count())
    via_rows = via.order_by(via.via).execute()
    accounts = identity.accounts(events)
    n_accounts = int(accounts.count().execute())
    track = events.filter(events.type == "track")
    top_events = (
        track.group_by("event").agg(n=track.count()).order_by(lambda t: t.n.desc()).limit(top)
    ).execute()
    known_people = people.filter(people.known)
    top_users = (
        known_people.join(members, known_people.person_id == members.user_id)
        .select(
            user_id=known_people.person_id,
            email=members.email,
            account_id=members.account_id,
            events=known_people.n,
            active_days=known_people.days,
            last_seen=known_people.last_seen,
        )
        .order_by([ibis.desc("events"), "user_id"])
        .limit(top)
    ).execute()
    known = resolved.filter(resolved.is_known)
    per_account = (
        known.join(members, known.person_id == members.user_id)
        .group_by(a_id=members.account_id)
        .agg(events=lambda t: t.count())
    )
    top_accounts = (
        accounts.join(per_account, accounts.account_id == per_account.a_id)
        .select("account_id", "name", "domain", "users", "events")
        .order_by([ibis.desc("events"), "account_id"])
        .limit(top)
    ).execute()

    def _first(frame: Any, column: str) -> Any:
        value = frame[column].iloc[0] if len(frame) else None
        return None if value is None or value != value else value

    return Overview(
        events=int(by_type.n.sum()) if len(by_type) else 0,
        by_type={str(k): int(v) for k, v in zip(by_type.type, by_type.n, strict=True)},
        first=_first(span, "first"),
        last=_first(span, "last"),
        users=int(_first(counts, "users") or 0),
        anonymous=int(_first(counts, "anonymous") or 0),
        accounts=n_accounts,
        users_by_account_source={
            str(k): int(v) for k, v in zip(via_rows.via, via_rows.n, strict=True)
        },
        top_events=[(str(e), int(n)) for e, n in zip(top_events.event, top_events.n, strict=True)],
        top_users=top_users.to_dict("records"),
        top_accounts=top_accounts.to_dict("records"),
    )
