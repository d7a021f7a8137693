"""Meetings: the monthly group meetings (指导组月度例会), the quarterly group-leader meetings
(组长季度工作例会) and the joint meetings (联席会议), with who attended, the topics, the
decisions and the problems taken up: the rules of a meeting, and recording, correcting and
removing one.

One monthly meeting per group and month, one leaders' meeting per quarter, one joint meeting
per day. A meeting may be recorded ahead of its day (so problems can be referred to it).
Listing and showing meetings: gridctl.work.meeting_listing; the problems referred to a joint
meeting, and its outcomes: gridctl.work.referrals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from gridctl import dates, vocab
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import lang, t
from gridctl.ledger.models import GuidanceGroup, Problem, Supervisor
from gridctl.ledger.models.meetings import Meeting, MeetingAttendee, MeetingProblem
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_group, find_supervisor
from gridctl.work.problems import find_problem

GROUP_KIND = "group-monthly"


@dataclass(frozen=True, slots=True)
class Removed:
    """What went with a deleted meeting: its attendees and the problems taken up at it."""

    attendees: int
    problems: int


# --- the one meeting of a period --------------------------------------------------------


def _same_period(kind: str, day: date) -> dates.Period:
    if kind == GROUP_KIND:
        return dates.month(f"{day.year:04d}-{day.month:02d}")
    if kind == "leader-quarterly":
        return dates.quarter_of(day)
    return dates.Period(day.isoformat(), day, day + timedelta(days=1))


def period_of(kind: str, day: date) -> str:
    """The label of the period a meeting of this kind on `day` is the one meeting of."""
    return _same_period(kind, day).label


def find_clash(
    session: Session, kind: str, day: date, group_id: int | None, exclude: int | None = None
) -> int | None:
    """The meeting of this kind (and group) already held in the period of `day`, if any
    (other than meeting `exclude`, the one being moved)."""
    period = _same_period(kind, day)
    query = select(Meeting.id).where(
        Meeting.kind == kind,
        col(Meeting.date) >= period.start,
        col(Meeting.date) < period.end,
        col(Meeting.group_id) == group_id if group_id else col(Meeting.group_id).is_(None),
    )
    if exclude is not None:
        query = query.where(Meeting.id != exclude)
    return session.exec(query).first()


def clash_message(clash: object, kind: str, day: date) -> str:
    """Why a second meeting of a period is refused; `clash` names the first (its id)."""
    shown = vocab.show(vocab.MEETING_KIND, kind, lang())
    first = t("detail.meeting.no", id=clash) if isinstance(clash, int) else clash
    return t("detail.meeting.clash", id=first, kind=shown, period=period_of(kind, day))


def check_period(
    session: Session, kind: str, day: date, group_id: int | None, exclude: int | None = None
) -> None:
    """One meeting per period of its kind (and group): the rule of add and of a moved date."""
    clash = find_clash(session, kind, day, group_id, exclude)
    if clash is not None:
        raise Conflict("date", day.isoformat(), clash_message(clash, kind, day))


# --- who meets --------------------------------------------------------------------------


def check_group(kind: str, group: str | None) -> None:
    """Only a monthly group meeting belongs to a group, and it needs one."""
    if kind == GROUP_KIND:
        if not group or not group.strip():
            raise Invalid("group", group or "", t("detail.meeting.needs_group"))
    elif group:
        raise Invalid("group", group, t("detail.meeting.group_only_monthly"))


def check_attendee(ref: str, person_group_id: int, group_id: int | None, group_name: str) -> None:
    """An attendee of a group's meeting is one of the group's supervisors."""
    if group_id is not None and person_group_id != group_id:
        raise Invalid("attendee", ref, t("detail.meeting.not_in_group", group=group_name))


def _meeting_group(session: Session, kind: str, group: str | None) -> GuidanceGroup | None:
    check_group(kind, group)
    return find_group(session, group) if kind == GROUP_KIND and group else None


def _attendees(session: Session, refs: list[str], group: GuidanceGroup | None) -> list[Supervisor]:
    people: dict[int, Supervisor] = {}
    for ref in (r for r in refs if r and r.strip()):
        person = find_supervisor(session, ref, "attendee")
        if group is not None:
            check_attendee(ref, person.group_id, group.id, group.name)
        people[id_of(person)] = person
    return list(people.values())


def _set_attendees(session: Session, meeting: Meeting, people: list[Supervisor]) -> None:
    """The meeting's attendees are exactly `people` from now on."""
    meeting_id = id_of(meeting)
    session.execute(delete(MeetingAttendee).where(col(MeetingAttendee.meeting_id) == meeting_id))
    for person in people:
        session.add(MeetingAttendee(meeting_id=meeting_id, supervisor_id=id_of(person)))


def _lines(items: list[str] | None) -> str | None:
    kept = [i.strip() for i in items or [] if i and i.strip()]
    return "\n".join(kept) or None


