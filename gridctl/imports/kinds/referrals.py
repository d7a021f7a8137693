"""Import spec of referrals: the problems referred to a joint meeting, with the meeting's
outcome on each.

The natural key is meeting + problem. The meeting is named by its date (the joint meeting of
that day: one per day). The problem by its id (问题编号), or by enterprise + description (a
description that several problems of the enterprise share is refused with their ids; give the
id then); given both, they must agree. A new referral follows `problem refer`
(referrals.check_referral: a joint meeting, an open problem, a meeting not before the problem
was opened). An outcome follows `meeting outcome` (referrals.check_outcome: the meeting was
held); solved = yes also marks the problem solved on the meeting's day, as `meeting outcome
--solved` does, and needs the outcome. solved = no (or empty) changes nothing: a problem
solved since stays solved. Rows are written in meeting order, so a file may refer a problem to
one meeting and solve it at a later one; a problem solved at one meeting is not referred again
at a later one. New referrals go through the services; a changed one is updated in the columns
its file gives (an absent column leaves the field alone; an empty cell clears it). An export
writes solved = yes where the problem was solved on the meeting's day with an outcome recorded
there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.cells import ref as ref_
from gridctl.imports.kinds.problems import problem_named
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    RowError,
    Spec,
    WriteCtx,
    blank,
    count,
    yes_no,
)
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise, Problem
from gridctl.ledger.models.meetings import Meeting, MeetingProblem
from gridctl.ledger.models.typed import id_of
from gridctl.work import referrals
from gridctl.work.problems import check_open, finish_problem


@dataclass(frozen=True, slots=True)
class ReferralRec:
    """A checked row: the referral's natural key, what writing it does, and the columns the
    file gives."""

    meeting_id: int
    problem_id: int
    day: dt.date  # the meeting's
    new: bool  # not referred yet: `problem refer` first
    solve: bool  # the row solves the problem (not solved there already)
    outcome: str | None  # the outcome in force: the file's, else the ledger's
    changes: dict[str, str | None]  # note, outcome: those the file has a column of

    @property
    def key(self) -> tuple[int, int]:
        return (self.meeting_id, self.problem_id)


def _blame(row: Row, exc: GridctlError, day: dt.date, default: str) -> None:
    """A refusal at its column; one about the meeting shows its date, as the file names it."""
    if exc.field in ("meeting", "meeting_id"):
        exc.value = day.isoformat()
    row.blame(exc, default=default)


def _joint_meeting(row: Row, refs: Refs) -> Meeting | None:
    """The joint meeting of the row's date; refused: none that day, or not a joint one."""
    day = row.get("meeting_date")
    if day is None:
        return None
    held = refs.session.execute(
        select(Meeting)
        .where(col(Meeting.date) == day)
        .order_by(col(Meeting.kind) != "joint", col(Meeting.id))
    ).scalars()
    found = next(iter(held), None)
    if found is None:
        row.error("meeting_date", t("imp.referral.no_meeting"), day.isoformat())
    elif found.kind != "joint":
        try:
            referrals.check_joint(found.id, found.kind)
        except GridctlError as exc:
            _blame(row, exc, day, default="meeting_date")
        return None
    return found


def _solved_here(problem: Problem, day: dt.date) -> bool:
    return problem.status == "solved" and problem.closed_on == day


def _resolve_referral(row: Row, refs: Refs) -> ReferralRec | None:
    meeting = _joint_meeting(row, refs)
    problem = problem_named(row, refs)
    if meeting is None or problem is None:
        return None
    day = meeting.date
    link = refs.session.get(MeetingProblem, (meeting.id, problem.id))
    problem_col = "problem" if row.get("problem") is not None else "description"
    if link is None:
        try:
            referrals.check_referral(
                problem_id=id_of(problem),
                status=problem.status,
                opened=problem.opened,
                meeting_id=meeting.id,
                kind=meeting.kind,
                day=day,
            )
        except GridctlError as exc:
            _blame(row, exc, day, default=problem_col)
    outcome = row.get("outcome") if row.has("outcome") else (link.outcome if link else None)
    if outcome:
        try:
            referrals.check_outcome(
                meeting_id=meeting.id, day=day, outcome=outcome, today=refs.today
            )
        except GridctlError as exc:
            _blame(row, exc, day, default="outcome")
    solve = bool(row.get("solved")) and not _solved_here(problem, day)
    if row.get("solved") and not outcome:
        row.error("solved", t("imp.referral.solved_needs_outcome"), "")
    elif solve and link is not None:
        try:
            check_open(problem.id, problem.status)
        except GridctlError as exc:
            row.blame(exc, default="solved")
    elif (
        link is not None
        and row.has("outcome")
        and not outcome
        and _solved_here(problem, day)
        and link.outcome
    ):
        row.error("outcome", t("imp.referral.keep_outcome"), "")
    if row.errors:
        return None
    changes: dict[str, str | None] = {}
    if row.has("outcome"):
        changes["outcome"] = blank(outcome)
    if row.has("note"):
        changes["note"] = blank(row.get("note"))
    return ReferralRec(
        meeting_id=id_of(meeting),
        problem_id=id_of(problem),
        day=day,
        new=link is None,
        solve=solve,
        outcome=outcome,
        changes=changes,
    )


