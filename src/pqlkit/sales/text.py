"""The SLA report and the review as plain text, from their JSON (so the CLI words a report the
same whether it ran here or in the server that owns the store)."""

from __future__ import annotations

from typing import Any


def _hours(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 60:.0f}m"
    return f"{value:.1f}h"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _day(text: str | None) -> str:
    return "-" if text is None else text[:16].replace("T", " ")


def _groups(title: str, groups: list[dict[str, Any]]) -> list[str]:
    width = max([len(title), *(len(g["name"]) for g in groups)])
    lines = [
        f"{title:<{width}}  {'leads':>5}  {'touched':>7}  {'median':>6}  {'p90':>6}  "
        f"{'in SLA':>6}  {'breaches':>8}  {'overdue':>7}"
    ]
    for g in groups:
        lines.append(
            f"{g['name']:<{width}}  {g['leads']:>5}  {g['touched']:>7}  "
            f"{_hours(g['median_hours']):>6}  {_hours(g['p90_hours']):>6}  "
            f"{g['within_sla']:>6}  {g['breaches']:>8}  {g['open_overdue']:>7}"
        )
    return lines


def _buckets(buckets: list[dict[str, Any]], window_days: float) -> list[str]:
    lines = [f"conversion by response time (converted within {window_days:g} days of the lead):"]
    for b in buckets:
        lines.append(
            f"  {b['name']:<14} {b['leads']:>5} leads  {b['converted']:>4} converted  "
            f"{_rate(b['rate']):>4}"
        )
    return lines


def _summary(total: dict[str, Any]) -> str:
    return (
        f"{total['leads']} leads, {total['touched']} touched (median "
        f"{_hours(total['median_hours'])}, p90 {_hours(total['p90_hours'])}); "
        f"{total['within_sla']} within the SLA, {total['breaches']} breaches, "
        f"{total['open_overdue']} open and overdue now"
    )


def sla_text(data: dict[str, Any]) -> str:
    lines = [
        f"SLA: leads started {_day(data['since'])} to {_day(data['until'])} "
        f"(as of {_day(data['now'])})",
        "all: " + _summary(data["total"]),
    ]
    if not data["total"]["leads"]:
        lines.append("no alert or routed lead with a deadline in the period")
        return "\n".join(lines)
    lines += ["", *_groups("path", data["by_path"]), "", *_groups("owner", data["by_owner"])]
    lines += ["", *_buckets(data["conversion_by_response"], data["conversion_window_days"])]
    lines.append(f"  (conversion: {data['conversion']})")
    overdue = data["open_overdue"]
    if overdue:
        lines += ["", f"open and overdue now ({len(overdue)}):"]
        for lead in overdue[:20]:
            lines.append(
                f"  {lead['entity_id']}  {lead['path']}  {lead['owner']}  due {_day(lead['due'])}"
                f"  ({lead['kind']} {lead['lead_id']})"
            )
        if len(overdue) > 20:
            lines.append(f"  … and {len(overdue) - 20} more (--json lists them all)")
    return "\n".join(lines)


def review_text(data: dict[str, Any]) -> str:
    volume, conversion = data["volume"], data["conversion"]
    lines = [
        f"Review of {data['model']}: {_day(data['since'])} to {_day(data['until'])}",
        "",
        f"Volume: {volume['pqls']} new PQLs, {volume['per_week']:g} a week — {volume['verdict']}",
    ]
    for week in volume["weeks"]:
        mark = " (part week)" if not week["whole"] else ""
        mark += "  over capacity" if week["over_capacity"] else ""
        lines.append(f"  week of {week['week']}: {week['pqls']:>4}{mark}")
    lines.append("")
    rate = conversion["rate"]
    lines.append(
        f"Conversion within {conversion['window_days']:g} days: "
        + (
            f"{conversion['converted']} of {conversion['matured']} PQLs = {_rate(rate)} — "
            if rate is not None
            else ""
        )
        + conversion["verdict"]
    )
    if conversion["few"] and rate is not None:
        lines.append("  (few PQLs: indicative only)")
    if conversion["converted_before"]:
        lines.append(
            f"  ({conversion['converted_before']} had converted before they qualified: not counted)"
        )
    feedback = data["feedback"]
    counts = feedback["counts"]
    lines += [
        "",
        "Feedback: "
        + ", ".join(f"{name} {counts[name]}" for name in counts)
        + f"; precision {_rate(feedback['precision'])} (good or converted, of the verdicts)",
        "",
        "Response: " + _summary(data["sla"]["total"]),
    ]
    for group in data["sla"]["by_path"]:
        lines.append(
            f"  {group['name']}: {group['leads']} leads, median {_hours(group['median_hours'])}, "
            f"{group['breaches']} breaches"
        )
    converted = [b for b in data["sla"]["conversion_by_response"] if b["leads"]]
    if converted:
        lines.append(
            "  conversion by response: "
            + ", ".join(f"{b['name']} {_rate(b['rate'])} of {b['leads']}" for b in converted)
        )
    lines += ["", "Rules (conversion of the period's PQLs with the rule vs without):"]
    if not data["rules"]:
        lines.append("  the model has no rules")
    for rule in data["rules"]:
        flag = "!" if rule["flagged"] else " "
        rates = (
            f"{_rate(rule['rate_with'])} vs {_rate(rule['rate_without'])}"
            if rule["rate_with"] is not None and rule["rate_without"] is not None
            else "-"
        )
        lines.append(
            f" {flag} {rule['rule']}: fired for {rule['fired']} of {rule['pqls']}, {rates} — "
            f"{rule['verdict']}"
        )
    flagged = sum(r["flagged"] for r in data["rules"])
    if flagged:
        lines.append(f"  {flagged} rule(s) marked ! do not earn their points now: review them")
    return "\n".join(lines)
