"""Tables of organisation: industry chains, brands and the demonstration belt."""

import datetime as dt

from sqlalchemy import CheckConstraint, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _now


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
