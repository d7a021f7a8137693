"""Import spec of problems (their state as an office tracks it, by enterprise, description
and the day they were opened), and how a file names a problem (by id, or by enterprise and
description).

Each row passes the rules of a problem's closing that `gridctl problem solve` and `close`
follow (problems.closing_refusals): a solved or closed problem has its closing date and
resolution; only such a problem has a closing date, not before it was opened. A changed
problem is updated in the columns its file gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.cells import ref as ref_
from gridctl.imports.kinds.visits import ProblemKey, existing_problems
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
from gridctl.ledger.models.typed import table_of
from gridctl.work.problems import DONE_STATES, closing_refusals


def _resolve_problem(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    opened, closed = row.get("opened"), row.get("closed")
    status = row.get("status", "open")
    done = status in DONE_STATES
    for refusal in closing_refusals(
        status=status, opened=opened, closed=closed, note=row.get("resolution")
    ):
        row.blame(refusal, default="status")
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


def _key(rec: dict[str, Any]) -> ProblemKey:
    return (rec["enterprise_id"], rec["description"], rec["opened"])


def _matcher(
    known: dict[ProblemKey, dict[str, Any]],
) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    return lambda rec: known.get(_key(rec))


def _write_problems(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    total = Counts()
    # The old and new dates of every problem written: their points are re-derived below.
    days: set[Any] = set()
    for chunk in chunks:
        recs = [rec for _, rec in chunk]
        known = existing_problems(session, [_key(r) for r in recs])
        for rec in recs:
            old = known.get(_key(rec)) or {}
            days |= {rec["opened"], rec.get("closed_on"), old.get("closed_on")}
        counts = upsert(
            session,
            table_of(Problem),
            recs,
            match=_matcher(known),
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
    if not ctx.dry_run and (total.inserted or total.updated):
        from gridctl.points.fresh import refresh

        refresh(session, days, only=("problem-collected", "problem-solved"))
    return total


def problem_named(row: Row, refs: Refs) -> Problem | None:
    """The problem a row names in its columns problem (the id), or enterprise + description
    (given both, they must agree); None after reporting why not. Errors the row already has
    (e.g. its meeting's) are not the problem's."""
    problem_id, desc = row.get("problem"), row.get("description")
    seen = len(row.errors)
    firm = row.ref("enterprise", refs.enterprise, "enterprise") if row.get("enterprise") else None
    if len(row.errors) > seen:
        return None
    if problem_id is not None:
        found = refs.session.get(Problem, problem_id)
        if found is None:
            row.error("problem", t("imp.ref.unknown", what=t("imp.what.problem")), problem_id)
        elif (firm is not None and found.enterprise_id != firm.id) or (
            desc is not None and found.description.strip() != desc
        ):
            owner = refs.session.get(Enterprise, found.enterprise_id)
            other = t(
                "imp.referral.other_problem",
                enterprise=owner.name if owner else "",
                description=found.description,
            )
            row.error("problem", other, problem_id)
            return None
        return found
    if firm is None or desc is None:
        missing = "description" if firm is not None else "enterprise"
        row.error(missing, t("imp.referral.name_problem"), "")
        return None
    ids = (
        refs.session.execute(
            select(col(Problem.id))
            .where(col(Problem.enterprise_id) == firm.id, col(Problem.description) == desc)
            .order_by(col(Problem.id))
        )
        .scalars()
        .all()
    )
    if not ids:
        row.error("description", t("imp.referral.unknown", enterprise=firm.name), desc)
        return None
    if len(ids) > 1:
        row.error("description", t("imp.referral.ambiguous", ids=", ".join(map(str, ids))), desc)
        return None
    return refs.session.get(Problem, ids[0])


def _export_problems(session: Session) -> Iterator[dict[str, object]]:
    solver = aliased(Supervisor, name="solver")
    query = (
        select(Problem, col(Supervisor.code), col(Enterprise.name), col(solver.code))
        .join(Supervisor, col(Supervisor.id) == col(Problem.supervisor_id))
        .join(Enterprise, col(Enterprise.id) == col(Problem.enterprise_id))
        .outerjoin(solver, col(solver.id) == col(Problem.resolved_by_id))
        .order_by(
            col(Problem.opened), col(Enterprise.name), col(Problem.description), col(Problem.id)
        )
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
        Column("enterprise", "企业", True, ref_()),
        Column("supervisor", "指导员", True, ref_()),
        Column("description", "问题描述", True, text_()),
        Column("opened", "提出日期", True, DATE),
        Column("status", "状态", False, choice(vocab.PROBLEM_STATUS), vocab=vocab.PROBLEM_STATUS),
        Column("closed", "办结日期", False, DATE),
        Column("resolution", "解决情况", False, text_()),
        Column("resolved_by", "办结人", False, name_()),
    ),
    resolve=_resolve_problem,
    keys=(("description", _key),),
    write=_write_problems,
    export=_export_problems,
    fields={"date": "closed", "note": "resolution"},
)
