"""Vectorised JSON text: string arrays glued together by Arrow kernels, never a Python loop.

Values placed in JSON here come from :mod:`pqlkit.simulate.reference` or the vocabulary (escaped
once, by :func:`quoted`), from generated ids, or from numbers, so no per-row escaping is needed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from operator import itemgetter
from typing import TypeAlias

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

Piece: TypeAlias = pa.Array | pa.ChunkedArray | str


def concat(*parts: Piece) -> pa.StringArray:
    """Row-wise concatenation; a null piece counts as empty text."""
    arrays = [pa.scalar(p, pa.string()) if isinstance(p, str) else p for p in parts]
    out = pc.binary_join_element_wise(*arrays, "", null_handling="replace", null_replacement="")
    if isinstance(out, pa.ChunkedArray):
        out = out.combine_chunks()
    assert isinstance(out, pa.StringArray)
    return out


def strings(values: npt.NDArray[np.str_] | Sequence[str]) -> pa.StringArray:
    array = pa.array(np.asarray(values, dtype=str), type=pa.string())
    assert isinstance(array, pa.StringArray)
    return array


def quoted(values: Sequence[str]) -> pa.StringArray:
    """Each value as a JSON string literal (escaped), for small lookup tables."""
    return strings([json.dumps(v, ensure_ascii=False) for v in values])


def quote(values: pa.StringArray) -> pa.StringArray:
    """Wrap already-safe text (ids, generated emails, reference data) in JSON quotes."""
    return concat('"', values, '"')


def numbers(values: npt.NDArray[np.int64]) -> pa.StringArray:
    out = pc.cast(pa.array(values), pa.string())
    assert isinstance(out, pa.StringArray)
    return out


def iso_times(t_us: npt.NDArray[np.int64]) -> pa.StringArray:
    """ISO-8601 UTC text with milliseconds and a 'Z', e.g. 2026-01-05T14:03:12.250Z."""
    ms = pa.array((t_us // 1000).astype("datetime64[ms]"))
    out = pc.strftime(ms, format="%Y-%m-%dT%H:%M:%SZ")
    assert isinstance(out, pa.StringArray)
    return out


class Fragments:
    """A table of text fragments, glued per row by :meth:`join` without intermediate arrays.

    ``join`` copies each row's fragments straight into the output buffer (``bytes.join`` over an
    ``itemgetter`` of the fragments, both C loops), so the only memory it touches is the result:
    for the large context column that halves the work of a take-then-concatenate in Arrow.
    """

    def __init__(self, tables: Sequence[pa.StringArray]) -> None:
        self._items: list[bytes] = []
        self.offsets: list[int] = []
        for table in tables:
            self.offsets.append(len(self._items))
            self._items.extend(table.cast(pa.binary()).to_pylist())
        self._lengths = np.array([len(b) for b in self._items], dtype=np.int64)

    def join(self, index: npt.NDArray[np.int64]) -> pa.StringArray:
        """Row i is the concatenation of fragments ``index[i, 0], index[i, 1], …``."""
        rows = index.shape[0]
        flat = index.reshape(-1).tolist()
        if len(flat) == 0:
            data = b""
        elif len(flat) == 1:
            data = self._items[flat[0]]
        else:
            data = b"".join(itemgetter(*flat)(self._items))
        offsets = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(self._lengths[index].sum(axis=1), out=offsets[1:])
        if offsets[-1] >= 2**31:
            raise ValueError("a chunk of text over 2 GB: render fewer rows at a time")
        array = pa.Array.from_buffers(
            pa.string(),
            rows,
            [None, pa.py_buffer(offsets.astype(np.int32)), pa.py_buffer(data)],
        )
        assert isinstance(array, pa.StringArray)
        return array


def take(table: pa.StringArray, index: npt.NDArray[np.int64]) -> pa.StringArray:
    out = table.take(pa.array(index))
    assert isinstance(out, pa.StringArray)
    return out
