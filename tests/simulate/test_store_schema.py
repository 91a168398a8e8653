"""The simulator writes exactly the store's event columns, so its files load without a mapping."""

from __future__ import annotations

import pyarrow as pa

from pqlkit.simulate import EVENT_SCHEMA
from pqlkit.store.schema import EVENTS


def test_the_simulated_event_schema_is_the_stores() -> None:
    assert list(EVENT_SCHEMA.names) == list(EVENTS.names)
    for field in EVENT_SCHEMA:
        dtype = EVENTS[field.name]
        if dtype.is_timestamp():
            assert pa.types.is_timestamp(field.type), field.name
        else:  # strings and JSON text
            assert pa.types.is_string(field.type) or pa.types.is_large_string(field.type), (
                field.name
            )
