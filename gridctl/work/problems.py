"""Problems (问题): collected on visits, tracked until solved or closed unsolved; the rules of
a problem's state (open, done, its closing), which `problem solve` and an import's rows share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.errors import Invalid, NotFound
from gridctl.i18n import lang, t
from gridctl.ledger.models import Enterprise, Problem, Supervisor, Visit
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise, find_group, find_supervisor

OPEN_STATES = ("open", "in-progress")
DONE_STATES = ("solved", "closed")


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """A problem as the list shows it: codes and names, dates in ISO."""

    id: int
    supervisor: str
    enterprise: str
    description: str
    status: str
    opened: str
    closed: str
    resolution: str
    resolved_by: str
    visit: int | None


@dataclass(frozen=True, slots=True)
class ProblemMeeting:
    """A meeting that took a problem up, and what it said of it."""

    meeting: int
    date: str
    kind: str
    title: str
    note: str
    outcome: str


@dataclass(frozen=True, slots=True)
class ProblemDetail:
    """One problem's whole story."""

    id: int
    enterprise: str
    credit_code: str
    supervisor: str
    supervisor_name: str
    description: str
    category: str
    status: str
    opened: str
    visit: int | None
    visit_date: str
    closed: str
    resolution: str
    resolved_by: str
    meetings: list[ProblemMeeting]


# --- rules ------------------------------------------------------------------------------


def check_open(problem_id: object, status: str) -> None:
    """A problem is worked on, referred or finished while it is open (or in progress)."""
    if status not in OPEN_STATES:
        shown = vocab.show(vocab.PROBLEM_STATUS, status, lang())
        raise Invalid("problem_id", problem_id, t("detail.problem_done", status=shown))


def closing_refusals(
    *, status: str, opened: date | None, closed: date | None, note: str | None
) -> list[Invalid]:
    """The rules of a problem's closing: a solved or closed problem has its closing day
    (`date`) and says how (`note`, its resolution); only such a problem has a closing day; it
    is not closed before it was opened. Every rule broken, in that order: a command refuses
    with the first, an import reports each at its column. None: not known, not checked."""
    done = status in DONE_STATES
    broken = []
    if done and closed is None:
        broken.append(Invalid("date", "", t("detail.problem.needs_closed")))
    if done and not (note or "").strip():
        broken.append(Invalid("note", note or "", t("detail.problem.needs_resolution")))
    if closed is not None and not done:
        broken.append(Invalid("date", closed.isoformat(), t("detail.problem.closed_not_done")))
    if closed is not None and opened is not None and closed < opened:
        detail = t("detail.problem.closed_before", opened=opened.isoformat())
        broken.append(Invalid("date", closed.isoformat(), detail))
    return broken


# --- reading ----------------------------------------------------------------------------


def find_problem(session: Session, problem_id: int, field: str = "problem_id") -> Problem:
    problem = session.get(Problem, problem_id)
    if problem is None:
        raise NotFound(field, problem_id, t("detail.problem_id"))
    return problem


def _problem_filters(
    session: Session,
    *,
    status: str | None,
    supervisor: str | None,
    enterprise: str | None,
    group: str | None,
) -> list[ColumnElement[bool]]:
    """The filters as conditions on the problem alone, so the count needs no join."""
    where: list[ColumnElement[bool]] = []
    if enterprise:
        where.append(col(Problem.enterprise_id) == find_enterprise(session, enterprise).id)
    if supervisor:
        where.append(col(Problem.supervisor_id) == find_supervisor(session, supervisor).id)
    if group:
        members = select(Supervisor.id).where(Supervisor.group_id == find_group(session, group).id)
        where.append(col(Problem.supervisor_id).in_(members))
    if status:
        code = vocab.parse(vocab.PROBLEM_STATUS, status, "status")
        # "open" means not yet done: open or being worked on.
        where.append(col(Problem.status).in_(OPEN_STATES if code == "open" else (code,)))
    return where


def problem_count(session: Session, **filters: str | None) -> int:
    """How many problems the filters of problem_page (status, supervisor, enterprise, group)
    select."""
    where = _problem_filters(session, **_named(filters))
    total: int = session.exec(select(func.count()).select_from(Problem).where(*where)).one()
    return total


def _named(filters: dict[str, str | None]) -> dict[str, str | None]:
    return {k: filters.get(k) for k in ("status", "supervisor", "enterprise", "group")}


