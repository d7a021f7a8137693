"""`gridctl supervisor`: the guidance supervisors."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt, GroupFilter
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.registers.supervisors import (
    add_supervisor,
    supervisor_detail,
    supervisor_rows,
    update_supervisor,
)

NAME = "supervisor"
app = typer.Typer(cls=NounGroup, help=t("help.supervisor"), no_args_is_help=True)
COLUMNS = [
    Col("code", label="col.person_code"),
    Col("name", label="col.person_name"),
    Col("group"),
    Col("kind", "kind"),
    Col("leader"),
    Col("phone"),
    Col("enterprises", right=True),
]


@app.command(help=t("help.supervisor.add"), epilog=t("help.supervisor.add.example"))
def add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help=t("help.arg.supervisor_code"))],
    name: Annotated[str, typer.Argument(help=t("help.arg.name"))],
    group: Annotated[str, typer.Option("--group", help=t("help.opt.group"))],
    kind: Annotated[str, typer.Option("--kind", help=t("help.opt.kind"))] = "full-time",
    phone: Annotated[str | None, typer.Option("--phone", help=t("help.opt.phone"))] = None,
) -> None:
    with ledger(ctx) as session:
        person = add_supervisor(session, code=code, name=name, group=group, kind=kind, phone=phone)
    output.say(t("supervisor.added", code=person.code, name=person.name, group=group))


@app.command(help=t("help.supervisor.update"), epilog=t("help.supervisor.update.example"))
def update(
    ctx: typer.Context,
    supervisor: Annotated[str, typer.Argument(help=t("help.arg.supervisor"))],
    new_name: Annotated[str | None, typer.Option("--name", help=t("help.opt.new_name"))] = None,
    group: GroupFilter = None,
    kind: Annotated[str | None, typer.Option("--kind", help=t("help.opt.kind"))] = None,
    phone: Annotated[str | None, typer.Option("--phone", help=t("help.opt.phone"))] = None,
    active: Annotated[
        bool | None, typer.Option("--active/--inactive", help=t("help.opt.active"))
    ] = None,
) -> None:
    with ledger(ctx) as session:
        person, changed = update_supervisor(
            session, supervisor, name=new_name, group=group, kind=kind, phone=phone, active=active
        )
    output.say(t("updated", what=person.code, fields=", ".join(changed) or t("nothing_changed")))


@app.command("list", help=t("help.supervisor.list"), epilog=t("help.supervisor.list.example"))
def list_(
    ctx: typer.Context,
    group: GroupFilter = None,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = supervisor_rows(session, group=group)
    output.rows(records, COLUMNS, fmt)


@app.command(help=t("help.supervisor.show"), epilog=t("help.supervisor.show.example"))
def show(
    ctx: typer.Context,
    supervisor: Annotated[str, typer.Argument(help=t("help.arg.supervisor"))],
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        rec = supervisor_detail(session, supervisor)
    output.record(rec, fmt, COLUMNS)
    if fmt is Format.table and rec.assigned:
        output.rows(
            rec.assigned, [Col("name"), Col("credit_code")], fmt, title=t("supervisor.assigned")
        )
