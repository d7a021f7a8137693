"""`gridctl role grant|revoke|list` (station staff) and `gridctl whoami`: who may do what on
the shared PostgreSQL ledger. The database enforces the roles; these commands map logins.

`whoami` is a root command, so this module is imported with the root app: the ledger and the
session are imported inside the commands (start-up time)."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt
from gridctl.cli.output import Col
from gridctl.i18n import t

NAME = "role"
app = typer.Typer(cls=NounGroup, help=t("help.role"), no_args_is_help=True)
COLUMNS = [
    Col("login"),
    Col("role"),
    Col("supervisor"),
    Col("group"),
    Col("granted_by"),
    Col("granted_at"),
]


def _role_name(role: str) -> str:
    known = ("supervisor", "leader", "staff", "auditor", "none")
    return t(f"roles.name.{role}") if role in known else role


def _tied(supervisor: str, group: str) -> str:
    what = " · ".join(v for v in (supervisor, group) if v)
    return t("roles.tied", what=what) if what else ""


@app.command(help=t("help.role.grant"), epilog=t("help.role.grant.example"))
def grant(
    ctx: typer.Context,
    login: Annotated[str, typer.Argument(help=t("help.arg.login"))],
    role: Annotated[str, typer.Argument(help=t("help.arg.role"))],
    supervisor: Annotated[
        str | None, typer.Option("--supervisor", help=t("help.opt.role_supervisor"))
    ] = None,
    group: Annotated[str | None, typer.Option("--group", help=t("help.opt.role_group"))] = None,
) -> None:
    from gridctl.cli.context import ledger
    from gridctl.ledger import roles

    with ledger(ctx) as session:
        row = roles.grant(session, login, role, supervisor=supervisor, group=group)
    shown = _role_name(row.role)
    output.say(
        t("roles.granted", role=shown, login=row.login, tied=_tied(row.supervisor, row.group))
    )


@app.command(help=t("help.role.revoke"), epilog=t("help.role.revoke.example"))
def revoke(
    ctx: typer.Context,
    login: Annotated[str, typer.Argument(help=t("help.arg.login"))],
) -> None:
    from gridctl.cli.context import ledger
    from gridctl.ledger import roles

    with ledger(ctx) as session:
        row = roles.revoke(session, login)
    output.say(t("roles.revoked", role=_role_name(row.role), login=row.login))


@app.command("list", help=t("help.role.list"), epilog=t("help.role.list.example"))
def list_(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    from gridctl.cli.context import ledger
    from gridctl.ledger import roles

    with ledger(ctx, write=False) as session:
        rows = roles.logins(session)
    output.rows(rows, COLUMNS, fmt)


def whoami(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    """Who you are on this ledger: the login, its role, its supervisor or group."""
    from gridctl.cli.context import ledger
    from gridctl.ledger import roles
    from gridctl.ledger.audit import actor

    with ledger(ctx, write=False) as session:
        me = roles.whoami(session, actor())
    if fmt is Format.json:
        output.record(
            {"login": me.login, "role": me.role, "supervisor": me.supervisor, "group": me.group},
            fmt,
        )
        return
    role = t("roles.owner") if me.role == "owner" else _role_name(me.role)
    output.say(t("roles.whoami", login=me.login, role=role, tied=_tied(me.supervisor, me.group)))


def register(root: typer.Typer) -> None:
    root.command("whoami", help=t("help.whoami"), epilog=t("help.whoami.example"))(whoami)
