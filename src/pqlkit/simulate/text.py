"""Vectorised JSON text: string arrays glued together by Arrow kernels, never a Python loop.

Values placed in JSON here come from :mod:`pqlkit.simulate.reference` or the vocabulary (escaped
once, by :func:`quoted`), from generated ids, or from numbers, so no per-row escaping is needed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

Piece = pa.Array | pa.ChunkedArray | str


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


def take(table: pa.StringArray, index: npt.NDArray[np.int64]) -> pa.StringArray:
    out = table.take(pa.array(index))
    assert isinstance(out, pa.StringArray)
    return out
