"""`gridctl group`: the guidance groups."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.registers.groups import add_group, list_groups, set_leader
from gridctl.registers.lookup import find_group

NAME = "group"
app = typer.Typer(cls=NounGroup, help=t("help.group"), no_args_is_help=True)
COLUMNS = [
    Col("name"),
    Col("grid"),
    Col("leader"),
    Col("leader_name"),
    Col("supervisors", right=True),
]


@app.command(help=t("help.group.add"), epilog=t("help.group.add.example"))
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=t("help.arg.name"))],
    grid: Annotated[str | None, typer.Option("--grid", help=t("help.opt.group_grid"))] = None,
    leader: Annotated[str | None, typer.Option("--leader", help=t("help.opt.leader"))] = None,
) -> None:
    with ledger(ctx) as session:
        group = add_group(session, name=name, grid=grid, leader=leader)
    output.say(t("group.added", name=group.name))


@app.command(help=t("help.group.leader"), epilog=t("help.group.leader.example"))
def leader(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=t("help.arg.group"))],
    supervisor: Annotated[str, typer.Argument(help=t("help.arg.supervisor"))],
) -> None:
    with ledger(ctx) as session:
        group = find_group(session, name, "NAME")
        set_leader(session, group=group, leader=supervisor)
    output.say(t("group.leader_set", name=name, leader=supervisor))


@app.command("list", help=t("help.group.list"), epilog=t("help.group.list.example"))
def list_(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        records = list_groups(session)
    output.rows(records, COLUMNS, fmt)
