"""A points model's reasons and breakdowns for a whole scored table at once.

:func:`pqlkit.scoring.breakdown.explain_row` words one row; on 186k users of ``pillars``,
99k of them different, that took seconds of Python. Here each *layer* is worded once for each
combination of its own columns (10k in all there), and every row's texts are put together
from those pieces with Arrow's string kernels: the same texts, byte for byte, as
``explain_row`` gives (tests/scoring/test_rows.py).

- breakdown: ``{"score":…,"tier":…,"layers":[…],"triggers":[…]}`` — JSON without spaces, so
  each layer's entry is its own JSON text and the whole is their concatenation;
- reasons: the live triggers, then every awarded rule's words by points, highest first, ties
  in layer and rule order (what ``explain_row``'s stable sort gives): so for each awarded
  amount, highest first, each layer's words for that amount, in layer order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.scoring.breakdown import Memo, layer_words, plain_number

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from pqlkit.model.schema import Model

_LIMIT = 1 << 62  # a combined code stays below this before it is made dense again


def combinations(table: pa.Table, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code for its values in ``names`` (equal values, equal codes: ``0 … n-1``),
    and for each code the first row that has it."""
    import numpy as np
    import pyarrow.compute as pc

    rows = table.num_rows
    code = np.zeros(rows, dtype=np.int64)
    size = 1
    for name in names:
        encoded = pc.dictionary_encode(table.column(name).combine_chunks())
        index = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        values = len(encoded.dictionary) + 1  # and null
        if size * values >= _LIMIT:
            _, code = np.unique(code, return_inverse=True)
            size = int(code.max()) + 1 if rows else 1
        code = code * values + index + 1
        size *= values
    _, first, dense = np.unique(code, return_index=True, return_inverse=True)
    return dense.reshape(-1), first


def words(model: Model, table: pa.Table, triggers: list[list[str]]) -> tuple[pa.Array, pa.Array]:
    """The reasons and breakdown (JSON text) of every row of ``table`` (a points model's
    scored table), ``triggers`` being each row's live triggers."""
    import pyarrow as pa
    import pyarrow.compute as pc

    memo = Memo.of(model)
    fragments: list[pa.Array] = []  # each layer's JSON entry, row by row
    said: list[dict[float, pa.Array]] = []  # each layer's words per amount of points
    amounts: set[float] = set()
    for name, layer, columns, subtotal_column in memo.layers:
        names = [c for _, _, value, points in columns for c in (value, points)]
        code, first = combinations(table, [*names, subtotal_column])
        picked = table.select([*names, subtotal_column]).take(pa.array(first)).to_pylist()
        entries, per_amount = [], []
        for row in picked:
            seen = tuple((row[value], float(row[points] or 0.0)) for _, _, value, points in columns)
            subtotal = float(row[subtotal_column] or 0.0)
            entry, items = layer_words(model, name, layer, columns, seen, subtotal)
            entries.append(orjson.dumps(entry).decode())
            texts: dict[float, str] = {}
            for points, text in items:
                texts[points] = f"{texts[points]}; {text}" if points in texts else text
            per_amount.append(texts)
        at = pa.array(code)
        fragments.append(pa.array(entries, pa.string()).take(at))
        own: set[float] = set().union(*per_amount)
        amounts |= own
        said.append(
            {
                amount: pa.array(
                    [f"; {t[amount]}" if amount in t else "" for t in per_amount], pa.string()
                ).take(at)
                for amount in own
            }
        )

    score = _each(table, "score", lambda v: orjson.dumps(plain_number(v)).decode())
    tier = _each(table, "tier", lambda v: orjson.dumps(v).decode())
    live = pa.array(
        [f',"triggers":{orjson.dumps(t).decode()}' if t else "" for t in triggers], pa.string()
    )
    parts: list[Any] = ['{"score":', score, ',"tier":', tier]
    if fragments:
        parts.append(',"layers":[')
        for i, fragment in enumerate(fragments):
            parts += [",", fragment] if i else [fragment]
        parts.append("]")
    parts += [live, "}"]
    breakdown = pc.binary_join_element_wise(*_arrays(parts), "")

    hot = pa.array(
        ["".join(f"; hot trigger: {n.replace('_', ' ')}" for n in t) for t in triggers],
        pa.string(),
    )
    ordered = [
        layer_said[amount]
        for amount in sorted(amounts, reverse=True)
        for layer_said in said
        if amount in layer_said
    ]
    joined = pc.binary_join_element_wise(hot, *ordered, "") if ordered else hot
    reasons = pc.utf8_slice_codeunits(joined, start=2)  # the first "; "
    return reasons, breakdown


def _each(table: pa.Table, name: str, word: Any) -> pa.Array:
    """``word`` of each row's value of a column, worded once per distinct value."""
    import pyarrow as pa

    code, first = combinations(table, [name])
    values = table.column(name).take(pa.array(first)).to_pylist()
    return pa.array([word(v) for v in values], pa.string()).take(pa.array(code))


def _arrays(parts: list[Any]) -> list[Any]:
    """The parts, constant texts made Arrow scalars."""
    import pyarrow as pa

    return [pa.scalar(p, pa.string()) if isinstance(p, str) else p for p in parts]
