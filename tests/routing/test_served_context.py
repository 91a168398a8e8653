"""The server reads an alert's context from its live identity and two plain statements.

Routing an alert runs inside the loader's transaction, so the server never queries the identity
of the whole log for it: who is who comes from the identity its triggers keep, what each person
did from two parameterised reads of the store plus the rows on their way to it. The context is
the one the log's Ibis queries give over the same events.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import ibis
import pyarrow as pa

from pqlkit.model.loader import load
from pqlkit.routing.context import LogTable, entity_contexts
from pqlkit.server.served_log import ServedLog
from pqlkit.store.schema import EVENT_COLUMNS
from pqlkit.store.store import Store
from pqlkit.triggers.live import LiveTriggers
from tests.history import History
from tests.routing.conftest import AS_OF, company

HOUR = timedelta(hours=1)


def on_the_way(tmp_path: Path) -> pa.Table:
    """Rows the server has taken in but not stored yet: Dana's last hours, a visitor she was,
    and Acme's new head count."""
    later = History()
    later.group("dana", "acme", AS_OF - 3 * HOUR, employees=3200)
    later.repeat("dana", "Report Created", 2, AS_OF - 2 * HOUR, timedelta(minutes=20))
    later.visit("visitor-9", "Pricing Viewed", AS_OF - 3 * HOUR)
    later.alias("visitor-9", "dana", AS_OF - 90 * timedelta(minutes=1))
    later.track("dana", "Paywall Hit", AS_OF - HOUR)
    with Store.open(tmp_path / "on-the-way.duckdb") as staging:
        later.load(staging, tmp_path)
        events = staging.events
        rows: pa.Table = events.order_by("timestamp").to_pyarrow().select(list(EVENT_COLUMNS))
    return rows


def test_an_alerts_context_from_the_live_identity_equals_the_logs_queries(
    store: Store, tmp_path: Path, model_file: Path
) -> None:
    history = company(History())
    for hours in (50, 49):  # the visitor she was, before the alias on its way links them
        history.visit("visitor-9", "Docs Viewed", AS_OF - hours * HOUR)
    history.load(store, tmp_path)
    pending = on_the_way(tmp_path)
    model = load(model_file).model
    live = LiveTriggers.rebuild(store.events, model, AS_OF - 4 * HOUR)
    live.observe_table(pending)

    served = ServedLog(store, [pending], pending.slice(0, 0), live.identity)  # held, not stored
    everything = store.events.union(ibis.memtable(pending).cast(store.events.schema()))
    for kind, ids in (("user", ["dana", "max"]), ("account", ["acme"])):
        fast = entity_contexts(served, ids, kind, AS_OF)
        assert fast == entity_contexts(LogTable(everything), ids, kind, AS_OF)

    dana = entity_contexts(served, ["dana"], "user", AS_OF)["dana"]
    assert dana.company == "Acme" and dana.employees == 3200  # the latest group call's
    assert dana.most_senior is not None and dana.most_senior.name == "Olivia Ode"
    assert [p.user_id for p in dana.other_active_users] == ["olivia"]
    # her reports this week, two of them not stored yet; the visitor she was, once linked
    assert dana.key_actions == (
        "Report Created 14 times in the 7 days to 2026-03-04 (latest 2026-03-04)",
        "Data Source Connected 3 times in the 7 days to 2026-03-04 (latest 2026-03-01)",
        "Docs Viewed 2 times in the 7 days to 2026-03-04 (latest 2026-03-02)",
    )
