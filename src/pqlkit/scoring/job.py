"""One `pql score` run as a value: what to score (:class:`ScoreRequest`), what came out
(:class:`ScoreResult`) — the same whether the CLI runs it on the store or asks the server that
owns the store to run it (the request and the result travel as JSON through the admin API).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pqlkit.console import Console, SilentConsole
from pqlkit.errors import ConfigError

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

    from pqlkit.store.store import Store


@dataclass(frozen=True)
class ScoreRequest:
    model: str  # a model file (absolute path when sent to a server) or a template name
    as_of: datetime | None = None  # default: now
    entity: str | None = None  # "account" shows a user model per account
    ledger: bool = True
    backfill: bool = False
    every: str = "1d"
    since: datetime | None = None  # start of the backfill (default: the first event)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("as_of", "since"):
            data[name] = _iso(data[name])
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScoreRequest:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        for name in ("as_of", "since"):
            known[name] = _time(known.get(name))
        return cls(**known)


@dataclass(frozen=True)
class ScoreResult:
    model: str
    kind: str  # what the rows are: user or account
    as_of: datetime
    table: pa.Table  # the output rows (scoring.run.OUTPUT_COLUMNS), best first
    scored: int | None = None  # ledger: entities recorded, and of them changed (None: no ledger)
    changed: int | None = None

    def rows(self) -> list[dict[str, Any]]:
        """The output rows as dicts."""
        rows: list[dict[str, Any]] = self.table.to_pylist()
        return rows

    def as_json(self) -> dict[str, Any]:
        rows = [
            {**row, "as_of": _iso(row.get("as_of")), "pql_since": _iso(row.get("pql_since"))}
            for row in self.rows()
        ]
        return {
            "model": self.model,
            "kind": self.kind,
            "as_of": _iso(self.as_of),
            "rows": rows,
            "scored": self.scored,
            "changed": self.changed,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScoreResult:
        import pyarrow as pa

        from pqlkit.scoring.run import output_schema

        rows = [
            {**row, "as_of": _time(row.get("as_of")), "pql_since": _time(row.get("pql_since"))}
            for row in data["rows"]
        ]
        as_of = _time(data["as_of"])
        assert as_of is not None
        table = pa.Table.from_pylist(rows, schema=output_schema())
        return cls(data["model"], data["kind"], as_of, table, data["scored"], data["changed"])


def run_score(
    store: Store, events: ir.Table, request: ScoreRequest, console: Console | None = None
) -> ScoreResult:
    """Score (after a backfill, if asked), record the ledger, and give the rows to show."""
    from pqlkit.model.loader import load
    from pqlkit.scoring import ledger as scores_ledger
    from pqlkit.scoring.run import now, score_dates, score_events

    console = console or SilentConsole()
    loaded = load(request.model)
    per_account = per_account_view(request.entity, loaded.model.entity)
    moment = request.as_of or now()
    if request.backfill:
        step = duration("--every", request.every)
        start = request.since or scores_ledger.first_day(events)
        dates = scores_ledger.backfill_dates(start, moment, step)
        with console.progress(f"backfilling {len(dates)} dates", total=len(dates)) as bar:
            for past in score_dates(events, loaded, dates):
                scores_ledger.record(store, past)
                bar.advance()
    with console.progress("scoring", total=None):
        run = score_events(events, loaded, moment)
    scored = changed = None
    if request.ledger or request.backfill:
        written = scores_ledger.record(store, run)
        started = scores_ledger.pql_since(store, loaded.model.name, loaded.model.entity, moment)
        run = replace(run, since=started)
        scored, changed = written.scored, written.changed
    if per_account:
        import pyarrow as pa

        from pqlkit.scoring.rollup import account_rows
        from pqlkit.scoring.run import output_schema

        table = pa.Table.from_pylist(account_rows(run), schema=output_schema())
    else:
        table = run.output()
    kind = "account" if per_account else loaded.model.entity
    return ScoreResult(loaded.model.name, kind, run.as_of, table, scored, changed)


def per_account_view(entity: str | None, model_entity: str) -> bool:
    """Whether to show a user model per account (``--entity account``)."""
    if entity is None or entity == model_entity:
        return False
    if entity not in ("user", "account"):
        raise ConfigError(f"--entity: {entity!r} is not 'user' or 'account'")
    if model_entity == "account":
        raise ConfigError(
            "--entity user: this model scores accounts; score users with a user model "
            "(e.g. --model pillars) or leave --entity out"
        )
    return True


def duration(option: str, text: str) -> Any:
    from pqlkit.model.durations import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise ConfigError(f"{option}: {exc}") from None


def _iso(moment: Any) -> Any:
    return moment.isoformat() if isinstance(moment, datetime) else moment


def _time(text: Any) -> datetime | None:
    if text is None or isinstance(text, datetime):
        return text
    return datetime.fromisoformat(str(text).removesuffix("Z"))
