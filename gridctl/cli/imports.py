"""`gridctl import KIND FILE`, `import template`, `import log`, and `gridctl export KIND`.

Run by cron: silent but for the summary and the errors; a progress bar only when stderr is
a terminal. The reading and writing live in gridctl/imports/ (imported inside the commands:
this module is on the start-up path of every command).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gridctl.cli import listing, output
from gridctl.cli.context import ledger, transaction
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import AllOpt, Format, FormatOpt, LimitOpt, OffsetOpt, window
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.imports.registry import KINDS, SPECS
from gridctl.imports.rows import RowError

if TYPE_CHECKING:
    from rich.progress import TaskID  # rich is imported only when a progress line is drawn

NAME = "import"
app = typer.Typer(cls=NounGroup, help=t("help.import"), no_args_is_help=True)
Kind = StrEnum("Kind", {k: k for k in KINDS})  # type: ignore[misc]  # members not literals


class Lang(StrEnum):
    zh = "zh"
    en = "en"


KindArg = Annotated[Kind, typer.Argument(help=t("help.import.kind_arg"))]
LangOpt = Annotated[Lang, typer.Option("--lang", help=t("help.import.lang"))]
LOG_COLUMNS = [
    Col("id", right=True),
    Col("started"),
    Col("user"),
    Col("kind"),
    Col("file"),
    Col("read_as"),
    Col("status"),
    Col("dry_run"),
    Col("rows", right=True),
    Col("inserted", right=True),
    Col("updated", right=True),
    Col("unchanged", right=True),
    Col("errors", right=True),
    Col("message"),
]


def _columns_help(kind: str) -> str:
    return ", ".join(f"{c.key}/{c.zh}{'*' if c.required else ''}" for c in SPECS[kind].columns)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int], None] | None]:
    """A rich progress line on stderr when it is a terminal; nothing under cron."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(),
        TextColumn(t("imp.progress")),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def advance(phase: str, done: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=None)
            bar.update(tasks[phase], completed=done)

        yield advance


def _import(
    ctx: typer.Context,
    kind: str,
    file: Path,
    dry_run: bool,
    as_json: bool,
    sheet: str | None,
    encoding: str | None,
    strict: bool,
) -> None:
    from gridctl.imports.loader import run_import

    with _progress(sys.stderr.isatty() and not as_json) as progress:
        result = run_import(
            lambda write: ledger(ctx, write=write),
            transact=lambda fn: transaction(ctx, fn),
            kind=kind,
            path=file,
            display=str(file),
            dry_run=dry_run,
            sheet=sheet,
            encoding=encoding,
            strict=strict,
            progress=progress,
        )
    for e in result.errors:
        output.report(format_error(result.file, e))
    if result.more_errors:
        output.report(t("imp.more_errors", file=result.file, n=result.more_errors))
    if as_json:
        output.record(result.summary(), Format.json)
    elif result.errors:
        output.error(t("imp.summary.refused", file=result.file, errors=result.error_count))
    else:
        output.say(result.summary_line())
        for note in result.notes:
            output.say(note)
    if result.errors:
        raise typer.Exit(1)


def format_error(file: str, e: RowError) -> str:
    """FILE:LINE: column: problem (value); a problem of the whole file has no line."""
    where = f"{file}:{e.line}: " if e.line else f"{file}: "
    column = f"{e.column}: " if e.column else ""
    value = f" ({e.value})" if e.value else ""
    return f"{where}{column}{e.message}{value}"


def _kind_command(kind: str) -> None:
    def command(
        ctx: typer.Context,
        file: Annotated[Path, typer.Argument(help=t("help.import.file"))],
        dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.import.dry_run"))] = False,
        as_json: Annotated[bool, typer.Option("--json", help=t("help.import.json"))] = False,
        sheet: Annotated[str | None, typer.Option("--sheet", help=t("help.import.sheet"))] = None,
        encoding: Annotated[
            str | None, typer.Option("--encoding", help=t("help.import.encoding"))
        ] = None,
        strict: Annotated[bool, typer.Option("--strict", help=t("help.import.strict"))] = False,
    ) -> None:
        _import(ctx, kind, file, dry_run, as_json, sheet, encoding, strict)

    app.command(
        kind,
        help=t("help.import.kind", kind=kind, columns=_columns_help(kind)),
        epilog=t("help.import.kind.example", kind=kind),
    )(command)


for _kind in KINDS:
    _kind_command(_kind)


@app.command(help=t("help.import.template"), epilog=t("help.import.template.example"))
def template(
    kind: KindArg,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help=t("help.import.out_template"))
    ] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from gridctl.imports.export import template as write_template

    path = out or Path(f"{kind.value}.xlsx")
    _check_suffix(path)
    write_template(kind.value, path, lang.value)
    _done(t("imp.template.written", path=path), path)


@app.command("log", help=t("help.import.log"), epilog=t("help.import.log.example"))
def log_(
    ctx: typer.Context,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    every: AllOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.imports.log import log_count, log_rows

    shown = window(fmt, limit, offset, every)
    with ledger(ctx, write=False) as session:
        records = log_rows(session, limit=shown.limit, offset=shown.offset)
        listing.page(records, LOG_COLUMNS, fmt, shown, lambda: log_count(session))


def export(
    ctx: typer.Context,
    kind: KindArg,
    out: Annotated[Path | None, typer.Option("-o", "--output", help=t("help.export.out"))] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from gridctl.imports.export import export as write_export

    if out is not None:
        _check_suffix(out)
    with ledger(ctx, write=False) as session:
        n = write_export(session, kind.value, out, lang.value)
    if out is not None:
        _done(t("imp.export.written", n=n, path=out), out)


def _done(message: str, path: Path) -> None:
    """The confirmation; on stderr when the file is a stream (-o /dev/stdout) that stdout
    carries."""
    from gridctl.outfile import destination

    if destination(path).in_place:
        output.report(message)
    else:
        output.say(message)


def _check_suffix(path: Path) -> None:
    """.csv or .xlsx; a device or pipe (-o /dev/null) has no suffix: CSV for an export, a
    workbook for a template."""
    from gridctl.outfile import destination

    if path.suffix.lower() not in (".csv", ".xlsx") and not destination(path).in_place:
        raise typer.BadParameter(t("imp.bad_output"), param_hint="-o")
