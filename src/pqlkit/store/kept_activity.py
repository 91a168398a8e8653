"""What the store keeps of each id's activity over time (:mod:`pqlkit.store.kept`): its facts
per day, its runs of activity and its count of each track event per day.

* ``sender_days``: :func:`~pqlkit.events.identity.sender_facts` per sender and UTC day
  (``day``). A frame of many dates needs each id's facts per interval between the dates
  (:func:`pqlkit.compile.dated_frame`): a day without a date inside it lies in one interval,
  so its facts stand for its calls there and only the days a date cuts are read from the
  log. 1.9M rows for 20M events.
* ``sender_runs``: each sender's runs of activity at :data:`~pqlkit.events.runs.RUN_GAP`
  (:mod:`pqlkit.events.runs`), what sessions are counted from at many dates. 2.3M rows
  for 20M events.
* ``event_days``: each sender's count (``n``) of each track ``event`` per UTC day, what
  counts and milestones at many dates add up instead of their events
  (:func:`pqlkit.compile.intervals.aggregates`): a day without a date or a window's start
  inside it lies in one interval between them. 7.5M rows for the 12.6M track events of 20M
  events, but 0.7M for the 2.6M events of the most common name, and written in name order:
  a reader of a few names skips the blocks of the others.

All three merge exactly: new calls fold into the rows of the keys they touch (a day's facts are
minima, maxima and values at a maximum; a sender's runs are chained again with the new calls;
counts add up)
and those rows replace the old ones. A reader gets the kept rows with those of the calls past
the cover (:func:`days`, :func:`runs`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pqlkit.events.identity import sender_facts
from pqlkit.events.runs import RUN_GAP, chained, of_calls

if TYPE_CHECKING:
    import ibis.expr.types as ir
    from ibis.backends.sql import SQLBackend

SENDER_DAYS = "sender_days"
SENDER_RUNS = "sender_runs"
EVENT_DAYS = "event_days"
DDL = (
    "CREATE TABLE IF NOT EXISTS {days} (sender VARCHAR NOT NULL, has_user BOOLEAN NOT NULL, "
    'day TIMESTAMP NOT NULL, "first" TIMESTAMP NOT NULL, "last" TIMESTAMP NOT NULL, '
    "signed TIMESTAMP, grp VARCHAR, grp_at TIMESTAMP, mail VARCHAR, mail_at TIMESTAMP)",
    "CREATE TABLE IF NOT EXISTS {runs} (sender VARCHAR NOT NULL, has_user BOOLEAN NOT NULL, "
    '"first" TIMESTAMP NOT NULL, "last" TIMESTAMP NOT NULL)',
    "CREATE TABLE IF NOT EXISTS {event_days} (sender VARCHAR NOT NULL, "
    "has_user BOOLEAN NOT NULL, day TIMESTAMP NOT NULL, event VARCHAR NOT NULL, "
    "n BIGINT NOT NULL)",
)
_SENDER = ("sender", "has_user")
_DAY_KEYS = (*_SENDER, "day")
_EVENT_DAY_KEYS = (*_DAY_KEYS, "event")


def day_facts(calls: ir.Table) -> ir.Table:
    """The sender facts of ``calls`` per UTC day."""
    return sender_facts(calls, day=calls.timestamp.truncate("D"))


def event_counts(calls: ir.Table) -> ir.Table:
    """Each sender's count ``n`` of each track ``event`` of ``calls`` per UTC ``day``."""
    sender = calls.user_id.coalesce(calls.anonymous_id)
    tracks = calls.filter((calls.type == "track") & calls.event.notnull() & sender.notnull())
    return tracks.group_by(
        sender=sender,
        has_user=tracks.user_id.notnull(),
        day=tracks.timestamp.truncate("D"),
        event=tracks.event,
    ).agg(n=tracks.count())


def run_pieces(calls: ir.Table) -> ir.Table:
    """Each activity call of ``calls`` as a run of its own: ``sender, has_user, first, last``."""
    from pqlkit.compile.signals import is_activity

    marked = calls.mutate(
        sender=calls.user_id.coalesce(calls.anonymous_id), has_user=calls.user_id.notnull()
    )
    active = marked.filter(is_activity(marked) & marked.sender.notnull())
    return active.select(*_SENDER, first=active.timestamp, last=active.timestamp)


def days(kept: ir.Table, tail: ir.Table) -> ir.Table:
    """The kept days with the day facts of ``tail`` (the calls past the cover): a key may
    come twice, once from each; a reader reduces them as :func:`merged_days` does."""
    return _loose(kept).union(_loose(day_facts(tail).select(*kept.columns), like=kept))


