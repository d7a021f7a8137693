"""The import log: one ImportRun per run, refused, failed, dry or imported, and its rows as
`gridctl import log` lists them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.i18n import t
from gridctl.imports.result import Result
from gridctl.ledger.models.imports import ImportRun

# opener(write): a session on the ledger, committed when its block ends.
Opener = Callable[[bool], AbstractContextManager[Session]]


def log_run(
    session: Session, result: Result, started: dt.datetime, user: str, message: str | None = None
) -> None:
    first = result.errors[0] if result.errors else None
    if message is None and first is not None:
        message = ":".join(str(p) for p in (first.line or "", first.column) if p)
        message = f"{message}: {first.message}" if message else first.message
    if message is None and result.notes:
        # A run that went through keeps what the summary said of the file's layout: where the
        # header was, the columns not read, the rows skipped.
        message = "; ".join(result.notes)
    session.add(
        ImportRun(
            file_name=result.file[:500],
            sha256=result.sha256,
            kind=result.kind,
            encoding=result.encoding[:32] or None,
            sheet=result.sheet[:200] or None,
            status=result.status,
            dry_run=result.dry_run,
            rows=result.rows,
            inserted=result.counts.inserted,
            updated=result.counts.updated,
            unchanged=result.counts.unchanged,
            errors=result.error_count,
            message=message
            or (f"{first.line}: {first.column}: {first.message}" if first else None),
            run_by=user[:100],
            started_at=started,
            finished_at=dt.datetime.now(dt.UTC),
        )
    )
    session.flush()


def log_apart(
    opener: Opener, result: Result, started: dt.datetime, user: str, message: str | None = None
) -> None:
    """Log a refused, failed or dry run in its own short transaction (nothing else in it)."""
    with opener(True) as session:
        log_run(session, result, started, user, message)


@dataclass(frozen=True, slots=True)
class LogRow:
    """One run as `gridctl import log` shows it (the fields, in order, are the JSON keys)."""

    id: int | None
    started: str
    user: str
    kind: str
    file: str
    read_as: str  # a CSV's encoding, or "sheet NAME" for an xlsx
    sha256: str
    status: str
    dry_run: bool
    rows: int
    inserted: int
    updated: int
    unchanged: int
    errors: int
    message: str


def log_count(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(ImportRun)).one())


def log_rows(session: Session, *, limit: int | None = None, offset: int = 0) -> Iterator[LogRow]:
    """The runs, latest first, read in batches."""
    query = (
        select(ImportRun)
        .order_by(col(ImportRun.started_at).desc(), col(ImportRun.id).desc())
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=1000)
    )
    for r in session.exec(query):
        yield LogRow(
            id=r.id,
            started=r.started_at.isoformat(timespec="seconds"),
            user=r.run_by,
            kind=r.kind,
            file=r.file_name,
            read_as=r.encoding or (t("imp.log.sheet", name=r.sheet) if r.sheet else ""),
            sha256=r.sha256,
            status=r.status,
            dry_run=r.dry_run,
            rows=r.rows,
            inserted=r.inserted,
            updated=r.updated,
            unchanged=r.unchanged,
            errors=r.errors,
            message=r.message or "",
        )