def _check_referrals(
    pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """Per problem, in meeting order: once solved (in the ledger or by a row of the file), it
    is not referred again nor solved a second time."""
    by_problem: dict[int, list[tuple[dt.date, int, ReferralRec]]] = {}
    for line, rec in pairs:
        by_problem.setdefault(rec.problem_id, []).append((rec.day, line, rec))
    errors = []
    for rows in by_problem.values():
        solved_at: tuple[dt.date, int] | None = None
        for day, line, rec in sorted(rows, key=lambda r: (r[0], r[1])):
            if solved_at is not None and (rec.new or rec.solve):
                column = "solved" if rec.solve and not rec.new else "meeting_date"
                message = t("imp.referral.solved_on", day=solved_at[0], line=solved_at[1])
                errors.append(RowError(line, labels.get(column, column), message, str(day)))
            if rec.solve:
                solved_at = solved_at or (day, line)
    return sorted(errors)


def _write_referrals(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    recs: list[ReferralRec] = records(chunks)
    for rec in sorted(recs, key=lambda r: (r.day, r.key)):
        link = session.get(MeetingProblem, rec.key)
        if link is None:
            counts.inserted += 1
            if not ctx.dry_run:
                _refer(session, rec)
            continue
        changes = rec.changes
        if not rec.solve and all(getattr(link, k) == v for k, v in changes.items()):
            counts.unchanged += 1
            continue
        counts.updated += 1
        if ctx.dry_run:
            continue
        if "note" in changes:
            link.note = changes["note"]
        if "outcome" in changes:
            link.outcome = changes["outcome"]
            link.outcome_on = rec.day if changes["outcome"] else None
        session.add(link)
        if rec.solve and rec.outcome:
            finish_problem(session, problem_id=rec.problem_id, note=rec.outcome, day=rec.day)
        session.flush()
    return counts


def _refer(session: Session, rec: ReferralRec) -> None:
    """`problem refer`, then `meeting outcome` when the row gives one."""
    note = rec.changes.get("note")
    referrals.refer(session, problem_id=rec.problem_id, meeting_id=rec.meeting_id, note=note)
    if rec.outcome:
        referrals.record_outcome(
            session,
            meeting_id=rec.meeting_id,
            problem_id=rec.problem_id,
            outcome=rec.outcome,
            solved=rec.solve,
        )


def _export_referrals(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(MeetingProblem, col(Meeting.date), Problem, col(Enterprise.name))
        .join(Meeting, col(Meeting.id) == col(MeetingProblem.meeting_id))
        .join(Problem, col(Problem.id) == col(MeetingProblem.problem_id))
        .join(Enterprise, col(Enterprise.id) == col(Problem.enterprise_id))
        .where(col(Meeting.kind) == "joint")
        .order_by(col(Meeting.date), col(Problem.id))
    )
    for link, day, problem, firm in session.execute(query):
        yield {
            "meeting_date": day,
            "problem": problem.id,
            "enterprise": firm,
            "description": problem.description,
            "outcome": link.outcome or "",
            "solved": bool(link.outcome) and _solved_here(problem, day),
            "note": link.note or "",
        }


REFERRALS = Spec(
    kind="referrals",
    columns=(
        Column("meeting_date", "会议日期", True, DATE, aliases=("meeting",)),
        Column("problem", "问题编号", False, count, aliases=("problem_id",)),
        Column("enterprise", "企业", False, ref_()),
        Column("description", "问题描述", False, text_()),
        Column("outcome", "研究结果", False, text_()),
        Column("solved", "是否解决", False, yes_no),
        Column("note", "备注", False, text_()),
    ),
    resolve=_resolve_referral,
    keys=(("meeting_date", lambda r: r.key),),
    write=_write_referrals,
    export=_export_referrals,
    check_all=_check_referrals,
    fields={"meeting": "meeting_date"},
)
