"""Tables of sharing: welfare projects and claims, the resource map and its uses."""

import datetime as dt

from sqlalchemy import CheckConstraint, Text
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _in, _now


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
