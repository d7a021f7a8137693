"""Tables of the park's own work (issue 7): meetings, funding, welfare claims, the resource
map, chains, brands and the demonstration belt.

Money is kept as whole cents in integer columns: exact on SQLite (which has no decimal type
and would store NUMERIC as a float) and on PostgreSQL alike; services hand out Decimal.
"""

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _in


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- meetings ---------------------------------------------------------------------------

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


# --- funding ----------------------------------------------------------------------------


class MemberCount(SQLModel, table=True):
    """Registered party members of an enterprise's organisation from a date on.

    The row with no date is the baseline: the register's count before the first recorded
    change, in force since records began.
    """

    __tablename__ = "member_count"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "effective_from"),
        CheckConstraint("members >= 0", name="members_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    members: int
    effective_from: dt.date | None = Field(default=None)
    recorded_at: dt.datetime = Field(default_factory=_now)


class FundingAllocation(SQLModel, table=True):
    """The year's work funds of one organisation: members in force on 1 January x rate."""

    __tablename__ = "funding_allocation"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "year"),
        CheckConstraint("members >= 0", name="members_not_negative"),
        CheckConstraint("rate_cents > 0", name="rate_positive"),
        CheckConstraint("amount_cents = members * rate_cents", name="amount_is_members_x_rate"),
    )

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    year: int = Field(index=True)
    members: int
    rate_cents: int = Field(sa_type=BigInteger)
    amount_cents: int = Field(sa_type=BigInteger)
    allocated_at: dt.datetime = Field(default_factory=_now)


class FundingSupport(SQLModel, table=True):
    """Extra support granted to an organisation whose own dues fall short."""

    __tablename__ = "funding_support"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    year: int = Field(index=True)
    amount_cents: int = Field(sa_type=BigInteger)
    reason: str = Field(sa_type=Text)
    granted_on: dt.date
    recorded_at: dt.datetime = Field(default_factory=_now)


class FundingSpending(SQLModel, table=True):
    """Money an organisation spent from its work funds."""

    __tablename__ = "funding_spending"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    date: dt.date = Field(index=True)
    amount_cents: int = Field(sa_type=BigInteger)
    purpose: str = Field(sa_type=Text)
    recorded_at: dt.datetime = Field(default_factory=_now)


# --- public-welfare claims ----------------------------------------------------------------


class WelfareProject(SQLModel, table=True):
    """A project on the station's public-welfare claim list (公益项目认领清单)."""

    __tablename__ = "welfare_project"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    category: str | None = Field(default=None, max_length=64)
    description: str | None = Field(default=None, sa_type=Text)
    created_at: dt.datetime = Field(default_factory=_now)


class WelfareClaim(SQLModel, table=True):
    """An enterprise organisation's claim of a project, and its completion."""

    __tablename__ = "welfare_claim"
    __table_args__ = (
        CheckConstraint(
            "(completed_on IS NULL) = (participants IS NULL)", name="participants_when_done"
        ),
        CheckConstraint("participants IS NULL OR participants >= 1", name="participants_positive"),
        CheckConstraint(
            "completed_on IS NULL OR completed_on >= claimed_on", name="completed_after_claimed"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="welfare_project.id", index=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    claimed_on: dt.date
    # Indexed (revision 0009): points sync reads the claims completed in a period.
    completed_on: dt.date | None = Field(default=None, index=True)
    participants: int | None = Field(default=None)
    note: str | None = Field(default=None, sa_type=Text)
    recorded_at: dt.datetime = Field(default_factory=_now)


# --- the resource map ---------------------------------------------------------------------

RESOURCE_KINDS = [
    "service-centre",
    "studio",
    "live-stream",
    "meeting-room",
    "activity-room",
    "exhibition",
    "other",
]


class Resource(SQLModel, table=True):
    """A shared venue or facility on the park's resource map (园区资源地图)."""

    __tablename__ = "resource"
    __table_args__ = (
        CheckConstraint(_in("kind", RESOURCE_KINDS), name="kind"),
        CheckConstraint("capacity IS NULL OR capacity >= 1", name="capacity_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    kind: str = Field(max_length=32)
    # No owner: the station's own (e.g. the party-service centre).
    owner_id: int | None = Field(default=None, foreign_key="enterprise.id", index=True)
    grid_id: int = Field(foreign_key="grid.id", index=True)
    capacity: int | None = Field(default=None)
    terms: str | None = Field(default=None, sa_type=Text)
    address: str | None = Field(default=None, max_length=300)
    created_at: dt.datetime = Field(default_factory=_now)


class ResourceUse(SQLModel, table=True):
    """One use of a shared resource by another enterprise's organisation."""

    __tablename__ = "resource_use"
    __table_args__ = (
        CheckConstraint("participants IS NULL OR participants >= 1", name="participants_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    resource_id: int = Field(foreign_key="resource.id", index=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    date: dt.date = Field(index=True)
    purpose: str = Field(sa_type=Text)
    participants: int | None = Field(default=None)
    recorded_at: dt.datetime = Field(default_factory=_now)


# --- chains, brands, the demonstration belt -----------------------------------------------


class Chain(SQLModel, table=True):
    """What the ledger knows of a chain committee or the IT alliance beyond its members.

    Membership stays in enterprise.chain; a row here only when a lead or secretary is set.
    """

    __tablename__ = "chain"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=64)
    lead_enterprise_id: int | None = Field(default=None, foreign_key="enterprise.id")
    secretary: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, sa_type=Text)


class Brand(SQLModel, table=True):
    """An enterprise's party-building brand (党建品牌)."""

    __tablename__ = "brand"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    description: str | None = Field(default=None, sa_type=Text)
    since_year: int | None = Field(default=None)
    created_at: dt.datetime = Field(default_factory=_now)


class BeltSite(SQLModel, table=True):
    """A model site of a demonstration belt (示范带), in its place along the belt."""

    __tablename__ = "belt_site"
    __table_args__ = (
        UniqueConstraint("belt", "position"),
        UniqueConstraint("belt", "enterprise_id"),
        CheckConstraint("position >= 1", name="position_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    belt: str = Field(max_length=100)
    position: int
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    feature: str | None = Field(default=None, sa_type=Text)
