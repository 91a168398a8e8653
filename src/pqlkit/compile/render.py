"""The compiled model as readable SQL for a dialect, and its stages as text."""

from __future__ import annotations

from datetime import datetime

from pqlkit.model.durations import format_duration
from pqlkit.model.loader import LoadedModel
from pqlkit.model.schema import Model


def render_sql(model: Model, as_of: datetime, dialect: str) -> str:
    """SQL reading a table named ``events`` with the store's columns."""
    import ibis
    import sqlglot

    from pqlkit.compile.plan import compile_model
    from pqlkit.errors import ConfigError

    if dialect == "pyspark":
        try:
            _ = ibis.pyspark  # loading the backend registers the dialect's options
        except ImportError:
            raise ConfigError(
                "--dialect pyspark needs pyspark: pip install 'pqlkit[spark]'"
            ) from None
    from ibis.common.exceptions import OperationNotDefinedError

    if dialect == "clickhouse":
        from pqlkit.compile import clickhouse

        clickhouse.install()
    if dialect == "duckdb":
        from pqlkit.compile import duckdb_rules

        duckdb_rules.install()

    from pqlkit.store.schema import EVENTS

    events = ibis.table(EVENTS, name="events")
    compiled = compile_model(model, events, as_of)
    try:
        sql = str(ibis.to_sql(compiled.table, dialect=dialect))
    except OperationNotDefinedError as exc:
        raise ConfigError(
            f"--dialect {dialect}: this model needs an operation the {dialect} compiler lacks "
            f"({exc}); known gap, see docs/engines.md"
        ) from None
    read = "spark" if dialect == "pyspark" else dialect
    sqlglot.parse_one(sql, read=read)  # the dialect can read what we give it
    return sql + ";"


def stages(loaded: LoadedModel) -> str:
    """The model as pqlkit understood it: signals, then rules and layers, then tiers."""
    model = loaded.model
    lines = [
        f"-- model {model.name} ({model.type}, {model.entity}s, population: {model.population})",
        "-- signals:",
    ]
    for name, signal in model.signals.items():
        spec = signal.spec.model_dump(exclude_defaults=True, exclude={"kind"}, by_alias=True)
        for key, value in list(spec.items()):
            if hasattr(value, "total_seconds"):
                spec[key] = format_duration(value)
        lines.append(
            f"--   {name} = {signal.kind}({', '.join(f'{k}={v}' for k, v in spec.items())})"
        )
    for name, layer in model.layers.items():
        cap = f", cap {layer.cap:g}" if layer.cap is not None else ""
        lines.append(f"-- layer {name} ({layer.combine}{cap}):")
        for rule in layer.rules:
            if rule.bands:
                bands = "; ".join(
                    f"{b.from_:g}{'-' + format(b.to, 'g') if b.to is not None else '+'} → {b.points:g}"
                    for b in rule.bands
                )
                lines.append(f"--   {rule.signal}: {bands}")
            else:
                test = (
                    ", ".join(f"{t.rstrip('_')} {getattr(rule, t)}" for t in rule.tests()) or "true"
                )
                lines.append(f"--   {rule.signal} {test} → {rule.points:g}")
    if model.qualify is not None:
        for group in ("all", "any"):
            for rule in getattr(model.qualify, group):
                test = (
                    ", ".join(f"{t.rstrip('_')} {getattr(rule, t)}" for t in rule.tests()) or "true"
                )
                lines.append(f"-- qualify {group}: {rule.signal} {test}")
    if model.type == "predictive":
        lines.append(
            f"-- score: the probability from the trained model {model.artifact} (extends "
            f"{model.extends}), computed on these signals' rows after the SQL"
        )
    if model.tiers is not None:
        hot = f", hot ≥ {model.tiers.hot:g}" if model.tiers.hot is not None else ""
        lines.append(f"-- tiers: pql ≥ {model.tiers.pql:g}{hot}")
    for name, trigger in model.triggers.items():
        lines.append(f"-- trigger {name}: respond within {format_duration(trigger.respond_within)}")
    return "\n".join(lines)
