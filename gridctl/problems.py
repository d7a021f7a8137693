"""Problems (问题): collected on visits, tracked until solved or closed unsolved."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridctl import vocab
from gridctl.errors import Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Problem, Supervisor
from gridctl.registers import find_supervisor

OPEN_STATES = ("open", "in-progress")


def problem_rows(
    session: Session, *, status: str | None = None, enterprise_id: int | None = None
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
        raise Invalid("ID", problem_id, t("detail.problem_done", status=problem.status))
    return problem


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
