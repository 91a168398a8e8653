"""Runs of activity: each id's (or person's) events chained while no gap exceeds a timeout.

A *run* is a maximal stretch of someone's track, page and screen calls in which each call
comes at most ``gap`` after the one before it (the same test as a session's: a gap over the
timeout starts a new one). Runs are what sessions are counted from at many dates
(:func:`pqlkit.compile.intervals.sessions`): a person's events before a date form a prefix of
each of their runs, so the runs of the whole log tell which sessions any date sees.

Runs merge exactly. The calls of several ids (or new calls and the runs already found) chain
into the same runs whether they are chained together or each first on their own: a gap of
the whole is never inside a part's run. :func:`chained` does both, on rows of ``first`` and
``last`` times (a single call is a run from its time to its time).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ibis.expr.types as ir

RUN_GAP = timedelta(minutes=30)  # the runs a store keeps: the sessions' default timeout


def chained(
    pieces: ir.Table, by: Sequence[str], gap: timedelta, carry: Sequence[str] = ()
) -> ir.Table:
    """The maximal chains of ``pieces`` (rows with ``first`` and ``last``) per ``by``: each
    piece joins the chain before it unless it starts more than ``gap`` after the latest
    ``last`` before it. ``by``, ``first``, ``last`` and the ``carry`` columns of each chain's
    earliest piece.

    The gap is measured as a session's is (:meth:`pqlkit.compile.signals.SignalCompiler.sessions`:
    seconds since the epoch, subtracted), so a run starts exactly where a session would.
    """
    import ibis

    order = [pieces["first"], pieces["last"]]
    before = ibis.window(group_by=list(by), order_by=order, rows=(None, -1))
    reach = pieces["last"].max().over(before)
    gone = pieces["first"].epoch_seconds() - reach.epoch_seconds() > gap.total_seconds()
    marked = pieces.mutate(_starts=ibis.ifelse(reach.isnull() | gone, 1, 0)).view()
    so_far = ibis.window(
        group_by=list(by), order_by=[marked["first"], marked["last"]], rows=(None, 0)
    )
    numbered = marked.mutate(_chain=marked._starts.sum().over(so_far)).view()
    opens = numbered._starts == 1  # the chain's earliest piece
    return (
        numbered.group_by(*by, "_chain")
        .agg(
            first=numbered["first"].min(),
            last=numbered["last"].max(),
            **{name: numbered[name].max(where=opens) for name in carry},
        )
        .drop("_chain")
    )


def of_calls(calls: ir.Table, by: Sequence[str], gap: timedelta) -> ir.Table:
    """The runs of ``calls`` (rows with a ``timestamp``) per ``by``: ``by``, ``first`` and
    ``last`` — what :func:`chained` gives for the calls as runs of their own, in one pass
    that orders the calls and a second over the few that start or end a run."""
    import ibis

    ts = calls.timestamp
    order = ibis.window(group_by=list(by), order_by=ts)
    before, after = ts.lag().over(order), ts.lead().over(order)
    seconds = gap.total_seconds()
    marked = calls.select(
        *by,
        timestamp=ts,
        n=ibis.row_number().over(order),
        starts=before.isnull() | (ts.epoch_seconds() - before.epoch_seconds() > seconds),
        ends=after.isnull() | (after.epoch_seconds() - ts.epoch_seconds() > seconds),
    )
    edges = marked.filter(marked.starts | marked.ends)  # each run's first call, then its last
    following = ibis.window(group_by=list(by), order_by=edges.n)
    end = ibis.ifelse(edges.ends, edges.timestamp, edges.timestamp.lead().over(following))
    paired = edges.select(*by, "starts", first=edges.timestamp, last=end)
    return paired.filter(paired.starts).drop("starts")
