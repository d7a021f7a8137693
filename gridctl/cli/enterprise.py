"""`gridctl enterprise`: the enterprises and their dossiers."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated

import typer

from gridctl.cli import listing, output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import (
    AllOpt,
    Format,
    FormatOpt,
    LimitOpt,
    OffsetOpt,
    parse_date,
    window,
)
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.registers.enterprises import (
    add_enterprise,
    enterprise_count,
    enterprise_rows,
    update_enterprise,
)

NAME = "enterprise"
SafetyGrid = Annotated[str | None, typer.Option("--safety-grid", help=t("help.opt.safety_grid"))]
OrderGrid = Annotated[str | None, typer.Option("--order-grid", help=t("help.opt.order_grid"))]
MarketGrid = Annotated[str | None, typer.Option("--market-grid", help=t("help.opt.market_grid"))]
CreditCode = Annotated[str | None, typer.Option("--credit-code", help=t("help.opt.credit_code"))]
Chain = Annotated[str | None, typer.Option("--chain", help=t("help.opt.chain"))]
Contact = Annotated[str | None, typer.Option("--supervisor", help=t("help.opt.contact"))]
VisitClass = Annotated[str | None, typer.Option("--visit-class", help=t("help.opt.visit_class"))]
AcceptBad = Annotated[
    str | None,
    typer.Option("--accept-bad-check-code", metavar="REASON", help=t("help.opt.accept_bad")),
]
app = typer.Typer(cls=NounGroup, help=t("help.enterprise"), no_args_is_help=True)
COLUMNS = [
    Col("name"),
    Col("credit_code"),
    Col("grid"),
    Col("chain", "chain"),
    Col("party_org", "party_org"),
    Col("members", right=True),
    Col("supervisor"),
    Col("visit_class", "visit_class"),
]


@app.command(help=t("help.enterprise.add"), epilog=t("help.enterprise.add.example"))
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=t("help.arg.enterprise_name"))],
    grid: Annotated[str, typer.Option("--grid", help=t("help.opt.enterprise_grid"))],
    credit_code: CreditCode = None,
    chain: Chain = None,
    party_org: Annotated[str, typer.Option("--party-org", help=t("help.opt.party_org"))] = "none",
    members: Annotated[int, typer.Option("--members", help=t("help.opt.members"))] = 0,
    supervisor: Contact = None,
    visit_class: VisitClass = None,
    core: Annotated[bool, typer.Option("--core", help=t("help.opt.core"))] = False,
    accept_bad_check_code: AcceptBad = None,
    safety_grid: SafetyGrid = None,
    order_grid: OrderGrid = None,
    market_grid: MarketGrid = None,
) -> None:
    networks = {"safety_grid": safety_grid, "order_grid": order_grid, "market_grid": market_grid}
    with ledger(ctx) as session:
        firm = add_enterprise(
            session,
            name=name,
            grid=grid,
            credit_code=credit_code,
            accept_bad_check_code=accept_bad_check_code,
            chain=chain,
            party_org=party_org,
            members=members,
            supervisor=supervisor,
            visit_class=visit_class,
            is_core=core,
            networks=networks,
        )
    output.say(t("enterprise.added", name=firm.name, code=firm.credit_code or "-"))
    if firm.bad_check_reason:
        output.say(t("enterprise.bad_check_kept", reason=firm.bad_check_reason))


@app.command(help=t("help.enterprise.update"), epilog=t("help.enterprise.update.example"))
def update(
    ctx: typer.Context,
    enterprise: Annotated[str, typer.Argument(help=t("help.arg.enterprise"))],
    new_name: Annotated[str | None, typer.Option("--name", help=t("help.opt.new_name"))] = None,
    grid: Annotated[str | None, typer.Option("--grid", help=t("help.opt.enterprise_grid"))] = None,
    credit_code: CreditCode = None,
    chain: Chain = None,
    party_org: Annotated[
        str | None, typer.Option("--party-org", help=t("help.opt.party_org"))
    ] = None,
    members: Annotated[int | None, typer.Option("--members", help=t("help.opt.members"))] = None,
    members_from: Annotated[
        date | None,
        typer.Option(
            "--members-from",
            parser=parse_date,
            metavar="YYYY-MM-DD",
            help=t("help.opt.enterprise_members_from"),
        ),
    ] = None,
    supervisor: Contact = None,
    visit_class: VisitClass = None,
    core: Annotated[bool | None, typer.Option("--core/--not-core", help=t("help.opt.core"))] = None,
    status: Annotated[
        str | None, typer.Option("--status", help=t("help.opt.enterprise_status"))
    ] = None,
    accept_bad_check_code: AcceptBad = None,
    safety_grid: SafetyGrid = None,
    order_grid: OrderGrid = None,
    market_grid: MarketGrid = None,
) -> None:
    networks = {"safety_grid": safety_grid, "order_grid": order_grid, "market_grid": market_grid}
    if members_from is not None and members is None:
        raise typer.BadParameter(t("detail.members_from_alone"), param_hint="--members-from")
    with ledger(ctx) as session:
        firm, changed = update_enterprise(
            session,
            enterprise,
            name=new_name,
            credit_code=credit_code,
            accept_bad_check_code=accept_bad_check_code,
            grid=grid,
            chain=chain,
            party_org=party_org,
            members=members,
            members_from=members_from,
            supervisor=supervisor,
            visit_class=visit_class,
            is_core=core,
            status=status,
            networks=networks,
        )
    output.say(t("updated", what=firm.name, fields=", ".join(changed) or t("nothing_changed")))


@app.command("list", help=t("help.enterprise.list"), epilog=t("help.enterprise.list.example"))
def list_(
    ctx: typer.Context,
    grid: Annotated[str | None, typer.Option("--grid", help=t("help.opt.grid_filter"))] = None,
    chain: Chain = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    shown = window(fmt, limit, offset, every)
    with ledger(ctx, write=False) as session:
        records = enterprise_rows(
            session, grid=grid, chain=chain, limit=shown.limit, offset=shown.offset
        )
        count = partial(enterprise_count, session, grid=grid, chain=chain)
        listing.page(records, COLUMNS, fmt, shown, count)


@app.command(help=t("help.enterprise.show"), epilog=t("help.enterprise.show.example"))
def show(
    ctx: typer.Context,
    enterprise: Annotated[str, typer.Argument(help=t("help.arg.enterprise"))],
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.cli.dossier_view import show as show_dossier
    from gridctl.reports.dossier import dossier

    with ledger(ctx, write=False) as session:
        rec = dossier(session, enterprise)
    show_dossier(rec, fmt, COLUMNS)
