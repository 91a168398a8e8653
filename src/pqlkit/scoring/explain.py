"""The whole derivation of one entity's score, in plain language."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.compile.points import condition_column, layer_column, rule_column
from pqlkit.compile.signals import column
from pqlkit.errors import PqlError
from pqlkit.model.issues import did_you_mean
from pqlkit.model.loader import LoadedModel
from pqlkit.scoring.breakdown import describe, label
from pqlkit.scoring.run import now

if TYPE_CHECKING:
    import ibis.expr.types as ir


class UnknownEntity(PqlError):
    pass


def _fmt(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def explain_entity(
    events: ir.Table, loaded: LoadedModel, entity_id: str, as_of: datetime | None = None
) -> str:
    from pqlkit.compile.plan import compile_model

    model = loaded.model
    moment = as_of or now()
    compiled = compile_model(model, events, moment)
    found = compiled.table.filter(compiled.table.entity_id == entity_id).to_pyarrow()
    if model.type == "predictive" and found.num_rows:
        from pqlkit.scoring.predict import predict

        found = predict(loaded, found)
    rows = found.to_pylist()
    if not rows:
        ids = compiled.table.entity_id.to_pyarrow().to_pylist()
        hint = did_you_mean(entity_id, [str(i) for i in ids]) if len(ids) < 200_000 else ""
        raise UnknownEntity(
            f"{model.entity} {entity_id!r} is not in {model.name}'s population as of {moment:%Y-%m-%d %H:%M} UTC "
            f"(unknown then, or already paying).{hint}"
        )
    row = rows[0]
    out = [f"{model.entity} {entity_id} — {model.name} as of {moment:%Y-%m-%d %H:%M} UTC", ""]
    out.append("signals (from events before that time):")
    for name in model.signals:
        if column(name) in row:
            out.append(f"  {name:<28} {_fmt(row[column(name)])}")
    out.append("")
    if model.type == "predictive":
        return "\n".join(out + _prediction(loaded, row))
    if model.type == "threshold":
        assert model.qualify is not None
        for group in ("all", "any"):
            rules = getattr(model.qualify, group)
            if rules:
                out.append(f"{'every' if group == 'all' else 'any'} one of these must hold:")
            for index, rule in enumerate(rules):
                passed = row[condition_column(group, index)]
                out.append(
                    f"  [{'x' if passed else ' '}] {label(model, rule)} ({_fmt(row[column(rule.signal)])})"
                )
    for name, layer in model.layers.items():
        cap = f", capped at {layer.cap:g}" if layer.cap is not None else ""
        mode = "the best rule counts" if layer.combine == "best" else "points add up"
        out.append(f"layer {name} ({mode}{cap}): {_fmt(row[layer_column(name)])} points")
        for index, rule in enumerate(layer.rules):
            points = row[rule_column(name, index)]
            out.append(f"  {_fmt(points):>4}  {describe(model, rule, row[column(rule.signal)])}")
    out.append("")
    out.append(f"score {_fmt(row['score'])} → {row['tier']}")
    return "\n".join(out)


def _prediction(loaded: LoadedModel, row: dict[str, Any]) -> list[str]:
    """How the trained model turns the signals into a probability, push by push."""
    from pqlkit.scoring.breakdown import SHOWN, explain_row, log_odds

    model, artifact = loaded.model, loaded.artifact
    assert artifact is not None and model.tiers is not None
    breakdown = explain_row(model, row, []).breakdown
    horizon = f"{artifact.horizon_days:g} days"
    out = [
        f"trained model {model.artifact} (LightGBM on the signals of {artifact.model}, "
        f"trained on dates {artifact.trained_from[:10]} to {artifact.trained_to[:10]}):",
        "log-odds of converting (above 0: more likely than not), push by push:",
        f"  {log_odds(breakdown['base_log_odds']):>6}  on average, before this {model.entity}'s signals",
    ]
    for c in breakdown["contributions"]:
        if abs(c["log_odds"]) >= SHOWN:
            out.append(f"  {log_odds(c['log_odds']):>6}  {c['reason']}")
    quiet = [c["signal"] for c in breakdown["contributions"] if abs(c["log_odds"]) < SHOWN]
    if quiet:
        out.append(f"  (no push: {', '.join(quiet)})")
    hot = f", hot at {100 * model.tiers.hot:g}%" if model.tiers.hot is not None else ""
    out += [
        "",
        f"probability of converting within {horizon}: {100 * row['score']:.1f}% "
        f"(PQL at {100 * model.tiers.pql:g}%{hot}) → {row['tier']}",
    ]
    return out
