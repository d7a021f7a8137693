"""`gridctl report`: Excel workbooks for the monthly and quarterly meetings, and dossiers.

openpyxl (through gridctl.reports) is imported inside the commands: this module is loaded
for every command, `gridctl visit add` included.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, GroupFilter, parse_month, parse_quarter
from gridctl.cli.output import Col
from gridctl.dates import Period, previous
from gridctl.i18n import t

NAME = "report"
app = typer.Typer(cls=NounGroup, help=t("help.report"), no_args_is_help=True)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class SummaryFormat(StrEnum):
    table = "table"
    json = "json"


LangOpt = Annotated[Lang, typer.Option("--lang", help=t("help.opt.lang"))]
OutOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE.xlsx", help=t("help.opt.output")),
]
SUMMARY_COLUMNS = [
    Col("group"),
    Col("supervisors", right=True),
    Col("enterprises", right=True),
    Col("visited", right=True),
    Col("coverage", right=True),
    Col("visits", right=True),
    Col("problems_raised", right=True),
    Col("problems_solved", right=True),
    Col("problems_open", right=True),
    Col("activities", right=True),
    Col("points", right=True),
]


def _sync_points(ctx: typer.Context, span: Period) -> None:
    """Bring the points scheme's derived entries for the report's span up to date in a short
    write transaction, as `points show` does, so the long report after it reads without
    holding the write lock (a `visit add` meanwhile must not wait for a workbook)."""
    from gridctl.points.derive import sync_period

    with ledger(ctx) as session:
        sync_period(session, span)


def writable(path: Path) -> bool:
    """Refuses, before any work, a path no file can be written to (a folder, a missing
    folder); true when the file is a stream written in place (/dev/stdout), whose
    confirmation then goes to stderr so that stdout carries the file alone."""
    from gridctl.outfile import destination

    return destination(path).in_place


def _written(path: Path, named: bool, to_stderr: bool) -> None:
    key = "report.written" if named else "report.written_here"
    message = t(key, path=str(path))
    if to_stderr or writable(path):
        typer.echo(message, err=True)
    else:
        output.say(message)


@app.command(help=t("help.report.monthly"), epilog=t("help.report.monthly.example"))
def monthly(
    ctx: typer.Context,
    month: Annotated[
        Period,
        typer.Option("--month", parser=parse_month, metavar="YYYY-MM", help=t("help.opt.month")),
    ],
    group: GroupFilter = None,
    out: OutOpt = None,
    lang: LangOpt = Lang.zh,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help=t("help.opt.report_format"))
    ] = SummaryFormat.table,
) -> None:
    from gridctl.reports.labels import Labels, default_file_name
    from gridctl.reports.monthly import summary_records
    from gridctl.reports.monthly_book import build_monthly

    path = out or Path(default_file_name(Labels(lang.value), "monthly", month.label, group or ""))
    writable(path)
    _sync_points(ctx, month)
    with ledger(ctx, write=False) as session:
        data = build_monthly(session, period=month, group=group, lang=lang.value, path=path)
    records = summary_records(data)
    if fmt is SummaryFormat.json:
        output.rows(records, SUMMARY_COLUMNS, Format.json)
        _written(path, out is not None, to_stderr=True)
        return
    if out is None:
        shown = [output.plain(r) | {"coverage": _percent(r.coverage)} for r in records]
        output.rows(shown, SUMMARY_COLUMNS, Format.table, title=month.label)
    _written(path, out is not None, to_stderr=False)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


@app.command(help=t("help.report.quarterly"), epilog=t("help.report.quarterly.example"))
def quarterly(
    ctx: typer.Context,
    quarter: Annotated[
        Period,
        typer.Option(
            "--quarter", parser=parse_quarter, metavar="YYYYQn", help=t("help.opt.quarter")
        ),
    ],
    out: OutOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from gridctl.reports.labels import Labels, default_file_name
    from gridctl.reports.quarterly_book import build_quarterly

    path = out or Path(default_file_name(Labels(lang.value), "quarterly", quarter.label))
    writable(path)
    # The quarterly report compares with the quarter before.
    _sync_points(ctx, Period(quarter.label, previous(quarter).start, quarter.end))
    with ledger(ctx, write=False) as session:
        build_quarterly(session, period=quarter, lang=lang.value, path=path)
    _written(path, out is not None, to_stderr=False)


@app.command(help=t("help.report.dossier"), epilog=t("help.report.dossier.example"))
def dossier(
    ctx: typer.Context,
    enterprise: Annotated[str, typer.Argument(help=t("help.arg.enterprise"))],
    out: OutOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from gridctl.reports.dossier_book import build_dossier, dossier_name
    from gridctl.reports.labels import Labels, default_file_name

    with ledger(ctx, write=False) as session:
        name = dossier_name(session, enterprise)
        path = out or Path(default_file_name(Labels(lang.value), "dossier", name))
        writable(path)
        build_dossier(session, ref=enterprise, lang=lang.value, path=path)
    _written(path, out is not None, to_stderr=False)
