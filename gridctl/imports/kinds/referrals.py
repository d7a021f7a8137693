"""Import specs of two park records kept so far only through their commands (issue 7): the
problems referred to a joint meeting with the meeting's outcome, and the industry-chain
committees and the IT alliance.

As in kinds_park2, each row passes the rules of the command that records one (the check
functions of gridctl.meetings and gridctl.chains), checked per row and across the file first,
so a bad file is refused whole with FILE:LINE reports. New records go through the services;
a changed record is updated in the fields its file gives (an absent column leaves the field
alone; an empty cell in a present column clears an optional field).

referrals: natural key meeting + problem. The meeting is named by its date (the joint
meeting of that day: one per day). The problem by its id (问题编号), or by enterprise +
description (a description that several problems of the enterprise share is refused with
their ids; give the id then); given both, they must agree. A new referral follows `problem
refer` (meetings.check_referral: a joint meeting, an open problem, a meeting not before the
problem was opened). An outcome follows `meeting outcome` (meetings.check_outcome: the
meeting was held); solved = yes also marks the problem solved on the meeting's day, as
`meeting outcome --solved` does, and needs the outcome. solved = no (or empty) changes
nothing: a problem solved since stays solved. Rows are written in meeting order, so a file
may refer a problem to one meeting and solve it at a later one; a problem solved at one
meeting is not referred again at a later one. An export writes solved = yes where the
problem was solved on the meeting's day with an outcome recorded there.

chains: natural key the chain (code or Chinese name, as `chain set` takes it). The lead must
be an enterprise that is a member of the chain (chains.check_lead). An export lists every
chain, set or not; a chain with nothing set in the ledger and nothing in its row is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.i18n import lang, t
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
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise, Problem
from gridctl.ledger.models.meetings import Meeting, MeetingProblem
from gridctl.work import meetings
from gridctl.work.problems import OPEN_STATES, finish_problem

REFER_FIELD = {"--meeting": "meeting_date", "--outcome": "outcome", "MEETING_ID": "outcome"}


def _joint_meeting(row: Row, refs: Refs) -> Meeting | None:
    """The joint meeting of the row's date; refused: none that day, or not a joint one."""
    day = row.get("meeting_date")
    if day is None:
        return None
    held = refs.session.execute(
        select(Meeting).where(Meeting.date == day).order_by(Meeting.kind != "joint", Meeting.id)
    ).scalars()
    found = next(iter(held), None)
    if found is None:
        row.error("meeting_date", t("imp.referral.no_meeting"), day.isoformat())
    elif found.kind != "joint":
        try:
            meetings.check_joint(found.id, found.kind)
        except GridctlError as exc:
            row.error("meeting_date", exc.detail, day.isoformat())
        return None
    return found


def _problem(row: Row, refs: Refs) -> Problem | None:
    """The problem named by id, or by enterprise + description (both given: they agree)."""
    problem_id, desc = row.get("problem"), row.get("description")
    seen = len(row.errors)  # the meeting's errors are the row's, not the problem's
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
            select(Problem.id)
            .where(Problem.enterprise_id == firm.id, Problem.description == desc)
            .order_by(Problem.id)
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


def _solved_here(problem: Problem, day: Any) -> bool:
    return problem.status == "solved" and problem.closed_on == day


def _resolve_referral(row: Row, refs: Refs) -> dict[str, Any] | None:
    meeting = _joint_meeting(row, refs)
    problem = _problem(row, refs)
    if meeting is None or problem is None:
        return None
    day = meeting.date
    link = refs.session.get(MeetingProblem, (meeting.id, problem.id))
    problem_col = "problem" if row.get("problem") is not None else "description"
    if link is None:
        try:
            meetings.check_referral(
                problem_id=problem.id,  # type: ignore[arg-type]
                status=problem.status,
                opened=problem.opened,
                meeting_id=meeting.id,
                kind=meeting.kind,
                day=day,
            )
        except GridctlError as exc:
            column = REFER_FIELD.get(exc.field, problem_col)
            shown = day.isoformat() if column == "meeting_date" else exc.value
            row.error(column, exc.detail, shown)
    outcome = row.get("outcome") if row.has("outcome") else (link.outcome if link else None)
    if outcome:
        try:
            meetings.check_outcome(
                meeting_id=meeting.id, day=day, outcome=outcome, today=refs.today
            )
        except GridctlError as exc:
            row.error(REFER_FIELD.get(exc.field, "outcome"), exc.detail, day.isoformat())
    solve = bool(row.get("solved")) and not _solved_here(problem, day)
    if row.get("solved") and not outcome:
        row.error("solved", t("imp.referral.solved_needs_outcome"), "")
    elif solve and link is not None and problem.status not in OPEN_STATES:
        status = vocab.show(vocab.PROBLEM_STATUS, problem.status, lang())
        row.error("solved", t("detail.problem_done", status=status), problem.id)
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
    rec: dict[str, Any] = {
        "_key": (meeting.id, problem.id),
        "_day": day,
        "_new": link is None,
        "_solve": solve,
        "_outcome": outcome,
    }
    if row.has("outcome"):
        rec["outcome"] = blank(outcome)
    if row.has("note"):
        rec["note"] = blank(row.get("note"))
    return rec


