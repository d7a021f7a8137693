"""Import specs of the work records: visits (the big one) and problems.

Visits stream: each chunk of records is matched against the ledger with one query (row-value
IN over the natural key) and written with Core executemany, so a million-row file never sits
in memory and never costs a query per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.bulk import Bulk
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    choice,
    multiline,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.ledger.models import Enterprise, Problem, Supervisor, Visit

IN_BATCH = 1000


DONE = ("solved", "closed")


VisitRec = tuple[int, int, dt.date, str, str | None, tuple[str, ...]]


def _resolve_visit(row: Row, refs: Refs) -> VisitRec | None:
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    day = row.get("date")
    if day is not None and day > refs.today:
        row.error("date", t("imp.visit.future"), day.isoformat())
    if person is not None and not person.active:
        row.error("supervisor", t("imp.visit.inactive"), row.get("supervisor"))
    if row.errors:
        return None
    return (
        person.id,
        firm.id,
        day,
        row.get("category") or "routine",
        row.get("notes"),
        row.get("problem") or (),
    )


def _in_batches(keys: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(keys), IN_BATCH):
        yield keys[start : start + IN_BATCH]


VISIT_KEY = ("supervisor_id", "enterprise_id", "date", "category")


VISIT_COLUMNS = (*VISIT_KEY, "notes", "source", "recorded_at")


PROBLEM_KEY = ("enterprise_id", "description", "opened")


PROBLEM_FIELDS = ("id", "supervisor_id", "status", "closed_on", "resolution", "resolved_by_id")


def _bulk(session: Session, model: Any) -> Bulk:
    return Bulk(session.connection(), model.__table__)


def _existing_visits(
    session: Session, keys: Sequence[tuple]
) -> dict[tuple, tuple[int, str | None]]:
    """The ledger's visits among `keys` (supervisor, enterprise, date, category): id, notes."""
    bulk = _bulk(session, Visit)
    out = {}
    for batch in _in_batches(keys):
        for s, e, d, c, i, n in bulk.lookup(VISIT_KEY, (*VISIT_KEY, "id", "notes"), batch):
            out[(s, e, d, c)] = (i, n)
    return out


def _write_visits(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts(extra={"problems_opened": 0})
    opened: set[tuple] = set()
    for chunk in chunks:
        recs = [rec for _, rec in chunk]
        existing = _existing_visits(session, [r[:4] for r in recs])
        _write_visit_chunk(session, recs, existing, ctx, counts)
        with_problems = [r for r in recs if r[5]]
        if with_problems:
            counts.extra["problems_opened"] += _open_problems(session, with_problems, opened, ctx)
    return counts


def _write_visit_chunk(
    session: Session, recs: list[VisitRec], existing: dict, ctx: WriteCtx, counts: Counts
) -> None:
    notes_given = "notes" in ctx.present
    new, changed = [], []
    for s, e, d, c, notes, _ in recs:
        hit = existing.get((s, e, d, c))
        if hit is None:
            new.append((s, e, d, c, notes, ctx.source, ctx.now))
        elif notes_given and hit[1] != notes:
            changed.append({"b_id": hit[0], "b_notes": notes})
    counts.inserted += len(new)
    counts.updated += len(changed)
    counts.unchanged += len(recs) - len(new) - len(changed)
    if ctx.dry_run:
        return
    table = Visit.__table__  # type: ignore[attr-defined]
    _bulk(session, Visit).insert(VISIT_COLUMNS, new)
    if changed:
        stmt = (
            update(table).where(table.c.id == bindparam("b_id")).values(notes=bindparam("b_notes"))
        )
        session.execute(stmt, changed)


def _open_problems(
    session: Session, recs: list[VisitRec], opened: set[tuple], ctx: WriteCtx
) -> int:
    """Open each problem text of these visits once: not again on re-import, nor twice in a file."""
    visit_ids = _existing_visits(session, [r[:4] for r in recs])
    wanted = {}
    for r in recs:
        for text in r[5]:
            key = (r[1], text, r[2])
            if key not in opened:
                opened.add(key)
                wanted[key] = r
    known = _existing_problems(session, list(wanted))
    rows = []
    for key, r in wanted.items():
        if key in known:
            continue
        hit = visit_ids.get(r[:4])
        rows.append(
            {
                "visit_id": hit[0] if hit else None,
                "enterprise_id": r[1],
                "supervisor_id": r[0],
                "description": key[1],
                "category": None,
                "status": "open",
                "opened": r[2],
                "closed_on": None,
                "resolution": None,
                "resolved_by_id": None,
                "recorded_at": ctx.now,
            }
        )
    if rows and not ctx.dry_run:
        session.execute(insert(Problem.__table__), rows)  # type: ignore[attr-defined]
    return len(rows)


def _existing_problems(session: Session, keys: Sequence[tuple]) -> dict[tuple, dict[str, Any]]:
    """The ledger's problems among `keys` (enterprise, description, opened)."""
    bulk = _bulk(session, Problem)
    out = {}
    for batch in _in_batches(keys):
        for values in bulk.lookup(PROBLEM_KEY, (*PROBLEM_KEY, *PROBLEM_FIELDS), batch):
            out[values[:3]] = dict(zip((*PROBLEM_KEY, *PROBLEM_FIELDS), values, strict=True))
    return out


def _export_visits(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Visit.id, Supervisor.code, Enterprise.name, Visit.date, Visit.category, Visit.notes)
        .join(Supervisor, Supervisor.id == Visit.supervisor_id)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .order_by(Visit.date, Supervisor.code, Enterprise.name, Visit.category)
        .execution_options(yield_per=5000)
    )
    for part in session.execute(query).partitions():
        found = _problems_of(session, [r[0] for r in part])
        for vid, scode, ename, day, cat, notes in part:
            yield {
                "supervisor": scode,
                "enterprise": ename,
                "date": day,
                "category": cat,
                "notes": notes or "",
                "problem": "\n".join(found.get(vid, [])),
            }


def _problems_of(session: Session, visit_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for batch in _in_batches(visit_ids):
        query = (
            select(Problem.visit_id, Problem.description)
            .where(Problem.visit_id.in_(batch))  # type: ignore[union-attr]
            .order_by(Problem.id)
        )
        for vid, text in session.execute(query):
            out.setdefault(vid, []).append(text)
    return out


VISITS = Spec(
    kind="visits",
    columns=(
        Column("supervisor", "指导员", True, name_()),
        Column("enterprise", "企业", True, name_()),
        Column("date", "走访日期", True, DATE),
        Column(
            "category", "走访类型", False, choice(vocab.VISIT_CATEGORY), vocab=vocab.VISIT_CATEGORY
        ),
        Column("notes", "走访情况", False, text_()),
        Column("problem", "发现问题", False, multiline),
    ),
    resolve=_resolve_visit,
    keys=(("date", lambda r: r[:4]),),
    write=_write_visits,
    export=_export_visits,
)
