"""`gridctl resource`: the park resource map (园区资源地图) and the use of shared resources.

A resource's name is the parameter `resource_name`, the field resources refuses: a refusal
shows it as the command shows it (NAME, --name).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import DateOpt, Format, FormatOpt, MonthOpt, require_change
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.sharing import resource_uses, resources

NAME = "resource"
app = typer.Typer(cls=NounGroup, help=t("help.resource"), no_args_is_help=True)
COLUMNS = [
    Col("id", right=True),
    Col("name"),
    Col("kind", "resource_kind"),
    Col("owner"),
    Col("grid"),
    Col("capacity", right=True),
    Col("terms"),
    Col("uses", right=True),
]
USES = [
    Col("id", right=True),
    Col("date"),
    Col("resource"),
    Col("enterprise"),
    Col("purpose"),
    Col("participants", right=True),
]


@app.command(help=t("help.resource.add"), epilog=t("help.resource.add.example"))
def add(
    ctx: typer.Context,
    resource_name: Annotated[str, typer.Argument(metavar="NAME", help=t("help.arg.name"))],
    kind: Annotated[str, typer.Option("--kind", help=t("help.opt.resource_kind"))],
    owner: Annotated[str | None, typer.Option("--owner", help=t("help.opt.owner"))] = None,
    grid: Annotated[str | None, typer.Option("--grid", help=t("help.opt.resource_grid"))] = None,
    capacity: Annotated[int | None, typer.Option("--capacity", help=t("help.opt.capacity"))] = None,
    terms: Annotated[str | None, typer.Option("--terms", help=t("help.opt.terms"))] = None,
    address: Annotated[str | None, typer.Option("--address", help=t("help.opt.address"))] = None,
) -> None:
    with ledger(ctx) as session:
        row = resources.add_resource(
            session,
            name=resource_name,
            kind=kind,
            owner=owner,
            grid=grid,
            capacity=capacity,
            terms=terms,
            address=address,
        )
    output.say(t("resource.added", id=row.id, name=row.name))


@app.command("list", help=t("help.resource.list"), epilog=t("help.resource.list.example"))
def list_(
    ctx: typer.Context,
    grid: Annotated[str | None, typer.Option("--grid", help=t("help.opt.grid_filter"))] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=t("help.opt.resource_kind"))] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = resources.resource_rows(session, grid=grid, kind=kind)
    output.rows(records, COLUMNS, fmt)


@app.command(help=t("help.resource.use"), epilog=t("help.resource.use.example"))
def use(
    ctx: typer.Context,
    resource: Annotated[str, typer.Argument(metavar="RESOURCE", help=t("help.arg.resource"))],
    enterprise: Annotated[str, typer.Option("--enterprise", "-e", help=t("help.opt.user"))],
    purpose: Annotated[str, typer.Option("--purpose", help=t("help.opt.use_purpose"))],
    day: DateOpt = None,
    participants: Annotated[
        int | None, typer.Option("--participants", help=t("help.opt.participants"))
    ] = None,
) -> None:
    with ledger(ctx) as session:
        row = resource_uses.record_use(
            session,
            resource=resource,
            enterprise=enterprise,
            day=day or date.today(),
            purpose=purpose,
            participants=participants,
        )
    output.say(t("resource.used", id=row.id, date=row.date.isoformat()))


@app.command(help=t("help.resource.uses"), epilog=t("help.resource.uses.example"))
def uses(
    ctx: typer.Context,
    resource: Annotated[str | None, typer.Option("--resource", help=t("help.arg.resource"))] = None,
    month: MonthOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = resource_uses.use_rows(session, resource=resource, period=month)
    output.rows(records, USES, fmt)


ResourceArg = Annotated[str, typer.Argument(metavar="RESOURCE", help=t("help.arg.resource"))]


@app.command(help=t("help.resource.update"), epilog=t("help.resource.update.example"))
def update(
    ctx: typer.Context,
    resource: ResourceArg,
    resource_name: Annotated[
        str | None, typer.Option("--name", help=t("help.opt.new_name"))
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=t("help.opt.resource_kind"))] = None,
    owner: Annotated[str | None, typer.Option("--owner", help=t("help.opt.owner_replace"))] = None,
    grid: Annotated[str | None, typer.Option("--grid", help=t("help.opt.resource_grid"))] = None,
    capacity: Annotated[int | None, typer.Option("--capacity", help=t("help.opt.capacity"))] = None,
    terms: Annotated[str | None, typer.Option("--terms", help=t("help.opt.terms"))] = None,
    address: Annotated[str | None, typer.Option("--address", help=t("help.opt.address"))] = None,
) -> None:
    require_change(resource_name, kind, owner, grid, capacity, terms, address)
    with ledger(ctx) as session:
        row = resources.update_resource(
            session,
            resource=resource,
            name=resource_name,
            kind=kind,
            owner=owner,
            grid=grid,
            capacity=capacity,
            terms=terms,
            address=address,
        )
        rid, rname = row.id, row.name
    output.say(t("resource.updated", id=rid, name=rname))


@app.command(help=t("help.resource.delete"), epilog=t("help.resource.delete.example"))
def delete(
    ctx: typer.Context,
    resource: ResourceArg,
    force: Annotated[bool, typer.Option("--force", help=t("help.opt.force_uses"))] = False,
) -> None:
    with ledger(ctx) as session:
        gone = resources.delete_resource(session, resource=resource, force=force)
    output.say(t("resource.deleted", id=gone.id, name=gone.name, uses=gone.uses))


@app.command(
    "use-delete", help=t("help.resource.use_delete"), epilog=t("help.resource.use_delete.example")
)
def use_delete(
    ctx: typer.Context,
    use_id: Annotated[int, typer.Argument(metavar="USE_ID", help=t("help.arg.use"))],
) -> None:
    with ledger(ctx) as session:
        resource_uses.delete_use(session, use_id=use_id)
    output.say(t("resource.use_deleted", id=use_id))