def problem_rows(session: Session, *, enterprise_id: int | None) -> list[ProblemRow]:
    """An enterprise's problems, oldest first, all of them (its dossier)."""
    where = [col(Problem.enterprise_id) == enterprise_id]
    return list(_problems(session, where, newest_first=False, limit=None, offset=0))


def problem_page(
    session: Session, *, limit: int | None = None, offset: int = 0, **filters: str | None
) -> Iterator[ProblemRow]:
    """The problems newest first (opened, then id: a stable order to page through), read in
    batches; `filters` as problem_count's."""
    where = _problem_filters(session, **_named(filters))
    return _problems(session, where, newest_first=True, limit=limit, offset=offset)


def _problems(
    session: Session,
    where: list[ColumnElement[bool]],
    *,
    newest_first: bool,
    limit: int | None,
    offset: int,
) -> Iterator[ProblemRow]:
    solver = aliased(Supervisor, name="solver")
    order = (col(Problem.opened), col(Problem.id))
    query = (
        select(Problem, Supervisor.code, Enterprise.name, solver.code)
        .join(Supervisor, col(Supervisor.id) == col(Problem.supervisor_id))
        .join(Enterprise, col(Enterprise.id) == col(Problem.enterprise_id))
        .outerjoin(solver, col(solver.id) == col(Problem.resolved_by_id))
        .where(*where)
        .order_by(*(c.desc() for c in order) if newest_first else order)
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=1000)
    )
    for p, scode, ename, solver_code in session.exec(query):
        yield ProblemRow(
            id=id_of(p),
            supervisor=scode,
            enterprise=ename,
            description=p.description,
            status=p.status,
            opened=p.opened.isoformat(),
            closed=p.closed_on.isoformat() if p.closed_on else "",
            resolution=p.resolution or "",
            resolved_by=solver_code or "",
            visit=p.visit_id,
        )


def problem_detail(session: Session, problem_id: int) -> ProblemDetail:
    """One problem's whole story: who found it where, its state, and the meetings it went to."""
    from gridctl.ledger.models.meetings import Meeting, MeetingProblem

    problem = find_problem(session, problem_id)
    firm = session.get(Enterprise, problem.enterprise_id)
    finder = session.get(Supervisor, problem.supervisor_id)
    solver = session.get(Supervisor, problem.resolved_by_id) if problem.resolved_by_id else None
    visit = session.get(Visit, problem.visit_id) if problem.visit_id else None
    taken_up = session.exec(
        select(MeetingProblem, Meeting)
        .join(Meeting, col(Meeting.id) == col(MeetingProblem.meeting_id))
        .where(MeetingProblem.problem_id == problem.id)
        .order_by(col(Meeting.date), col(Meeting.id))
    ).all()
    return ProblemDetail(
        id=id_of(problem),
        enterprise=firm.name if firm else "",
        credit_code=(firm.credit_code or "") if firm else "",
        supervisor=finder.code if finder else "",
        supervisor_name=finder.name if finder else "",
        description=problem.description,
        category=problem.category or "",
        status=problem.status,
        opened=problem.opened.isoformat(),
        visit=visit.id if visit else None,
        visit_date=visit.date.isoformat() if visit else "",
        closed=problem.closed_on.isoformat() if problem.closed_on else "",
        resolution=problem.resolution or "",
        resolved_by=solver.code if solver else "",
        meetings=[
            ProblemMeeting(
                meeting=link.meeting_id,
                date=m.date.isoformat(),
                kind=m.kind,
                title=m.title or "",
                note=link.note or "",
                outcome=link.outcome or "",
            )
            for link, m in taken_up
        ],
    )


# --- tracking ---------------------------------------------------------------------------


def _open_problem(session: Session, problem_id: int) -> Problem:
    problem = find_problem(session, problem_id)
    check_open(problem_id, problem.status)
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
    when = day or date.today()
    broken = closing_refusals(status=status, opened=problem.opened, closed=when, note=note)
    if broken:
        raise broken[0]
    problem.status = status
    problem.resolution = note.strip()
    problem.closed_on = when
    problem.resolved_by_id = find_supervisor(session, by, "by").id if by else problem.supervisor_id
    session.add(problem)
    session.flush()
    # The solved problem earns its points in this transaction, not at the next read.
    from gridctl.points.fresh import refresh

    refresh(session, [when], only=("problem-solved",))
    return problem
