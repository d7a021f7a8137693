"""`gridctl activity`: activities supervisors organise with enterprises (组织开展活动)."""

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
    EnterpriseFilter,
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

NAME = "activity"
app = typer.Typer(cls=NounGroup, help=t("help.activity"), no_args_is_help=True)
COLUMNS = [
    Col("id", right=True),
    Col("date"),
    Col("supervisor"),
    Col("supervisor_name"),
    Col("title"),
    Col("kind", "activity_kind"),
    Col("participants", right=True),
    Col("participating"),
]


@app.command(help=t("help.activity.add"), epilog=t("help.activity.add.example"))
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE", help=t("help.arg.title"))],
    supervisor: SupervisorOpt,
    day: Annotated[
        date,
        typer.Option(
            "--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.activity_date")
        ),
    ],
    enterprise: Annotated[
        list[str] | None,
        typer.Option("--enterprise", "-e", help=t("help.opt.activity_enterprise")),
    ] = None,
    kind: Annotated[str, typer.Option("--kind", help=t("help.opt.activity_kind"))] = "other",
    participants: Annotated[
        int | None, typer.Option("--participants", min=0, help=t("help.opt.participants"))
    ] = None,
) -> None:
    from gridctl.work.activities import add_activity

    activity = transaction(
        ctx,
        lambda session: add_activity(
            session,
            title=title,
            supervisor=supervisor,
            day=day,
            enterprises=enterprise or [],
            kind=kind,
            participants=participants,
        ),
    )
    output.say(t("activity.added", id=activity.id, date=activity.date.isoformat()))


@app.command("list", help=t("help.activity.list"), epilog=t("help.activity.list.example"))
def list_(
    ctx: typer.Context,
    month: MonthOpt = None,
    supervisor: SupervisorFilter = None,
    group: GroupFilter = None,
    enterprise: EnterpriseFilter = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.work.activities import activity_count, activity_page

    shown = window(fmt, limit, offset, every)
    with ledger(ctx, write=False) as session:
        found = activity_page(
            session,
            period=month,
            supervisor=supervisor,
            group=group,
            enterprise=enterprise,
            limit=shown.limit,
            offset=shown.offset,
        )
        count = partial(
            activity_count,
            session,
            period=month,
            supervisor=supervisor,
            group=group,
            enterprise=enterprise,
        )
        sep = t("notice.sep")
        records = (
            found
            if fmt is not Format.table
            else (output.plain(r) | {"participating": sep.join(r.enterprises)} for r in found)
        )
        listing.page(records, COLUMNS, fmt, shown, count)
