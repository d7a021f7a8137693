"""`gridctl welfare`: the public-welfare claim list (公益项目认领清单).

Parameters are named for the fields the services refuse, so a refusal shows the command's own
flag or argument: a project's name is `project_name` (NAME, --name), the day of `claim` is
`claimed` and the day of `complete` is `completed` (both --date; --claimed and --completed in
`claim-update`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import (
    DateOpt,
    EnterpriseFilter,
    EnterpriseOpt,
    Format,
    FormatOpt,
    parse_date,
    parse_year,
    require_change,
)
from gridctl.cli.output import Col
from gridctl.dates import Period
from gridctl.i18n import t
from gridctl.sharing import welfare_claims, welfare_projects

NAME = "welfare"
app = typer.Typer(cls=NounGroup, help=t("help.welfare"), no_args_is_help=True)
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
    project_name: Annotated[str, typer.Argument(metavar="NAME", help=t("help.arg.name"))],
    category: Annotated[
        str | None, typer.Option("--category", help=t("help.opt.welfare_category"))
    ] = None,
    description: Annotated[
        str | None, typer.Option("--description", help=t("help.opt.description"))
    ] = None,
) -> None:
    with ledger(ctx) as session:
        project = welfare_projects.add_project(
            session, name=project_name, category=category, description=description
        )
    output.say(t("welfare.project_added", id=project.id, name=project.name))


@app.command("list", help=t("help.welfare.list"), epilog=t("help.welfare.list.example"))
def list_(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        records = welfare_projects.project_rows(session)
    output.rows(records, PROJECTS, fmt)


@app.command(help=t("help.welfare.claim"), epilog=t("help.welfare.claim.example"))
def claim(
    ctx: typer.Context,
    project: Annotated[str, typer.Argument(metavar="PROJECT", help=t("help.arg.project"))],
    enterprise: EnterpriseOpt,
    claimed: DateOpt = None,
    note: NoteOpt = None,
) -> None:
    with ledger(ctx) as session:
        row = welfare_claims.claim(
            session, project=project, enterprise=enterprise, day=claimed or date.today(), note=note
        )
    output.say(t("welfare.claimed", id=row.id, date=row.claimed_on.isoformat()))


@app.command(help=t("help.welfare.complete"), epilog=t("help.welfare.complete.example"))
def complete(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID", help=t("help.arg.claim"))],
    participants: Annotated[int, typer.Option("--participants", help=t("help.opt.participants"))],
    completed: DateOpt = None,
    note: NoteOpt = None,
) -> None:
    with ledger(ctx) as session:
        row = welfare_claims.complete(
            session,
            claim_id=claim_id,
            day=completed or date.today(),
            participants=participants,
            note=note,
        )
    output.say(t("welfare.completed", id=row.id, date=str(row.completed_on), n=row.participants))


@app.command(help=t("help.welfare.claims"), epilog=t("help.welfare.claims.example"))
def claims(
    ctx: typer.Context,
    project: Annotated[str | None, typer.Option("--project", help=t("help.arg.project"))] = None,
    enterprise: EnterpriseFilter = None,
    year: Annotated[
        Period | None,
        typer.Option("--year", parser=parse_year, metavar="YYYY", help=t("help.opt.year")),
    ] = None,
    open_only: Annotated[bool, typer.Option("--open", help=t("help.opt.open_claims"))] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = welfare_claims.claim_rows(
            session, project=project, enterprise=enterprise, period=year, open_only=open_only
        )
    output.rows(records, CLAIMS, fmt)


ProjectArg = Annotated[str, typer.Argument(metavar="PROJECT", help=t("help.arg.project"))]
ClaimArg = Annotated[int, typer.Argument(metavar="CLAIM_ID", help=t("help.arg.claim"))]


@app.command(
    "project-update",
    help=t("help.welfare.project_update"),
    epilog=t("help.welfare.project_update.example"),
)
def project_update(
    ctx: typer.Context,
    project: ProjectArg,
    project_name: Annotated[str | None, typer.Option("--name", help=t("help.opt.new_name"))] = None,
    category: Annotated[
        str | None, typer.Option("--category", help=t("help.opt.welfare_category"))
    ] = None,
    description: Annotated[
        str | None, typer.Option("--description", help=t("help.opt.description"))
    ] = None,
) -> None:
    require_change(project_name, category, description)
    with ledger(ctx) as session:
        row = welfare_projects.update_project(
            session,
            project=project,
            name=project_name,
            category=category,
            description=description,
        )
        rid, rname = row.id, row.name
    output.say(t("welfare.project_updated", id=rid, name=rname))


@app.command(
    "project-delete",
    help=t("help.welfare.project_delete"),
    epilog=t("help.welfare.project_delete.example"),
)
def project_delete(ctx: typer.Context, project: ProjectArg) -> None:
    with ledger(ctx) as session:
        row = welfare_projects.delete_project(session, project=project)
        rid, rname = row.id, row.name
    output.say(t("welfare.project_deleted", id=rid, name=rname))


@app.command(
    "claim-update",
    help=t("help.welfare.claim_update"),
    epilog=t("help.welfare.claim_update.example"),
)
def claim_update(
    ctx: typer.Context,
    claim_id: ClaimArg,
    project: Annotated[str | None, typer.Option("--project", help=t("help.arg.project"))] = None,
    enterprise: EnterpriseFilter = None,
    claimed: Annotated[
        date | None,
        typer.Option(
            "--claimed", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.claimed_on")
        ),
    ] = None,
    completed: Annotated[
        date | None,
        typer.Option(
            "--completed", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.completed_on")
        ),
    ] = None,
    participants: Annotated[
        int | None, typer.Option("--participants", help=t("help.opt.participants"))
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help=t("help.opt.note_replace"))] = None,
    reopen: Annotated[bool, typer.Option("--reopen", help=t("help.opt.reopen"))] = False,
) -> None:
    if reopen and (completed is not None or participants is not None):
        raise typer.BadParameter(t("welfare.reopen_alone"), param_hint="--reopen")
    require_change(project, enterprise, claimed, completed, participants, note, reopen)
    with ledger(ctx) as session:
        welfare_claims.update_claim(
            session,
            claim_id=claim_id,
            project=project,
            enterprise=enterprise,
            claimed_on=claimed,
            completed_on=completed,
            participants=participants,
            note=note,
            reopen=reopen,
        )
    output.say(t("welfare.claim_reopened" if reopen else "welfare.claim_updated", id=claim_id))


@app.command(
    "claim-delete",
    help=t("help.welfare.claim_delete"),
    epilog=t("help.welfare.claim_delete.example"),
)
def claim_delete(ctx: typer.Context, claim_id: ClaimArg) -> None:
    with ledger(ctx) as session:
        welfare_claims.delete_claim(session, claim_id=claim_id)
    output.say(t("welfare.claim_deleted", id=claim_id))
