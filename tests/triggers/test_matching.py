"""The real-time matcher means what the engine's ``match`` means, for every filter form.

Each filter is tried on events whose property is a string, a number (whole or not), a yes/no,
missing, or of another JSON type; the Python matcher must accept exactly the rows the engine
selects.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from pqlkit.compile.signals import match
from pqlkit.model.schema import Model, Trigger
from pqlkit.store.store import Store
from pqlkit.triggers.batch import trusted
from pqlkit.triggers.matching import Matcher, json_object
from tests.engines import SparkStore, engine_events
from tests.triggers.streams import Stream

VALUES: list[Any] = ["SSO", "sso", "Themes", "", 12, 12.0, 3, 0, -1, 2.5, True, False, None]
MISSING = object()
FILTERS: list[Any] = [
    "SSO",
    "$gated",
    ["SSO", 12],
    [True],
    [3, "Themes"],
    {"at_least": 3},
    {"between": [0, 3]},
    {"at_most": 0},
    {"in": ["SSO", "Themes"]},
    {"not_in": ["SSO"]},
    {"matches_any": ["ss", "them"]},
    {"equals": "Themes"},
    {},
]


def model(where: Any, page: bool = False) -> Model:
    trigger: dict[str, Any] = {"respond_within": "1h", "where": {"x": where}}
    trigger.update({"page": "Pricing"} if page else {"event": "$clicked"})
    return Model.model_validate(
        {
            "name": "matching",
            "vocabulary": {"clicked": ["Clicked", "Tapped"], "gated": ["SSO", "SCIM"]},
            "signals": {"n": {"count": {"event": "Clicked"}}},
            "triggers": {"t": trigger},
        }
    )


def stream() -> Stream:
    s = Stream()
    when = "2026-03-02T09:00:00Z"
    for n, value in enumerate([*VALUES, MISSING]):
        props = {} if value is MISSING else {"x": value}
        for event in ("Clicked", "Tapped", "Other"):
            s.add(
                {"type": "track", "userId": f"u{n}", "event": event, "properties": props}, _at(when)
            )
        s.add(
            {"type": "page", "userId": f"u{n}", "name": "Pricing", "properties": props}, _at(when)
        )
    return s


def _at(text: str) -> Any:
    from pqlkit.events.spec import parse_time

    return parse_time(text)


@pytest.mark.parametrize("page", [False, True], ids=["event", "page"])
def test_the_python_matcher_agrees_with_the_engine(store: Store, page: bool) -> None:
    s = stream()
    s.store(store)
    events = engine_events(store)
    rows = s.rows()
    for where in FILTERS:
        m = model(where, page)
        trigger: Trigger = m.triggers["t"]
        picked = events.filter(match(events, m, trigger, activity=False) & trusted(events, trigger))
        engine = set(picked.select("message_id").to_pyarrow().column(0).to_pylist())
        matcher = Matcher(m, trigger)
        python = {
            r["message_id"]
            for r in rows
            if matcher.looks_at(r) and matcher.accepts(json_object(r["properties"]) or {})
        }
        assert python == engine, (where, orjson.dumps(sorted(python ^ engine)).decode())


def test_a_string_that_looks_like_a_number_is_text(store: Store) -> None:
    if isinstance(store, SparkStore):
        pytest.xfail('Spark reads JSON through get_json_object, which unquotes "12" into 12')
    s = Stream()
    s.track("ann", "Clicked", _at("2026-03-02T09:00:00Z"), x="12")
    s.store(store)
    events = engine_events(store)
    for where, selected in ((["12"], True), ([12], False), ({"at_least": 1}, False)):
        m = model(where)
        trigger = m.triggers["t"]
        found = events.filter(match(events, m, trigger, activity=False)).count().to_pyarrow()
        assert found.as_py() == int(selected)
        row = s.rows()[0]
        assert Matcher(m, trigger).accepts(json_object(row["properties"]) or {}) is selected
