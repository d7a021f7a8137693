"""`gridctl audit`: read and verify the hash-chained audit trail."""

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
from gridctl.ledger import audit_read

NAME = "audit"
app = typer.Typer(cls=NounGroup, help=t("help.audit"), no_args_is_help=True)
COLUMNS = [
    Col("seq", right=True),
    Col("at"),
    Col("actor"),
    Col("action"),
    Col("table"),
    Col("key"),
    Col("changes"),
]


@app.command("log", help=t("help.audit.log"), epilog=t("help.audit.log.example"))
def log(
    ctx: typer.Context,
    since: Annotated[
        date | None,
        typer.Option(
            "--since", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.audit_since")
        ),
    ] = None,
    table: Annotated[str | None, typer.Option("--table", help=t("help.opt.audit_table"))] = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    shown = window(fmt, limit, offset, every)
    with ledger(ctx, write=False) as session:
        lines = audit_read.entries(
            session, since=since, table=table, limit=shown.limit, offset=shown.offset
        )
        count = partial(audit_read.entry_count, session, since=since, table=table)
        if fmt is Format.json:
            listing.page(lines, COLUMNS, fmt, shown, count)
            return
        # A table or CSV has no room for the rows as objects: their changes say what changed.
        records = (_without_objects(output.plain(line)) for line in lines)
        listing.page(records, COLUMNS, fmt, shown, count)


def _without_objects(rec: dict[str, object]) -> dict[str, object]:
    del rec["before"], rec["after"]
    return rec


@app.command(help=t("help.audit.verify"), epilog=t("help.audit.verify.example"))
def verify(
    ctx: typer.Context,
    anchor: Annotated[
        str | None, typer.Option("--anchor", metavar="SEQ:HASH", help=t("help.opt.audit_anchor"))
    ] = None,
) -> None:
    expected = audit_read.parse_anchor(anchor) if anchor else None
    with ledger(ctx, write=False) as session:
        verdict = audit_read.verify(session, expected)
    if verdict.ok:
        output.say(t("audit.verified", count=verdict.entries))
        output.say(t("audit.anchor", anchor=verdict.anchor))
        return
    kind, _, seq = verdict.problem.partition(":")
    why = t(f"audit.why.{kind}", expected=seq)
    output.error(t("audit.broken", seq=verdict.bad_seq, why=why))
    raise typer.Exit(1)
