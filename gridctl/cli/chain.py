"""`gridctl chain`: the industry-chain committees and the IT alliance, with their members."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.organisation import chains

NAME = "chain"
app = typer.Typer(cls=NounGroup, help=t("help.chain"), no_args_is_help=True)
COLUMNS = [
    Col("code"),
    Col("name"),
    Col("kind", "chain_kind"),
    Col("enterprises", right=True),
    Col("organisations", right=True),
    Col("members", right=True),
    Col("lead"),
    Col("secretary"),
]
MEMBERS = [
    Col("name"),
    Col("credit_code"),
    Col("grid"),
    Col("party_org", "party_org"),
    Col("members", right=True),
    Col("core"),
]
ChainArg = Annotated[str, typer.Argument(metavar="CHAIN", help=t("help.arg.chain"))]


@app.command("list", help=t("help.chain.list"), epilog=t("help.chain.list.example"))
def list_(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        records = chains.chain_rows(session)
    output.rows(records, COLUMNS, fmt)


@app.command(help=t("help.chain.show"), epilog=t("help.chain.show.example"))
def show(ctx: typer.Context, chain: ChainArg, fmt: FormatOpt = Format.table) -> None:
    with ledger(ctx, write=False) as session:
        rec = chains.chain_detail(session, chain)
    output.record(rec, fmt, COLUMNS)
    if fmt is Format.table:
        output.rows(rec.member_enterprises, MEMBERS, fmt, title=t("chain.members"))


@app.command("set", help=t("help.chain.set"), epilog=t("help.chain.set.example"))
def set_(
    ctx: typer.Context,
    chain: ChainArg,
    lead: Annotated[str | None, typer.Option("--lead", help=t("help.opt.lead"))] = None,
    secretary: Annotated[
        str | None, typer.Option("--secretary", help=t("help.opt.secretary"))
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help=t("help.opt.chain_note"))] = None,
) -> None:
    with ledger(ctx) as session:
        row = chains.set_chain(session, chain=chain, lead=lead, secretary=secretary, note=note)
    output.say(t("chain.set", code=row.code))