def merged_days(rows: ir.Table, by: tuple[str, ...] = _DAY_KEYS) -> ir.Table:
    """Day facts (or any sender facts) reduced per ``by``."""
    has_group, has_mail = rows.grp_at.notnull(), rows.mail_at.notnull()
    return rows.group_by(*by).agg(
        first=rows["first"].min(),
        last=rows["last"].max(),
        signed=rows.signed.min(),
        grp=rows.grp.argmax(rows.grp_at, where=has_group),
        grp_at=rows.grp_at.max(),
        mail=rows.mail.argmax(rows.mail_at, where=has_mail),
        mail_at=rows.mail_at.max(),
    )


def event_days(kept: ir.Table, tail: ir.Table) -> ir.Table:
    """The kept counts with those of ``tail`` (the calls past the cover): a key may come
    twice, once from each; a reader adds them up."""
    return _loose(kept).union(_loose(event_counts(tail).select(*kept.columns), like=kept))


def runs(kept: ir.Table, tail: ir.Table) -> ir.Table:
    """The kept runs, those of a sender with calls in ``tail`` chained again with them."""
    import ibis

    kept = _loose(kept)
    pieces = _loose(run_pieces(tail), like=kept)
    touched = pieces.select(*_SENDER).distinct()
    same = [kept[c] == touched[c] for c in _SENDER]
    settled = kept.anti_join(touched, same)
    again = ibis.union(kept.semi_join(touched, same), pieces, distinct=False)
    return ibis.union(settled, chained(again, _SENDER, RUN_GAP), distinct=False)


def _loose(table: ir.Table, like: ir.Table | None = None) -> ir.Table:
    """``table`` cast to the types of ``like`` (else its own), every column nullable: the kept
    tables' columns are declared not null, the rows of the log's calls are not."""
    schema = (like if like is not None else table).schema()
    return table.cast({name: kind.copy(nullable=True) for name, kind in schema.items()})


def fold_days(backend: SQLBackend, table: str, calls: ir.Table) -> None:
    """Fold the day facts of new ``calls`` into the kept ``table``."""

    def merged(rows: str) -> str:
        return str(backend.compile(merged_days(backend.sql(rows))))

    _replace_touched(backend, table, day_facts(calls), merged, _DAY_KEYS)


def fold_event_days(backend: SQLBackend, table: str, calls: ir.Table) -> None:
    """Fold the counts of new ``calls`` into the kept ``table``, in name order (see the
    module's docstring)."""
    keys = ", ".join(_EVENT_DAY_KEYS)

    def merged(rows: str) -> str:
        return f"SELECT {keys}, sum(n)::BIGINT AS n FROM ({rows}) GROUP BY {keys}"

    _replace_touched(
        backend, table, event_counts(calls), merged, _EVENT_DAY_KEYS, order=("event", "day")
    )


def new_runs(calls: ir.Table) -> ir.Table:
    """The runs of activity of ``calls`` alone (:func:`~pqlkit.events.runs.of_calls`)."""
    points = run_pieces(calls)
    return of_calls(points.select(*_SENDER, timestamp=points["first"]), _SENDER, RUN_GAP)


def fold_runs(backend: SQLBackend, table: str, calls: ir.Table) -> None:
    """Fold the runs of new ``calls`` (:func:`new_runs`) into the kept runs ``table``: each
    touched sender's runs chained again with the new ones."""

    def merged(rows: str) -> str:
        return str(backend.compile(chained(backend.sql(rows), _SENDER, RUN_GAP)))

    _replace_touched(backend, table, new_runs(calls), merged, _SENDER)


def _replace_touched(
    backend: SQLBackend,
    table: str,
    new: ir.Table,
    merged: Callable[[str], str],
    keys: tuple[str, ...],
    order: tuple[str, ...] = (),
) -> None:
    """Replace the rows of ``table`` whose ``keys`` the ``new`` rows touch with the merged
    ones, written in ``order`` if given. ``merged`` gives their SQL from that of the rows to
    merge (the touched kept rows and the new ones, in ``_pql_new``); when the new rows touch
    none (a store filled from its whole log), they are kept as they are."""
    con = backend.con
    con.execute(f"CREATE OR REPLACE TEMPORARY TABLE _pql_new AS {backend.compile(new)}")
    on = " AND ".join(f"k.{c} = n.{c}" for c in keys)
    touched = f"SELECT k.* FROM {table} AS k SEMI JOIN _pql_new AS n ON {on}"
    found = con.execute(f"SELECT EXISTS ({touched})").fetchone()
    rows = f"{touched} UNION ALL BY NAME SELECT * FROM _pql_new"
    result = merged(rows) if found and found[0] else "SELECT * FROM _pql_new"
    con.execute(f"CREATE OR REPLACE TEMPORARY TABLE _pql_merged AS {result}")
    same = " AND ".join(f"k.{c} = m.{c}" for c in keys)
    con.execute(f"DELETE FROM {table} AS k USING _pql_merged AS m WHERE {same}")
    ordered = f" ORDER BY {', '.join(order)}" if order else ""
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _pql_merged{ordered}")
    con.execute("DROP TABLE _pql_merged")
    con.execute("DROP TABLE _pql_new")
