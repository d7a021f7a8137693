"""`gridctl grid`: the level-1 and level-2 grids."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.registers.grids import add_grid, list_grids

NAME = "grid"
app = typer.Typer(cls=NounGroup, help=t("help.grid"), no_args_is_help=True)
COLUMNS = [
    Col("code"),
    Col("name"),
    Col("level", right=True),
    Col("parent"),
    Col("enterprises", right=True),
]


@app.command(help=t("help.grid.add"), epilog=t("help.grid.add.example"))
def add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help=t("help.arg.grid_code"))],
    name: Annotated[str, typer.Argument(help=t("help.arg.name"))],
    parent: Annotated[str | None, typer.Option("--parent", help=t("help.opt.parent"))] = None,
) -> None:
    with ledger(ctx) as session:
        grid = add_grid(session, code=code, name=name, parent=parent)
    output.say(t("grid.added", code=grid.code, name=grid.name, level=grid.level))


@app.command("list", help=t("help.grid.list"), epilog=t("help.grid.list.example"))
def list_(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        records = list_grids(session)
    output.rows(records, COLUMNS, fmt)
