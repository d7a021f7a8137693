"""`gridctl belt`: the demonstration belt (示范带): model sites in order."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.organisation import belt as belts

NAME = "belt"
app = typer.Typer(cls=NounGroup, help=t("help.belt"), no_args_is_help=True)
COLUMNS = [Col("belt"), Col("position", right=True), Col("enterprise"), Col("grid"), Col("feature")]
BeltOpt = Annotated[str | None, typer.Option("--belt", help=t("help.opt.belt"))]


@app.command(help=t("help.belt.add"), epilog=t("help.belt.add.example"))
def add(
    ctx: typer.Context,
    enterprise: Annotated[str, typer.Argument(metavar="ENTERPRISE", help=t("help.arg.enterprise"))],
    belt: BeltOpt = None,
    position: Annotated[int | None, typer.Option("--position", help=t("help.opt.position"))] = None,
    feature: Annotated[str | None, typer.Option("--feature", help=t("help.opt.feature"))] = None,
) -> None:
    with ledger(ctx) as session:
        site = belts.add_site(
            session, enterprise=enterprise, belt=belt, position=position, feature=feature
        )
    output.say(t("belt.added", belt=site.belt, position=site.position))


@app.command("list", help=t("help.belt.list"), epilog=t("help.belt.list.example"))
def list_(ctx: typer.Context, belt: BeltOpt = None, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        records = belts.belt_rows(session, belt=belt)
    output.rows(records, COLUMNS, fmt)


EnterpriseArg = Annotated[str, typer.Argument(metavar="ENTERPRISE", help=t("help.arg.enterprise"))]


@app.command(help=t("help.belt.move"), epilog=t("help.belt.move.example"))
def move(
    ctx: typer.Context,
    enterprise: EnterpriseArg,
    position: Annotated[int, typer.Option("--position", help=t("help.opt.position"))],
    belt: BeltOpt = None,
) -> None:
    with ledger(ctx) as session:
        site = belts.move_site(session, enterprise=enterprise, position=position, belt=belt)
        name = site.belt
    output.say(t("belt.moved", belt=name, position=position))


@app.command(help=t("help.belt.remove"), epilog=t("help.belt.remove.example"))
def remove(ctx: typer.Context, enterprise: EnterpriseArg, belt: BeltOpt = None) -> None:
    with ledger(ctx) as session:
        left = belts.remove_site(session, enterprise=enterprise, belt=belt)
    output.say(t("belt.removed", enterprise=enterprise, n=left))
