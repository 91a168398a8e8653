"""API keys: created once, shown once, stored as a hash, checked in constant time.

Kinds:

- ``write-server`` — secret write keys for back-end SDKs (Segment's, RudderStack's);
- ``write-browser`` — public write keys for analytics.js (anyone can read them from a web page,
  so triggers can refuse what they send);
- ``read`` — for the query API; a read key cannot write and a write key cannot read.

A key is ``pql_<w|b|r>_`` followed by 32 random bytes (URL-safe base64). Its SHA-256 is kept,
never the key: with 256 random bits a plain hash is enough (a slow password hash defends guessable
secrets, which these are not). The public id of a key is ``k_`` and the first 12 hex digits of
the hash.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, get_args

from pqlkit.errors import ConfigError
from pqlkit.store.transaction import execute

if TYPE_CHECKING:
    from pqlkit.store.store import Store

KeyKind = Literal["write-server", "write-browser", "read"]
KEY_KINDS: tuple[KeyKind, ...] = get_args(KeyKind)
_PREFIX: dict[KeyKind, str] = {"write-server": "w", "write-browser": "b", "read": "r"}
_KEY_ID = re.compile(r"^k_[0-9a-f]{12}$")
TABLE = "api_keys"


@dataclass(frozen=True)
class ApiKey:
    """What the store knows of a key (never the key itself)."""

    key_id: str
    kind: KeyKind
    label: str | None
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def can_write(self) -> bool:
        return self.kind in ("write-server", "write-browser")

    @property
    def can_read(self) -> bool:
        return self.kind == "read"

    @property
    def source(self) -> str:
        """The ``source`` of the events this key sends: ``api:server:<id>``, ``api:browser:<id>``."""
        origin = "browser" if self.kind == "write-browser" else "server"
        return f"api:{origin}:{self.key_id}"

    def as_json(self) -> dict[str, str | None]:
        return {
            "key_id": self.key_id,
            "kind": self.kind,
            "label": self.label,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "revoked_at": (
                self.revoked_at.isoformat(timespec="seconds") + "Z" if self.revoked_at else None
            ),
        }


@dataclass(frozen=True)
class IssuedKey:
    """A key just created: the only time its secret exists outside the caller's hands."""

    key: ApiKey
    secret: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def key_kind(kind: str, *, browser: bool = False) -> KeyKind:
    """The kind named on the command line: ``write`` (``--browser`` for a browser key) or ``read``."""
    if kind == "write":
        return "write-browser" if browser else "write-server"
    if kind == "read":
        if browser:
            raise ConfigError("--browser applies to write keys only (read keys stay on servers)")
        return "read"
    if kind in KEY_KINDS:
        return kind
    raise ConfigError(f"--kind: {kind!r} is not a key kind (write or read)")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def create_key(store: Store, kind: KeyKind, label: str | None = None) -> IssuedKey:
    import pyarrow as pa

    if kind not in KEY_KINDS:
        raise ConfigError(f"{kind!r} is not a key kind ({', '.join(KEY_KINDS)})")
    secret = f"pql_{_PREFIX[kind]}_{secrets.token_urlsafe(32)}"
    digest = hash_secret(secret)
    key = ApiKey(key_id=f"k_{digest[:12]}", kind=kind, label=label or None, created_at=_now())
    store.backend.insert(
        TABLE,
        pa.table(
            {
                "key_id": [key.key_id],
                "kind": [key.kind],
                "label": pa.array([key.label], pa.string()),
                "key_hash": [digest],
                "created_at": pa.array([key.created_at], pa.timestamp("us")),
                "revoked_at": pa.array([None], pa.timestamp("us")),
            }
        ),
    )
    return IssuedKey(key, secret)


def _rows(store: Store) -> list[tuple[ApiKey, str]]:
    """Every key with its hash, oldest first. The server's store thread reads them every few
    seconds between the loader's batches: on DuckDB by a plain statement (an Ibis query would
    compile and build a pandas frame each time, ~7 ms of the loader's thread)."""
    columns = ("key_id", "kind", "label", "created_at", "revoked_at", "key_hash")
    if store.is_duckdb:
        found = (
            store.duckdb()
            .execute(f"SELECT {', '.join(columns)} FROM {TABLE} ORDER BY created_at, key_id")
            .fetchall()
        )
    else:
        table = store.table(TABLE).order_by("created_at", "key_id").select(*columns)
        found = [tuple(row.values()) for row in table.to_pyarrow().to_pylist()]
    return [
        (ApiKey(key_id, kind, label or None, created_at, revoked_at), key_hash)
        for key_id, kind, label, created_at, revoked_at, key_hash in found
    ]


def list_keys(store: Store) -> list[ApiKey]:
    """Every key, oldest first, revoked ones included."""
    return [key for key, _ in _rows(store)]


def revoke_key(store: Store, key_id: str) -> ApiKey | None:
    """Revoke a key by its id (``None``: there is no such key); revoking twice keeps the first
    revocation's time."""
    if not _KEY_ID.match(key_id):
        raise ConfigError(f"{key_id!r} is not a key id (they look like k_0123456789ab)")
    key = {key.key_id: key for key in list_keys(store)}.get(key_id)
    if key is None:
        return None
    if key.revoked_at is not None:
        return key
    moment = _now()
    execute(
        store,
        f"UPDATE {TABLE} SET revoked_at = TIMESTAMP '{moment.isoformat(sep=' ')}' "
        f"WHERE key_id = '{key_id}'",
    )
    return ApiKey(key.key_id, key.kind, key.label, key.created_at, moment)


class KeyRing:
    """The active keys, for checking requests without touching the store.

    The store thread replaces the whole list (:meth:`reload`); requests read it. A reference
    swap is atomic, so no lock is needed. :meth:`verify` compares the presented key's hash with
    every active key's in constant time and without stopping early, so its timing tells nothing
    about which bytes matched (a dictionary lookup would).
    """

    def __init__(self, active: Mapping[str, ApiKey] | None = None) -> None:
        self._active: tuple[tuple[bytes, ApiKey], ...] = tuple(
            (digest.encode(), key) for digest, key in (active or {}).items()
        )

    @classmethod
    def from_store(cls, store: Store) -> KeyRing:
        ring = cls()
        ring.reload(store)
        return ring

    def reload(self, store: Store) -> None:
        self._active = tuple(
            (digest.encode(), key) for key, digest in _rows(store) if key.revoked_at is None
        )

    def verify(self, secret: str) -> ApiKey | None:
        """The active key ``secret`` is, if any."""
        digest = hash_secret(secret).encode()
        found = None
        for stored, key in self._active:
            if hmac.compare_digest(stored, digest):
                found = key
        return found

    def __len__(self) -> int:
        return len(self._active)
