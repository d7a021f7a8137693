"""Option types shared by commands: formats, dates, months, quarters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from gridctl import dates
from gridctl.i18n import t


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


T = TypeVar("T")


def _parser(fn: Callable[[str], T]) -> Callable[[str], T]:
    """A typer parser from a function that raises ValueError: a usage error (exit 2)."""

    def parse(text: str) -> T:
        try:
            return fn(text)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None

    return parse


def _record_id(text: str) -> int:
    if not text.strip().isdigit():
        raise ValueError(t("detail.not_record_id", value=text))
    return int(text)


parse_id = _parser(_record_id)
parse_date = _parser(dates.day)
parse_month = _parser(dates.month)
parse_quarter = _parser(dates.quarter)
parse_year = _parser(dates.year)


class _Asked:
    """Whether the running command's --format was given on the command line (a table piped
    into another program is printed plainly unless --format table asks for the box)."""

    format_given = False


def format_given() -> bool:
    return _Asked.format_given


def _note_format(ctx: typer.Context, param: typer.CallbackParam, value: Format) -> Format:
    source = ctx.get_parameter_source(param.name or "")
    _Asked.format_given = source is not None and source.name != "DEFAULT"
    ctx.call_on_close(_forget_format)
    return value


def _forget_format() -> None:
    _Asked.format_given = False


FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", callback=_note_format, help=t("help.opt.format")),
]
MonthOpt = Annotated[
    dates.Period | None,
    typer.Option("--month", parser=parse_month, metavar="YYYY-MM", help=t("help.opt.month")),
]
QuarterOpt = Annotated[
    dates.Period | None,
    typer.Option("--quarter", parser=parse_quarter, metavar="YYYYQn", help=t("help.opt.quarter")),
]
DateOpt = Annotated[
    date | None,
    typer.Option("--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.date")),
]


def require_change(*values: object) -> None:
    """An update command given nothing to change is a usage error (exit 2)."""
    if all(v is None or v is False for v in values):
        raise typer.BadParameter(t("error.nothing_to_change"))


# The references most commands take, declared once: a supervisor by code or unambiguous name,
# an enterprise by credit code or unambiguous name, a group by name. *Opt is required, *Filter
# narrows a list (None: all).
SupervisorOpt = Annotated[str, typer.Option("--supervisor", "-s", help=t("help.opt.supervisor"))]
SupervisorFilter = Annotated[
    str | None, typer.Option("--supervisor", "-s", help=t("help.opt.supervisor"))
]
EnterpriseOpt = Annotated[str, typer.Option("--enterprise", "-e", help=t("help.opt.enterprise"))]
EnterpriseFilter = Annotated[
    str | None, typer.Option("--enterprise", "-e", help=t("help.opt.enterprise"))
]
GroupFilter = Annotated[str | None, typer.Option("--group", help=t("help.opt.group"))]


# Paging a list that grows. A table shows a page (PAGE rows) unless told otherwise; JSON and
# CSV are for scripts and give every row unless --limit is given (see window()).
PAGE = 50
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", min=1, metavar="N", help=t("help.opt.limit")),
]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, metavar="N", help=t("help.opt.offset"))]
AllOpt = Annotated[bool, typer.Option("--all", help=t("help.opt.all"))]


@dataclass(frozen=True)
class Window:
    """The rows of a list to show: `limit` rows (None: all) after skipping `offset`."""

    limit: int | None
    offset: int


def window(fmt: Format, limit: int | None, offset: int, every: bool) -> Window:
    """The rows a list command shows: --all, --limit N, or by default a page for a table and
    every row for JSON and CSV (a script reading them must not get a silent first page)."""
    if every and limit is not None:
        raise typer.BadParameter(t("error.all_and_limit"), param_hint="--all")
    if every:
        return Window(None, offset)
    if limit is None and fmt is Format.table:
        return Window(PAGE, offset)
    return Window(limit, offset)
