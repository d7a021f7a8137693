"""`gridctl welfare`: the public-welfare claim list (公益项目认领清单)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from gridctl import welfare
from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.options import DateOpt, Format, FormatOpt, parse_year
from gridctl.cli.output import Col
from gridctl.dates import Period
from gridctl.i18n import t

NAME = "welfare"
app = typer.Typer(help=t("help.welfare"), no_args_is_help=True)
PROJECTS = [
    Col("id", right=True),
    Col("name"),
    Col("category"),
    Col("claims", right=True),
    Col("completed", right=True),
    Col("participants", right=True),
]
CLAIMS = [
    Col("id", right=True),
    Col("project"),
    Col("enterprise"),
    Col("claimed"),
    Col("completed"),
    Col("participants", right=True),
    Col("note"),
]
NoteOpt = Annotated[str | None, typer.Option("--note", help=t("help.opt.welfare_note"))]


@app.command(
    "project-add", help=t("help.welfare.project_add"), epilog=t("help.welfare.project_add.example")
)
def project_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help=t("help.arg.name"))],
    category: Annotated[
        str | None, typer.Option("--category", help=t("help.opt.welfare_category"))
    ] = None,
    description: Annotated[
        str | None, typer.Option("--description", help=t("help.opt.description"))
    ] = None,
) -> None:
    with ledger(ctx) as session:
        project = welfare.add_project(
            session, name=name, category=category, description=description
        )
    output.say(t("welfare.project_added", id=project.id, name=project.name))


@app.command("list", help=t("help.welfare.list"), epilog=t("help.welfare.list.example"))
def list_(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        records = welfare.project_rows(session)
    output.rows(records, PROJECTS, fmt)


@app.command(help=t("help.welfare.claim"), epilog=t("help.welfare.claim.example"))
def claim(
    ctx: typer.Context,
    project: Annotated[str, typer.Argument(metavar="PROJECT", help=t("help.arg.project"))],
    enterprise: Annotated[str, typer.Option("--enterprise", "-e", help=t("help.opt.enterprise"))],
    day: DateOpt = None,
    note: NoteOpt = None,
) -> None:
    with ledger(ctx) as session:
        row = welfare.claim(
            session, project=project, enterprise=enterprise, day=day or date.today(), note=note
        )
    output.say(t("welfare.claimed", id=row.id, date=row.claimed_on.isoformat()))


@app.command(help=t("help.welfare.complete"), epilog=t("help.welfare.complete.example"))
def complete(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID", help=t("help.arg.claim"))],
    participants: Annotated[int, typer.Option("--participants", help=t("help.opt.participants"))],
    day: DateOpt = None,
    note: NoteOpt = None,
) -> None:
    with ledger(ctx) as session:
        row = welfare.complete(
            session,
            claim_id=claim_id,
            day=day or date.today(),
            participants=participants,
            note=note,
        )
    output.say(t("welfare.completed", id=row.id, date=str(row.completed_on), n=row.participants))


@app.command(help=t("help.welfare.claims"), epilog=t("help.welfare.claims.example"))
def claims(
    ctx: typer.Context,
    project: Annotated[str | None, typer.Option("--project", help=t("help.arg.project"))] = None,
    enterprise: Annotated[
        str | None, typer.Option("--enterprise", "-e", help=t("help.opt.enterprise"))
    ] = None,
    year: Annotated[
        Period | None,
        typer.Option("--year", parser=parse_year, metavar="YYYY", help=t("help.opt.year")),
    ] = None,
    open_only: Annotated[bool, typer.Option("--open", help=t("help.opt.open_claims"))] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = welfare.claim_rows(
            session, project=project, enterprise=enterprise, period=year, open_only=open_only
        )
    output.rows(records, CLAIMS, fmt)
