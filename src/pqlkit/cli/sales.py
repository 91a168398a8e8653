"""`pql sla` and `pql review`: is sales answering in time, and is the PQL definition still right?"""

from __future__ import annotations

import typer

from pqlkit.cli.model import MODEL_HELP
from pqlkit.cli.options import db_option


def _request(**values: object):  # type: ignore[no-untyped-def]
    from pqlkit.errors import ConfigError
    from pqlkit.events.spec import parse_time
    from pqlkit.sales.reports import ReportRequest

    for name, option in (("since", "--from"), ("until", "--to")):
        text = values.get(name)
        try:
            values[name] = parse_time(str(text)) if text else None
        except ValueError:
            raise ConfigError(f"{option}: {text!r} is not a date or ISO-8601 time") from None
    return ReportRequest(**values)  # type: ignore[arg-type]


def _run(kind: str, request: object, db: str | None) -> dict[str, object]:
    """Here on the store, or through the server that owns it."""
    from dataclasses import asdict

    from pqlkit.cli.score import owning_server
    from pqlkit.sales import reports

    server = owning_server(db)
    if server is not None:
        from pqlkit.server.admin_client import AdminClient

        body = {
            k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in asdict(request).items()  # type: ignore[call-overload]
        }
        answer: dict[str, object] = AdminClient(server).request(
            "POST", f"/{kind}", body, timeout=None
        )
        return answer
    from pqlkit.store.store import Store

    run = reports.run_sla if kind == "sla" else reports.run_review
    with Store.open(db, read_only=True) as store:
        return run(store, request)  # type: ignore[arg-type]


def _out(data: dict[str, object], as_json: bool, text: str) -> None:
    if as_json:
        import orjson

        typer.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(text)


def sla(
    model: str | None = typer.Option(
        None,
        "--model",
        help="Only this model's leads; its conversion definition says who converted. " + MODEL_HELP,
    ),
    since: str | None = typer.Option(
        None, "--from", help="Leads started from this time (UTC; default 90 days before --to)."
    ),
    until: str | None = typer.Option(
        None, "--to", help="… up to this time (UTC; default now).", show_default=False
    ),
    window: str = typer.Option(
        "30d", "--window", help="A lead converted if the entity converted within this."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (every lead included)."),
    db: str | None = db_option(),
) -> None:
    """Response times against the SLA: per path and per owner (median and p90 time to first
    touch, breaches, open and overdue now), and conversion by response time (<1h, 1-4h, 4-24h,
    >24h, never touched).

    Leads are alerts (hot triggers) and `pql route`'s assignments with an SLA. A first touch
    comes from `pql feedback` / POST /v1/feedback or from the CRM (`pql crm sync`).
    Conversion: the model's conversion in the events (with --model) and `converted` feedback.
    """
    from pqlkit.sales.text import sla_text

    data = _run("sla", _request(model=model, since=since, until=until, window=window), db)
    _out(data, as_json, sla_text(data) if not as_json else "")


def review(
    model: str = typer.Option(..., "--model", help=MODEL_HELP),
    since: str | None = typer.Option(
        None, "--from", help="Start of the period (UTC; default 90 days before --to)."
    ),
    until: str | None = typer.Option(
        None, "--to", help="End of the period (UTC; default now).", show_default=False
    ),
    capacity: str | None = typer.Option(
        None,
        "--capacity",
        help="PQLs sales can work: 150/week, 30/day (default: capacity: in the routing file).",
    ),
    routing: str | None = typer.Option(
        None, "--routing", help="The routing file (default: routing.yaml beside the model)."
    ),
    window: str = typer.Option(
        "30d", "--window", help="A PQL converted if it converted within this."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: str | None = db_option(),
) -> None:
    """The quarterly review of a PQL definition: new PQLs per week against capacity,
    conversion within 30 days against the healthy 15-40% band (too loose / too tight / in
    band), the feedback mix and precision, response times against the SLA, and the rules that
    no longer predict (conversion with vs without each rule, lift and significance).

    PQLs come from the scores ledger (run `pql score --backfill` or `pql serve --score-every`
    first).
    """
    from pqlkit.sales.text import review_text

    request = _request(
        model=model,
        since=since,
        until=until,
        window=window,
        capacity=capacity,
        routing=routing,
    )
    data = _run("review", request, db)
    _out(data, as_json, review_text(data) if not as_json else "")


def register(app: typer.Typer) -> None:
    app.command("sla")(sla)
    app.command("review")(review)
