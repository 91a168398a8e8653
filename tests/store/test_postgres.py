"""The Postgres store: migrated, events appended once, identity views running in place."""

from __future__ import annotations

import pytest

from pqlkit.events import identity
from pqlkit.events.importers import ingest_file
from pqlkit.store.store import Store
from tests.engines import require_postgres, wipe_postgres
from tests.events.test_importers import GOLDEN

pytestmark = pytest.mark.postgres


def test_events_land_once_in_postgres_and_identity_resolves_there() -> None:
    url = require_postgres()
    wipe_postgres(url)
    with Store.open(url) as store:
        first = ingest_file(store, GOLDEN / "segment.jsonl")
        again = ingest_file(store, GOLDEN / "segment.jsonl")
        assert (first.inserted, again.inserted, again.duplicates) == (7, 0, 7)
        people = identity.resolve_events(store.events).execute()
        assert set(people.person_id) == {"u-1"}  # the anonymous visit is aliased to u-1
        users = identity.user_accounts(store.events).execute().to_dict("records")
        assert [(u["user_id"], u["account_id"], u["account_via"]) for u in users] == [
            ("u-1", "acme", "group")
        ]
