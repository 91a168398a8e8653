"""The scores ledger: a row only when an entity's score or tier changes.

History stays small and queryable: each row says from which scoring time an entity had a score
and tier; breakdowns are stored once by content (``breakdowns``). From it: when an entity
became a PQL ("PQL since", and so how long it has been one) and how its score moved.
``pql score --backfill`` fills it from past events so "PQL since" is true from day one.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from pqlkit.scoring.run import ScoreRun

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

    from pqlkit.store.store import Store

QUALIFIED = ("pql", "hot")
SLICE_ROWS = 250  # changed rows worded and written together (see LedgerWrites)


@dataclass(frozen=True)
class LedgerWrite:
    scored: int
    changed: int


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def record(store: Store, run: ScoreRun) -> LedgerWrite:
    """Append the run's rows whose score or tier differ from the entity's latest ledger row.

    The comparison comes first, on the scores alone; only the changed rows are worded
    (reasons, breakdown) and written — a scoring round of the server changes few. On the
    embedded DuckDB store the comparison and the writes are plain SQL over Arrow views: the
    server's rounds run beside its real-time alerts, and the Python Ibis spends planning each
    statement (~10 ms) holds the GIL the alerts' path needs.
    """
    writes = changes(store, run)
    writes.write(store)
    return writes.done


def changes(store: Store, run: ScoreRun) -> LedgerWrites:
    """The run's changes to the ledger (compared on ``store``), to write now or a part at a
    time (:meth:`LedgerWrites.write`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(run):
        return LedgerWrites(run, run.table.slice(0, 0), 0)
    changed = _changed(store, run)
    wanted = pa.array(sorted(changed), pa.string())
    table = run.table.filter(pc.is_in(run.table.column("entity_id"), value_set=wanted))
    return LedgerWrites(run, table, len(run))


class LedgerWrites:
    """The changed rows of a run, to word and write (each part's new breakdowns stored, then
    its ledger rows) at once or in slices of ``SLICE_ROWS`` (:meth:`write`).

    The server's rounds write on the store's own thread, between the loader's batches, a few
    milliseconds at a time: worded and written on the round's thread instead, a first round's
    ~2,000 rows held the GIL and the store's commits for 0.4–0.6 s under load and made the
    alerts' slowest (bench/RESULTS.md). A write cut short leaves rows a later round's
    comparison completes."""

    def __init__(self, run: ScoreRun, changed: pa.Table, scored: int) -> None:
        self.run = run
        self.changed = changed  # the run's rows to write, in its order
        self.scored = scored
        self.recorded_at = datetime.now(UTC).replace(tzinfo=None)
        self.written = 0  # rows of ``changed`` written so far

    @property
    def left(self) -> bool:
        return self.written < int(self.changed.num_rows)

    @property
    def done(self) -> LedgerWrite:
        return LedgerWrite(self.scored, self.written)

    def write(self, store: Store, seconds: float | None = None) -> bool:
        """Write the rows left: all at once, or with ``seconds`` slices of ``SLICE_ROWS``
        until none is left or that long has passed (one slice at least); whether any is
        left."""
        size = SLICE_ROWS if seconds is not None else self.changed.num_rows
        started = time.monotonic()
        while self.left:
            part = self.changed.slice(self.written, size)
            _write_rows(store, replace(self.run, table=part), self.recorded_at)
            self.written += part.num_rows
            if seconds is not None and time.monotonic() - started >= seconds:
                break
        return self.left


def _write_rows(store: Store, run: ScoreRun, now: datetime) -> None:
    """Each of the run's rows worded and written: its breakdown (once), its ledger row."""
    import pyarrow as pa
    import pyarrow.compute as pc

    model = run.loaded.model
    out = run.output()
    texts = out.column("breakdown")
    distinct = pc.unique(texts)
    once = distinct.to_pylist()  # each breakdown's text once
    hashed = [_hash(text) for text in once]
    size = out.num_rows

    def each(value: object, kind: pa.DataType) -> pa.Array:
        return pa.repeat(pa.scalar(value, kind), size)

    batch = pa.table(
        {
            "model": each(model.name, pa.string()),
            "model_hash": each(run.loaded.hash, pa.string()),
            "entity_type": each(model.entity, pa.string()),
            "entity_id": out.column("entity_id"),
            "as_of": each(run.as_of, pa.timestamp("us")),
            "score": out.column("score"),
            "tier": out.column("tier"),
            "breakdown_hash": pa.array(hashed, pa.string()).take(
                pc.index_in(texts, value_set=distinct)
            ),
            "recorded_at": each(now, pa.timestamp("us")),
        }
    )
    breakdowns = dict(zip(hashed, once, strict=True))
    if store.is_duckdb:
        _duckdb_write(store, batch, breakdowns)
    else:
        _store_breakdowns(store, breakdowns)
        store.backend.insert("scores_ledger", batch)


def _changed(store: Store, run: ScoreRun) -> set[str]:
    """The run's entities without a ledger row before its time, or whose latest one has
    another score or tier."""
    import ibis
    import pyarrow as pa
    import pyarrow.compute as pc

    fresh = run.table.select(["entity_id", "score", "tier"])
    fresh = fresh.set_column(1, "score", pc.cast(fresh.column("score"), pa.float64()))
    if store.is_duckdb:
        return _duckdb_changed(store, run, fresh)
    model = run.loaded.model
    ledger = store.table("scores_ledger")
    before = ledger.filter(
        (ledger.model == model.name)
        & (ledger.entity_type == model.entity)
        & (ledger.as_of < run.as_of)
    )
    latest = before.mutate(
        rank=ibis.row_number().over(group_by=before.entity_id, order_by=ibis.desc(before.as_of))
    )
    found = latest.filter(latest.rank == 0).select("entity_id", "score", "tier").to_pyarrow()
    known = found.rename_columns(["entity_id", "l_score", "l_tier"])
    joined = fresh.join(known, "entity_id", join_type="left outer")
    differs = pc.or_kleene(
        pc.is_null(joined.column("l_tier")),
        pc.or_kleene(
            pc.not_equal(joined.column("l_score"), joined.column("score")),
            pc.not_equal(joined.column("l_tier"), joined.column("tier")),
        ),
    )
    return set(joined.filter(differs.fill_null(True)).column("entity_id").to_pylist())


def _store_breakdowns(store: Store, unique: dict[str, str]) -> None:
    """Each new breakdown (``unique``: by its content's hash) once."""
    import ibis
    import pyarrow as pa

    known = store.table("breakdowns")
    wanted = ibis.memtable(pa.table({"wanted": list(unique)}))
    present = known.filter(known.breakdown_hash.isin(wanted.wanted)).breakdown_hash
    stored = set(present.to_pyarrow().to_pylist())
    missing = {h: b for h, b in unique.items() if h not in stored}
    if missing:
        table = pa.table({"breakdown_hash": list(missing), "breakdown": list(missing.values())})
        store.backend.insert("breakdowns", ibis.memtable(table))


def _duckdb_changed(store: Store, run: ScoreRun, fresh: pa.Table) -> set[str]:
    """:func:`_changed` on the embedded store, of the run's ``fresh`` scores: one statement."""
    model = run.loaded.model
    con = store.duckdb()
    con.register("_pql_ledger_fresh", fresh)
    try:
        found = con.execute(
            "SELECT f.entity_id FROM _pql_ledger_fresh f LEFT JOIN ("
            "  SELECT entity_id, score, tier FROM scores_ledger"
            "  WHERE model = ? AND entity_type = ? AND as_of < ?"
            "  QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY as_of DESC) = 1"
            ") l ON l.entity_id = f.entity_id "
            "WHERE coalesce(l.tier IS NULL OR l.score <> f.score OR l.tier <> f.tier, TRUE)",
            [model.name, model.entity, run.as_of],
        ).fetchall()
    finally:
        con.unregister("_pql_ledger_fresh")
    return {entity for (entity,) in found}


def _duckdb_write(store: Store, batch: pa.Table, unique: dict[str, str]) -> None:
    """Each new breakdown (``unique``: by its content's hash) once, then the ledger rows, on
    the embedded store: a statement each, over Arrow views (no Ibis planning)."""
    import pyarrow as pa

    con = store.duckdb()
    worded = pa.table({"breakdown_hash": list(unique), "breakdown": list(unique.values())})
    columns = ", ".join(f'"{name}"' for name in batch.column_names)
    con.register("_pql_ledger_worded", worded)
    con.register("_pql_ledger_rows", batch)
    try:
        con.execute(
            "INSERT INTO breakdowns (breakdown_hash, breakdown) "
            "SELECT w.breakdown_hash, w.breakdown FROM _pql_ledger_worded w WHERE NOT EXISTS "
            "(SELECT 1 FROM breakdowns b WHERE b.breakdown_hash = w.breakdown_hash)"
        )
        con.execute(f"INSERT INTO scores_ledger ({columns}) SELECT {columns} FROM _pql_ledger_rows")
    finally:
        con.unregister("_pql_ledger_worded")
        con.unregister("_pql_ledger_rows")


def first_day(events: ir.Table) -> datetime:
    """Midnight after the first event: where a backfill starts by default."""
    from pqlkit.errors import StoreError

    first = events.timestamp.min().execute()
    if first is None or first != first:
        raise StoreError("there are no events to backfill from")
    day = datetime(first.year, first.month, first.day)
    return day + timedelta(days=1)


def backfill_dates(start: datetime, end: datetime, step: timedelta) -> list[datetime]:
    """Scoring times from ``start`` up to (not including) ``end``."""
    dates = []
    moment = start
    while moment < end:
        dates.append(moment)
        moment += step
    return dates


def pql_since(store: Store, model: str, entity_type: str, as_of: datetime) -> dict[str, datetime]:
    """Entity → the scoring time its current unbroken PQL-or-hot run began (as of ``as_of``)."""
    import ibis

    ledger = store.table("scores_ledger")
    rows = ledger.filter(
        (ledger.model == model) & (ledger.entity_type == entity_type) & (ledger.as_of <= as_of)
    )
    qualified = rows.tier.isin(QUALIFIED)
    ordered = ibis.window(group_by=rows.entity_id, order_by=rows.as_of)
    marked = rows.mutate(
        qualified=qualified,
        previous_qualified=qualified.lag().over(ordered),
        rank=ibis.row_number().over(group_by=rows.entity_id, order_by=ibis.desc(rows.as_of)),
    )
    starts = marked.filter(marked.qualified & ~marked.previous_qualified.fill_null(False))
    last_start = starts.group_by("entity_id").agg(since=starts.as_of.max())
    current = marked.filter((marked.rank == 0) & marked.qualified).select(c_entity="entity_id")
    joined = last_start.join(current, last_start.entity_id == current.c_entity)
    result = joined.select("entity_id", "since").to_pyarrow().to_pylist()
    return {r["entity_id"]: r["since"] for r in result}
