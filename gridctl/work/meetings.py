"""Meetings: the monthly group meetings (指导组月度例会), the quarterly group-leader meetings
(组长季度工作例会) and the joint meetings (联席会议), with who attended, the topics, the
decisions and the problems taken up. A hard problem is referred to a joint meeting and the
meeting's outcome recorded against it (solving it, when the meeting did).

One monthly meeting per group and month, one leaders' meeting per quarter, one joint meeting
per day. A meeting may be recorded ahead of its day (so problems can be referred to it).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from gridctl import dates, vocab
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import lang, t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor
from gridctl.ledger.models.meetings import Meeting, MeetingAttendee, MeetingProblem
from gridctl.registers.lookup import find_group, find_supervisor
from gridctl.work.problems import OPEN_STATES, finish_problem

GROUP_KIND = "group-monthly"


def _lines(items: list[str] | None) -> str | None:
    kept = [i.strip() for i in items or [] if i and i.strip()]
    return "\n".join(kept) or None


def _same_period(kind: str, day: date) -> dates.Period:
    if kind == GROUP_KIND:
        return dates.month(f"{day.year:04d}-{day.month:02d}")
    if kind == "leader-quarterly":
        return dates.quarter_of(day)
    return dates.Period(day.isoformat(), day, day + timedelta(days=1))


def find_meeting(session: Session, meeting_id: int, field: str = "MEETING_ID") -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(field, meeting_id, t("detail.meeting.ref"))
    return meeting


def _find_problem(session: Session, problem_id: int, field: str) -> Problem:
    problem = session.get(Problem, problem_id)
    if problem is None:
        raise NotFound(field, problem_id, t("detail.problem_id"))
    return problem


def find_clash(
    session: Session, kind: str, day: date, group_id: int | None, exclude: int | None = None
) -> int | None:
    """The meeting of this kind (and group) already held in the period of `day`, if any
    (other than meeting `exclude`, the one being moved)."""
    period = _same_period(kind, day)
    query = select(Meeting.id).where(
        Meeting.kind == kind,
        Meeting.date >= period.start,
        Meeting.date < period.end,
        Meeting.group_id == group_id if group_id else Meeting.group_id.is_(None),  # type: ignore[union-attr]
    )
    if exclude is not None:
        query = query.where(Meeting.id != exclude)
    return session.exec(query).first()


def check_period(
    session: Session, kind: str, day: date, group_id: int | None, exclude: int | None = None
) -> None:
    """One meeting per period of its kind (and group): the rule of add and of a moved date."""
    clash = find_clash(session, kind, day, group_id, exclude)
    if clash is not None:
        raise Conflict("--date", day.isoformat(), clash_message(clash, kind, day))


def period_of(kind: str, day: date) -> str:
    """The label of the period a meeting of this kind on `day` is the one meeting of."""
    return _same_period(kind, day).label


def clash_message(clash: object, kind: str, day: date) -> str:
    """Why a second meeting of a period is refused; `clash` names the first (its id)."""
    shown = vocab.show(vocab.MEETING_KIND, kind, lang())
    first = t("detail.meeting.no", id=clash) if isinstance(clash, int) else clash
    return t("detail.meeting.clash", id=first, kind=shown, period=period_of(kind, day))


def check_group(kind: str, group: str | None) -> None:
    """Only a monthly group meeting belongs to a group, and it needs one."""
    if kind == GROUP_KIND:
        if not group or not group.strip():
            raise Invalid("--group", group or "", t("detail.meeting.needs_group"))
    elif group:
        raise Invalid("--group", group, t("detail.meeting.group_only_monthly"))


def check_attendee(ref: str, person_group_id: int, group_id: int | None, group_name: str) -> None:
    """An attendee of a group's meeting is one of the group's supervisors."""
    if group_id is not None and person_group_id != group_id:
        raise Invalid("--attendee", ref, t("detail.meeting.not_in_group", group=group_name))


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
    code = vocab.parse(vocab.MEETING_KIND, kind, "--kind")
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
        problem = _find_problem(session, problem_id, "--problem")
        if problem.opened > day:
            raise Invalid(
                "--problem", problem_id, t("detail.meeting.problem_after", opened=problem.opened)
            )
        session.add(MeetingProblem(meeting_id=meeting.id, problem_id=problem.id))
    session.flush()
    return meeting


def _set_attendees(session: Session, meeting: Meeting, people: list[Supervisor]) -> None:
    """The meeting's attendees are exactly `people` from now on."""
    session.execute(delete(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting.id))  # type: ignore[arg-type]
    for person in people:
        session.add(MeetingAttendee(meeting_id=meeting.id, supervisor_id=person.id))


