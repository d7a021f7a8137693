"""Import spec of visits, the big kind; the bulk look-ups and Core tables the problems and
activities kinds use too.

Visits stream: each chunk of records is matched against the ledger with one query (row-value
IN over the natural key) and written with Core executemany, so a million-row file never sits
in memory and never costs a query per row. Each row passes the rules of `gridctl visit add`
(visits.visit_refusals); the problems found on a visit are opened once, not again when the
file is imported again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session, col

from gridctl import vocab
from gridctl.imports import bulk
from gridctl.imports.bulk import Bulk
from gridctl.imports.cells import ref as ref_
from gridctl.imports.kinds.visits_copy import copy_visits
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
from gridctl.imports.spec import text as text_
from gridctl.ledger.models import Enterprise, Problem, Supervisor, Visit
from gridctl.ledger.models.typed import table_of
from gridctl.work.visits import visit_refusals

IN_BATCH = 1000


# A visit's natural key: supervisor, enterprise, date, category.
VisitKey = tuple[int, int, dt.date, str]
# A problem's natural key: enterprise, description, the day it was opened.
ProblemKey = tuple[int, str, dt.date]


# A checked row: the visit's natural key (rec[:4]), its notes, the problems found on it. A
# plain tuple: a million of them are built, and past the first 100,000 pickled to disk and
# read back, several times faster than any class.
VisitRec = tuple[int, int, dt.date, str, str | None, tuple[str, ...]]


def _resolve_visit(row: Row, refs: Refs) -> VisitRec | None:
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    day = row.get("date")
    active = person.active if person is not None else None
    for refusal in visit_refusals(
        day=day, supervisor=row.get("supervisor"), active=active, today=refs.today
    ):
        row.blame(refusal, default="date")
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


def _key(rec: VisitRec) -> VisitKey:
    return rec[:4]


def _in_batches(keys: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(keys), IN_BATCH):
        yield keys[start : start + IN_BATCH]


VISIT_KEY = ("supervisor_id", "enterprise_id", "date", "category")


VISIT_COLUMNS = (*VISIT_KEY, "notes", "source", "recorded_at")


PROBLEM_KEY = ("enterprise_id", "description", "opened")


PROBLEM_FIELDS = ("id", "supervisor_id", "status", "closed_on", "resolution", "resolved_by_id")


def _bulk(session: Session, model: Any) -> Bulk:
    return Bulk(session.connection(), table_of(model))


def _existing_visits(
    session: Session, keys: Sequence[VisitKey]
) -> dict[VisitKey, tuple[int, str | None]]:
    """The ledger's visits among `keys` (supervisor, enterprise, date, category): id, notes."""
    bulk = _bulk(session, Visit)
    out = {}
    for batch in _in_batches(keys):
        for s, e, d, c, i, n in bulk.lookup(VISIT_KEY, (*VISIT_KEY, "id", "notes"), batch):
            out[(s, e, d, c)] = (i, n)
    return out


def _write_visits(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    if _copies(session, ctx):
        opened: set[ProblemKey] = set()

        def open_problems(recs: list[VisitRec]) -> int:
            return _open_problems(session, recs, opened, ctx)

        counts = copy_visits(session, chunks, ctx, VISIT_KEY, open_problems)
    else:
        counts = _put(session, chunks, ctx)
    if not ctx.dry_run:
        written = {
            table_of(Visit): counts.inserted + counts.updated,
            table_of(Problem): counts.extra["problems_opened"],
        }
        bulk.analyze(session.connection(), written)
    return counts


def _copies(session: Session, ctx: WriteCtx) -> bool:
    """PostgreSQL's real writes go through COPY; a dry run only looks."""
    return not ctx.dry_run and bulk.on_postgres(session.connection())


def _put(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    """Each chunk looked up by its keys, new visits inserted by executemany."""
    counts = Counts(extra={"problems_opened": 0})
    opened: set[ProblemKey] = set()
    for chunk in chunks:
        recs: list[VisitRec] = [rec for _, rec in chunk]
        existing = _existing_visits(session, [_key(r) for r in recs])
        _write_visit_chunk(session, recs, existing, ctx, counts)
        with_problems = [r for r in recs if r[5]]
        if with_problems:
            counts.extra["problems_opened"] += _open_problems(session, with_problems, opened, ctx)
    return counts


def _write_visit_chunk(
    session: Session,
    recs: list[VisitRec],
    existing: dict[VisitKey, tuple[int, str | None]],
    ctx: WriteCtx,
    counts: Counts,
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
    _bulk(session, Visit).insert(VISIT_COLUMNS, new)
    if changed:
        table = table_of(Visit)
        stmt = (
            update(table).where(table.c.id == bindparam("b_id")).values(notes=bindparam("b_notes"))
        )
        session.execute(stmt, changed)


def _open_problems(
    session: Session, recs: list[VisitRec], opened: set[ProblemKey], ctx: WriteCtx
) -> int:
    """Open each problem text of these visits once: not again on re-import, nor twice in a file."""
    visit_ids = _existing_visits(session, [_key(r) for r in recs])
    wanted: dict[ProblemKey, VisitRec] = {}
    for r in recs:
        _, enterprise_id, day, _, _, texts = r
        for text in texts:
            key = (enterprise_id, text, day)
            if key not in opened:
                opened.add(key)
                wanted[key] = r
    known = existing_problems(session, list(wanted))
    rows = []
    for key, r in wanted.items():
        if key in known:
            continue
        hit = visit_ids.get(_key(r))
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
        session.execute(insert(table_of(Problem)), rows)
    return len(rows)


def existing_problems(
    session: Session, keys: Sequence[ProblemKey]
) -> dict[ProblemKey, dict[str, Any]]:
    """The ledger's problems among `keys` (enterprise, description, opened): their columns."""
    bulk = _bulk(session, Problem)
    out = {}
    for batch in _in_batches(keys):
        for values in bulk.lookup(PROBLEM_KEY, (*PROBLEM_KEY, *PROBLEM_FIELDS), batch):
            out[values[:3]] = dict(zip((*PROBLEM_KEY, *PROBLEM_FIELDS), values, strict=True))
    return out


def _export_visits(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(
            col(Visit.id),
            col(Supervisor.code),
            col(Enterprise.name),
            col(Visit.date),
            col(Visit.category),
            col(Visit.notes),
        )
        .join(Supervisor, col(Supervisor.id) == col(Visit.supervisor_id))
        .join(Enterprise, col(Enterprise.id) == col(Visit.enterprise_id))
        .order_by(col(Visit.date), col(Supervisor.code), col(Enterprise.name), col(Visit.category))
        .execution_options(yield_per=5000)
    )
    for part in session.execute(query).partitions():
        found = _problems_of(session, [r[0] for r in part if r[0] is not None])
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
            select(col(Problem.visit_id), col(Problem.description))
            .where(col(Problem.visit_id).in_(batch))
            .order_by(col(Problem.id))
        )
        for vid, text in session.execute(query):
            if vid is not None:
                out.setdefault(vid, []).append(text)
    return out


VISITS = Spec(
    kind="visits",
    columns=(
        Column("supervisor", "指导员", True, ref_()),
        Column("enterprise", "企业", True, ref_()),
        Column("date", "走访日期", True, DATE),
        Column(
            "category", "走访类型", False, choice(vocab.VISIT_CATEGORY), vocab=vocab.VISIT_CATEGORY
        ),
        Column("notes", "走访情况", False, text_()),
        Column("problem", "发现问题", False, multiline),
    ),
    resolve=_resolve_visit,
    keys=(("date", _key),),
    write=_write_visits,
    export=_export_visits,
)
