"""`gridctl visit`: supervisors' visits to enterprises.

This module is on the path of `gridctl visit add`, typed all day: keep heavy imports out.
"""

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
    EnterpriseOpt,
    Format,
    FormatOpt,
    GroupFilter,
    LimitOpt,
    MonthOpt,
    OffsetOpt,
    SupervisorFilter,
    SupervisorOpt,
    parse_date,
    window,
)
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.work import visits

NAME = "visit"
app = typer.Typer(cls=NounGroup, help=t("help.visit"), no_args_is_help=True)
COLUMNS = [
    Col("id", right=True),
    Col("date"),
    Col("supervisor"),
    Col("supervisor_name"),
    Col("enterprise"),
    Col("category", "category"),
    Col("notes"),
]


@app.command(help=t("help.visit.add"), epilog=t("help.visit.add.example"))
def add(
    ctx: typer.Context,
    supervisor: SupervisorOpt,
    enterprise: EnterpriseOpt,
    day: DateOpt = None,
    category: Annotated[str, typer.Option("--category", help=t("help.opt.category"))] = "routine",
    notes: Annotated[str | None, typer.Option("--notes", help=t("help.opt.notes"))] = None,
    problem: Annotated[
        list[str] | None, typer.Option("--problem", help=t("help.opt.problem"))
    ] = None,
) -> None:
    visit, opened = transaction(
        ctx,
        lambda session: visits.add_visit(
            session,
            supervisor=supervisor,
            enterprise=enterprise,
            day=day or date.today(),
            category=category,
            notes=notes,
            problems=problem or [],
        ),
    )
    output.say(t("visit.added", id=visit.id, date=visit.date.isoformat()))
    for p in opened:
        output.say(t("visit.problem_opened", id=p.id, description=p.description))


@app.command("list", help=t("help.visit.list"), epilog=t("help.visit.list.example"))
def list_(
    ctx: typer.Context,
    month: MonthOpt = None,
    supervisor: SupervisorFilter = None,
    enterprise: EnterpriseFilter = None,
    group: GroupFilter = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    shown = window(fmt, limit, offset, every)
    with ledger(ctx, write=False) as session:
        records = visits.visit_page(
            session,
            period=month,
            supervisor=supervisor,
            enterprise=enterprise,
            group=group,
            limit=shown.limit,
            offset=shown.offset,
        )
        count = partial(
            visits.visit_count,
            session,
            period=month,
            supervisor=supervisor,
            enterprise=enterprise,
            group=group,
        )
        listing.page(records, COLUMNS, fmt, shown, count)


DUE_COLUMNS = [
    Col("days_overdue", right=True),
    Col("enterprise"),
    Col("visit_class", "visit_class"),
    Col("last_visit"),
    Col("due_date"),
    Col("supervisor"),
    Col("supervisor_name"),
    Col("group"),
]


@app.command(help=t("help.visit.due"), epilog=t("help.visit.due.example"))
def due(
    ctx: typer.Context,
    group: GroupFilter = None,
    as_of: Annotated[
        date | None,
        typer.Option("--as-of", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.as_of")),
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.work.schedule import due_rows

    with ledger(ctx, write=False) as session:
        records = due_rows(session, as_of=as_of or date.today(), group=group)
    output.rows(records, DUE_COLUMNS, fmt)