# --- recording, correcting, removing ----------------------------------------------------


def find_meeting(session: Session, meeting_id: int, field: str = "meeting_id") -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(field, meeting_id, t("detail.meeting.ref"))
    return meeting


def add_meeting(
    session: Session,
    *,
    kind: str,
    day: date,
    group: str | None = None,
    title: str | None = None,
    attendees: list[str] | None = None,
    topics: list[str] | None = None,
    decisions: list[str] | None = None,
    problems: list[int] | None = None,
) -> Meeting:
    code = vocab.parse(vocab.MEETING_KIND, kind, "kind")
    grp = _meeting_group(session, code, group)
    check_period(session, code, day, grp.id if grp else None)
    meeting = Meeting(
        kind=code,
        date=day,
        group_id=grp.id if grp else None,
        title=(title or "").strip() or None,
        topics=_lines(topics),
        decisions=_lines(decisions),
    )
    session.add(meeting)
    session.flush()
    _set_attendees(session, meeting, _attendees(session, attendees or [], grp))
    for problem_id in dict.fromkeys(problems or []):
        problem = find_problem(session, problem_id, "problem")
        if problem.opened > day:
            detail = t("detail.meeting.problem_after", opened=problem.opened)
            raise Invalid("problem", problem_id, detail)
        session.add(MeetingProblem(meeting_id=id_of(meeting), problem_id=id_of(problem)))
    session.flush()
    return meeting


def _links(session: Session, meeting_id: int) -> list[MeetingProblem]:
    return list(
        session.exec(
            select(MeetingProblem)
            .where(MeetingProblem.meeting_id == meeting_id)
            .order_by(col(MeetingProblem.problem_id))
        ).all()
    )


def _check_move(session: Session, meeting: Meeting, day: date) -> None:
    """A meeting moved to `day`: still the one meeting of its period, not before a problem it
    took up was opened, and not once outcomes are recorded (they, and the problems they
    solved, are dated by the meeting's day)."""
    check_period(session, meeting.kind, day, meeting.group_id, exclude=meeting.id)
    for link in _links(session, id_of(meeting)):
        if link.outcome is not None:
            detail = t("detail.meeting_has_outcome", meeting=meeting.id, problem=link.problem_id)
            raise Invalid("date", day.isoformat(), detail)
        problem = session.get(Problem, link.problem_id)
        if problem is not None and problem.opened > day:
            detail = t("detail.meeting_before_problem", problem=problem.id, opened=problem.opened)
            raise Invalid("date", day.isoformat(), detail)


def update_meeting(
    session: Session,
    *,
    meeting_id: int,
    day: date | None = None,
    title: str | None = None,
    attendees: list[str] | None = None,
    topics: list[str] | None = None,
    decisions: list[str] | None = None,
) -> Meeting:
    """Correct a meeting: each given field replaces what is recorded (a list replaces the
    whole list; an empty value clears it); the rules are those of add_meeting."""
    meeting = find_meeting(session, meeting_id)
    if day is not None and day != meeting.date:
        _check_move(session, meeting, day)
        meeting.date = day
    if title is not None:
        meeting.title = title.strip() or None
    if topics is not None:
        meeting.topics = _lines(topics)
    if decisions is not None:
        meeting.decisions = _lines(decisions)
    if attendees is not None:
        group = session.get(GuidanceGroup, meeting.group_id) if meeting.group_id else None
        _set_attendees(session, meeting, _attendees(session, attendees, group))
    session.add(meeting)
    session.flush()
    return meeting


def delete_meeting(session: Session, *, meeting_id: int) -> Removed:
    """Remove a meeting with its attendees and the problems taken up at it. Refused while
    an outcome is recorded there (what the meeting decided, maybe solving a problem, stands).
    A problem referred to it and still in progress goes back to open unless it is referred to
    another meeting too."""
    meeting = find_meeting(session, meeting_id)
    links = _links(session, meeting_id)
    for link in links:
        if link.outcome is not None:
            detail = t("detail.meeting_outcome_stays", problem=link.problem_id)
            raise Conflict("meeting_id", meeting_id, detail)
    attended = session.exec(
        select(func.count()).where(MeetingAttendee.meeting_id == meeting_id)
    ).one()
    session.execute(delete(MeetingAttendee).where(col(MeetingAttendee.meeting_id) == meeting_id))
    session.execute(delete(MeetingProblem).where(col(MeetingProblem.meeting_id) == meeting_id))
    if meeting.kind == "joint":
        for link in links:
            problem = session.get(Problem, link.problem_id)
            still = session.exec(
                select(MeetingProblem.meeting_id).where(
                    MeetingProblem.problem_id == link.problem_id
                )
            ).first()
            if problem is not None and problem.status == "in-progress" and still is None:
                problem.status = "open"
                session.add(problem)
    session.delete(meeting)
    session.flush()
    return Removed(attendees=attended, problems=len(links))
