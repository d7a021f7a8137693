"""`gridctl diary`: supervisors' work diaries (entries, and the notes of their visits)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated

import typer

from gridctl.cli import listing, output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import (
    AllOpt,
    DateOpt,
    Format,
    FormatOpt,
    LimitOpt,
    MonthOpt,
    OffsetOpt,
    SupervisorOpt,
    window,
)
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.work import diary

NAME = "diary"
app = typer.Typer(cls=NounGroup, help=t("help.diary"), no_args_is_help=True)
COLUMNS = [
    Col("date"),
    Col("source", "diary_source"),
    Col("enterprise"),
    Col("category", "category"),
    Col("text"),
]


@app.command(help=t("help.diary.add"), epilog=t("help.diary.add.example"))
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help=t("help.arg.diary_text"))],
    supervisor: SupervisorOpt,
    day: DateOpt = None,
) -> None:
    with ledger(ctx) as session:
        entry = diary.add_entry(session, supervisor=supervisor, day=day or date.today(), text=text)
    output.say(t("diary.added", id=entry.id, date=entry.date.isoformat(), supervisor=supervisor))


@app.command("list", help=t("help.diary.list"), epilog=t("help.diary.list.example"))
def list_(
    ctx: typer.Context,
    supervisor: SupervisorOpt,
    month: MonthOpt = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    shown = window(fmt, limit, offset, every)
    with ledger(ctx, write=False) as session:
        records = diary.diary_rows(
            session, supervisor=supervisor, period=month, limit=shown.limit, offset=shown.offset
        )
        count = partial(diary.diary_count, session, supervisor=supervisor, period=month)
        listing.page(records, COLUMNS, fmt, shown, count)
