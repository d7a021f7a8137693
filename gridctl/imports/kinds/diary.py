"""Import spec of work diary entries (工作日记).

The natural key is supervisor + date + text (内容): an entry is its text, so an entry whose
text changed is a new entry. Each row passes the rules of `gridctl diary add`
(diary.check_entry); entries, which may be many, are added in one batch per chunk. Visits
appear in a diary by being visits (import them as visits); the diary's own rows are the
entries written with `gridctl diary add`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import select
from sqlmodel import Session, col

from gridctl.errors import GridctlError
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
)
from gridctl.imports.spec import text as text_
from gridctl.ledger.models import DiaryEntry, Supervisor
from gridctl.work import diary

# A checked row, its own natural key: supervisor, date, text. A plain tuple: a file may hold
# many, pickled to disk past the first 100,000.
EntryRec = tuple[int, dt.date, str]


def _resolve_entry(row: Row, refs: Refs) -> EntryRec | None:
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    if row.errors:
        return None
    day = row.get("date")
    try:
        content = diary.check_entry(
            supervisor=row.get("supervisor"),
            active=person.active,
            day=day,
            text=row.get("text"),
            today=refs.today,
        )
    except GridctlError as exc:
        row.blame(exc, default="text")
        return None
    return (person.id, day, content)


def _write_diary(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for chunk in chunks:
        keys: list[EntryRec] = [rec for _, rec in chunk]
        people = {k[0] for k in keys}
        days = [k[1] for k in keys]
        query = select(
            col(DiaryEntry.supervisor_id), col(DiaryEntry.date), col(DiaryEntry.content)
        ).where(
            col(DiaryEntry.supervisor_id).in_(people),
            col(DiaryEntry.date) >= min(days),
            col(DiaryEntry.date) <= max(days),
        )
        have = {tuple(r) for r in session.execute(query)}
        new = [k for k in keys if k not in have]
        counts.inserted += len(new)
        counts.unchanged += len(keys) - len(new)
        if not ctx.dry_run and new:
            session.add_all(DiaryEntry(supervisor_id=s, date=d, content=c) for s, d, c in new)
            session.flush()
    return counts


def _export_diary(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(col(Supervisor.code), col(DiaryEntry.date), col(DiaryEntry.content))
        .join(Supervisor, col(Supervisor.id) == col(DiaryEntry.supervisor_id))
        .order_by(col(Supervisor.code), col(DiaryEntry.date), col(DiaryEntry.id))
    )
    for code, day, content in session.execute(query):
        yield {"supervisor": code, "date": day, "text": content}


DIARY = Spec(
    kind="diary",
    columns=(
        Column("supervisor", "指导员", True, ref_()),
        Column("date", "日期", True, DATE),
        Column("text", "内容", True, text_(), aliases=("content",)),
    ),
    resolve=_resolve_entry,
    keys=(("text", lambda r: r),),
    write=_write_diary,
    export=_export_diary,
)