def _meeting_group(session: Session, kind: str, group: str | None) -> GuidanceGroup | None:
    check_group(kind, group)
    return find_group(session, group) if kind == GROUP_KIND and group else None


def _attendees(session: Session, refs: list[str], group: GuidanceGroup | None) -> list[Supervisor]:
    people: dict[int, Supervisor] = {}
    for ref in (r for r in refs if r and r.strip()):
        person = find_supervisor(session, ref, "--attendee")
        if group is not None:
            check_attendee(ref, person.group_id, group.id, group.name)
        people[person.id] = person  # type: ignore[index]
    return list(people.values())


# --- correcting and removing a meeting ---------------------------------------------------


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
    for link in _links(session, meeting.id):  # type: ignore[arg-type]
        if link.outcome is not None:
            raise Invalid(
                "--date",
                day.isoformat(),
                t("detail.meeting_has_outcome", meeting=meeting.id, problem=link.problem_id),
            )
        problem = session.get(Problem, link.problem_id)
        if problem is not None and problem.opened > day:
            raise Invalid(
                "--date",
                day.isoformat(),
                t("detail.meeting_before_problem", problem=problem.id, opened=problem.opened),
            )


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


def delete_meeting(session: Session, *, meeting_id: int) -> dict[str, int]:
    """Remove a meeting with its attendees and the problems taken up at it. Refused while
    an outcome is recorded there (what the meeting decided, maybe solving a problem, stands).
    A problem referred to it and still in progress goes back to open unless it is referred to
    another meeting too. Returns how many attendees and problems were removed with it."""
    meeting = find_meeting(session, meeting_id)
    links = _links(session, meeting_id)
    for link in links:
        if link.outcome is not None:
            raise Conflict(
                "MEETING_ID",
                meeting_id,
                t("detail.meeting_outcome_stays", problem=link.problem_id),
            )
    attended = session.exec(
        select(func.count()).where(MeetingAttendee.meeting_id == meeting_id)
    ).one()
    session.execute(delete(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id))  # type: ignore[arg-type]
    session.execute(delete(MeetingProblem).where(MeetingProblem.meeting_id == meeting_id))  # type: ignore[arg-type]
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
    return {"attendees": attended, "problems": len(links)}


# --- problems taken to meetings ---------------------------------------------------------


def check_joint(meeting_id: object, kind: str) -> None:
    """Problems are referred to a joint meeting only."""
    if kind != "joint":
        raise Invalid(
            "--meeting",
            meeting_id,
            t(
                "detail.meeting.not_joint",
                id=meeting_id,
                kind=vocab.show(vocab.MEETING_KIND, kind, lang()),
            ),
        )


def check_referral(
    *, problem_id: int, status: str, opened: date, meeting_id: object, kind: str, day: date
) -> None:
    """A problem goes to a joint meeting while it is open, at a meeting not before it was
    opened (refer's rules; the import checks its rows with them too)."""
    check_joint(meeting_id, kind)
    if status not in OPEN_STATES:
        raise Invalid(
            "ID",
            problem_id,
            t("detail.problem_done", status=vocab.show(vocab.PROBLEM_STATUS, status, lang())),
        )
    if day < opened:
        raise Invalid(
            "--meeting",
            meeting_id,
            t("detail.meeting.before_problem", day=day, opened=opened),
        )


def check_outcome(
    *, meeting_id: object, day: date, outcome: str | None, today: date | None = None
) -> str:
    """An outcome is recorded once the meeting was held, and says something: its text."""
    if day > (today or date.today()):
        raise Invalid("MEETING_ID", meeting_id, t("detail.meeting.not_held", day=day))
    text = (outcome or "").strip()
    if not text:
        raise Invalid("--outcome", outcome, t("detail.meeting.say_outcome"))
    return text


