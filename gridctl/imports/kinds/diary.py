"""Import specs of the park's dated work records (issue 7): work diary entries, funding
support and spending, uses of shared resources.

Each row passes the rules of the command that records one (gridctl.diary, funding,
resources: their check functions), checked per row and across the file first, so a bad file
is refused whole with FILE:LINE reports. New funding rows and resource uses are created
through the services (which check them again); diary entries, which may be many, are added
in one batch per chunk after diary.check_entry passed on every row.

diary: natural key supervisor + date + text (内容). An entry is its text: an entry whose text
changed is a new entry. Visits appear in a diary by being visits (import them as visits);
the diary's own rows are the entries written with `gridctl diary add`.

funding: one row per support (补助) or spending (支出), as `gridctl funding support` and
`gridctl funding spend` record them. Natural key type + enterprise + date + amount + text
(说明: a support's reason, a spending's purpose). 年度 is a support's year (empty: the year of
its date); a spending counts in the year of its date, so a 年度 given on a spending row must be
that year. An import does not allocate: a spending must fit the year's balance (allocation +
support - spending), and a year that is not allocated yet has only its support; the refusal
says to run `gridctl funding allocate --year Y` first. Across the file, per organisation and
year: the file's new support rows are recorded first (support only adds to a balance), then
its new spending rows in file order, each within the balance the rows before it leave. A
support already recorded for another year is refused (an import does not move money between
years). Rows already in the ledger are unchanged; nothing is ever updated.

resource_uses: natural key resource + enterprise + date + purpose (用途); 参与人数 is the one
field an import updates. The rules of `gridctl resource use` (resources.check_use): not by the
resource's owner, not in the future, participants at least 1 and within the capacity.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl.errors import GridctlError
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    blame,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.ledger.models import DiaryEntry, Supervisor
from gridctl.work import diary

DIARY_FIELD = {"TEXT": "text", "--date": "date", "--supervisor": "supervisor"}


def _resolve_entry(row: Row, refs: Refs) -> dict[str, Any] | None:
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
        blame(row, DIARY_FIELD, "text", exc)
        return None
    return {"_key": (person.id, day, content)}


def _write_diary(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for chunk in chunks:
        keys = [rec["_key"] for _, rec in chunk]
        people = {k[0] for k in keys}
        days = [k[1] for k in keys]
        query = select(DiaryEntry.supervisor_id, DiaryEntry.date, DiaryEntry.content).where(
            DiaryEntry.supervisor_id.in_(people),  # type: ignore[attr-defined]
            DiaryEntry.date >= min(days),
            DiaryEntry.date <= max(days),
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
        select(Supervisor.code, DiaryEntry.date, DiaryEntry.content)
        .join(Supervisor, Supervisor.id == DiaryEntry.supervisor_id)
        .order_by(Supervisor.code, DiaryEntry.date, DiaryEntry.id)
    )
    for code, day, content in session.execute(query):
        yield {"supervisor": code, "date": day, "text": content}


DIARY = Spec(
    kind="diary",
    columns=(
        Column("supervisor", "指导员", True, name_()),
        Column("date", "日期", True, DATE),
        Column("text", "内容", True, text_(), aliases=("content",)),
    ),
    resolve=_resolve_entry,
    keys=(("text", lambda r: r["_key"]),),
    write=_write_diary,
    export=_export_diary,
)
