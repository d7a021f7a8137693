"""`gridctl db`: back up, restore, check and describe the ledger."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import target
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt
from gridctl.cli.output import Col
from gridctl.i18n import t

NAME = "db"
app = typer.Typer(cls=NounGroup, help=t("help.db"), no_args_is_help=True)
CHECK_COLUMNS = [Col("check"), Col("result"), Col("detail")]
ROW_COLUMNS = [Col("table"), Col("rows", right=True)]


@app.command(help=t("help.db.backup"), epilog=t("help.db.backup.example"))
def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help.arg.backup_file"))],
    force: Annotated[bool, typer.Option("--force", help=t("help.opt.force_backup"))] = False,
) -> None:
    from gridctl.ledger.backup import backup as back_up
    from gridctl.outfile import destination

    done = back_up(target(ctx), file, force=force)
    message = t(
        "db.backed_up", source=done.source, dest=done.dest, bytes=done.bytes, rev=done.revision
    )
    if destination(file, field="file").in_place:
        output.report(message)  # stdout carries the backup itself (db backup /dev/stdout)
    else:
        output.say(message)


@app.command(help=t("help.db.restore"), epilog=t("help.db.restore.example"))
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help.arg.restore_file"))],
    force: Annotated[bool, typer.Option("--force", help=t("help.opt.force_restore"))] = False,
) -> None:
    from gridctl.ledger.backup import restore as put_back
    from gridctl.ledger.migrate import HEAD

    done = put_back(target(ctx), file, force=force)
    output.say(t("db.restored", source=done.source, dest=done.dest, rev=done.revision))
    if done.revision != HEAD:
        output.say(t("db.restored_old", rev=done.revision, head=HEAD))


@app.command(help=t("help.db.copy"), epilog=t("help.db.copy.example"))
def copy(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help=t("help.opt.copy_to"))],
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.ledger.config import resolve
    from gridctl.ledger.copy import copy_ledger

    done = copy_ledger(target(ctx), resolve(to))
    output.rows([{"table": c.table, "rows": c.rows} for c in done.tables], ROW_COLUMNS, fmt)
    output.say(
        t(
            "copy.done",
            rows=done.rows,
            tables=len(done.tables),
            source=done.source,
            dest=done.dest,
            rev=done.revision,
        )
    )


def _result(ok: bool | None) -> str:
    return t("db.result.na") if ok is None else t("db.result.ok" if ok else "db.result.failed")


@app.command(help=t("help.db.check"), epilog=t("help.db.check.example"))
def check(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    from gridctl.ledger.check import check as check_ledger
    from gridctl.points.consistency import points_consistency

    findings = check_ledger(target(ctx), extra=[points_consistency])
    if fmt is Format.json:
        output.rows(findings, CHECK_COLUMNS, fmt)
    else:
        records = [
            {"check": f.check, "result": _result(f.ok), "detail": f.detail} for f in findings
        ]
        output.rows(records, CHECK_COLUMNS, fmt)
    failed = [f.check for f in findings if f.ok is False]
    if failed:
        output.error(t("db.check_failed", count=len(failed), names=", ".join(failed)))
        raise typer.Exit(1)
    if fmt is Format.table:
        output.say(t("db.check_ok"))


@app.command(help=t("help.db.info"), epilog=t("help.db.info.example"))
def info(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    from gridctl.ledger.info import info as describe

    found = describe(target(ctx))
    record = output.plain(found)
    if found.bytes is None:
        # A database server has no file to measure nor journal mode to show.
        del record["bytes"], record["journal_mode"]
    if fmt is Format.json:
        output.record(record, fmt)
        return
    del record["rows"]
    output.record(record, fmt)
    output.rows([{"table": k, "rows": v} for k, v in found.rows.items()], ROW_COLUMNS, fmt)
