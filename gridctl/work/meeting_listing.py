"""Meetings as they are listed and shown: the list (with how many attended and how many
problems each took up) and one meeting's whole record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl import dates, vocab
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor
from gridctl.ledger.models.meetings import Meeting, MeetingAttendee, MeetingProblem
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_group
from gridctl.work.meetings import find_meeting


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A meeting as the list shows it, with how many attended and problems it took up."""

    id: int
    date: str
    kind: str
    group: str
    title: str
    attendees: int
    problems: int


@dataclass(frozen=True, slots=True)
class Attendee:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class TakenUp:
    """A problem a meeting took up, with the note it came with and the meeting's outcome."""

    id: int
    enterprise: str
    description: str
    status: str
    note: str
    outcome: str


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    id: int
    date: str
    kind: str
    group: str
    title: str
    topics: list[str]
    decisions: list[str]
    attendees: list[Attendee]
    problems: list[TakenUp]


def meeting_rows(
    session: Session,
    *,
    kind: str | None = None,
    group: str | None = None,
    period: dates.Period | None = None,
) -> list[MeetingRow]:
    attended = (
        select(func.count())
        .select_from(MeetingAttendee)
        .where(col(MeetingAttendee.meeting_id) == col(Meeting.id))
        .scalar_subquery()
    )
    taken_up = (
        select(func.count())
        .select_from(MeetingProblem)
        .where(col(MeetingProblem.meeting_id) == col(Meeting.id))
        .scalar_subquery()
    )
    query = (
        select(Meeting, GuidanceGroup.name, attended, taken_up)
        .outerjoin(GuidanceGroup, col(GuidanceGroup.id) == col(Meeting.group_id))
        .order_by(col(Meeting.date), col(Meeting.id))
    )
    if kind:
        query = query.where(Meeting.kind == vocab.parse(vocab.MEETING_KIND, kind, "kind"))
    if group:
        query = query.where(Meeting.group_id == find_group(session, group).id)
    if period is not None:
        query = query.where(col(Meeting.date) >= period.start, col(Meeting.date) < period.end)
    return [
        MeetingRow(
            id=id_of(m),
            date=m.date.isoformat(),
            kind=m.kind,
            group=gname or "",
            title=m.title or "",
            attendees=n_att,
            problems=n_prob,
        )
        for m, gname, n_att, n_prob in session.exec(query).all()
    ]


def meeting_detail(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = find_meeting(session, meeting_id)
    group = session.get(GuidanceGroup, meeting.group_id) if meeting.group_id else None
    people = session.exec(
        select(Supervisor.code, Supervisor.name)
        .join(MeetingAttendee, col(MeetingAttendee.supervisor_id) == col(Supervisor.id))
        .where(MeetingAttendee.meeting_id == meeting.id)
        .order_by(col(Supervisor.code))
    ).all()
    problems = session.exec(
        select(MeetingProblem, Problem, Enterprise.name)
        .join(Problem, col(Problem.id) == col(MeetingProblem.problem_id))
        .join(Enterprise, col(Enterprise.id) == col(Problem.enterprise_id))
        .where(MeetingProblem.meeting_id == meeting.id)
        .order_by(col(Problem.id))
    ).all()
    return MeetingDetail(
        id=id_of(meeting),
        date=meeting.date.isoformat(),
        kind=meeting.kind,
        group=group.name if group else "",
        title=meeting.title or "",
        topics=(meeting.topics or "").splitlines(),
        decisions=(meeting.decisions or "").splitlines(),
        attendees=[Attendee(code=c, name=n) for c, n in people],
        problems=[
            TakenUp(
                id=id_of(p),
                enterprise=ename,
                description=p.description,
                status=p.status,
                note=link.note or "",
                outcome=link.outcome or "",
            )
            for link, p, ename in problems
        ],
    )
