"""`gridctl brand`: enterprises' party-building brands (党建品牌).

A brand's name is the parameter `brand_name`, the field brands refuses: a refusal shows it as
the command shows it (NAME, --name).
"""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import EnterpriseFilter, Format, FormatOpt, require_change
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.organisation import brands

NAME = "brand"
app = typer.Typer(cls=NounGroup, help=t("help.brand"), no_args_is_help=True)
COLUMNS = [
    Col("id", right=True),
    Col("name"),
    Col("enterprise"),
    Col("grid"),
    Col("since"),
    Col("description"),
]


@app.command(help=t("help.brand.add"), epilog=t("help.brand.add.example"))
def add(
    ctx: typer.Context,
    enterprise: Annotated[str, typer.Argument(metavar="ENTERPRISE", help=t("help.arg.enterprise"))],
    brand_name: Annotated[str, typer.Argument(metavar="NAME", help=t("help.arg.brand"))],
    description: Annotated[
        str | None, typer.Option("--description", help=t("help.opt.description"))
    ] = None,
    since: Annotated[int | None, typer.Option("--since", help=t("help.opt.since"))] = None,
) -> None:
    with ledger(ctx) as session:
        row = brands.add_brand(
            session,
            enterprise=enterprise,
            name=brand_name,
            description=description,
            since_year=since,
        )
    output.say(t("brand.added", id=row.id, name=row.name))


@app.command("list", help=t("help.brand.list"), epilog=t("help.brand.list.example"))
def list_(
    ctx: typer.Context,
    enterprise: EnterpriseFilter = None,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = brands.brand_rows(session, enterprise=enterprise)
    output.rows(records, COLUMNS, fmt)


BrandArg = Annotated[str, typer.Argument(metavar="BRAND", help=t("help.arg.brand_ref"))]


@app.command(help=t("help.brand.update"), epilog=t("help.brand.update.example"))
def update(
    ctx: typer.Context,
    brand: BrandArg,
    brand_name: Annotated[str | None, typer.Option("--name", help=t("help.opt.new_name"))] = None,
    enterprise: EnterpriseFilter = None,
    description: Annotated[
        str | None, typer.Option("--description", help=t("help.opt.description"))
    ] = None,
    since: Annotated[int | None, typer.Option("--since", help=t("help.opt.since"))] = None,
) -> None:
    require_change(brand_name, enterprise, description, since)
    with ledger(ctx) as session:
        row = brands.update_brand(
            session,
            brand=brand,
            name=brand_name,
            enterprise=enterprise,
            description=description,
            since_year=since,
        )
        rid, rname = row.id, row.name
    output.say(t("brand.updated", id=rid, name=rname))


@app.command(help=t("help.brand.delete"), epilog=t("help.brand.delete.example"))
def delete(ctx: typer.Context, brand: BrandArg) -> None:
    with ledger(ctx) as session:
        row = brands.delete_brand(session, brand=brand)
        rid, rname = row.id, row.name
    output.say(t("brand.deleted", id=rid, name=rname))