def _check_referrals(
    pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """Per problem, in meeting order: once solved (in the ledger or by a row of the file), it
    is not referred again nor solved a second time."""
    by_problem: dict[int, list[tuple[Any, int, dict[str, Any]]]] = {}
    for line, rec in pairs:
        by_problem.setdefault(rec["_key"][1], []).append((rec["_day"], line, rec))
    errors = []
    for rows in by_problem.values():
        solved_at: tuple[Any, int] | None = None
        for day, line, rec in sorted(rows, key=lambda r: (r[0], r[1])):
            if solved_at is not None and (rec["_new"] or rec["_solve"]):
                column = "solved" if rec["_solve"] and not rec["_new"] else "meeting_date"
                message = t("imp.referral.solved_on", day=solved_at[0], line=solved_at[1])
                errors.append(RowError(line, labels.get(column, column), message, str(day)))
            if rec["_solve"]:
                solved_at = solved_at or (day, line)
    return sorted(errors)


def _write_referrals(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for rec in sorted(records(chunks), key=lambda r: (r["_day"], r["_key"])):
        meeting_id, problem_id = rec["_key"]
        link = session.get(MeetingProblem, (meeting_id, problem_id))
        fields = {k: v for k, v in rec.items() if not k.startswith("_")}
        if link is None:
            counts.inserted += 1
            if not ctx.dry_run:
                _refer(session, rec, fields)
            continue
        if not rec["_solve"] and all(getattr(link, k) == v for k, v in fields.items()):
            counts.unchanged += 1
            continue
        counts.updated += 1
        if ctx.dry_run:
            continue
        if "note" in fields:
            link.note = fields["note"]
        if "outcome" in fields:
            link.outcome = fields["outcome"]
            link.outcome_on = rec["_day"] if fields["outcome"] else None
        session.add(link)
        if rec["_solve"]:
            finish_problem(session, problem_id=problem_id, note=rec["_outcome"], day=rec["_day"])
        session.flush()
    return counts


def _refer(session: Session, rec: dict[str, Any], fields: dict[str, Any]) -> None:
    """`problem refer`, then `meeting outcome` when the row gives one."""
    meeting_id, problem_id = rec["_key"]
    meetings.refer(session, problem_id=problem_id, meeting_id=meeting_id, note=fields.get("note"))
    if rec["_outcome"]:
        meetings.record_outcome(
            session,
            meeting_id=meeting_id,
            problem_id=problem_id,
            outcome=rec["_outcome"],
            solved=rec["_solve"],
        )


def _export_referrals(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(MeetingProblem, Meeting.date, Problem, Enterprise.name)
        .join(Meeting, Meeting.id == MeetingProblem.meeting_id)
        .join(Problem, Problem.id == MeetingProblem.problem_id)
        .join(Enterprise, Enterprise.id == Problem.enterprise_id)
        .where(Meeting.kind == "joint")
        .order_by(Meeting.date, Problem.id)
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
        Column("enterprise", "企业", False, name_()),
        Column("description", "问题描述", False, text_()),
        Column("outcome", "研究结果", False, text_()),
        Column("solved", "是否解决", False, yes_no),
        Column("note", "备注", False, text_()),
    ),
    resolve=_resolve_referral,
    keys=(("meeting_date", lambda r: r["_key"]),),
    write=_write_referrals,
    export=_export_referrals,
    check_all=_check_referrals,
)
