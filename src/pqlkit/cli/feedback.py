"""`pql feedback`: a rep's verdict on a lead, or that someone reached out."""

from __future__ import annotations

import typer

from pqlkit.cli.options import db_option


def feedback(
    entity_id: str = typer.Argument(..., help="The user or account id."),
    label: str = typer.Argument(..., help="good, not-ready, converted, lost or touched."),
    note: str | None = typer.Option(None, "--note", help="What the rep said."),
    by: str | None = typer.Option(None, "--by", help="Who gives it (a name or e-mail)."),
    at: str | None = typer.Option(
        None, "--at", help="When it happened (UTC; default now): a first touch's time."
    ),
    alert: str | None = typer.Option(None, "--alert", help="The alert it answers (al_…)."),
    db: str | None = db_option(),
) -> None:
    """Record sales feedback on a lead, with who and when.

    good / not-ready / lost / touched also mark the first touch of the entity's open alerts
    (response times against the SLA are measured to it); converted records an outcome. Goes
    through `pql serve` when it owns the store.
    """
    from pqlkit.cli.console import CliConsole
    from pqlkit.cli.model import _parse_time
    from pqlkit.cli.score import owning_server
    from pqlkit.sales.feedback import Feedback, record

    console = CliConsole()
    moment = _parse_time(at) if at else None
    given = Feedback(entity_id, label, note, by, moment, alert)  # checks the label first
    server = owning_server(db)
    if server is not None:
        from pqlkit.server.admin_client import AdminClient

        body = {
            "entity_id": entity_id,
            "label": label,
            "note": note,
            "by": by,
            "at": moment.isoformat() if moment else None,
            "alert_id": alert,
        }
        answer = AdminClient(server).request("POST", "/feedback", body)
        touched = answer["touched_alerts"]
        feedback_id = answer["feedback_id"]
    else:
        from pqlkit.store.store import Store

        with Store.open(db) as store:
            recorded = record(store, given, "cli")
        touched, feedback_id = recorded.touched_alerts, recorded.feedback_id
    console.info(
        f"recorded {label} for {entity_id} ({feedback_id})"
        + (f"; first touch of {touched} alert{'s' if touched != 1 else ''}" if touched else "")
    )


def register(app: typer.Typer) -> None:
    app.command("feedback")(feedback)