def refer(
    session: Session, *, problem_id: int, meeting_id: int, note: str | None = None
) -> tuple[Problem, Meeting]:
    """Refer an open problem to a joint meeting; it is then being worked on (in progress)."""
    problem = _find_problem(session, problem_id, "ID")
    meeting = find_meeting(session, meeting_id, "--meeting")
    check_referral(
        problem_id=problem_id,
        status=problem.status,
        opened=problem.opened,
        meeting_id=meeting_id,
        kind=meeting.kind,
        day=meeting.date,
    )
    if session.get(MeetingProblem, (meeting.id, problem.id)) is not None:
        raise Conflict("ID", problem_id, t("detail.meeting.referred", id=meeting_id))
    session.add(
        MeetingProblem(
            meeting_id=meeting.id, problem_id=problem.id, note=(note or "").strip() or None
        )
    )
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
        raise NotFound("PROBLEM_ID", problem_id, t("detail.meeting.taken_up", id=meeting_id))
    link.outcome = text
    link.outcome_on = meeting.date
    session.add(link)
    if solved:
        finish_problem(session, problem_id=problem_id, note=text, day=meeting.date)
    session.flush()
    return link


# --- listing ----------------------------------------------------------------------------


def meeting_rows(
    session: Session,
    *,
    kind: str | None = None,
    group: str | None = None,
    period: dates.Period | None = None,
) -> list[dict[str, object]]:
    attended = (
        select(func.count())
        .select_from(MeetingAttendee)
        .where(MeetingAttendee.meeting_id == Meeting.id)
        .scalar_subquery()
    )
    taken_up = (
        select(func.count())
        .select_from(MeetingProblem)
        .where(MeetingProblem.meeting_id == Meeting.id)
        .scalar_subquery()
    )
    query = (
        select(Meeting, GuidanceGroup.name, attended, taken_up)
        .outerjoin(GuidanceGroup, GuidanceGroup.id == Meeting.group_id)
        .order_by(Meeting.date, Meeting.id)
    )
    if kind:
        query = query.where(Meeting.kind == vocab.parse(vocab.MEETING_KIND, kind, "--kind"))
    if group:
        query = query.where(Meeting.group_id == find_group(session, group).id)
    if period is not None:
        query = query.where(Meeting.date >= period.start, Meeting.date < period.end)
    return [
        {
            "id": m.id,
            "date": m.date.isoformat(),
            "kind": m.kind,
            "group": gname or "",
            "title": m.title or "",
            "attendees": n_att,
            "problems": n_prob,
        }
        for m, gname, n_att, n_prob in session.exec(query).all()
    ]


def meeting_detail(session: Session, meeting_id: int) -> dict[str, object]:
    meeting = find_meeting(session, meeting_id)
    group = session.get(GuidanceGroup, meeting.group_id) if meeting.group_id else None
    people = session.exec(
        select(Supervisor.code, Supervisor.name)
        .join(MeetingAttendee, MeetingAttendee.supervisor_id == Supervisor.id)
        .where(MeetingAttendee.meeting_id == meeting.id)
        .order_by(Supervisor.code)
    ).all()
    problems = session.exec(
        select(MeetingProblem, Problem, Enterprise.name)
        .join(Problem, Problem.id == MeetingProblem.problem_id)
        .join(Enterprise, Enterprise.id == Problem.enterprise_id)
        .where(MeetingProblem.meeting_id == meeting.id)
        .order_by(col(Problem.id))
    ).all()
    return {
        "id": meeting.id,
        "date": meeting.date.isoformat(),
        "kind": meeting.kind,
        "group": group.name if group else "",
        "title": meeting.title or "",
        "topics": (meeting.topics or "").splitlines(),
        "decisions": (meeting.decisions or "").splitlines(),
        "attendees": [{"code": c, "name": n} for c, n in people],
        "problems": [
            {
                "id": p.id,
                "enterprise": ename,
                "description": p.description,
                "status": p.status,
                "note": link.note or "",
                "outcome": link.outcome or "",
            }
            for link, p, ename in problems
        ],
    }
