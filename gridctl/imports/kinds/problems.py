"""Import specs of the work records: visits (the big one) and problems.

Visits stream: each chunk of records is matched against the ledger with one query (row-value
IN over the natural key) and written with Core executemany, so a million-row file never sits
in memory and never costs a query per row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.kinds.visits import DONE, _existing_problems
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
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import upsert
from gridctl.ledger.models import Enterprise, Problem, Supervisor


def _resolve_problem(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    opened, closed = row.get("opened"), row.get("closed")
    status = row.get("status", "open")
    done = status in DONE
    if done and closed is None:
        row.error("closed" if row.has("closed") else "status", t("imp.problem.needs_closed"), "")
    if done and not row.get("resolution"):
        row.error(
            "resolution" if row.has("resolution") else "status",
            t("imp.problem.needs_resolution"),
            "",
        )
    if closed is not None and not done:
        row.error("closed", t("imp.problem.closed_not_done"), closed.isoformat())
    if closed is not None and opened is not None and closed < opened:
        row.error(
            "closed", t("imp.problem.closed_before", opened=opened.isoformat()), closed.isoformat()
        )
    solver = (
        row.ref("resolved_by", refs.supervisor, "supervisor") if row.get("resolved_by") else None
    )
    if row.errors:
        return None
    rec: dict[str, Any] = {
        "enterprise_id": firm.id,
        "description": row.get("description"),
        "opened": opened,
        "supervisor_id": person.id,
    }
    if row.has("status"):
        rec["status"] = status
        rec["closed_on"] = closed
        rec["resolution"] = row.get("resolution")
        rec["resolved_by_id"] = (solver or person).id if done else (solver.id if solver else None)
    return rec


def _write_problems(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    total = Counts()
    for chunk in chunks:
        recs = [rec for _, rec in chunk]
        known = _existing_problems(
            session, [(r["enterprise_id"], r["description"], r["opened"]) for r in recs]
        )
        counts = upsert(
            session,
            Problem.__table__,  # type: ignore[arg-type]
            recs,
            match=lambda r, k=known: k.get((r["enterprise_id"], r["description"], r["opened"])),
            defaults=lambda r: {
                "visit_id": None,
                "category": None,
                "status": "open",
                "closed_on": None,
                "resolution": None,
                "resolved_by_id": None,
                "recorded_at": ctx.now,
            },
            dry_run=ctx.dry_run,
        )
        total.inserted += counts.inserted
        total.updated += counts.updated
        total.unchanged += counts.unchanged
    return total


def _export_problems(session: Session) -> Iterator[dict[str, object]]:
    solver = Supervisor.__table__.alias("solver")  # type: ignore[attr-defined]
    query = (
        select(Problem, Supervisor.code, Enterprise.name, solver.c.code)
        .join(Supervisor, Supervisor.id == Problem.supervisor_id)
        .join(Enterprise, Enterprise.id == Problem.enterprise_id)
        .outerjoin(solver, solver.c.id == Problem.resolved_by_id)
        .order_by(Problem.opened, Enterprise.name, Problem.description, Problem.id)
    )
    for p, scode, ename, solver_code in session.execute(query):
        yield {
            "enterprise": ename,
            "supervisor": scode,
            "description": p.description,
            "opened": p.opened,
            "status": p.status,
            "closed": p.closed_on or "",
            "resolution": p.resolution or "",
            "resolved_by": solver_code or "",
        }


PROBLEMS = Spec(
    kind="problems",
    columns=(
        Column("enterprise", "企业", True, name_()),
        Column("supervisor", "指导员", True, name_()),
        Column("description", "问题描述", True, text_()),
        Column("opened", "提出日期", True, DATE),
        Column("status", "状态", False, choice(vocab.PROBLEM_STATUS), vocab=vocab.PROBLEM_STATUS),
        Column("closed", "办结日期", False, DATE),
        Column("resolution", "解决情况", False, text_()),
        Column("resolved_by", "办结人", False, name_()),
    ),
    resolve=_resolve_problem,
    keys=(("description", lambda r: (r["enterprise_id"], r["description"], r["opened"])),),
    write=_write_problems,
    export=_export_problems,
)
