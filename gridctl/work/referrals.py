"""Problems referred to a joint meeting (联席会议), and the meeting's outcome on each.

A hard problem is referred to a joint meeting while it is open (it is then in progress), at a
meeting not before it was opened. Once the meeting was held, its outcome on the problem is
recorded; an outcome that solves the problem closes it on the meeting's day. The rules are
check functions on plain values, so an import checks its rows with them too.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import lang, t
from gridctl.ledger.models import Problem
from gridctl.ledger.models.meetings import Meeting, MeetingProblem
from gridctl.ledger.models.typed import id_of
from gridctl.work.meetings import find_meeting
from gridctl.work.problems import check_open, find_problem, finish_problem


def check_joint(meeting_id: object, kind: str) -> None:
    """Problems are referred to a joint meeting only (`meeting`: the one referred to)."""
    if kind != "joint":
        shown = vocab.show(vocab.MEETING_KIND, kind, lang())
        detail = t("detail.meeting.not_joint", id=meeting_id, kind=shown)
        raise Invalid("meeting", meeting_id, detail)


def check_referral(
    *, problem_id: int, status: str, opened: date, meeting_id: object, kind: str, day: date
) -> None:
    """A problem goes to a joint meeting while it is open, at a meeting not before it was
    opened."""
    check_joint(meeting_id, kind)
    check_open(problem_id, status)
    if day < opened:
        detail = t("detail.meeting.before_problem", day=day, opened=opened)
        raise Invalid("meeting", meeting_id, detail)


def check_outcome(
    *, meeting_id: object, day: date, outcome: str | None, today: date | None = None
) -> str:
    """An outcome is recorded once the meeting was held, and says something: its text."""
    if day > (today or date.today()):
        raise Invalid("meeting_id", meeting_id, t("detail.meeting.not_held", day=day))
    text = (outcome or "").strip()
    if not text:
        raise Invalid("outcome", outcome, t("detail.meeting.say_outcome"))
    return text


def refer(
    session: Session, *, problem_id: int, meeting_id: int, note: str | None = None
) -> tuple[Problem, Meeting]:
    """Refer an open problem to a joint meeting; it is then being worked on (in progress)."""
    problem = find_problem(session, problem_id)
    meeting = find_meeting(session, meeting_id, "meeting")
    check_referral(
        problem_id=problem_id,
        status=problem.status,
        opened=problem.opened,
        meeting_id=meeting_id,
        kind=meeting.kind,
        day=meeting.date,
    )
    if session.get(MeetingProblem, (meeting.id, problem.id)) is not None:
        raise Conflict("problem_id", problem_id, t("detail.meeting.referred", id=meeting_id))
    link = MeetingProblem(
        meeting_id=id_of(meeting), problem_id=id_of(problem), note=(note or "").strip() or None
    )
    session.add(link)
    problem.status = "in-progress"
    session.add(problem)
    session.flush()
    return problem, meeting


def record_outcome(
    session: Session,
    *,
    meeting_id: int,
    problem_id: int,
    outcome: str,
    solved: bool = False,
    today: date | None = None,
) -> MeetingProblem:
    """What the meeting decided on a problem it took up; `solved` also closes the problem."""
    meeting = find_meeting(session, meeting_id)
    text = check_outcome(meeting_id=meeting_id, day=meeting.date, outcome=outcome, today=today)
    link = session.get(MeetingProblem, (meeting_id, problem_id))
    if link is None:
        detail = t("detail.meeting.taken_up", id=meeting_id)
        raise NotFound("problem_id", problem_id, detail)
    link.outcome = text
    link.outcome_on = meeting.date
    session.add(link)
    if solved:
        finish_problem(session, problem_id=problem_id, note=text, day=meeting.date)
    session.flush()
    return link
