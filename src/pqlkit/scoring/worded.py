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

import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from pqlkit.scoring.breakdown import Memo, layer_words, plain_number

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from pqlkit.model.schema import Model

ROWS_A_PART = 20_000  # fewer rows are worded on the calling thread
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
            code, first = _dense(code)
            size = len(first) or 1
        code = code * values + index + 1
        size *= values
    return _dense(code)


def _dense(code: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``code`` renumbered ``0 … n-1`` in order of first appearance (a hash, not a sort: 4x
    faster than ``np.unique`` on a date's 186k rows), and each new code's first row."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    dense = pc.dictionary_encode(pa.array(code)).indices.to_numpy().astype(np.int64)
    if not len(dense):
        return dense, dense
    seen = np.maximum.accumulate(dense)  # a code's first row is where the highest seen grows
    return dense, np.flatnonzero(np.concatenate(([True], seen[1:] > seen[:-1])))


@dataclass(frozen=True)
class RowTriggers:
    """Each row's live triggers: ``lists[code[i]]`` for row ``i`` (``lists[0]`` is none)."""

    code: pa.Array  # int32, a row's index into lists
    lists: list[tuple[str, ...]]

    @classmethod
    def of(cls, entities: pa.Array | pa.ChunkedArray, live: Mapping[str, list[str]]) -> RowTriggers:
        """The triggers of each row's entity in ``live`` (an entity left out has none)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        lists: dict[tuple[str, ...], int] = {(): 0}

        def code_of(triggers: list[str]) -> int:
            return lists.setdefault(tuple(triggers), len(lists)) if triggers else 0

        if len(entities) <= len(live):  # a few rows (a slice of the ledger's): each looked up
            rows = [code_of(live.get(entity, [])) for entity in entities.to_pylist()]
            return cls(pa.array(rows, pa.int32()), [*lists])
        hot = {entity: code_of(triggers) for entity, triggers in live.items() if triggers}
        at = pc.index_in(entities, value_set=pa.array(list(hot), pa.string()))
        code = pa.array(list(hot.values()), pa.int32()).take(at).fill_null(0)
        return cls(code.combine_chunks() if isinstance(code, pa.ChunkedArray) else code, [*lists])

    def worded(self, word: Callable[[tuple[str, ...]], str]) -> pa.Array:
        """``word`` of each row's triggers, worded once per distinct list."""
        import pyarrow as pa

        return pa.array([word(t) for t in self.lists], pa.string()).take(self.code)

    def slice(self, start: int, size: int) -> RowTriggers:
        return RowTriggers(self.code.slice(start, size), self.lists)

    def each(self) -> list[list[str]]:
        """Each row's triggers, as lists."""
        lists = [list(t) for t in self.lists]
        return [lists[c] for c in self.code.to_pylist()]


def words(
    model: Model, table: pa.Table, live: RowTriggers, memo: Memo | None = None
) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """The reasons and breakdown (JSON text) of every row of ``table`` (a points model's
    scored table), ``live`` being each row's live triggers; ``memo``: kept by a caller wording
    many tables of the model (each layer's values are worded once for them all).

    A big table is worded in parts, one per core, on threads: Arrow's kernels, which do most
    of the work (a breakdown is a kilobyte of text), run without the interpreter's lock.
    """
    import pyarrow as pa

    memo = memo or Memo.of(model)
    rows = table.num_rows
    parts = max(1, min(os.cpu_count() or 1, rows // ROWS_A_PART))
    if parts == 1:
        reasons, breakdowns = _words(model, table, live, memo)
        return pa.chunked_array([reasons]), pa.chunked_array([breakdowns])
    size = -(-rows // parts)
    with ThreadPoolExecutor(parts, thread_name_prefix="pqlkit-words") as pool:
        worded = list(
            pool.map(
                lambda start: _words(
                    model, table.slice(start, size), live.slice(start, size), memo
                ),
                range(0, rows, size),
            )
        )
    return pa.chunked_array([r for r, _ in worded]), pa.chunked_array([b for _, b in worded])


def _words(
    model: Model, table: pa.Table, live: RowTriggers, memo: Memo
) -> tuple[pa.Array, pa.Array]:
    """:func:`words` of one part of a table."""
    import pyarrow.compute as pc

    layers = [_layer(model, table, memo, *layer) for layer in memo.layers]
    fragments = [_texts(code, [entry for entry, _ in said]) for code, said in layers]
    parts: list[Any] = ['{"score":', _each(table, "score"), ',"tier":', _each(table, "tier")]
    if fragments:
        parts.append(',"layers":[')
        for i, fragment in enumerate(fragments):
            parts += [",", fragment] if i else [fragment]
        parts.append("]")
    parts += [live.worded(lambda t: f',"triggers":{_json(t)}' if t else ""), "}"]
    breakdown = pc.binary_join_element_wise(*_arrays(parts), "")

    hot = live.worded(lambda t: "".join(f"; hot trigger: {_spoken(n)}" for n in t))
    awarded = [set().union(*(texts for _, texts in said)) for _, said in layers]  # per layer
    ordered = [
        _texts(code, [texts.get(amount, "") for _, texts in said])
        for amount in sorted(set().union(*awarded), reverse=True)
        for (code, said), amounts in zip(layers, awarded, strict=True)
        if amount in amounts
    ]
    joined = pc.binary_join_element_wise(hot, *ordered, "") if ordered else hot
    reasons = pc.utf8_slice_codeunits(joined, start=2)  # the first "; "
    return reasons, breakdown


def _layer(
    model: Model,
    table: pa.Table,
    memo: Memo,
    name: str,
    layer: Any,
    columns: list[Any],
    subtotal: str,
) -> tuple[np.ndarray, list[tuple[str, dict[float, str]]]]:
    """Each row's code for its values in a layer, and the layer's texts for each code: its
    breakdown entry and its reasons per amount of points."""
    import pyarrow as pa

    names = [c for _, _, value, points in columns for c in (value, points)]
    code, first = combinations(table, [*names, subtotal])
    picked = table.select([*names, subtotal]).take(pa.array(first))

    def each(column: str, points: bool = False) -> list[Any]:  # the combinations' values
        values = picked.column(column).to_pylist()
        return [float(v or 0.0) for v in values] if points else values

    rules = [zip(each(value), each(points, True), strict=True) for _, _, value, points in columns]
    seens = zip(*rules, strict=True) if rules else [()] * len(first)
    said = []
    for seen, total in zip(seens, each(subtotal, True), strict=True):
        key = (name, seen, total)
        worded = memo.layer_texts.get(key)
        if worded is None:
            worded = memo.layer_texts[key] = _layer_texts(model, layer, columns, key)
        said.append(worded)
    return code, said


def _texts(code: np.ndarray, texts: list[str]) -> pa.Array:
    """Each row's text: ``texts[code]``."""
    import pyarrow as pa

    return pa.array(texts, pa.string()).take(pa.array(code))


def _layer_texts(
    model: Model, layer: Any, columns: list[Any], key: tuple[Any, ...]
) -> tuple[str, dict[float, str]]:
    """A layer's breakdown entry as JSON text, and its reasons per amount of points, each
    amount's joined and led by "; " (a row's reasons are these put together, less the first
    "; ")."""
    name, seen, subtotal = key
    entry, items = layer_words(model, name, layer, columns, seen, subtotal)
    texts: dict[float, str] = {}
    for points, text in items:
        texts[points] = f"{texts.get(points, '')}; {text}"
    return orjson.dumps(entry).decode(), texts


def _each(table: pa.Table, name: str) -> pa.Array:
    """Each row's value of a column as JSON, worded once per distinct value."""
    import pyarrow as pa

    code, first = combinations(table, [name])
    return _texts(code, [_json(v) for v in table.column(name).take(pa.array(first)).to_pylist()])


def _json(value: Any) -> str:
    return orjson.dumps(plain_number(value)).decode()


def _spoken(name: str) -> str:
    return name.replace("_", " ")


def _arrays(parts: list[Any]) -> list[Any]:
    """The parts, constant texts made Arrow scalars."""
    import pyarrow as pa

    return [pa.scalar(p, pa.string()) if isinstance(p, str) else p for p in parts]
