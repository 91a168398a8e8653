"""Events as flat numeric arrays, before any text is made.

Every generator (signup, funnel, usage, intent, conversion) returns an :class:`EventFrame`: one
row per event with its time, the person, a *message code* (an entry of the
:class:`~pqlkit.simulate.catalog.Catalog`: call type, event or page name, property template, page
context), an optional number for the property template, an optional row-specific properties
object (``side``), and flags. Frames are concatenated, filtered and sorted as numbers; the JSON
text is only made once, at the end, in timestamp order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from pqlkit.simulate.clock import I64, Bool

NO_PLAN = -1
PLAN_FREE, PLAN_TRIAL, PLAN_PAID = 0, 1, 2
PLANS = ("free", "trial", "paid")


I32 = npt.NDArray[np.int32]
I16 = npt.NDArray[np.int16]
I8 = npt.NDArray[np.int8]


@dataclass(frozen=True)
class EventFrame:
    """One row per event; narrow integer types keep 10 million rows light to move around."""

    t: I64  # µs since the epoch, naive UTC
    user: I32  # the person (user index); anonymous visits too
    known: Bool  # userId is set (False: before signup, anonymousId only)
    code: I16  # catalog entry
    num: I32  # number placed in the property template, -1 for none
    side: I32  # 1-based index into side_properties; 0 for none
    group: Bool  # group_id / context.groupId set (the user's account)
    plan: I8  # group calls: the plan trait (PLAN_*); NO_PLAN otherwise
    side_properties: pa.StringArray  # row-specific properties objects (JSON text)

    @property
    def size(self) -> int:
        return len(self.t)

    @staticmethod
    def make(
        t: I64,
        user: I64,
        code: npt.NDArray[np.integer] | int,
        *,
        known: Bool | bool = True,
        num: npt.NDArray[np.integer] | int = -1,
        group: Bool | bool = False,
        plan: npt.NDArray[np.integer] | int = NO_PLAN,
        side_properties: pa.StringArray | None = None,
    ) -> EventFrame:
        n = len(t)

        def full(value: object, dtype: type) -> np.ndarray:
            if isinstance(value, np.ndarray):
                return value.astype(dtype, copy=False)
            return np.full(n, value, dtype=dtype)

        if side_properties is None:
            side = np.zeros(n, dtype=np.int32)
            extra = pa.array([], type=pa.string())
        else:
            if len(side_properties) != n:
                raise ValueError("side_properties must have one entry per row")
            side = np.arange(1, n + 1, dtype=np.int32)
            extra = side_properties
        assert isinstance(extra, pa.StringArray)
        return EventFrame(
            t=t.astype(np.int64, copy=False),
            user=user.astype(np.int32),
            known=full(known, np.bool_),
            code=full(code, np.int16),
            num=np.minimum(full(num, np.int64), np.iinfo(np.int32).max).astype(np.int32),
            side=side,
            group=full(group, np.bool_),
            plan=full(plan, np.int8),
            side_properties=extra,
        )

    def select(self, rows: I64 | Bool) -> EventFrame:
        """The frame restricted to some rows (a mask or indices); side properties follow."""
        picked = {
            f.name: getattr(self, f.name)[rows] for f in fields(self) if f.name != "side_properties"
        }
        side = picked["side"]
        used = side > 0
        if not used.any():
            picked["side"] = np.zeros(len(side), dtype=np.int32)
            picked["side_properties"] = pa.array([], type=pa.string())
        else:
            kept = pa.array(side[used] - 1)
            renumbered = np.zeros(len(side), dtype=np.int32)
            renumbered[used] = np.arange(1, int(used.sum()) + 1)
            picked["side"] = renumbered
            picked["side_properties"] = self.side_properties.take(kept)
        return EventFrame(**picked)

    @staticmethod
    def concat(frames: Sequence[EventFrame]) -> EventFrame:
        columns: dict[str, object] = {}
        for f in fields(EventFrame):
            if f.name in ("side", "side_properties"):
                continue
            columns[f.name] = np.concatenate([getattr(fr, f.name) for fr in frames])
        sides = []
        offset = 0
        for fr in frames:
            sides.append(np.where(fr.side > 0, fr.side + offset, 0).astype(np.int32))
            offset += len(fr.side_properties)
        columns["side"] = np.concatenate(sides)
        extra = pa.concat_arrays([fr.side_properties for fr in frames])
        assert isinstance(extra, pa.StringArray)
        columns["side_properties"] = extra
        return EventFrame(**columns)  # type: ignore[arg-type]
