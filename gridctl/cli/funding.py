"""`gridctl funding`: registered members over time, the yearly allocation, support, spending."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import DateOpt, EnterpriseFilter, Format, FormatOpt, parse_date, parse_year
from gridctl.cli.output import Col
from gridctl.cli.report import Lang, LangOpt, writable
from gridctl.dates import Period
from gridctl.funding import allocation
from gridctl.funding.money import yuan
from gridctl.funding.statement import funding_rows
from gridctl.funding.support import add_spending, add_support
from gridctl.i18n import t
from gridctl.registers.members import member_history, set_members

NAME = "funding"
app = typer.Typer(cls=NounGroup, help=t("help.funding"), no_args_is_help=True)
COLUMNS = [
    Col("year"),
    Col("enterprise"),
    Col("organisation", "party_org"),
    Col("grid"),
    Col("chain", "chain"),
    Col("members", right=True),
    Col("rate", right=True),
    Col("amount", right=True, label="col.funding_amount"),
    Col("support", right=True),
    Col("spent", right=True),
    Col("balance", right=True),
]
HISTORY = [Col("enterprise"), Col("from"), Col("members", right=True)]

EnterpriseArg = Annotated[str, typer.Argument(metavar="ENTERPRISE", help=t("help.arg.enterprise"))]
AmountArg = Annotated[str, typer.Argument(metavar="AMOUNT", help=t("help.arg.amount"))]
YearOpt = Annotated[
    Period, typer.Option("--year", parser=parse_year, metavar="YYYY", help=t("help.opt.year"))
]
YearFilter = Annotated[
    Period | None,
    typer.Option("--year", parser=parse_year, metavar="YYYY", help=t("help.opt.year")),
]


@app.command(help=t("help.funding.members"), epilog=t("help.funding.members.example"))
def members(
    ctx: typer.Context,
    enterprise: EnterpriseArg,
    members: Annotated[
        int | None, typer.Argument(metavar="[N]", help=t("help.arg.members"))
    ] = None,
    since: Annotated[
        date | None,
        typer.Option(
            "--from", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.members_from")
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    if members is None:
        with ledger(ctx, write=False) as session:
            output.rows(member_history(session, enterprise=enterprise), HISTORY, fmt)
        return
    with ledger(ctx) as session:
        change = set_members(
            session, enterprise=enterprise, members=members, effective_from=since or date.today()
        )
    output.say(
        t(
            f"funding.members.{change.action}",
            enterprise=change.enterprise,
            members=change.members,
            since=change.effective_from.isoformat(),
            now=change.in_force_today,
        )
    )


@app.command(help=t("help.funding.allocate"), epilog=t("help.funding.allocate.example"))
def allocate(
    ctx: typer.Context,
    year: YearOpt,
    rate: Annotated[str | None, typer.Option("--rate", help=t("help.opt.rate"))] = None,
) -> None:
    with ledger(ctx) as session:
        done = allocation.allocate(session, year=year.start.year, rate=rate)
    output.say(t("funding.allocated", **asdict(done)))


@app.command(help=t("help.funding.support"), epilog=t("help.funding.support.example"))
def support(
    ctx: typer.Context,
    enterprise: EnterpriseArg,
    amount: AmountArg,
    year: YearOpt,
    reason: Annotated[str, typer.Option("--reason", help=t("help.opt.support_reason"))],
    day: DateOpt = None,
) -> None:
    with ledger(ctx) as session:
        row = add_support(
            session,
            enterprise=enterprise,
            amount=amount,
            year=year.start.year,
            reason=reason,
            day=day,
        )
    output.say(t("funding.supported", id=row.id, amount=yuan(row.amount_cents), year=row.year))


@app.command(help=t("help.funding.spend"), epilog=t("help.funding.spend.example"))
def spend(
    ctx: typer.Context,
    enterprise: EnterpriseArg,
    amount: AmountArg,
    purpose: Annotated[str, typer.Option("--purpose", help=t("help.opt.purpose"))],
    day: DateOpt = None,
) -> None:
    with ledger(ctx) as session:
        row, left = add_spending(
            session, enterprise=enterprise, amount=amount, day=day or date.today(), purpose=purpose
        )
    output.say(t("funding.spent", id=row.id, amount=yuan(row.amount_cents), balance=left))


@app.command("list", help=t("help.funding.list"), epilog=t("help.funding.list.example"))
def list_(
    ctx: typer.Context,
    year: YearFilter = None,
    enterprise: EnterpriseFilter = None,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = funding_rows(
            session, year=year.start.year if year else None, enterprise=enterprise
        )
    output.rows(records, COLUMNS, fmt)


@app.command(help=t("help.funding.report"), epilog=t("help.funding.report.example"))
def report(
    ctx: typer.Context,
    year: YearOpt,
    out: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE.xlsx", help=t("help.opt.funding_out")),
    ] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from gridctl.reports import funding_book
    from gridctl.reports.labels import Labels, default_file_name

    path = out or Path(default_file_name(Labels(lang.value), "funding", year.label))
    # A stream (-o /dev/stdout) has no suffix to check; stdout then carries the file alone.
    stream = writable(path)
    if path.suffix.lower() != ".xlsx" and not stream:
        raise typer.BadParameter(t("funding.report.not_xlsx", path=path), param_hint="--output")
    with ledger(ctx, write=False) as session:
        total = funding_book.write(session, year=year.start.year, path=path, lang=lang.value)
    done = t(
        "funding.report.written",
        path=str(path),
        organisations=total.organisations,
        amount=total.amount,
    )
    if stream:
        output.report(done)
    else:
        output.say(done)
