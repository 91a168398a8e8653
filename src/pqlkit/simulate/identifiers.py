"""Deterministic identifiers: user, account, anonymous and message ids.

Ids look like the ones real products send (``usr_3f9a…``, ``acc_…``, UUID v4 anonymous and
message ids) but are derived from the seed, so the same config gives the same ids. User and
account ids are a keyed bijection of the entity's number, so they are unique by construction;
message ids put such a bijection of the row number in their first 48 bits, so they are unique too.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_MASK48 = (1 << 48) - 1
_ODD = 0x9E3779B97F4B  # odd, so multiplication is a bijection modulo 2**48


def fixed_width_strings(chars: npt.NDArray[np.uint8]) -> pa.StringArray:
    """A string array from an (n, width) array of ASCII bytes, without a Python loop."""
    n, width = chars.shape
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    data = np.ascontiguousarray(chars).reshape(-1)
    array = pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data)])
    assert isinstance(array, pa.StringArray)
    return array


def _hex_chars(values: npt.NDArray[np.uint64], digits: int) -> npt.NDArray[np.uint8]:
    shifts = np.arange(digits - 1, -1, -1, dtype=np.uint64) * np.uint64(4)
    nibbles = (values[:, None] >> shifts[None, :]) & np.uint64(15)
    return _HEX[nibbles.astype(np.intp)]


def keyed_numbers(count: int, key: int, offset: int = 0) -> npt.NDArray[np.uint64]:
    """48-bit numbers, distinct for distinct ``offset + i``, scrambled by ``key``."""
    index = np.arange(offset, offset + count, dtype=np.uint64) + np.uint64(1)
    with np.errstate(over="ignore"):
        mixed = (index * np.uint64(_ODD) + np.uint64(key & _MASK48)) & np.uint64(_MASK48)
    return mixed


def prefixed_ids(prefix: str, count: int, key: int) -> pa.StringArray:
    """``prefix`` followed by 12 hex digits, unique per entity number."""
    body = _hex_chars(keyed_numbers(count, key), 12)
    head = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    chars = np.concatenate([np.broadcast_to(head, (count, len(head))), body], axis=1)
    return fixed_width_strings(chars)


def uuid_strings(
    random_bytes: npt.NDArray[np.uint8], unique_prefix: npt.NDArray[np.uint64] | None = None
) -> pa.StringArray:
    """RFC 4122 version-4 UUID text from (n, 16) random bytes.

    With ``unique_prefix`` (48-bit numbers, distinct per row) the first 12 hex digits are those
    numbers, which makes the ids unique whatever the random bytes are.
    """
    n = random_bytes.shape[0]
    raw = random_bytes.astype(np.uint8, copy=True)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    hex_chars = np.empty((n, 32), dtype=np.uint8)
    hex_chars[:, 0::2] = _HEX[raw >> 4]
    hex_chars[:, 1::2] = _HEX[raw & 0x0F]
    if unique_prefix is not None:
        hex_chars[:, :12] = _hex_chars(unique_prefix, 12)
    out = np.full((n, 36), ord("-"), dtype=np.uint8)
    out[:, 0:8] = hex_chars[:, 0:8]
    out[:, 9:13] = hex_chars[:, 8:12]
    out[:, 14:18] = hex_chars[:, 12:16]
    out[:, 19:23] = hex_chars[:, 16:20]
    out[:, 24:36] = hex_chars[:, 20:32]
    return fixed_width_strings(out)
