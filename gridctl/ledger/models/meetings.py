"""Tables of meetings: group, leader and joint meetings, attendees, referred problems."""

import datetime as dt

from sqlalchemy import CheckConstraint, Text
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _in, _now

MEETING_KINDS = ["group-monthly", "leader-quarterly", "joint"]


class Meeting(SQLModel, table=True):
    """A monthly group meeting, a quarterly group-leader meeting, or a joint meeting."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint(_in("kind", MEETING_KINDS), name="kind"),
        # Only a group's monthly meeting belongs to a group.
        CheckConstraint(
            "(kind = 'group-monthly') = (group_id IS NOT NULL)", name="group_for_group_meeting"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    date: dt.date = Field(index=True)
    group_id: int | None = Field(default=None, foreign_key="guidance_group.id", index=True)
    title: str | None = Field(default=None, max_length=200)
    topics: str | None = Field(default=None, sa_type=Text)
    decisions: str | None = Field(default=None, sa_type=Text)
    recorded_at: dt.datetime = Field(default_factory=_now)


class MeetingAttendee(SQLModel, table=True):
    """A supervisor who attended a meeting."""

    __tablename__ = "meeting_attendee"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisor.id", primary_key=True, index=True)


class MeetingProblem(SQLModel, table=True):
    """A problem taken up at a meeting (at a joint meeting: referred to it), and the outcome."""

    __tablename__ = "meeting_problem"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    problem_id: int = Field(foreign_key="problem.id", primary_key=True, index=True)
    note: str | None = Field(default=None, sa_type=Text)
    outcome: str | None = Field(default=None, sa_type=Text)
    outcome_on: dt.date | None = Field(default=None)
