"""`gridctl problem`: problems collected on visits, tracked until solved."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated

import typer

from gridctl.cli import listing, output
from gridctl.cli.context import ledger, transaction
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import (
    AllOpt,
    DateOpt,
    EnterpriseFilter,
    Format,
    FormatOpt,
    GroupFilter,
    LimitOpt,
    OffsetOpt,
    SupervisorFilter,
    parse_id,
    window,
)
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.work import problems

NAME = "problem"
app = typer.Typer(cls=NounGroup, help=t("help.problem"), no_args_is_help=True)
COLUMNS = [
    Col("id", right=True),
    Col("opened"),
    Col("supervisor"),
    Col("enterprise"),
    Col("description"),
    Col("status", "status"),
    Col("closed"),
    Col("resolution"),
]


MEETINGS = [
    Col("meeting", right=True),
    Col("date"),
    Col("kind", "meeting_kind"),
    Col("title", label="col.meeting_title"),
    Col("note"),
    Col("outcome"),
]
IdArg = Annotated[int, typer.Argument(metavar="ID", parser=parse_id, help=t("help.arg.problem_id"))]


@app.command("list", help=t("help.problem.list"), epilog=t("help.problem.list.example"))
def list_(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option("--status", help=t("help.opt.status"))] = None,
    supervisor: SupervisorFilter = None,
    enterprise: EnterpriseFilter = None,
    group: GroupFilter = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    shown = window(fmt, limit, offset, every)
    filters = {"status": status, "supervisor": supervisor, "enterprise": enterprise, "group": group}
    with ledger(ctx, write=False) as session:
        records = problems.problem_page(session, limit=shown.limit, offset=shown.offset, **filters)
        count = partial(problems.problem_count, session, **filters)
        listing.page(records, COLUMNS, fmt, shown, count)


@app.command(help=t("help.problem.show"), epilog=t("help.problem.show.example"))
def show(ctx: typer.Context, problem_id: IdArg, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        rec = problems.problem_detail(session, problem_id)
    output.record(
        rec, fmt, [Col("status", "status"), Col("category", label="col.problem_category")]
    )
    if fmt is Format.table and rec.meetings:
        output.rows(rec.meetings, MEETINGS, fmt, title=t("problem.meetings"))


@app.command(help=t("help.problem.start"), epilog=t("help.problem.start.example"))
def start(ctx: typer.Context, problem_id: IdArg) -> None:
    with ledger(ctx) as session:
        changed = problems.start_problem(session, problem_id=problem_id)
    output.say(t("problem.started" if changed else "problem.already_started", id=problem_id))


def _finish(
    ctx: typer.Context, problem_id: int, note: str, status: str, by: str | None, day: date | None
) -> None:
    done = transaction(
        ctx,
        lambda session: problems.finish_problem(
            session, problem_id=problem_id, note=note, status=status, by=by, day=day
        ),
    )
    output.say(t(f"problem.{status}", id=done.id, date=str(done.closed_on)))


@app.command(help=t("help.problem.solve"), epilog=t("help.problem.solve.example"))
def solve(
    ctx: typer.Context,
    problem_id: Annotated[
        int, typer.Argument(metavar="ID", parser=parse_id, help=t("help.arg.problem_id"))
    ],
    note: Annotated[str, typer.Option("--note", help=t("help.opt.note"))],
    by: Annotated[str | None, typer.Option("--by", help=t("help.opt.by"))] = None,
    day: DateOpt = None,
) -> None:
    _finish(ctx, problem_id, note, "solved", by, day)


@app.command(help=t("help.problem.close"), epilog=t("help.problem.close.example"))
def close(
    ctx: typer.Context,
    problem_id: Annotated[
        int, typer.Argument(metavar="ID", parser=parse_id, help=t("help.arg.problem_id"))
    ],
    note: Annotated[str, typer.Option("--note", help=t("help.opt.close_note"))],
    by: Annotated[str | None, typer.Option("--by", help=t("help.opt.by"))] = None,
    day: DateOpt = None,
) -> None:
    _finish(ctx, problem_id, note, "closed", by, day)


def _register_refer() -> None:
    # `problem refer` lives with the meetings it refers problems to.
    from gridctl.cli.meeting import register_problem_commands

    register_problem_commands(app)


_register_refer()
