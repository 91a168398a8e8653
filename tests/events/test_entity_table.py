"""import-table: a per-user or per-account spreadsheet becomes trait facts, typed and once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pqlkit.errors import ConfigError
from pqlkit.events import identity
from pqlkit.events.importers.entity_table import import_entity_table
from pqlkit.store.store import Store
from tests.events.test_importers import _json

LEADS = """lead_id,employees,industry,country,converted,score
L1,250,Software,Select,1,0.5
L2,40,Retail,India,0,
L3,NA,Select,USA,1,1.25
"""


def _write(tmp_path: Path, text: str, name: str = "leads.csv") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_rows_become_identify_calls_with_typed_traits(store: Store, tmp_path: Path) -> None:
    report = import_entity_table(
        store,
        _write(tmp_path, LEADS),
        entity="user",
        id_column="lead_id",
        outcome="converted",
        missing=("", "Select", "NA"),
        as_of=datetime(2026, 1, 1),
    )
    assert (report.inserted, report.rejected) == (3, 0)
    rows = store.events.order_by("user_id").execute()
    assert set(rows.type) == {"identify"}
    assert set(rows.timestamp) == {datetime(2026, 1, 1)}
    first = _json(rows.traits[0])
    assert first == {
        "employees": 250,
        "industry": "Software",
        "country": None,
        "converted": 1,
        "score": 0.5,
    }
    third = _json(rows.traits[2])
    assert third["employees"] is None and third["industry"] is None
    tables = store.table("entity_tables").execute()
    assert list(tables.outcome_column) == ["converted"]


def test_traits_from_a_table_read_as_of_a_time(store: Store, tmp_path: Path) -> None:
    import_entity_table(
        store,
        _write(tmp_path, LEADS),
        entity="user",
        id_column="lead_id",
        missing=("", "Select", "NA"),
        as_of=datetime(2026, 1, 1),
    )
    calls = store.events
    before = identity.latest_traits(
        calls, "user_id", {"employees": "int64"}, datetime(2025, 12, 31)
    )
    after = identity.latest_traits(calls, "user_id", {"employees": "int64"}, datetime(2026, 1, 2))
    assert before.count().execute() == 0
    rows = after.to_pyarrow().to_pylist()
    assert {r["user_id"]: r["employees"] for r in rows} == {"L1": 250, "L2": 40, "L3": None}


def test_an_account_table_becomes_group_calls(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "account,domain,plan\nacme,acme.com,free\n", "accounts.csv")
    import_entity_table(store, path, entity="account", id_column="account")
    row = store.events.execute().iloc[0]
    assert (row.type, row.group_id, row.user_id) == ("group", "acme", None)


def test_reimporting_the_same_table_adds_nothing_and_a_change_adds_a_fact(
    store: Store, tmp_path: Path
) -> None:
    path = _write(tmp_path, LEADS)
    import_entity_table(store, path, entity="user", id_column="lead_id")
    again = import_entity_table(store, path, entity="user", id_column="lead_id")
    assert (again.inserted, again.duplicates) == (0, 3)
    _write(tmp_path, LEADS.replace("L2,40", "L2,45"))
    changed = import_entity_table(store, path, entity="user", id_column="lead_id")
    assert changed.inserted == 1


def test_duplicate_and_empty_ids_are_rejected_by_line(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "id,plan\na,free\nb,free\na,paid\n,trial\n")
    report = import_entity_table(store, path, entity="user", id_column="id")
    assert report.inserted == 2
    reasons = {r.line: r.reason for r in report.rejects}
    assert reasons == {
        4: "duplicate id 'a' (first at line 2)",
        5: "the id column id is empty",
    }


def test_an_unknown_column_suggests_the_closest(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        import_entity_table(store, _write(tmp_path, LEADS), entity="user", id_column="lead")
    assert (
        str(raised.value) == "--id-column: leads.csv has no column 'lead'. Did you mean 'lead_id'?"
    )


def test_excluded_columns_are_left_out(store: Store, tmp_path: Path) -> None:
    import_entity_table(
        store, _write(tmp_path, LEADS), entity="user", id_column="lead_id", exclude=("score",)
    )
    assert "score" not in _json(store.events.execute().traits[0])
