"""JSON values on ClickHouse, which ibis 12's ClickHouse compiler cannot unwrap.

pqlkit reads properties and traits as JSON and unwraps them to a string, number or boolean
only when the value has that type (anything else is missing), as every other engine does. On
ClickHouse a JSON column is text: ``JSONExtractRaw`` takes the value's JSON text, ``JSONType``
tells its type, and ``JSONExtract*`` reads it. :func:`install` adds those rules to ibis's
compiler; ``render_sql`` calls it before writing ClickHouse SQL.
"""

from __future__ import annotations

from typing import Any

NUMBER_TYPES = ("Int64", "UInt64", "Double")


def install() -> None:
    import sqlglot.expressions as sge
    from ibis.backends.sql.compilers.clickhouse import ClickHouseCompiler

    if getattr(ClickHouseCompiler, "_pqlkit_json", False):
        return

    def typed(self: Any, arg: Any, types: tuple[str, ...], value: Any) -> Any:
        kind = self.f.JSONType(arg)
        test = kind.eq(sge.convert(types[0])) if len(types) == 1 else kind.isin(*types)
        return self.if_(test, value, sge.Null())

    def get_item(self: Any, op: Any, *, arg: Any, index: Any) -> Any:
        return self.f.JSONExtractRaw(arg, index)

    def unwrap_string(self: Any, op: Any, *, arg: Any) -> Any:
        return typed(self, arg, ("String",), self.f.JSONExtractString(arg))

    def unwrap_float(self: Any, op: Any, *, arg: Any) -> Any:
        return typed(self, arg, NUMBER_TYPES, self.f.JSONExtractFloat(arg))

    def unwrap_int(self: Any, op: Any, *, arg: Any) -> Any:
        return typed(self, arg, NUMBER_TYPES, self.f.JSONExtractInt(arg))

    def unwrap_bool(self: Any, op: Any, *, arg: Any) -> Any:
        return typed(self, arg, ("Bool",), self.f.JSONExtractBool(arg).eq(1))

    ClickHouseCompiler.visit_JSONGetItem = get_item
    ClickHouseCompiler.visit_UnwrapJSONString = unwrap_string
    ClickHouseCompiler.visit_UnwrapJSONFloat64 = unwrap_float
    ClickHouseCompiler.visit_UnwrapJSONInt64 = unwrap_int
    ClickHouseCompiler.visit_UnwrapJSONBoolean = unwrap_bool
    ClickHouseCompiler._pqlkit_json = True
