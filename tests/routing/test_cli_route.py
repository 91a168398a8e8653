"""`pql route` and `pql owners import` from the command line (embedded store)."""

from __future__ import annotations

from pathlib import Path

from pqlkit.store.store import Store
from tests.cli.test_cli import pql
from tests.history import History
from tests.routing.conftest import AS_OF, company


def test_import_owners_then_route_prints_who_gets_each_lead(
    tmp_path: Path, model_file: Path
) -> None:
    db = tmp_path / "cli.duckdb"
    with Store.open(db) as store:
        company(History()).load(store, tmp_path)
    owners = tmp_path / "owners.csv"
    owners.write_text("account_id,role,owner_id,name\nacme,ae,ae-9,Pat Owner\n")
    imported = pql("owners", "import", str(owners), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 owner row(s)" in imported.stderr

    args = ("route", "--model", str(model_file), "--as-of", AS_OF.isoformat(), "--db", str(db))
    dry = pql(*args, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Pat Owner" in dry.stdout and "enterprise" in dry.stdout
    assert "would route 4 lead(s)" in dry.stderr

    routed = pql(*args)
    assert routed.returncode == 0, routed.stderr
    assert "4 new assignment(s) recorded" in routed.stderr
    again = pql(*args)
    assert "0 new assignment(s) recorded" in again.stderr and "again" in again.stdout


def test_a_broken_routing_file_is_an_error_with_its_line_not_a_traceback(
    tmp_path: Path, model_file: Path
) -> None:
    routing = tmp_path / "broken.yaml"
    routing.write_text("paths: {hot: {sla: 1h}}\nrules:\n  - {path: hto}\n")
    result = pql(
        "route",
        "--model",
        str(model_file),
        "--routing",
        str(routing),
        "--dry-run",
        "--db",
        str(tmp_path / "x.duckdb"),
    )
    assert result.returncode == 1
    assert f"{routing}:3: rule 1: path 'hto' is not defined. Did you mean 'hot'?" in result.stderr
    assert "Traceback" not in result.stderr
