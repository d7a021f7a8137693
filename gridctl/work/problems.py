"""Problems (问题): collected on visits, tracked until solved or closed unsolved."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridctl import vocab
from gridctl.errors import Invalid, NotFound
from gridctl.i18n import lang, t
from gridctl.ledger.models import Enterprise, Problem, Supervisor, Visit
from gridctl.registers.lookup import find_enterprise, find_group, find_supervisor

OPEN_STATES = ("open", "in-progress")


def problem_rows(
    session: Session,
    *,
    status: str | None = None,
    enterprise_id: int | None = None,
    supervisor: str | None = None,
    enterprise: str | None = None,
    group: str | None = None,
) -> list[dict[str, object]]:
    solver = Supervisor.__table__.alias("solver")
    query = (
        select(Problem, Supervisor.code, Enterprise.name, solver.c.code)
        .join(Supervisor, Supervisor.id == Problem.supervisor_id)
        .join(Enterprise, Enterprise.id == Problem.enterprise_id)
        .outerjoin(solver, solver.c.id == Problem.resolved_by_id)
        .order_by(Problem.opened, Problem.id)
    )
    if enterprise_id is not None:
        query = query.where(Problem.enterprise_id == enterprise_id)
    if enterprise:
        query = query.where(Problem.enterprise_id == find_enterprise(session, enterprise).id)
    if supervisor:
        query = query.where(Problem.supervisor_id == find_supervisor(session, supervisor).id)
    if group:
        query = query.where(Supervisor.group_id == find_group(session, group).id)
    if status:
        code = vocab.parse(vocab.PROBLEM_STATUS, status, "--status")
        # "open" means not yet done: open or being worked on.
        states = OPEN_STATES if code == "open" else (code,)
        query = query.where(Problem.status.in_(states))  # type: ignore[attr-defined]
    return [
        {
            "id": p.id,
            "supervisor": scode,
            "enterprise": ename,
            "description": p.description,
            "status": p.status,
            "opened": p.opened.isoformat(),
            "closed": p.closed_on.isoformat() if p.closed_on else "",
            "resolution": p.resolution or "",
            "resolved_by": solver_code or "",
            "visit": p.visit_id,
        }
        for p, scode, ename, solver_code in session.exec(query).all()
    ]


def _open_problem(session: Session, problem_id: int) -> Problem:
    problem = session.get(Problem, problem_id)
    if problem is None:
        raise NotFound("ID", problem_id, t("detail.problem_id"))
    if problem.status not in OPEN_STATES:
        status = vocab.show(vocab.PROBLEM_STATUS, problem.status, lang())
        raise Invalid("ID", problem_id, t("detail.problem_done", status=status))
    return problem


def start_problem(session: Session, *, problem_id: int) -> bool:
    """Mark an open problem as being worked on (办理中); False if it already was."""
    problem = _open_problem(session, problem_id)
    if problem.status == "in-progress":
        return False
    problem.status = "in-progress"
    session.add(problem)
    session.flush()
    return True


def problem_detail(session: Session, problem_id: int) -> dict[str, object]:
    """One problem's whole story: who found it where, its state, and the meetings it went to."""
    from gridctl.ledger.models.meetings import Meeting, MeetingProblem

    problem = session.get(Problem, problem_id)
    if problem is None:
        raise NotFound("ID", problem_id, t("detail.problem_id"))
    firm = session.get(Enterprise, problem.enterprise_id)
    finder = session.get(Supervisor, problem.supervisor_id)
    solver = session.get(Supervisor, problem.resolved_by_id) if problem.resolved_by_id else None
    visit = session.get(Visit, problem.visit_id) if problem.visit_id else None
    taken_up = session.exec(
        select(MeetingProblem, Meeting)
        .join(Meeting, Meeting.id == MeetingProblem.meeting_id)
        .where(MeetingProblem.problem_id == problem.id)
        .order_by(Meeting.date, Meeting.id)
    ).all()
    return {
        "id": problem.id,
        "enterprise": firm.name if firm else "",
        "credit_code": (firm.credit_code or "") if firm else "",
        "supervisor": finder.code if finder else "",
        "supervisor_name": finder.name if finder else "",
        "description": problem.description,
        "category": problem.category or "",
        "status": problem.status,
        "opened": problem.opened.isoformat(),
        "visit": visit.id if visit else None,
        "visit_date": visit.date.isoformat() if visit else "",
        "closed": problem.closed_on.isoformat() if problem.closed_on else "",
        "resolution": problem.resolution or "",
        "resolved_by": solver.code if solver else "",
        "meetings": [
            {
                "meeting": m.id,
                "date": m.date.isoformat(),
                "kind": m.kind,
                "title": m.title or "",
                "note": link.note or "",
                "outcome": link.outcome or "",
            }
            for link, m in taken_up
        ],
    }


def finish_problem(
    session: Session,
    *,
    problem_id: int,
    note: str,
    status: str = "solved",
    by: str | None = None,
    day: date | None = None,
) -> Problem:
    """Mark a problem solved (or closed unsolved) with a note, a date and who did it."""
    problem = _open_problem(session, problem_id)
    text = note.strip()
    if not text:
        raise Invalid("--note", note, t("detail.say_how"))
    when = day or date.today()
    if when < problem.opened:
        raise Invalid("--date", when.isoformat(), t("detail.on_or_after", day=problem.opened))
    problem.status = status
    problem.resolution = text
    problem.closed_on = when
    problem.resolved_by_id = (
        find_supervisor(session, by, "--by").id if by else problem.supervisor_id
    )
    session.add(problem)
    session.flush()
    return problem
